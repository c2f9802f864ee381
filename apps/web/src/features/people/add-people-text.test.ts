import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "../api/api-error";
import { addedText, addFailureText, listNames } from "./add-people-text";

const p = (displayName: string) => ({ id: `u-${displayName}`, displayName });

describe("add people: wording", () => {
  it("lists one, two, three names, then a count", () => {
    expect(listNames([p("Ana")])).toBe("Ana");
    expect(listNames([p("Ana"), p("Ben")])).toBe("Ana and Ben");
    expect(listNames([p("Ana"), p("Ben"), p("Cleo")])).toBe("Ana, Ben and Cleo");
    expect(listNames([p("Ana"), p("Ben"), p("Cleo"), p("Dan")])).toBe("4 people");
  });

  it("confirms who was added where", () => {
    expect(addedText([p("Cleo")], "#general")).toBe("Added Cleo to #general.");
  });

  it("explains a ban and a missing account by their codes, anything else by its message", () => {
    const banned = new ApiError(403, "BANNED", "That person is banned from this room");
    expect(addFailureText(p("Cleo"), banned)).toBe("Cleo is banned from this room, so they cannot be added.");
    const gone = new ApiError(404, "NOT_FOUND", "No such person");
    expect(addFailureText(p("Dan"), gone)).toBe("Dan's account no longer exists.");
    expect(addFailureText(p("Eve"), new NetworkError())).toBe(
      "Could not add Eve: Could not reach the server. Check your connection and try again.",
    );
  });
});
