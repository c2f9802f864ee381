import type { AdminUser } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { filterUsers } from "./filter-users";

function user(displayName: string, email: string): AdminUser {
  return {
    id: crypto.randomUUID(),
    displayName,
    email,
    createdAt: "2026-11-24T10:00:00.000Z",
    isAdmin: false,
    deactivated: false,
  };
}

const users = [
  user("Ana Lima", "ana@example.test"),
  user("Ben", "ben@corp.test"),
  user("Cleo", "c@corp.test"),
];

describe("admin: filtering the users table", () => {
  it("admin: matches the name or the email, in any case, anywhere in it", () => {
    expect(filterUsers(users, "LIMA").map((u) => u.displayName)).toEqual(["Ana Lima"]);
    expect(filterUsers(users, "corp").map((u) => u.displayName)).toEqual(["Ben", "Cleo"]);
    expect(filterUsers(users, "zed")).toEqual([]);
  });

  it("admin: a blank filter keeps everyone, in order", () => {
    expect(filterUsers(users, "  ").map((u) => u.displayName)).toEqual(["Ana Lima", "Ben", "Cleo"]);
  });
});
