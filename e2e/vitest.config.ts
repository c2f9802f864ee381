import { defineConfig } from "vitest/config";

// Browser specs: a real server process with the built web app, driven by Debian's Chromium.
export default defineConfig({
  test: {
    include: ["src/**/*.e2e.test.ts"],
    globalSetup: ["src/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // One browser and one server at a time: the machine has two cores.
    fileParallelism: false,
  },
});
