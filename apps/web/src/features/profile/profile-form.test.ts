import type { Profile } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { changedProfile, normaliseStatus } from "./profile-form";

const profile: Profile = {
  id: "00000000-0000-4000-8000-000000000001",
  displayName: "Ana",
  statusText: "At the office",
  avatarUrl: null,
  avatarThumbUrl: null,
};

describe("profile form", () => {
  it("profiles: only changed fields are sent, compared as the server stores them", () => {
    expect(changedProfile(profile, { displayName: " Ana ", statusText: "At  the\noffice " })).toEqual({});
    expect(changedProfile(profile, { displayName: "Ana Lima", statusText: "At the office" })).toEqual({
      displayName: "Ana Lima",
    });
    expect(changedProfile(profile, { displayName: "Ana", statusText: "" })).toEqual({ statusText: "" });
  });

  it("profiles: a status is one line with single spaces", () => {
    expect(normaliseStatus("  Back\n\tat  2 ")).toBe("Back at 2");
  });
});
