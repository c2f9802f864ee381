import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "./origin";

describe("http: origin check", () => {
  it("http: without PUBLIC_URL the origin must match the Host header", () => {
    const config = { allowedOrigins: [] };
    expect(isAllowedOrigin(config, "http://localhost:3000", "localhost:3000")).toBe(true);
    expect(isAllowedOrigin(config, "http://evil.example", "localhost:3000")).toBe(false);
    expect(isAllowedOrigin(config, "null", "localhost:3000")).toBe(false);
    expect(isAllowedOrigin(config, undefined, "localhost:3000")).toBe(true);
  });
  it("http: with PUBLIC_URL only that origin passes", () => {
    const config = { allowedOrigins: ["https://chat.example.org"] };
    expect(isAllowedOrigin(config, "https://chat.example.org", "internal:3000")).toBe(true);
    expect(isAllowedOrigin(config, "http://internal:3000", "internal:3000")).toBe(false);
  });
});
