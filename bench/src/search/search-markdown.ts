import type { SearchBenchResult } from "./search-suite";

const ms = (v: number | null) => (v == null ? "-" : v.toFixed(1));
const num = (v: number) => v.toLocaleString("en");

/** The search scenario's section of the report. */
export function searchMarkdown(s: SearchBenchResult): string {
  const rows = s.queries.map(
    (q) => `| ${q.kind} | ${q.label} | ${q.results} | ${ms(q.p50)} | ${ms(q.p95)} | ${ms(q.max)} |`,
  );
  const kinds = s.byKind.map((k) => `| ${k.kind} | ${k.runs} | ${ms(k.p50)} | ${ms(k.p95)} | ${ms(k.max)} |`);
  return [
    "## Search",
    "",
    `${num(s.messages)} generated messages in ${s.rooms} rooms by ${num(s.users)} people, SQLite ` +
      `(FTS5 word and trigram indexes); written in ${(s.generateMs / 1000).toFixed(1)} s, indexed in ` +
      `${(s.indexMs / 1000).toFixed(1)} s, ${num(s.dbMiB)} MiB on disk. Each query ran ${s.rounds} times ` +
      `(after one warm-up) through the server's searchMessages() as a member of ${Math.round(s.visibleShare * 100)} % ` +
      "of the history, first page of 20, newest first. Milliseconds.",
    "",
    `**Search p95: ${ms(s.overall.p95)} ms** over all ${s.overall.runs} runs (p50 ${ms(s.overall.p50)}, max ${ms(s.overall.max)}).`,
    "",
    "| kind | runs | p50 | p95 | max |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...kinds,
    "",
    "| kind | query | results | p50 | p95 | max |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
  ].join("\n");
}
