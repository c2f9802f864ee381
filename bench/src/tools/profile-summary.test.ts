import { describe, expect, it } from "vitest";
import { packageOf, selfTimes, shortUrl } from "./profile-summary";

const frame = (id: number, functionName: string, url = "") => ({
  id,
  callFrame: { functionName, url, lineNumber: 9 },
});

describe("bench: cpu profile summary", () => {
  const profile = {
    nodes: [
      frame(1, "(root)"),
      frame(2, "(idle)"),
      frame(3, "sendFrame", "file:///w/node_modules/ws/lib/sender.js"),
      frame(4, "write", "file:///w/apps/server/src/realtime/connection.ts"),
      frame(5, "(garbage collector)"),
    ],
    samples: [3, 3, 4, 2, 5, 3],
    timeDeltas: [1000, 1000, 1000, 5000, 2000, 1000],
    startTime: 0,
  };

  it("adds self time per function, idle apart", () => {
    const s = selfTimes(profile);
    expect(s.idleMs).toBe(5);
    expect(s.busyMs).toBe(6);
    expect(s.byFunction[0]).toEqual({ name: "sendFrame ws/lib/sender.js:10", ms: 3, share: 50 });
    expect(s.byPackage.map((p) => p.name)).toEqual(["ws", "(garbage collector)", "apps/server/src/realtime"]);
  });

  it("skips the start of the profile", () => {
    expect(selfTimes(profile, 2.5).busyMs).toBe(4);
  });

  it("names packages and shortens paths", () => {
    expect(packageOf("file:///a/node_modules/@node-rs/argon2/index.js", "f")).toBe("@node-rs/argon2");
    expect(packageOf("node:internal/stream_base_commons", "writeGeneric")).toBe("node (core)");
    expect(packageOf("", "(program)")).toBe("(program)");
    expect(shortUrl("file:///work/main/packages/db/src/connect.ts")).toBe("packages/db/src/connect.ts");
  });
});
