import type { OutgoingEmail } from "./mailer";

/**
 * The emails Parley sends, each as plain text and simple HTML. Everything that comes from a
 * person (display names, room names, message text) is escaped in the HTML: a display name like
 * `<a href=…>` must show as typed, never become a link or markup in someone's inbox.
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A link's address in HTML: only our own http(s) links are ever built, escaped all the same. */
function button(href: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="background:#5b45e0;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(label)}</a></p>`;
}

function layout(bodyHtml: string): string {
  return [
    "<!doctype html>",
    '<html><body style="margin:0;padding:24px;background:#f5f5f7;font-family:-apple-system,Segoe UI,Roboto,sans-serif;color:#1d1d1f">',
    '<div style="max-width:520px;margin:0 auto;background:#fff;border-radius:12px;padding:28px">',
    '<p style="margin:0 0 16px;font-weight:700;color:#5b45e0">Parley</p>',
    bodyHtml,
    "</div></body></html>",
  ].join("");
}

const paragraph = (text: string) => `<p style="margin:0 0 12px;line-height:1.5">${escapeHtml(text)}</p>`;

export function verificationEmail(input: { to: string; displayName: string; link: string }): OutgoingEmail {
  const greeting = `Hi ${input.displayName},`;
  const lead = "Please confirm that this is your email address for Parley.";
  const after = "The link works once and expires in 3 days. If you did not sign up, ignore this email.";
  return {
    to: input.to,
    subject: "Confirm your email for Parley",
    text: [greeting, "", lead, "", input.link, "", after].join("\n"),
    html: layout(
      paragraph(greeting) + paragraph(lead) + button(input.link, "Confirm my email") + paragraph(after),
    ),
  };
}

export function passwordResetEmail(input: { to: string; displayName: string; link: string }): OutgoingEmail {
  const greeting = `Hi ${input.displayName},`;
  const lead = "Someone (we hope you) asked to set a new password for your Parley account.";
  const after =
    "The link works once and expires in 1 hour. Using it signs out every device signed in to your account. If you did not ask for this, ignore this email: your password stays as it is.";
  return {
    to: input.to,
    subject: "Set a new Parley password",
    text: [greeting, "", lead, "", input.link, "", after].join("\n"),
    html: layout(
      paragraph(greeting) + paragraph(lead) + button(input.link, "Set a new password") + paragraph(after),
    ),
  };
}

export interface DigestEntry {
  kind: "mention" | "room" | "here" | "dm" | string;
  roomName: string;
  /** A DM or group conversation (no # before its name). */
  conversation: boolean;
  authorName: string;
  /** The message text, already shortened; "" when it was removed. */
  excerpt: string;
  createdAt: string;
  link: string;
}

function where(entry: DigestEntry): string {
  if (entry.conversation)
    return entry.kind === "dm"
      ? `${entry.authorName} wrote to you`
      : `${entry.authorName} in ${entry.roomName}`;
  return `${entry.authorName} mentioned you in #${entry.roomName}`;
}

/** Missed mentions and DMs, oldest first, each with a link to the message. */
export function digestEmail(input: {
  to: string;
  displayName: string;
  entries: DigestEntry[];
  inboxLink: string;
  settingsLink: string;
}): OutgoingEmail {
  const count = input.entries.length;
  const subject =
    count === 1
      ? `${where(input.entries[0] as DigestEntry)} on Parley`
      : `${count} messages you missed on Parley`;
  const greeting = `Hi ${input.displayName},`;
  const lead =
    count === 1
      ? "You have a message you have not read yet:"
      : `You have ${count} messages you have not read yet:`;
  const footer =
    "You get this email because push notifications do not reach any of your devices. Turn it off in Settings → Sign-in & security:";
  const text = [
    greeting,
    "",
    lead,
    "",
    ...input.entries.flatMap((e) => [
      `${where(e)}:`,
      `  ${e.excerpt || "(message removed)"}`,
      `  ${e.link}`,
      "",
    ]),
    `Open Parley: ${input.inboxLink}`,
    "",
    footer,
    input.settingsLink,
  ].join("\n");
  const items = input.entries
    .map(
      (e) =>
        `<li style="margin:0 0 14px"><a href="${escapeHtml(e.link)}" style="color:#5b45e0;font-weight:600;text-decoration:none">${escapeHtml(where(e))}</a><br><span style="color:#444">${escapeHtml(e.excerpt || "(message removed)")}</span></li>`,
    )
    .join("");
  const html = layout(
    paragraph(greeting) +
      paragraph(lead) +
      `<ul style="padding-left:18px;margin:0 0 12px">${items}</ul>` +
      button(input.inboxLink, "Open Parley") +
      `<p style="margin:0;color:#777;font-size:13px;line-height:1.5">${escapeHtml(footer)} <a href="${escapeHtml(input.settingsLink)}" style="color:#777">settings</a></p>`,
  );
  return { to: input.to, subject, text, html };
}

/** A message body shortened for an email: one line, at most `max` characters. */
export function excerpt(body: string, max = 200): string {
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
