"use client";

import Link from "next/link";
import { useCurrentUser } from "../auth/current-user";
import { useOpenCreateRoom } from "../shell/create-room-context";
import { useDocumentTitle } from "../ui/use-document-title";
import styles from "./browse.module.css";
import { PublicRoomList } from "./public-room-list";

/** `/rooms` with no room open (desktop): a greeting and the rooms one can join. */
export function Welcome() {
  const user = useCurrentUser();
  const openCreate = useOpenCreateRoom();
  useDocumentTitle(null);
  return (
    <div className={styles.page}>
      <div className={styles.inner}>
        <section className={styles.welcome}>
          <div>
            <h1>Welcome, {user.displayName}!</h1>
            <p>Pick a room on the left, or find a new one below.</p>
            <div className={styles.welcomeActions}>
              <button type="button" className="btn btn-primary" onClick={openCreate}>
                Start a new room
              </button>
              <Link className="btn" href="/rooms/browse">
                See all rooms
              </Link>
            </div>
          </div>
        </section>
        <h2 className={styles.sectionTitle}>Public rooms</h2>
        <PublicRoomList />
      </div>
    </div>
  );
}
