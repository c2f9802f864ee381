import type { Config } from "../../config";
import type { JobContext } from "../../jobs/define-job";
import type { Mailer } from "./mailer";

/** What the email jobs need besides the usual job context. */
export interface MailDeps {
  config: Config;
  mailer: Mailer;
}

/**
 * The mailer and config of the job worker's context. buildApp gives the worker its whole base
 * context (config and mailer among it) while JobContext declares only what every job needs, so
 * the email jobs check at run time that theirs is there: a worker built without a mailer fails
 * the job loudly (it is retried, then parked) rather than dropping the email.
 */
export function mailDeps(ctx: Pick<JobContext, "db">): MailDeps {
  const deps = ctx as Pick<JobContext, "db"> & Partial<MailDeps>;
  if (!deps.mailer || !deps.config) throw new Error("This job worker has no mailer (see app.ts)");
  return { config: deps.config, mailer: deps.mailer };
}
