"use client";

import type { Room } from "@parley/protocol";
import { useRouter } from "next/navigation";
import { type ReactElement, useState } from "react";
import { describeError } from "../api/api-error";
import { ConversationAvatar } from "../conversations/conversation-avatar";
import { conversationName, isConversation } from "../conversations/conversation-name";
import { NotifyLevelButton } from "../notifications/notify-level-button";
import { AddPeopleButton } from "../people/add-people-button";
import { PresenceStatus } from "../presence/presence-status";
import { RoomSettingsButton } from "../room-settings/room-settings-button";
import { SearchButton } from "../search/search-bar";
import { BackToRooms } from "../shell/back-to-rooms";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { LeaveIcon, UsersIcon } from "../ui/icons";
import { RoomGlyph } from "../ui/room-glyph";
import { RoomPicture } from "../ui/room-picture";
import styles from "./room.module.css";
import { useLeaveRoom } from "./room-mutations";

export function memberCountLabel(count: number): string {
  return count === 1 ? "1 member" : `${count.toLocaleString()} members`;
}

/**
 * A channel: its name, privacy, members and topic, with "Add people" (and settings, for its
 * admins). A conversation: the person (or the group's names) instead, and none of a channel's
 * actions — nobody can be added to a conversation, and a 1:1 cannot be left.
 */
export function RoomHeader({
  room,
  membersOpen,
  membersPanelId,
  onToggleMembers,
}: {
  room: Room;
  membersOpen: boolean;
  membersPanelId: string;
  onToggleMembers: () => void;
}) {
  const conversation = isConversation(room);
  const name = conversationName(room);
  return (
    <header className={styles.header}>
      <BackToRooms className={styles.back} />
      {conversation && <ConversationAvatar room={room} size={36} />}
      {!conversation && room.avatarThumbUrl && <RoomPicture url={room.avatarThumbUrl} size={36} />}
      <div className={styles.titles}>
        <h1 className={styles.name} title={conversation ? name : undefined}>
          {!conversation && !room.avatarThumbUrl && (
            <RoomGlyph visibility={room.visibility} className={styles.hash} size={17} />
          )}
          <span>{name}</span>
        </h1>
        <p className={styles.sub}>
          {/* A 1:1's first fact is whether the person is around. */}
          {room.kind === "dm" && room.people[0] && (
            <PresenceStatus
              userId={room.people[0].id}
              trailing={
                <span className={styles.dot} aria-hidden="true">
                  ·
                </span>
              }
            />
          )}
          <Details items={conversation ? conversationDetails(room) : channelDetails(room)} />
        </p>
      </div>
      {room.kind === "channel" && room.myRole !== null && (
        <AddPeopleButton
          room={room}
          className={`${styles.headerButton} ${styles.desktopOnly}`}
          labelClassName={styles.headerButtonText}
        />
      )}
      {/* A 1:1 has nobody to list but the person in the title. */}
      {room.kind !== "dm" && (
        <button
          type="button"
          className={`btn ${membersOpen ? "btn-primary" : ""} ${styles.headerButton}`}
          aria-expanded={membersOpen}
          aria-controls={membersOpen ? membersPanelId : undefined}
          aria-label="Members"
          onClick={onToggleMembers}
        >
          <UsersIcon />
          <span className={styles.headerButtonText}>Members</span>
        </button>
      )}
      <SearchButton className={styles.headerButton} />
      <NotifyLevelButton room={room} />
      {/* Decides for itself: only a channel's admins and owner see it. */}
      {room.kind === "channel" && <RoomSettingsButton room={room} />}
      {room.myRole !== null && room.kind !== "dm" && <LeaveButton room={room} />}
    </header>
  );
}

/** The line under the name: short facts separated by dots (each fact keyed by what it is). */
function Details({ items }: { items: ReactElement[] }) {
  return items.flatMap((item, index) =>
    index === 0
      ? [item]
      : [
          <span key={`dot-${item.key}`} className={styles.dot} aria-hidden="true">
            ·
          </span>,
          item,
        ],
  );
}

function channelDetails(room: Room): ReactElement[] {
  const items: ReactElement[] = [];
  if (room.visibility === "private") items.push(<span key="private">Private</span>);
  items.push(<span key="members">{memberCountLabel(room.memberCount)}</span>);
  if (room.archived) items.push(<span key="archived">Archived</span>);
  if (room.topic) {
    items.push(
      <span key="topic" className={styles.topic} title={room.topic}>
        {room.topic}
      </span>,
    );
  }
  return items;
}

function conversationDetails(room: Room): ReactElement[] {
  if (room.kind === "dm") return [<span key="kind">Direct message</span>];
  return [<span key="kind">Group</span>, <span key="members">{room.memberCount} people</span>];
}

/**
 * Leaving a channel is undone by joining again; leaving a group is for good (nobody can add
 * anyone to a conversation), so that one asks first.
 */
function LeaveButton({ room }: { room: Room }) {
  const router = useRouter();
  const leave = useLeaveRoom();
  const [confirming, setConfirming] = useState(false);
  const doLeave = () => leave.mutate(room.id, { onSuccess: () => router.replace("/rooms") });
  const group = room.kind === "group";
  return (
    <>
      <button
        type="button"
        className={`btn btn-danger ${styles.leave}`}
        aria-label={group ? "Leave" : "Leave room"}
        disabled={leave.isPending}
        title={leave.isError && !group ? describeError(leave.error) : undefined}
        onClick={() => {
          if (!group) return doLeave();
          leave.reset();
          setConfirming(true);
        }}
      >
        <LeaveIcon />
        {/* On a phone the icon alone: the room's name needs the width. */}
        <span className={styles.headerButtonText}>{group ? "Leave" : "Leave room"}</span>
      </button>
      {group && (
        <ConfirmDialog
          open={confirming}
          title="Leave this conversation?"
          confirmLabel="Leave conversation"
          pending={leave.isPending}
          error={leave.isError ? describeError(leave.error) : null}
          onConfirm={doLeave}
          onClose={() => setConfirming(false)}
        >
          You will no longer see new messages from {conversationName(room)}, and nobody can add you back.
        </ConfirmDialog>
      )}
    </>
  );
}
