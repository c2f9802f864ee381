import { describe, expect, it } from "vitest";
import { fileTypeLabel, formatBytes } from "./format-bytes";

describe("attachment labels", () => {
  it("attachments: sizes read as B, KB, MB, GB", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(1024)).toBe("1 KB");
    expect(formatBytes(4300)).toBe("4.2 KB");
    expect(formatBytes(18 * 1024 * 1024 + 5)).toBe("18 MB");
    expect(formatBytes(1.1 * 1024 ** 3)).toBe("1.1 GB");
  });

  it("attachments: the type label is the extension, else the MIME subtype, else File", () => {
    expect(fileTypeLabel("report.pdf", "application/pdf")).toBe("PDF");
    expect(fileTypeLabel("notes", "text/plain")).toBe("PLAIN");
    expect(fileTypeLabel("archive.verylongext", "application/octet-stream")).toBe("File");
    expect(fileTypeLabel(".env", "application/octet-stream")).toBe("File");
  });
});
