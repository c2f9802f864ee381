import { describe, expect, it } from "vitest";
import { parseByteRange } from "./byte-range";

describe("byte ranges", () => {
  it("attachments: start-end, open-ended and suffix ranges, clamped to the file", () => {
    expect(parseByteRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange("bytes=500-", 1000)).toEqual({ start: 500, end: 999 });
    expect(parseByteRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange("bytes=-5000", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseByteRange("bytes=900-5000", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange("bytes=999-999", 1000)).toEqual({ start: 999, end: 999 });
  });

  it("attachments: a range starting past the end cannot be satisfied", () => {
    expect(parseByteRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=2000-3000", 1000)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=-0", 1000)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=0-", 0)).toBe("unsatisfiable");
  });

  it("attachments: no header, other units, malformed or multiple ranges mean the whole file", () => {
    for (const header of [
      undefined,
      "",
      "items=0-5",
      "bytes=",
      "bytes=-",
      "bytes=5-2",
      "bytes=a-b",
      "bytes=0-1,5-9",
    ]) {
      expect(parseByteRange(header, 1000), String(header)).toBeNull();
    }
  });
});
