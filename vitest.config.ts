import { defineConfig } from "vitest/config";

// Unit and integration tests: beside the code in packages/, apps/ and bench/. The browser suite in
// e2e/ has its own config (it needs a built web app and Chromium).
export default defineConfig({
  test: {
    include: ["packages/**/*.test.ts", "apps/**/*.test.ts", "bench/**/*.test.ts"],
    // Fault tests kill real server processes; they run in their own step (test:faults).
    exclude: ["**/node_modules/**", "**/.next/**", "**/*.faults.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Each test file builds its own server and database; two workers fit the 2-core machine.
    pool: "forks",
    maxWorkers: 2,
  },
});
