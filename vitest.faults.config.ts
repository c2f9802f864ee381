import { defineConfig } from "vitest/config";

// Fault tests: real server child processes killed and restarted mid-load. Slower than the
// unit/API suite, so they run as their own step of `npm test`.
export default defineConfig({
  test: {
    include: ["apps/**/*.faults.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
