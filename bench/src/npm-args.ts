/**
 * The root script is `npm run bench --workspace bench` with no `--`, so `npm run bench --
 * --db postgres` reaches the inner npm as `--db postgres`: npm takes every `--flag` as its own
 * config (exported to us as npm_config_db=true) and passes only the bare value on. This puts
 * the flags back when that can be done without guessing, and otherwise says how to call the
 * bench. Called directly (or with a proper `--`), the flags are in argv and nothing changes.
 */
const VALUED = ["db", "users", "messages", "rate", "throughput-messages", "window"] as const;
const BOOLEAN = ["quick", "help"] as const;

const envName = (flag: string) => `npm_config_${flag.replaceAll("-", "_")}`;
const DIRECT = "npm run bench --workspace bench -- <flags>";

export function recoverNpmMangledArgs(argv: string[], env: NodeJS.ProcessEnv): string[] {
  if (argv.some((a) => a.startsWith("--"))) return argv;
  const out: string[] = [];
  const values = [...argv];
  for (const flag of BOOLEAN) if (env[envName(flag)] === "true") out.push(`--${flag}`);
  const lost: string[] = [];
  for (const flag of VALUED) {
    const value = env[envName(flag)];
    if (value === undefined || value === "") continue;
    // `--users=5` survives as npm_config_users=5; `--users 5` leaves "true" and a bare "5".
    if (value === "true") lost.push(flag);
    else out.push(`--${flag}`, value);
  }
  if (lost.includes("db")) {
    const i = values.findIndex((v) => v === "sqlite" || v === "postgres");
    if (i < 0) throw new Error(`--db lost its value on the way through npm; run: ${DIRECT}`);
    out.push("--db", values.splice(i, 1)[0] ?? "");
  }
  const numeric = lost.filter((f) => f !== "db");
  if (numeric.length > 1 || (numeric.length === 1 && values.length !== 1)) {
    throw new Error(`npm swallowed --${numeric.join(", --")} and their values are ambiguous; run: ${DIRECT}`);
  }
  const [flag] = numeric;
  if (flag) out.push(`--${flag}`, values.splice(0, 1)[0] ?? "");
  // Anything left over is a real stray argument: parseArgs will refuse it with a clear message.
  return [...out, ...values];
}
