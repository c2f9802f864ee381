import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** An email as the test SMTP server received it. */
export interface ReceivedEmail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  received: ReceivedEmail[];
  /** The first email to `to` (matching `subject` when given) not seen before, waiting for it. */
  next(to: string, options?: { subject?: RegExp; timeoutMs?: number }): Promise<ReceivedEmail>;
  /** Emails received for `to` so far. */
  for(to: string): ReceivedEmail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on a loopback port that keeps what it receives, parsed — so tests send
 * mail through nodemailer and the real protocol, then read what arrived. No TLS (STARTTLS is
 * not offered) and no authentication: it listens on 127.0.0.1 only.
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedEmail[] = [];
  const seen = new Set<ReceivedEmail>();
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            parsed,
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const matching = (to: string, subject?: RegExp) =>
    received.find(
      (m) => !seen.has(m) && m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)),
    );
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    for: (to) => received.filter((m) => m.to.includes(to.toLowerCase())),
    next(to, { subject, timeoutMs = 10_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const mail = matching(to, subject);
          if (!mail) return;
          seen.add(mail);
          waiters.delete(check);
          clearTimeout(timer);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no email to ${to} within ${timeoutMs} ms (got ${received.length} in all)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token in an emailed link (`…#token=<token>`). */
export function tokenFromEmail(mail: { text: string }): string {
  const match = mail.text.match(/#token=([A-Za-z0-9_-]+)/);
  if (!match?.[1]) throw new Error(`no link with a token in:\n${mail.text}`);
  return match[1];
}
