import { describe, expect, it } from "vitest";
import { digestEmail, escapeHtml, excerpt, passwordResetEmail, verificationEmail } from "./templates";

describe("email templates", () => {
  it("email: escapes every HTML-special character", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("email: a verification email has the link in text and HTML, and the name escaped in HTML only", () => {
    const mail = verificationEmail({
      to: "ana@example.test",
      displayName: `<img src=x onerror=alert(1)>`,
      link: "https://chat.example.org/verify-email#token=abc",
    });
    expect(mail.subject).toBe("Confirm your email for Parley");
    expect(mail.text).toContain("Hi <img src=x onerror=alert(1)>,");
    expect(mail.text).toContain("https://chat.example.org/verify-email#token=abc");
    expect(mail.html).toContain("Hi &lt;img src=x onerror=alert(1)&gt;,");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain('href="https://chat.example.org/verify-email#token=abc"');
  });

  it("email: a reset email says the link is single-use, expires, and signs every device out", () => {
    const mail = passwordResetEmail({
      to: "a@example.test",
      displayName: "Ana",
      link: "https://x.test/reset-password#token=t",
    });
    expect(mail.subject).toBe("Set a new Parley password");
    expect(mail.text).toMatch(/works once and expires in 1 hour/);
    expect(mail.text).toMatch(/signs out every device/);
    expect(mail.html).toContain('href="https://x.test/reset-password#token=t"');
  });

  it("email: a digest lists each entry with who, where and a link; room and message text escaped", () => {
    const mail = digestEmail({
      to: "a@example.test",
      displayName: "Ana",
      inboxLink: "https://x.test/rooms/inbox",
      settingsLink: "https://x.test/settings/security",
      entries: [
        {
          kind: "mention",
          roomName: "dev & <ops>",
          conversation: false,
          authorName: "Ben",
          excerpt: "@**Ana** look at <script>",
          createdAt: "2026-11-25T00:00:00.000Z",
          link: "https://x.test/rooms/r1?seq=4",
        },
        {
          kind: "dm",
          roomName: "",
          conversation: true,
          authorName: "Cleo",
          excerpt: "",
          createdAt: "2026-11-25T00:01:00.000Z",
          link: "https://x.test/rooms/r2?seq=9",
        },
      ],
    });
    expect(mail.subject).toBe("2 messages you missed on Parley");
    expect(mail.text).toContain("Ben mentioned you in #dev & <ops>:");
    expect(mail.text).toContain("Cleo wrote to you:");
    expect(mail.text).toContain("(message removed)");
    expect(mail.text).toContain("https://x.test/rooms/r1?seq=4");
    expect(mail.html).toContain("#dev &amp; &lt;ops&gt;");
    expect(mail.html).toContain("look at &lt;script&gt;");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain('href="https://x.test/rooms/r1?seq=4"');
    expect(mail.html).toContain('href="https://x.test/settings/security"');
  });

  it("email: a one-entry digest says who in its subject", () => {
    const mail = digestEmail({
      to: "a@example.test",
      displayName: "Ana",
      inboxLink: "i",
      settingsLink: "s",
      entries: [
        {
          kind: "dm",
          roomName: "",
          conversation: true,
          authorName: "Ben",
          excerpt: "hi",
          createdAt: "",
          link: "l",
        },
      ],
    });
    expect(mail.subject).toBe("Ben wrote to you on Parley");
  });

  it("email: excerpts are one line and shortened with an ellipsis", () => {
    expect(excerpt("a\n\n  b\tc")).toBe("a b c");
    const long = excerpt("x".repeat(300), 200);
    expect(long).toHaveLength(200);
    expect(long.endsWith("…")).toBe(true);
  });
});
