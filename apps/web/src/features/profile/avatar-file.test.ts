import { AVATAR_MAX_BYTES } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { AVATAR_ACCEPT, avatarFileProblem } from "./avatar-file";

describe("avatar file checks", () => {
  it("profiles: images of the accepted types and size pass (an unknown type is left to the server)", () => {
    expect(avatarFileProblem({ size: 1000, type: "image/png" })).toBeNull();
    expect(avatarFileProblem({ size: AVATAR_MAX_BYTES, type: "image/webp" })).toBeNull();
    expect(avatarFileProblem({ size: 1000, type: "" })).toBeNull();
  });

  it("profiles: too big, the wrong type and empty files are refused with a sentence", () => {
    expect(avatarFileProblem({ size: 7.5 * 1024 * 1024, type: "image/jpeg" })).toBe(
      "That image is 7.5 MB; the limit is 5 MB.",
    );
    expect(avatarFileProblem({ size: 300, type: "text/plain" })).toMatch(/choose a PNG, JPEG, WebP or GIF/);
    expect(avatarFileProblem({ size: 300, type: "image/svg+xml" })).toMatch(/not an image Parley can use/);
    expect(avatarFileProblem({ size: 0, type: "image/png" })).toBe("That file is empty.");
  });

  it("profiles: the file picker offers exactly the accepted types", () => {
    expect(AVATAR_ACCEPT).toBe("image/png,image/jpeg,image/webp,image/gif");
  });
});
