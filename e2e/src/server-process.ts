import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), "../../..");

/**
 * The real server as a child process — exactly what `npm start` runs — on a loopback port with
 * its own data folder. `restart()` stops it with SIGTERM and starts it again on the same port
 * and data, as an operator's restart would.
 */
export class ServerProcess {
  readonly dataDir = mkdtempSync(join(tmpdir(), "parley-e2e-"));
  private child: ChildProcess | undefined;
  private port = 0;
  url = "";
  readonly log: string[] = [];

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
        this.log.push(text);
        const match = text.match(/"url":"(http:\/\/[^"]+)"/);
        if (match?.[1]) {
          clearTimeout(timer);
          resolveUrl(match[1].replace("localhost", "127.0.0.1"));
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", (chunk: Buffer) => this.log.push(chunk.toString()));
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${this.log.join("")}`));
      });
    });
    this.port = Number(new URL(this.url).port);
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once("exit", () => done());
      child.kill("SIGTERM");
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
