import type { ReadReceiptsSetting, Room, UpdateRoomRequest } from "@parley/protocol";

/** What the settings form edits (archiving and deleting have their own confirmations). */
export interface SettingsValues {
  name: string;
  topic: string;
  description: string;
  slowModeSeconds: number;
  readReceipts: ReadReceiptsSetting;
}

export type SettingsField = keyof SettingsValues;
export const SETTINGS_FIELDS: readonly SettingsField[] = [
  "name",
  "topic",
  "description",
  "slowModeSeconds",
  "readReceipts",
];

export function valuesOf(room: Room): SettingsValues {
  return {
    name: room.name,
    topic: room.topic,
    description: room.description,
    slowModeSeconds: room.slowModeSeconds,
    readReceipts: room.readReceipts,
  };
}

/**
 * Only the fields that differ from the room (compared as the server will store them, trimmed),
 * so saving the topic does not overwrite a rename someone else made meanwhile.
 */
export function changedSettings(room: Room, values: SettingsValues): UpdateRoomRequest {
  const changes: UpdateRoomRequest = {};
  if (values.name.trim() !== room.name) changes.name = values.name;
  if (values.topic.trim() !== room.topic) changes.topic = values.topic;
  if (values.description.trim() !== room.description) changes.description = values.description;
  if (values.slowModeSeconds !== room.slowModeSeconds) changes.slowModeSeconds = values.slowModeSeconds;
  if (values.readReceipts !== room.readReceipts) changes.readReceipts = values.readReceipts;
  return changes;
}
