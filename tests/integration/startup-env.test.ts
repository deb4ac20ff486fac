import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// The worker and the CLI as an operator starts them, with nothing but the given variables (and no
// .env file: DOTENV_CONFIG_PATH points nowhere).
function start(command: "worker" | "cli", vars: Record<string, string>) {
  const args = command === "worker" ? ["--import", "tsx", "jobs/worker.ts"] : ["bin/alcance.js", "help"];
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DOTENV_CONFIG_PATH: "/nonexistent/.env", ...vars };
  // Remix's globals declare NODE_ENV as always set; here it deliberately may not be.
  return spawnSync(process.execPath, args, { encoding: "utf8", timeout: 60_000, env: env as unknown as NodeJS.ProcessEnv });
}

describe("worker and CLI start-up", () => {
  for (const command of ["worker", "cli"] as const) {
    it(`${command}: refuses the development APP_KEY when NODE_ENV is missing, in one line`, () => {
      const result = start(command, {});
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(/^Invalid configuration: APP_KEY: must be set \(at least 32 characters\) unless NODE_ENV is development or test[^\n]*$/);
    });

    it(`${command}: refuses to start in production without APP_KEY, naming it in one line`, () => {
      const result = start(command, { NODE_ENV: "production", SESSION_SECRET: "s".repeat(40) });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(/^Invalid configuration: APP_KEY: is required in production[^\n]*$/);
    });
  }

  it("cli: starts without APP_KEY when NODE_ENV says development, and with a real key without NODE_ENV", () => {
    expect(start("cli", { NODE_ENV: "development" }).status).toBe(0);
    expect(start("cli", { APP_KEY: "k".repeat(40) }).status).toBe(0);
  });
});
