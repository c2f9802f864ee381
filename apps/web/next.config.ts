import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

// The monorepo root: Turbopack must see it to follow the workspace symlink to
// packages/protocol, and output tracing must start there to include it.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The protocol package ships TypeScript source, not built JavaScript.
  transpilePackages: ["@parley/protocol"],
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  // Dev only: Next refuses its hot-reload and chunk requests from hosts other than the one it
  // thinks it serves; developers and the e2e browser use either loopback name.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
};

export default nextConfig;
