import type { NotifyLevel, Room } from "@parley/protocol";

export interface LevelOption {
  level: NotifyLevel;
  label: string;
  description: string;
}

const LABELS: Record<NotifyLevel, string> = {
  all: "All messages",
  mentions: "Mentions only",
  mute: "Mute",
};

export function levelLabel(level: NotifyLevel): string {
  return LABELS[level];
}

/**
 * The choices a room offers. A conversation notifies of every message whatever its level
 * short of mute (each one is addressed to me), so "Mentions only" would promise something it
 * does not do there; it is listed only if that is somehow the level already.
 */
export function levelOptions(room: Pick<Room, "kind" | "myNotify">): LevelOption[] {
  const channel = room.kind === "channel";
  const options: LevelOption[] = [
    {
      level: "all",
      label: LABELS.all,
      description: channel ? "Notify me of every new message" : "Notify me of every message",
    },
  ];
  if (channel || room.myNotify === "mentions") {
    options.push({
      level: "mentions",
      label: LABELS.mentions,
      description: "Only when someone mentions me, or @room",
    });
  }
  options.push({
    level: "mute",
    label: LABELS.mute,
    description: "Nothing, unless someone mentions me by name",
  });
  return options;
}
