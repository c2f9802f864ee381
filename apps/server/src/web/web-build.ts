import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, "../../../..");
export const WEB_DIR = join(REPO_ROOT, "apps/web");
const HASH_FILE = join(WEB_DIR, ".next/parley-source-hash");

/** What the web build is made from: the web app and the protocol it imports. */
const SOURCES = [join(WEB_DIR, "src"), join(WEB_DIR, "public"), join(REPO_ROOT, "packages/protocol/src")];
const CONFIG_FILES = ["next.config.ts", "package.json", "tsconfig.json"].map((f) => join(WEB_DIR, f));

function listFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(path, out);
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** A digest of every input of the web build; a different digest means the build is stale. */
export function webSourceHash(): string {
  const hash = createHash("sha256");
  const files = [...SOURCES.flatMap((d) => listFiles(d)), ...CONFIG_FILES.filter(existsSync)].sort();
  for (const file of files) {
    hash.update(file.slice(REPO_ROOT.length));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

export function webBuildState(): "missing" | "stale" | "fresh" {
  if (!existsSync(join(WEB_DIR, ".next/BUILD_ID")) || !existsSync(HASH_FILE)) return "missing";
  return readFileSync(HASH_FILE, "utf8").trim() === webSourceHash() ? "fresh" : "stale";
}

/** Runs `next build` for the web app and records the source digest it was built from. */
export async function buildWeb(log: (line: string) => void = console.log): Promise<void> {
  const hash = webSourceHash();
  const nextBin = createRequire(join(WEB_DIR, "package.json")).resolve("next/dist/bin/next");
  const started = Date.now();
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      cwd: WEB_DIR,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`next build exited with ${code}`)),
    );
  });
  writeFileSync(HASH_FILE, hash);
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Builds the web app first if its build is missing or older than its sources. */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<void> {
  const state = webBuildState();
  if (state === "fresh") return;
  log(`The web app build is ${state}; building it now (about a minute)…`);
  await buildWeb(log);
}

export function lastBuildTime(): Date | null {
  return existsSync(HASH_FILE) ? statSync(HASH_FILE).mtime : null;
}
