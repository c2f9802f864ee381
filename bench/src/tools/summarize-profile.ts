import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type CpuProfile, selfTimes } from "./profile-summary";

// Usage: npx tsx bench/src/tools/summarize-profile.ts <file.cpuprofile | dir> [from-s[-to-s]] [top]
// With a directory, the newest .cpuprofile in it. Prints self time by package and by function.

const [target = ".", window = "3", top = "30"] = process.argv.slice(2);
const [fromSec = "3", toSec] = window.split("-");
let file = target;
if (statSync(target).isDirectory()) {
  const newest = readdirSync(target)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => ({ f: join(target, f), t: statSync(join(target, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t)[0];
  if (!newest) throw new Error(`no .cpuprofile in ${target}`);
  file = newest.f;
}
const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
const s = selfTimes(profile, Number(fromSec) * 1000, toSec ? Number(toSec) * 1000 : undefined);
console.log(
  `${file}: busy ${s.busyMs} ms, idle ${s.idleMs} ms (from ${fromSec} s to ${toSec ?? "the end"})\n`,
);
console.log("By package / area (self time, share of busy):");
for (const p of s.byPackage.slice(0, 15))
  console.log(`  ${String(p.ms).padStart(7)} ms  ${String(p.share).padStart(5)} %  ${p.name}`);
console.log(`\nTop ${top} functions by self time:`);
for (const f of s.byFunction.slice(0, Number(top))) {
  console.log(`  ${String(f.ms).padStart(7)} ms  ${String(f.share).padStart(5)} %  ${f.name}`);
}
