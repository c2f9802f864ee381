import { describe, expect, it } from "vitest";
import type { LadderResult, StepResult } from "./report/bench-result";
import { checkTargets } from "./targets";

const cpu = { wallSec: 2, serverCores: 0.5, generatorCores: 0.5, machineCores: 1, othersCores: 0 };
const step = (offeredPerSec: number, p99: number, held = true): StepResult => ({
  offeredPerSec,
  messagesPerSec: offeredPerSec / 500,
  messages: 1,
  deliveries: 1,
  deliveredPerSec: offeredPerSec,
  latency: { count: 1, p50: p99 / 2, p95: p99, p99, max: p99, mean: p99 / 2 },
  ack: null,
  sendLag: { count: 1, p50: 0, p95: 0, p99: 0, max: 0, mean: 0 },
  cpu,
  complete: true,
  held,
});
const ladder = (system: "parley" | "socketio", members: number, steps: StepResult[]): LadderResult => ({
  system,
  members,
  steps,
  highestHeld: steps.filter((s) => s.held).at(-1) ?? null,
  stoppedBy: "p99 or backlog",
  openMs: 1,
});

describe("bench: targets", () => {
  const measured = {
    fanOut: [
      ladder("parley", 500, [step(25_000, 8), step(50_000, 25), step(100_000, 150, false)]),
      ladder("socketio", 500, [step(25_000, 40)]),
    ],
    pingPong: [],
    idle: [{ system: "parley" as const, sockets: 10_000, openMs: 1, serverRssMiB: 200, kibPerSocket: 9.5 }],
    persisted: [{ db: "sqlite" as const, ackedPerSec: 12_000, complete: true }],
    setup: { seedMs: 1, joinMembers: 500, joinMs: 1200, joinCpu: null },
  };
  const byId = Object.fromEntries(checkTargets(measured).map((c) => [c.id, c]));

  it("checks each figure against its target", () => {
    expect(byId["room500-25k"]).toMatchObject({ value: "8 ms", pass: true });
    expect(byId["room500-p99-30"]).toMatchObject({ value: "50,000/s", pass: false });
    expect(byId["vs-socketio-500"]).toMatchObject({ pass: true });
    expect(byId["idle-kib"]).toMatchObject({ pass: true });
    expect(byId["idle-10k"]).toMatchObject({ pass: true });
    expect(byId["join-500"]).toMatchObject({ value: "1200 ms", pass: false });
    expect(byId["sqlite-sends"]).toMatchObject({ pass: false });
  });

  it("leaves what the run did not measure unjudged", () => {
    expect(byId["ping-pong"]).toMatchObject({ value: "-", pass: null });
    expect(byId["vs-socketio-50"]).toMatchObject({ pass: null });
  });
});
