import { describe, expect, it } from "vitest";
import { z } from "zod";
import { timeOrderedId } from "./time-ordered-id";

describe("db: time-ordered ids (UUIDv7)", () => {
  it("db: an id is a version-7 UUID with the RFC variant, accepted wherever the protocol takes an id", () => {
    const id = timeOrderedId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it("db: the first 48 bits are the time in milliseconds, so later ids sort after earlier ones", () => {
    const at = Date.UTC(2026, 11, 5, 18, 0, 0, 123);
    const id = timeOrderedId(at);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
    const ids = [at, at + 1, at + 1_000, at + 86_400_000].map((t) => timeOrderedId(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it("db: ids made in the same millisecond differ (74 random bits), across refills of the random pool", () => {
    const at = Date.now();
    const ids = Array.from({ length: 5_000 }, () => timeOrderedId(at));
    expect(new Set(ids).size).toBe(ids.length);
    // The random part is not stuck: each of its hex digits takes many values.
    const tails = new Set(ids.map((id) => id.slice(-1)));
    expect(tails.size).toBe(16);
  });
});
