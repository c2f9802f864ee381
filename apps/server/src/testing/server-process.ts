import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DbOptions } from "@parley/db";
import { TEST_DATABASE_URL } from "@parley/db/testing";
import { LIFTED_RATE_LIMIT_ENV } from "./lifted-rate-limits";

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), "../../../../..");

/**
 * The server's environment for a test database (PostgreSQL: its own schema), API only. The
 * fault tests send a thousand messages from ten people on one address within seconds, so the
 * per-user and per-IP limits are lifted (a test may set its own after these).
 */
export function serverEnvFor(options: DbOptions): Record<string, string> {
  if (options.kind === "sqlite")
    return { PARLEY_WEB: "0", DATA_DIR: dirname(options.file), ...LIFTED_RATE_LIMIT_ENV };
  const url = new URL(TEST_DATABASE_URL);
  if (options.schema) url.searchParams.set("options", `-c search_path=${options.schema}`);
  return { PARLEY_WEB: "0", DATABASE_URL: url.toString(), ...LIFTED_RATE_LIMIT_ENV };
}

/**
 * The real server as a child process — exactly what `npm start` runs — on a loopback port with
 * its own data folder. `restart()` stops it with SIGTERM and starts it again on the same port
 * and data, as an operator's restart would.
 */
export class ServerProcess {
  readonly dataDir = mkdtempSync(join(tmpdir(), "parley-proc-"));
  private child: ChildProcess | undefined;
  private port = 0;
  url = "";
  readonly log: string[] = [];

  /** `env` is added to the server's environment (e.g. DATABASE_URL, PARLEY_WEB=0). */
  constructor(private readonly env: Record<string, string> = {}) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<string> {
    const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: "127.0.0.1",
        DATA_DIR: this.dataDir,
        LOG_LEVEL: "info",
        PARLEY_DEV: "0",
        PARLEY_WEB: "1",
        // Searchable within ~0.2 s (the default window is 1 s): a browser spec searches at once.
        SEARCH_INDEX_WINDOW_MS: "100",
        ...this.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start:\n${this.log.join("")}`)),
        60_000,
      );
      const onData = (chunk: Buffer) => {
        const text = chunk.toString();
        this.remember(text);
        const match = text.match(/"url":"(http:\/\/[^"]+)"/);
        if (match?.[1]) {
          clearTimeout(timer);
          resolveUrl(match[1].replace("localhost", "127.0.0.1"));
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", (chunk: Buffer) => this.remember(chunk.toString()));
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${this.log.join("")}`));
      });
    });
    this.port = Number(new URL(this.url).port);
    return this.url;
  }

  /** Keeps the recent output for error messages, bounded for long runs. */
  private remember(text: string): void {
    this.log.push(text);
    if (this.log.length > 200) this.log.splice(0, this.log.length - 200);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once("exit", () => done());
      child.kill("SIGTERM");
    });
  }

  /** kill -9: no shutdown, no flush — what a power cut or OOM kill looks like to the process. */
  async crash(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once("exit", () => done());
      child.kill("SIGKILL");
    });
  }

  async restart(): Promise<string> {
    await this.stop();
    return this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
