import { describe, expect, it } from "vitest";
import { pooledRandomBytes } from "./pooled-random-bytes";

describe("random: pooled CSPRNG bytes", () => {
  it("random: slices are handed out once, across refills of the pool, and larger asks are served whole", () => {
    const seen = new Set<string>();
    // 16 bytes at a time through three 8 KiB pools: no slice repeats.
    for (let i = 0; i < 1_500; i++) seen.add(pooledRandomBytes(16).toString("hex"));
    expect(seen.size).toBe(1_500);
    expect(pooledRandomBytes(20_000)).toHaveLength(20_000);
    expect(pooledRandomBytes(10)).toHaveLength(10);
  });
});
