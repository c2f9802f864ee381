"use client";

import type { Room } from "@parley/protocol";
import { useEffect, useId, useRef, useState } from "react";
import { InviteLinks } from "../invites/invite-links";
import { AddPeopleButton } from "../people/add-people-button";
import { ArrowLeftIcon, CloseIcon } from "../ui/icons";
import { AuditLog } from "./audit-log";
import { MemberList } from "./member-list";
import styles from "./moderation.module.css";

export type PanelView = "members" | "invites" | "log";

const TITLES: Record<PanelView, string> = {
  members: "Members",
  invites: "Invite links",
  log: "Moderation log",
};

/**
 * The room's side panel: members (with the moderation menu), and from there the invite links
 * and the moderation log. Beside the messages on desktop; it covers the screen on phones.
 */
export function MembersPanel({ id, room, onClose }: { id: string; room: Room; onClose: () => void }) {
  const [view, setView] = useState<PanelView>("members");
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  // Focus follows the panel (and each view in it), so a keyboard or screen-reader user lands there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run whenever the view changes.
  useEffect(() => heading.current?.focus(), [view]);

  return (
    <aside id={id} className={styles.panel} aria-labelledby={headingId}>
      <div className={styles.panelHead}>
        {view !== "members" && (
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label="Back to members"
            onClick={() => setView("members")}
          >
            <ArrowLeftIcon />
          </button>
        )}
        <h2 ref={heading} id={headingId} tabIndex={-1} className={styles.panelTitle}>
          {TITLES[view]}
        </h2>
        {/* On phones "Add people" lives here: the room header leaves its width to the name. */}
        {view === "members" && room.kind === "channel" && room.myRole !== null && (
          <AddPeopleButton room={room} className={`btn-small ${styles.phoneAdd}`} />
        )}
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          aria-label="Close members panel"
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </div>
      <div className={styles.panelBody}>
        {view === "members" ? (
          <MemberList room={room} onShow={setView} />
        ) : view === "invites" ? (
          <InviteLinks roomId={room.id} />
        ) : (
          <AuditLog roomId={room.id} />
        )}
      </div>
    </aside>
  );
}
