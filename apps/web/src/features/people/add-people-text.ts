import type { PublicUser } from "@parley/protocol";
import { describeError, isApiError } from "../api/api-error";

/** "Ana", "Ana and Ben", "Ana, Ben and Cleo", "4 people". */
export function listNames(people: readonly PublicUser[]): string {
  const names = people.map((p) => p.displayName);
  if (names.length > 3) return `${names.length} people`;
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The confirmation once people are in: "Added Cleo to #general." */
export function addedText(added: readonly PublicUser[], roomTitle: string): string {
  return `Added ${listNames(added)} to ${roomTitle}.`;
}

/** Why one person could not be added, in words (the code decides, never the server's text). */
export function addFailureText(person: PublicUser, error: unknown): string {
  const name = person.displayName;
  if (isApiError(error, "BANNED")) return `${name} is banned from this room, so they cannot be added.`;
  if (isApiError(error, "NOT_FOUND")) return `${name}'s account no longer exists.`;
  return `Could not add ${name}: ${describeError(error)}`;
}
