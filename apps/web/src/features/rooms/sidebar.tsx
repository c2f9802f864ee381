"use client";

import type { Room } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useId, useMemo, useState } from "react";
import { AdminLink } from "../admin/admin-link";
import { useCurrentUser } from "../auth/current-user";
import { SignOutButton } from "../auth/sign-out-button";
import { ConversationAvatar } from "../conversations/conversation-avatar";
import { conversationName, groupRooms } from "../conversations/conversation-name";
import { NewMessageDialog } from "../conversations/new-message-dialog";
import { InboxLink } from "../notifications/inbox-link";
import { MutedMark } from "../notifications/muted-mark";
import { AvatarWithPresence, WithPresence } from "../presence/presence-dot";
import { MyProfileButton } from "../profile/my-profile-button";
import { InstallHint } from "../pwa/install-hint";
import { OfflineNotice } from "../pwa/offline-notice";
import { MarkAllRead } from "../reading/mark-all-read";
import { readStatesQuery } from "../reading/read-states";
import { UnreadBadge } from "../reading/unread-badge";
import { SettingsLink } from "../settings/settings-link";
import { useOpenCreateRoom } from "../shell/create-room-context";
import { ThreadsLink } from "../threads/threads-link";
import { ComposeIcon, PlusIcon, SearchIcon } from "../ui/icons";
import { RoomGlyph } from "../ui/room-glyph";
import { RoomPicture } from "../ui/room-picture";
import { myRoomsQuery } from "./room-queries";
import styles from "./sidebar.module.css";

/**
 * Two sections, as in Slack: the channels one is in, then direct messages (1:1 and groups).
 * Each is its own navigation landmark, so "Rooms" and "Direct messages" can be jumped to.
 */
export function Sidebar() {
  const user = useCurrentUser();
  const rooms = useQuery(myRoomsQuery);
  const reads = useQuery(readStatesQuery).data;
  const pathname = usePathname();
  const openCreate = useOpenCreateRoom();
  const [composing, setComposing] = useState(false);
  const sections = useMemo(() => (rooms.data ? groupRooms(rooms.data) : null), [rooms.data]);
  const roomsHeading = useId();
  const dmsHeading = useId();

  const linkTo = (room: Room, icon: ReactNode) => {
    const href = `/rooms/${room.id}`;
    const read = reads?.[room.id];
    const muted = room.myNotify === "mute";
    // Bold when there is something new for me; a muted room only for a mention.
    const unread = read !== undefined && (read.mentionCount > 0 || (!muted && read.unreadCount > 0));
    return (
      <li key={room.id}>
        <Link
          href={href}
          className={styles.link}
          aria-current={pathname === href ? "page" : undefined}
          data-unread={unread || undefined}
        >
          {icon}
          <span className={styles.name} data-room-name>
            {conversationName(room)}
          </span>
          {room.visibility === "private" && room.kind === "channel" && (
            <span className="visually-hidden"> (private)</span>
          )}
          <MutedMark level={room.myNotify} />
          <UnreadBadge read={read} muted={muted} />
        </Link>
      </li>
    );
  };

  return (
    <div className={styles.sidebar}>
      <div className={styles.brand}>
        {/* biome-ignore lint/performance/noImgElement: a tiny static SVG; next/image adds nothing here. */}
        <img src="/favicon.svg" alt="" />
        Parley
      </div>
      <div className={styles.nav}>
        <nav aria-labelledby={roomsHeading}>
          <div className={styles.sectionHeader}>
            <h2 className={styles.sectionTitle} id={roomsHeading}>
              Rooms
            </h2>
            <MarkAllRead />
          </div>
          <SectionState
            rooms={rooms}
            what="rooms"
            empty="You have not joined any rooms yet."
            items={sections?.channels}
          >
            {(channels) => (
              <ul className={styles.list}>
                {channels.map((room) =>
                  linkTo(
                    room,
                    room.avatarThumbUrl ? (
                      <RoomPicture url={room.avatarThumbUrl} size={18} />
                    ) : (
                      <RoomGlyph visibility={room.visibility} className={styles.hash} />
                    ),
                  ),
                )}
              </ul>
            )}
          </SectionState>
          <div className={styles.actions}>
            <InboxLink />
            <ThreadsLink />
            <Link
              href="/rooms/browse"
              className={styles.link}
              aria-current={pathname === "/rooms/browse" ? "page" : undefined}
            >
              <span className={styles.actionIcon}>
                <SearchIcon />
              </span>
              Browse rooms
            </Link>
            <SettingsLink />
            <AdminLink />
            <button type="button" className={`${styles.link} ${styles.action}`} onClick={openCreate}>
              <span className={styles.actionIcon}>
                <PlusIcon />
              </span>
              Create room
            </button>
          </div>
        </nav>
        <nav aria-labelledby={dmsHeading} className={styles.section}>
          <h2 className={styles.sectionTitle} id={dmsHeading}>
            Direct messages
          </h2>
          <SectionState
            rooms={rooms}
            what="conversations"
            empty="Message someone directly, or a few people at once."
            items={sections?.conversations}
          >
            {(conversations) => (
              <ul className={styles.list}>
                {conversations.map((room) =>
                  linkTo(
                    room,
                    <span className={styles.face}>
                      {room.kind === "dm" && room.people[0] ? (
                        <WithPresence userId={room.people[0].id} dotSize={8} tone="dark" labelled={false}>
                          <ConversationAvatar room={room} size={20} />
                        </WithPresence>
                      ) : (
                        <ConversationAvatar room={room} size={20} />
                      )}
                    </span>,
                  ),
                )}
              </ul>
            )}
          </SectionState>
          <div className={styles.actions}>
            <button
              type="button"
              className={`${styles.link} ${styles.action}`}
              onClick={() => setComposing(true)}
            >
              <span className={styles.actionIcon}>
                <ComposeIcon />
              </span>
              New message
            </button>
          </div>
        </nav>
      </div>
      <OfflineNotice />
      <InstallHint />
      <div className={styles.user}>
        <MyProfileButton>
          <AvatarWithPresence userId={user.id} name={user.displayName} size={32} tone="dark" />
        </MyProfileButton>
        <SignOutButton className={styles.signOut} />
      </div>
      <NewMessageDialog open={composing} onClose={() => setComposing(false)} />
    </div>
  );
}

/** One section's list, or its loading skeleton, its error with Retry, or its empty hint. */
function SectionState({
  rooms,
  what,
  empty,
  items,
  children,
}: {
  rooms: { isError: boolean; refetch: () => unknown };
  what: string;
  empty: string;
  items: Room[] | undefined;
  children: (items: Room[]) => ReactNode;
}) {
  // Data first: a failed background refresh keeps showing the list it has.
  if (items) return items.length === 0 ? <p className={styles.empty}>{empty}</p> : children(items);
  if (rooms.isError) {
    return (
      <p className={styles.empty}>
        Could not load your {what}.{" "}
        <button type="button" className={styles.signOut} onClick={() => void rooms.refetch()}>
          Retry
        </button>
      </p>
    );
  }
  return (
    <div aria-hidden="true">
      <div className={styles.skeleton} />
      <div className={styles.skeleton} style={{ width: "60%" }} />
    </div>
  );
}
