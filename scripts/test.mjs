#!/usr/bin/env node
/**
 * `npm test`: the whole suite — unit, integration (real PostgreSQL, Redis, SMTP) and browser
 * tests in Chromium. It builds the app first (the HTTP and browser tests run the real server)
 * and gives the test run a database of its own (tests/support/test-env.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

const node = process.execPath;
const run = (label, args, env = {}) => {
  console.error(`\n[test] ${label}`);
  const result = spawnSync(node, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`[test] ${label} failed`);
    process.exit(result.status ?? 1);
  }
};

if (!existsSync("app/generated/prisma/client.ts")) run("prisma generate", ["node_modules/prisma/build/index.js", "generate"]);
run("build", ["node_modules/@remix-run/dev/dist/cli.js", "vite:build"], { NODE_ENV: "production" });

mkdirSync("test-results", { recursive: true });
const report = "test-results/vitest.json";
const args = ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", `--reporter=json`, `--outputFile.json=${report}`, ...process.argv.slice(2)];
console.error("\n[test] vitest");
const result = spawnSync(node, args, { stdio: "inherit" });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numTotalTestSuites && json.success === false && !json.numFailedTests ? 1 : 0);
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
}
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(result.status ?? 1);
