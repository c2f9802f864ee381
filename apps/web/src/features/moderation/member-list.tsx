"use client";

import type { BanRequest, Member, PublicUser, Room } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "../api/api-error";
import { useCurrentUser } from "../auth/current-user";
import { formatClock } from "../messages/format-time";
import { WithPresence } from "../presence/presence-dot";
import { ProfileName } from "../profile/profile-name";
import { ProfileTrigger } from "../profile/profile-trigger";
import { ActionMenu, type MenuItem } from "../ui/action-menu";
import { Avatar } from "../ui/avatar";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { LinkIcon, ShieldIcon } from "../ui/icons";
import { BanDialog } from "./ban-dialog";
import { BannedList } from "./banned-list";
import type { PanelView } from "./members-panel";
import styles from "./moderation.module.css";
import type { ModerationRequest } from "./moderation-api";
import { membersQuery } from "./moderation-api";
import { formatWhen } from "./moderation-text";
import { atLeast, isMuted, type MemberAction, memberActions, ROLE_LABEL } from "./ranks";
import { useModerate } from "./use-moderate";

type Feedback = { ok: boolean; text: string };

/** What each request is, in words: for the success line and for the error. */
function words(request: ModerationRequest, name: string, action?: MemberAction) {
  switch (request.kind) {
    case "mute":
      return {
        doing: `mute ${name}`,
        done: `${name} is muted for ${action?.kind === "mute" ? action.duration : "a while"}`,
      };
    case "unmute":
      return { doing: `unmute ${name}`, done: `${name} can post again` };
    case "role":
      return {
        doing: `change ${name}'s role`,
        done: `${name} is now ${request.role === "admin" ? "an admin" : `a ${request.role}`}`,
      };
    case "kick":
      return { doing: `kick ${name}`, done: `${name} was kicked` };
    case "ban":
      return { doing: `ban ${name}`, done: `${name} was banned` };
    case "unban":
      return { doing: `lift ${name}'s ban`, done: `${name}'s ban was lifted` };
  }
}

