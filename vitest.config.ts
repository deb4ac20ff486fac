import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";
import { TEST_ENV } from "./tests/support/test-env";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/**/*.test.ts"],
    env: TEST_ENV,
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two cores: files run in parallel, each on data of its own (unique e-mails and IPs).
    maxWorkers: 2,
    minWorkers: 1,
    reporters: ["default"],
  },
});
