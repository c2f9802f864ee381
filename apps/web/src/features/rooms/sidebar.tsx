"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCurrentUser } from "../auth/current-user";
import { SignOutButton } from "../auth/sign-out-button";
import { useOpenCreateRoom } from "../shell/create-room-context";
import { Avatar } from "../ui/avatar";
import { PlusIcon, SearchIcon } from "../ui/icons";
import { RoomGlyph } from "../ui/room-glyph";
import { myRoomsQuery } from "./room-queries";
import styles from "./sidebar.module.css";

export function Sidebar() {
  const user = useCurrentUser();
  const rooms = useQuery(myRoomsQuery);
  const pathname = usePathname();
  const openCreate = useOpenCreateRoom();

  return (
    <div className={styles.sidebar}>
      <div className={styles.brand}>
        {/* biome-ignore lint/performance/noImgElement: a tiny static SVG; next/image adds nothing here. */}
        <img src="/favicon.svg" alt="" />
        Parley
      </div>
      <nav aria-label="Rooms" className={styles.nav}>
        <h2 className={styles.sectionTitle}>Your rooms</h2>
        {rooms.isPending ? (
          <div aria-hidden="true">
            <div className={styles.skeleton} />
            <div className={styles.skeleton} style={{ width: "60%" }} />
            <div className={styles.skeleton} style={{ width: "75%" }} />
          </div>
        ) : rooms.isError ? (
          <p className={styles.empty}>
            Could not load your rooms.{" "}
            <button type="button" className={styles.signOut} onClick={() => void rooms.refetch()}>
              Retry
            </button>
          </p>
        ) : rooms.data.length === 0 ? (
          <p className={styles.empty}>You have not joined any rooms yet.</p>
        ) : (
          <ul className={styles.list}>
            {rooms.data.map((room) => {
              const href = `/rooms/${room.id}`;
              return (
                <li key={room.id}>
                  <Link
                    href={href}
                    className={styles.link}
                    aria-current={pathname === href ? "page" : undefined}
                  >
                    <RoomGlyph visibility={room.visibility} className={styles.hash} />
                    <span className={styles.name}>{room.name}</span>
                    {room.visibility === "private" && <span className="visually-hidden"> (private)</span>}
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
        <div className={styles.actions}>
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
          <button type="button" className={`${styles.link} ${styles.action}`} onClick={openCreate}>
            <span className={styles.actionIcon}>
              <PlusIcon />
            </span>
            Create room
          </button>
        </div>
      </nav>
      <div className={styles.user}>
        <Avatar userId={user.id} name={user.displayName} size={32} />
        <span className={styles.userName} title={user.email}>
          {user.displayName}
        </span>
        <SignOutButton className={styles.signOut} />
      </div>
    </div>
  );
}
