import { z } from "zod";

/**
 * The two shapes browsers send a Content-Security-Policy violation in — the browser's format,
 * not Parley's protocol (no Parley client sends it). Every field is optional and unknown ones
 * are ignored: browsers differ and add fields; only what the log line needs is kept.
 */
const Text = z.string().max(4096).optional();
const Num = z.number().int().optional();

/** `report-uri`: one report, `Content-Type: application/csp-report`. */
const LegacyReport = z.object({
  "csp-report": z.object({
    "document-uri": Text,
    "violated-directive": Text,
    "effective-directive": Text,
    "blocked-uri": Text,
    "source-file": Text,
    "line-number": Num,
    "column-number": Num,
    "script-sample": Text,
    disposition: Text,
  }),
});

/** The Reporting API (`report-to`): a batch, `Content-Type: application/reports+json`. */
const ReportingBatch = z
  .array(
    z.object({
      type: z.string().max(64),
      body: z
        .object({
          documentURL: Text,
          effectiveDirective: Text,
          blockedURL: Text,
          sourceFile: Text,
          lineNumber: Num,
          columnNumber: Num,
          sample: Text,
          disposition: Text,
        })
        .optional(),
    }),
  )
  .max(50);

export const CspReportBody = z.union([LegacyReport, ReportingBatch]);
export type CspReportBody = z.infer<typeof CspReportBody>;

/** One violation as it is logged. */
export interface CspViolation {
  document?: string;
  directive?: string;
  blocked?: string;
  source?: string;
  line?: number;
  column?: number;
  sample?: string;
  disposition?: string;
}

/** Long values (a data: URL, a policy) are cut: a log line is for reading. */
const KEEP = 300;
const cut = (text: string | undefined) => (text && text.length > KEEP ? `${text.slice(0, KEEP)}…` : text);

/** The violations in a report body, in one shape (reports of other types are skipped). */
export function violationsIn(body: CspReportBody): CspViolation[] {
  if (!Array.isArray(body)) {
    const r = body["csp-report"];
    return [
      {
        document: cut(r["document-uri"]),
        directive: cut(r["effective-directive"] ?? r["violated-directive"]),
        blocked: cut(r["blocked-uri"]),
        source: cut(r["source-file"]),
        line: r["line-number"],
        column: r["column-number"],
        sample: cut(r["script-sample"]),
        disposition: cut(r.disposition),
      },
    ];
  }
  return body.flatMap((report) => {
    const r = report.body;
    if (report.type !== "csp-violation" || !r) return [];
    return [
      {
        document: cut(r.documentURL),
        directive: cut(r.effectiveDirective),
        blocked: cut(r.blockedURL),
        source: cut(r.sourceFile),
        line: r.lineNumber,
        column: r.columnNumber,
        sample: cut(r.sample),
        disposition: cut(r.disposition),
      },
    ];
  });
}
