import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runLabel } from "../options";
import type { BenchResult } from "../report/bench-result";
import { toMarkdown } from "../report/markdown";
import { deriveNotes } from "../report/notes";
import { saveReport } from "../report/save-results";

// Usage: npx tsx bench/src/tools/render-report.ts [results/<file>.json]
// Renders a saved run again (latest.json by default) into latest.md and BENCHMARKS.md, with the
// current report code: after changing the report's wording there is no need to rerun the bench.

const file = process.argv[2] ?? fileURLToPath(new URL("../../results/latest.json", import.meta.url));
const saved = JSON.parse(readFileSync(file, "utf8")) as BenchResult;
const { notes: _old, ...rest } = saved;
const result: BenchResult = { ...rest, notes: [...(saved.runNotes ?? []), ...deriveNotes(rest)] };
// A saved quick or partial run renders to its own file, never into BENCHMARKS.md.
for (const written of saveReport(toMarkdown(result), runLabel(saved.options)))
  console.log(`wrote ${written}`);
