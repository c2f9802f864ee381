import type { AnyJobDefinition } from "../../jobs/define-job";
import { passwordResetEmailJob, verificationEmailJob } from "./account-emails";
import { emailDigestJob } from "./email-digest";

/**
 * Every email goes out from a job: the request that causes it answers at once (and the same
 * for a known or unknown address), and a failing SMTP server is retried with backoff.
 */
export const EMAIL_JOBS: AnyJobDefinition[] = [verificationEmailJob, passwordResetEmailJob, emailDigestJob];
