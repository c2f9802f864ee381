import { describe, expect, it } from "vitest";
import { TypingSender } from "./typing-sender";

function setUp(connected = true) {
  let t = 0;
  const sent: number[] = [];
  const state = { connected };
  const sender = new TypingSender(
    () => {
      if (state.connected) sent.push(t);
      return state.connected;
    },
    () => t,
    2_500,
  );
  return { sender, sent, state, at: (ms: number) => (t = ms) };
}

describe("typing: when the composer announces typing", () => {
  it("typing: the first keystroke at once, then at most once per 2.5 s while typing", () => {
    const { sender, sent, at } = setUp();
    for (let ms = 0; ms <= 6_000; ms += 200) {
      at(ms);
      sender.typed(`text ${ms}`);
    }
    expect(sent).toEqual([0, 2_600, 5_200]);
  });

  it("typing: sending resets it, so the next message's first keystroke is announced at once", () => {
    const { sender, sent, at } = setUp();
    sender.typed("hello");
    at(1_000);
    sender.stop();
    at(1_100);
    sender.typed("n");
    expect(sent).toEqual([0, 1_100]);
  });

  it("typing: a blank box announces nothing; a socket that is down is retried on the next key", () => {
    const { sender, sent, state, at } = setUp(false);
    sender.typed("   ");
    sender.typed("a");
    expect(sent).toEqual([]);
    state.connected = true;
    at(300);
    sender.typed("ab");
    expect(sent).toEqual([300]);
  });
});
