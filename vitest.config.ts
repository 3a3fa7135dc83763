import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "bench/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: cross-component tests start real processes, so keep parallelism modest.
    pool: "forks",
    maxWorkers: 2,
  },
});
