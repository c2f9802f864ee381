import { parseArgs } from "node:util";
import { recoverNpmMangledArgs } from "./npm-args";
import { frameBudget } from "./server-limits";

export type DbKind = "sqlite" | "postgres";

export interface BenchOptions {
  db: DbKind;
  users: number;
  /** Messages each user sends in the fan-out latency phase. */
  messages: number;
  /** Target total send rate of the fan-out phase, messages per second across all users. */
  rate: number;
  /** Messages sent in the throughput phase, across all users. */
  throughputMessages: number;
  /** Sends each user may have un-acked at once in the throughput phase. */
  window: number;
  quick: boolean;
}

const MAX_FAN_OUT_SEC = 60;
const FULL = { users: 20, messages: 50, rate: 200, throughputMessages: 5000, window: 8 };
// Small enough to finish in well under 20 s on the 2-core box, big enough to exercise fan-out,
// and within the server's per-connection frame budget (100 throughput sends each < the burst).
const QUICK = { users: 10, messages: 10, rate: 100, throughputMessages: 1000, window: 8 };

export const USAGE = `Usage: npm run bench --workspace bench -- [flags]
  --db sqlite|postgres      database behind the server (default sqlite)
  --users N                 connected users, all in one room (default ${FULL.users})
  --messages M              messages per user in the fan-out phase (default ${FULL.messages})
  --rate R                  fan-out phase target, messages/s in total (default ${FULL.rate})
  --throughput-messages T   messages in the throughput phase (default ${FULL.throughputMessages})
  --window W                un-acked sends per user in the throughput phase (default ${FULL.window})
  --quick                   small numbers (${QUICK.users} users, ${QUICK.messages} msgs, ${QUICK.throughputMessages} throughput)`;

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** Parses the flags; throws with a readable message on anything unknown or malformed. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | "help" {
  const { values } = parseArgs({
    args: recoverNpmMangledArgs(argv, env),
    options: {
      db: { type: "string" },
      users: { type: "string" },
      messages: { type: "string" },
      rate: { type: "string" },
      "throughput-messages": { type: "string" },
      window: { type: "string" },
      quick: { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return "help";
  const db = values.db ?? "sqlite";
  if (db !== "sqlite" && db !== "postgres") throw new Error(`--db must be sqlite or postgres, got "${db}"`);
  const base = values.quick ? QUICK : FULL;
  const users = positiveInt("users", values.users, base.users);
  if (users < 2) throw new Error("--users must be at least 2: fan-out needs someone to fan out to");
  const messages = positiveInt("messages", values.messages, base.messages);
  const rate = positiveInt("rate", values.rate, base.rate);
  // The paced phase takes users * messages / rate seconds however fast the server is; it must
  // leave room for setup and the throughput phase inside the hard stop.
  if ((users * messages) / rate > MAX_FAN_OUT_SEC) {
    throw new Error(`--users x --messages / --rate is over ${MAX_FAN_OUT_SEC} s of sending: raise --rate`);
  }
  // The paced phase measures latency, not the limiter: each user must stay within its budget.
  const budget = frameBudget();
  if (rate / users > budget.perSecond) {
    throw new Error(
      `--rate ${rate} over ${users} users is ${rate / users}/s per connection, above the server's ` +
        `frame budget of ${budget.perSecond}/s: add --users or lower --rate`,
    );
  }
  return {
    db,
    users,
    messages,
    rate,
    throughputMessages: positiveInt(
      "throughput-messages",
      values["throughput-messages"],
      base.throughputMessages,
    ),
    window: positiveInt("window", values.window, base.window),
    quick: values.quick ?? false,
  };
}
