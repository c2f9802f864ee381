import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { MailConfig } from "../../config";

/** One email, already rendered (see templates.ts): plain text and a simple HTML version. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends email. Only the email jobs use it, so a slow or failing SMTP server never slows a request. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer when SMTP_URL is set (user and password in the URL; smtps:// for
 * TLS from the start, smtp:// upgrades with STARTTLS when the server offers it). Without it,
 * development mode: each email is written to the server log, links included, and not sent.
 */
export function createMailer(mail: Pick<MailConfig, "smtpUrl" | "from">, log: Logger): Mailer {
  if (!mail.smtpUrl) {
    // Said once at start: whoever reads this log can use the reset links written to it.
    log.warn("SMTP_URL is not set: emails are written to this log (links included), not sent");
    return {
      async send(email) {
        log.info(
          { email: { to: email.to, subject: email.subject, text: email.text } },
          "email (SMTP_URL unset: not sent)",
        );
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(mail.smtpUrl, { from: mail.from });
  return {
    async send(email) {
      await transport.sendMail({ to: email.to, subject: email.subject, text: email.text, html: email.html });
    },
    close() {
      transport.close();
    },
  };
}
