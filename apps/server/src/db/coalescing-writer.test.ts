import { describe, expect, it } from "vitest";
import { CoalescingWriter } from "./coalescing-writer";

/** A writer whose writes are recorded, and which can be held open to see what queues behind it. */
function recordingWriter(options: { failOn?: (batch: ReadonlyMap<string, number>) => boolean } = {}) {
  const batches: Array<Record<string, number>> = [];
  let gate: Promise<void> = Promise.resolve();
  let open = () => {};
  const writer = new CoalescingWriter<number>(async (batch) => {
    await gate;
    batches.push(Object.fromEntries(batch));
    if (options.failOn?.(batch)) throw new Error("disk full");
  }, Math.max);
  return {
    writer,
    batches,
    hold() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release: () => open(),
  };
}

describe("CoalescingWriter", () => {
  it("writes what is added in one turn as one batch, merging repeats of a key", async () => {
    const { writer, batches } = recordingWriter();
    await Promise.all([
      writer.add("ana", 3),
      writer.add("ben", 1),
      writer.add("ana", 7),
      writer.add("ana", 5),
    ]);
    expect(batches).toEqual([{ ana: 7, ben: 1 }]);
  });

  it("queues what arrives during a write for the next batch, and resolves each after its own", async () => {
    const w = recordingWriter();
    w.hold();
    const first = w.writer.add("ana", 1);
    await new Promise((resolve) => setImmediate(resolve));
    let secondDone = false;
    const second = Promise.all([w.writer.add("ana", 2), w.writer.add("ben", 9)]).then(() => {
      secondDone = true;
    });
    w.release();
    await first;
    expect(w.batches).toEqual([{ ana: 1 }]);
    await second;
    expect(secondDone).toBe(true);
    expect(w.batches).toEqual([{ ana: 1 }, { ana: 2, ben: 9 }]);
  });

  it("rejects only the waiters of a failed batch; the next batch is still written", async () => {
    const { writer, batches } = recordingWriter({ failOn: (batch) => batch.has("bad") });
    const failed = Promise.allSettled([writer.add("bad", 1), writer.add("ana", 1)]);
    expect((await failed).map((r) => r.status)).toEqual(["rejected", "rejected"]);
    await writer.add("ana", 2);
    expect(batches).toEqual([{ bad: 1, ana: 1 }, { ana: 2 }]);
  });

  it("flush waits for everything added so far", async () => {
    const w = recordingWriter();
    w.hold();
    void w.writer.add("ana", 1);
    const flushed = w.writer.flush();
    setTimeout(w.release, 5);
    await flushed;
    expect(w.batches).toEqual([{ ana: 1 }]);
  });
});
