import type { Room } from "@parley/protocol";
import { Avatar } from "../ui/avatar";
import styles from "./conversations.module.css";

/**
 * A DM shows the other person's avatar; a group shows how many others are in it, as Slack
 * does (several tiny faces are unreadable at sidebar size). Decorative: the name is beside it.
 */
export function ConversationAvatar({ room, size }: { room: Pick<Room, "kind" | "people">; size: number }) {
  const [only] = room.people;
  if (room.kind === "dm" && only) return <Avatar userId={only.id} name={only.displayName} size={size} />;
  return (
    <span
      aria-hidden="true"
      className={`avatar ${styles.groupAvatar}`}
      style={{ width: size, height: size, fontSize: Math.round(size * 0.45) }}
    >
      {room.people.length}
    </span>
  );
}
