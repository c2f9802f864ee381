"use client";

import type { Invite } from "@parley/protocol";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { describeError } from "../api/api-error";
import { queryKeys } from "../api/query-keys";
import styles from "../moderation/moderation.module.css";
import { formatWhen } from "../moderation/moderation-text";
import { EXPIRY_CHOICES, inviteState, MAX_USE_CHOICES, usesText } from "./invite-text";
import links from "./invites.module.css";
import { createInvite, invitesQuery, inviteUrl, revokeInvite } from "./invites-api";

/** Moderators and above: make a shareable link (shown once), list the links, revoke them. */
export function InviteLinks({ roomId }: { roomId: string }) {
  const queryClient = useQueryClient();
  const invites = useQuery(invitesQuery(roomId));
  const [expiry, setExpiry] = useState<string>(EXPIRY_CHOICES[1].value);
  const [maxUses, setMaxUses] = useState<string>(MAX_USE_CHOICES[0].value);
  const [link, setLink] = useState<string | null>(null);
  const expiryId = useId();
  const usesId = useId();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.invites(roomId) });
  const create = useMutation({
    mutationFn: () =>
      createInvite(roomId, {
        expiresInSeconds: EXPIRY_CHOICES.find((c) => c.value === expiry)?.seconds,
        maxUses: MAX_USE_CHOICES.find((c) => c.value === maxUses)?.uses,
      }),
    onSuccess: ({ code }) => {
      setLink(inviteUrl(window.location.origin, code));
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (inviteId: string) => revokeInvite(roomId, inviteId),
    onSettled: refresh,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setLink(null);
    create.mutate();
  }

  const now = new Date();
  const active = invites.data?.filter((i) => inviteState(i, now) === "active") ?? [];

  return (
    <>
      <p className={styles.muted}>
        Anyone with a link can join this room, even a private one — unless they are banned.
      </p>
      <form className={links.form} onSubmit={submit}>
        <div className={links.fields}>
          <div className="field">
            <label className="label" htmlFor={expiryId}>
              Expires after
            </label>
            <select
              id={expiryId}
              className="input"
              value={expiry}
              onChange={(e) => setExpiry(e.target.value)}
            >
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="label" htmlFor={usesId}>
              Max uses
            </label>
            <select
              id={usesId}
              className="input"
              value={maxUses}
              onChange={(e) => setMaxUses(e.target.value)}
            >
              {MAX_USE_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          Create invite link
        </button>
      </form>
      {create.isError && (
        <p className="alert" role="alert">
          Could not create the link: {describeError(create.error)}
        </p>
      )}
      {link && <NewLink link={link} />}
      <section aria-label="Active invite links" className={styles.section}>
        <h3 className={styles.sectionTitle}>Active links</h3>
        {revoke.isError && (
          <p className="alert" role="alert">
            Could not revoke the link: {describeError(revoke.error)}
          </p>
        )}
        {invites.isPending ? (
          <div className={`skeleton ${styles.skeletonLine}`} />
        ) : invites.isError ? (
          <p className={styles.muted}>Could not load the links. {describeError(invites.error)}</p>
        ) : active.length === 0 ? (
          <p className={styles.muted}>No active invite links.</p>
        ) : (
          <ul className={styles.list}>
            {active.map((invite) => (
              <InviteRow
                key={invite.id}
                invite={invite}
                revoking={revoke.isPending && revoke.variables === invite.id}
                onRevoke={() => revoke.mutate(invite.id)}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function NewLink({ link }: { link: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const inputId = useId();
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("yes");
    } catch {
      // No clipboard permission (or not a secure context): the text stays selectable.
      setCopied("failed");
      (document.getElementById(inputId) as HTMLInputElement | null)?.select();
    }
  }
  return (
    <div className={links.newLink}>
      <label className="label" htmlFor={inputId}>
        New invite link
      </label>
      <div className={links.copyRow}>
        <input id={inputId} className="input" readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" className="btn" onClick={() => void copy()}>
          Copy link
        </button>
      </div>
      <p className="hint" role="status">
        {copied === "yes"
          ? "Copied to the clipboard."
          : copied === "failed"
            ? "Could not copy: select the link and copy it yourself."
            : "Copy it now: it is not shown again."}
      </p>
    </div>
  );
}

function InviteRow({
  invite,
  revoking,
  onRevoke,
}: {
  invite: Invite;
  revoking: boolean;
  onRevoke: () => void;
}) {
  const created = formatWhen(invite.createdAt);
  return (
    <li className={styles.row}>
      <div className={styles.rowInfo}>
        <span className={styles.rowName}>{usesText(invite)}</span>
        <span className={styles.rowMeta}>
          {invite.expiresAt ? `Expires ${formatWhen(invite.expiresAt)}` : "Never expires"}
        </span>
        <span className={styles.rowMeta}>
          Made by {invite.createdBy.displayName}, {created}
        </span>
      </div>
      <button
        type="button"
        className="btn btn-small btn-danger"
        disabled={revoking}
        aria-label={`Revoke the link made by ${invite.createdBy.displayName} on ${created}`}
        onClick={onRevoke}
      >
        Revoke
      </button>
    </li>
  );
}
