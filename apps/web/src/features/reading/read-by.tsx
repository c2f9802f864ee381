"use client";

import { useQueries } from "@tanstack/react-query";
import { memo } from "react";
import { profileQuery } from "../profile/profile-query";
import { Avatar } from "../ui/avatar";
import styles from "./reading.module.css";

/** Faces shown under a row before the rest become "+N". */
const MAX_FACES = 5;

/** "Ana", "Ana and Ben", "Ana, Ben and 3 others". */
export function seenByText(names: readonly string[]): string {
  if (names.length <= 2) return `Seen by ${names.join(" and ")}`;
  if (names.length === 3) return `Seen by ${names[0]}, ${names[1]} and ${names[2]}`;
  return `Seen by ${names[0]}, ${names[1]} and ${names.length - 2} others`;
}

/**
 * The small faces under the newest message each member has read (group rooms with read
 * receipts on), furthest reader first; the sentence is what a screen reader and a hover read.
 */
export const ReadBy = memo(function ReadBy({ userIds }: { userIds: readonly string[] }) {
  const profiles = useQueries({ queries: userIds.map((id) => profileQuery(id)) });
  const names = profiles.map((profile) => profile.data?.displayName ?? "someone");
  const text = seenByText(names);
  const extra = userIds.length - MAX_FACES;
  return (
    <div className={styles.readBy} title={text} data-read-by="">
      <span className="visually-hidden">{text}</span>
      {userIds.slice(0, extra > 0 ? MAX_FACES - 1 : MAX_FACES).map((id, i) => (
        <Avatar key={id} userId={id} name={names[i] ?? ""} size={16} />
      ))}
      {extra > 0 && (
        <span className={styles.more} aria-hidden="true">
          +{extra + 1}
        </span>
      )}
    </div>
  );
});