export function MemberList({ room, onShow }: { room: Room; onShow: (view: PanelView) => void }) {
  const me = useCurrentUser();
  const members = useQuery(membersQuery(room.id));
  const moderate = useModerate(room.id);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [kicking, setKicking] = useState<PublicUser | null>(null);
  const [banning, setBanning] = useState<PublicUser | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const isModerator = atLeast(room.myRole, "moderator");

  /** Sends a request; a dialog's error shows in the dialog, others above the list. */
  function run(
    request: ModerationRequest,
    name: string,
    options: { action?: MemberAction; inDialog?: boolean } = {},
  ) {
    const text = words(request, name, options.action);
    setFeedback(null);
    setDialogError(null);
    moderate.mutate(request, {
      onSuccess: () => {
        setKicking(null);
        setBanning(null);
        setFeedback({ ok: true, text: text.done });
      },
      onError: (error) => {
        const message = `Could not ${text.doing}: ${describeError(error)}`;
        if (options.inDialog) setDialogError(message);
        else setFeedback({ ok: false, text: message });
      },
    });
  }

  function openDialog(open: (user: PublicUser) => void, user: PublicUser) {
    setDialogError(null);
    open(user);
  }

  function menuItems(member: Member): MenuItem[] {
    const { user } = member;
    return memberActions({ id: me.id, role: room.myRole }, member).map((action): MenuItem => {
      if (action.kind === "kick") {
        return {
          label: action.label,
          danger: true,
          separated: true,
          onSelect: () => openDialog(setKicking, user),
        };
      }
      if (action.kind === "ban") {
        return { label: action.label, danger: true, onSelect: () => openDialog(setBanning, user) };
      }
      const request: ModerationRequest =
        action.kind === "mute"
          ? { kind: "mute", userId: user.id, seconds: action.seconds }
          : action.kind === "unmute"
            ? { kind: "unmute", userId: user.id }
            : { kind: "role", userId: user.id, role: action.role };
      return { label: action.label, onSelect: () => run(request, user.displayName, { action }) };
    });
  }

  return (
    <>
      {(isModerator || atLeast(room.myRole, "admin")) && (
        <div className={styles.tools}>
          {isModerator && room.kind === "channel" && (
            <button type="button" className="btn btn-small" onClick={() => onShow("invites")}>
              <LinkIcon /> Invite link
            </button>
          )}
          {atLeast(room.myRole, "admin") && (
            <button type="button" className="btn btn-small" onClick={() => onShow("log")}>
              <ShieldIcon /> Moderation log
            </button>
          )}
        </div>
      )}
      <div aria-live="polite">
        {feedback && (
          <p className={feedback.ok ? styles.ok : "alert"} role={feedback.ok ? "status" : "alert"}>
            {feedback.text}
          </p>
        )}
      </div>
      {members.isPending ? (
        <div aria-busy="true" className={styles.skeletons}>
          <span className="visually-hidden">Loading members…</span>
          <div className="skeleton" />
          <div className="skeleton" />
          <div className="skeleton" />
        </div>
      ) : members.isError ? (
        <div className={styles.empty}>
          <p>Could not load the members. {describeError(members.error)}</p>
          <button type="button" className="btn btn-small" onClick={() => void members.refetch()}>
            Try again
          </button>
        </div>
      ) : (
        <section aria-label="Members">
          <h3 className={styles.sectionTitle}>
            {members.data.length === 1 ? "1 member" : `${members.data.length} members`}
          </h3>
          <ul className={styles.list}>
            {members.data.map((member) => (
              <MemberRow
                key={member.user.id}
                member={member}
                isMe={member.user.id === me.id}
                items={menuItems(member)}
              />
            ))}
          </ul>
        </section>
      )}
      {isModerator && (
        <BannedList
          roomId={room.id}
          onUnban={(user) => run({ kind: "unban", userId: user.id }, user.displayName)}
        />
      )}
      <ConfirmDialog
        open={kicking !== null}
        title={`Kick ${kicking?.displayName ?? ""}?`}
        confirmLabel="Kick"
        pending={moderate.isPending}
        error={dialogError}
        onClose={() => setKicking(null)}
        onConfirm={() =>
          kicking && run({ kind: "kick", userId: kicking.id }, kicking.displayName, { inDialog: true })
        }
      >
        {kicking?.displayName} will be removed from #{room.name} at once. They can join again later.
      </ConfirmDialog>
      <BanDialog
        user={banning}
        roomName={room.name}
        pending={moderate.isPending}
        error={dialogError}
        onClose={() => setBanning(null)}
        onBan={(ban: BanRequest) =>
          banning && run({ kind: "ban", userId: banning.id, ban }, banning.displayName, { inDialog: true })
        }
      />
    </>
  );
}

function MemberRow({ member, isMe, items }: { member: Member; isMe: boolean; items: MenuItem[] }) {
  const { user, role, mutedUntil } = member;
  const muted = isMuted(mutedUntil, new Date());
  return (
    <li className={styles.row}>
      {/* The dot outside the (screen-reader-hidden) avatar button, so its status is heard. */}
      <WithPresence userId={user.id}>
        <ProfileTrigger userId={user.id} name={user.displayName} decorative>
          <Avatar userId={user.id} name={user.displayName} size={32} />
        </ProfileTrigger>
      </WithPresence>
      <div className={styles.rowInfo}>
        <span className={styles.rowName}>
          <ProfileTrigger userId={user.id} name={user.displayName}>
            <ProfileName userId={user.id} name={user.displayName} />
          </ProfileTrigger>
          {isMe && <span className={styles.you}> (you)</span>}
        </span>
        {(role !== "member" || muted) && (
          <span className={styles.badges}>
            {role !== "member" && <span className="badge badge-accent">{ROLE_LABEL[role]}</span>}
            {muted && mutedUntil && (
              <span className="badge badge-warning" title={`Muted until ${formatWhen(mutedUntil)}`}>
                Muted<span className="visually-hidden"> until {formatClock(mutedUntil)}</span>
              </span>
            )}
          </span>
        )}
      </div>
      {items.length > 0 && <ActionMenu label={`Actions for ${user.displayName}`} items={items} />}
    </li>
  );
}
