import { ATTACHMENT_NAME_MAX_LENGTH } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { decodeNameHeader, sanitizeFileName } from "./file-name";

const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe("attachment file names", () => {
  it("attachments: ordinary names, Unicode included, are kept as they are", () => {
    expect(sanitizeFileName("holiday photo.jpg")).toBe("holiday photo.jpg");
    expect(sanitizeFileName("Überraschung 🎉.pdf")).toBe("Überraschung 🎉.pdf");
    expect(sanitizeFileName(".env.example")).toBe(".env.example");
  });

  it("attachments: only the last part of a path is kept", () => {
    expect(sanitizeFileName("C:\\Users\\ana\\photo.jpg")).toBe("photo.jpg");
    expect(sanitizeFileName("folder/sub/notes.txt")).toBe("notes.txt");
  });

  it("attachments: names climbing out of a folder, and empty names, are refused", () => {
    for (const bad of ["../etc/passwd", "..\\..\\boot.ini", "a/../b.txt", "..", "", "   ", "...", "dir/"]) {
      expect(
        code(() => sanitizeFileName(bad)),
        JSON.stringify(bad),
      ).toBe("INVALID_FILE_NAME");
    }
  });

  it("attachments: control and invisible formatting characters are dropped", () => {
    expect(sanitizeFileName("evil\u0000name\r\n.txt")).toBe("evilname.txt");
    // A right-to-left override would show "invoiceexe.pdf".
    expect(sanitizeFileName("invoice\u202efdp.exe")).toBe("invoicefdp.exe");
    expect(sanitizeFileName("zero\u200bwidth\ufeff.png")).toBe("zerowidth.png");
  });

  it("attachments: long names are shortened keeping their extension", () => {
    const long = `${"a".repeat(300)}.tar.gz`;
    const short = sanitizeFileName(long);
    expect([...short].length).toBe(ATTACHMENT_NAME_MAX_LENGTH);
    expect(short.endsWith(".gz")).toBe(true);
    const emoji = "😀".repeat(250);
    expect([...sanitizeFileName(emoji)].length).toBe(ATTACHMENT_NAME_MAX_LENGTH);
  });

  it("attachments: the name header is percent-encoded UTF-8, and required", () => {
    expect(decodeNameHeader(encodeURIComponent("Überraschung 🎉.pdf"))).toBe("Überraschung 🎉.pdf");
    expect(code(() => decodeNameHeader(undefined))).toBe("INVALID_FILE_NAME");
    expect(code(() => decodeNameHeader("%E0%A4%A"))).toBe("INVALID_FILE_NAME");
  });
});
