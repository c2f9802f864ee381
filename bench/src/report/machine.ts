import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import type { Machine } from "./bench-result";

/** What the figures were measured on: they only compare between runs on the same machine. */
export function describeMachine(): Omit<Machine, "loopbackWriteMicros"> {
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    kernel: release(),
    node: process.version,
    fdLimit: fdLimit(),
  };
}

function osName(): string {
  try {
    const m = readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]*)"?$/m);
    return m?.[1] ?? "Linux";
  } catch {
    return process.platform;
  }
}

/** The soft open-files limit, which the server and generators inherit (node cannot read it). */
function fdLimit(): number | null {
  try {
    const n = Number(execFileSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).trim());
    return Number.isFinite(n) ? n : null;
  } catch {
    return null;
  }
}

export function gitCommit(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const status = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {
      encoding: "utf8",
    });
    return { commit, dirty: status.trim().length > 0 };
  } catch {
    return { commit: "unknown", dirty: false };
  }
}
