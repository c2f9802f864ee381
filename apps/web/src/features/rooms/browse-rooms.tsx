"use client";

import { BackToRooms } from "../shell/back-to-rooms";
import { useDocumentTitle } from "../ui/use-document-title";
import styles from "./browse.module.css";
import { PublicRoomList } from "./public-room-list";

export function BrowseRooms() {
  useDocumentTitle("Browse rooms");
  return (
    <div className={styles.page}>
      <div className={styles.inner}>
        <div className={styles.head}>
          <BackToRooms className={styles.back} />
          <h1 className={styles.title}>Browse rooms</h1>
        </div>
        <p className={styles.lead}>Public rooms on this server. Join any of them.</p>
        <PublicRoomList />
      </div>
    </div>
  );
}
