"use client";

import { ROOM_SEARCH_MAX_LENGTH } from "@parley/protocol";
import { useEffect, useId, useState } from "react";
import { BackToRooms } from "../shell/back-to-rooms";
import { SearchIcon } from "../ui/icons";
import { useDocumentTitle } from "../ui/use-document-title";
import styles from "./browse.module.css";
import { PublicRoomList } from "./public-room-list";

/** Typing waits this long before it searches: one request per pause, not per keystroke. */
const SEARCH_DELAY_MS = 250;

function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export function BrowseRooms() {
  useDocumentTitle("Browse rooms");
  const [text, setText] = useState("");
  const search = useDebounced(text, SEARCH_DELAY_MS);
  const searchId = useId();
  return (
    <div className={styles.page}>
      <div className={styles.inner}>
        <div className={styles.head}>
          <BackToRooms className={styles.back} />
          <h1 className={styles.title}>Browse rooms</h1>
        </div>
        <p className={styles.lead}>Public rooms on this server, most active first. Join any of them.</p>
        <search className={styles.search}>
          <label className="visually-hidden" htmlFor={searchId}>
            Search rooms
          </label>
          <SearchIcon />
          <input
            id={searchId}
            className="input"
            type="search"
            placeholder="Search by name or topic"
            value={text}
            maxLength={ROOM_SEARCH_MAX_LENGTH}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
          />
        </search>
        <PublicRoomList search={search} />
      </div>
    </div>
  );
}
