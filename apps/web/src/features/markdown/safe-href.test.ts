import { describe, expect, it } from "vitest";
import { safeHref } from "./safe-href";

describe("markdown: safeHref", () => {
  it("keeps absolute http, https and mailto links (normalised)", () => {
    expect(safeHref("https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
    expect(safeHref("HTTP://Example.com")).toBe("http://example.com/");
    expect(safeHref("mailto:ana@example.com")).toBe("mailto:ana@example.com");
  });

  it("refuses script, data and other schemes however they are disguised", () => {
    for (const href of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "  javascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "\u0000javascript:alert(1)",
      "java&#x09;script:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "blob:https://example.com/x",
      "file:///etc/passwd",
    ]) {
      expect(safeHref(href), href).toBeNull();
    }
  });

  it("refuses relative and unparsable links", () => {
    expect(safeHref("/rooms/1")).toBeNull();
    expect(safeHref("example.com")).toBeNull();
    expect(safeHref("")).toBeNull();
    expect(safeHref("http://")).toBeNull();
  });
});
