/**
 * Once per run: a fresh database (migrated), a Redis prefix of its own, an in-process SMTP
 * server that stores into the test database, and the real web server and worker processes.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";
import { Redis } from "ioredis";
import type { TestProject } from "vitest/node";
import { TEST_ADMIN_URL, TEST_DB_NAME, TEST_ENV } from "./test-env";
import { freePort } from "./net";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    smtpPort: number;
  }
}


async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: TEST_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function clearRedisPrefix(prefix: string) {
  const redis = new Redis(TEST_ENV.REDIS_URL!, { maxRetriesPerRequest: 1 });
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== "0");
  redis.disconnect();
}

async function waitForHealthy(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`web server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`web server did not become healthy at ${url}`);
}

function startProcess(args: string[], env: Record<string, string>, name: string): ChildProcess {
  // TEST_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": where the test servers' time goes.
  const nodeArgs = (process.env.TEST_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `[${name}] `;
  const forward = (chunk: Buffer) => {
    if (process.env.TEST_VERBOSE) process.stderr.write(chunk.toString().replace(/^/gm, prefix));
  };
  child.stdout?.on("data", forward);
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    if (process.env.TEST_VERBOSE || /error|failed/i.test(text)) process.stderr.write(text.replace(/^/gm, prefix));
  });
  return child;
}

export default async function setup(project: TestProject) {
  await adminQuery(`DROP DATABASE IF EXISTS "${TEST_DB_NAME}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${TEST_DB_NAME}"`);
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, ...TEST_ENV },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await clearRedisPrefix(TEST_ENV.REDIS_PREFIX!);

  // The SMTP sink lives in this (the test runner's) process and writes into the test database.
  // The outbox server, plus chosen recipients answered with 4xx/5xx (see smtp-sink.ts).
  const { startTestSmtpSink } = await import("./smtp-sink");
  const smtp = await startTestSmtpSink(0);
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  // The servers run as they do in production (React's production build renders pages 2–3× faster
  // than its development build, which NODE_ENV=test would load); the tests' own processes stay "test".
  const appEnv = { ...TEST_ENV, NODE_ENV: "production", PORT: String(port), APP_URL: baseUrl, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };

  if (!existsSync("build/server/index.js")) {
    execFileSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build"], { stdio: ["ignore", "ignore", "inherit"] });
  }
  const web = startProcess(["server/index.ts"], appEnv, "web");
  const worker = startProcess(["jobs/worker.ts"], appEnv, "worker");
  await waitForHealthy(baseUrl, web);

  project.provide("baseUrl", baseUrl);
  project.provide("smtpPort", smtp.port);
  Object.assign(process.env, { APP_URL: baseUrl, SMTP_URL: appEnv.SMTP_URL });

  return async () => {
    const stopped = (child: ChildProcess) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      });
    await Promise.all([stopped(web), stopped(worker)]);
    await smtp.close();
    const { db } = await import("../../app/lib/db.server");
    await db.$disconnect();
    await clearRedisPrefix(TEST_ENV.REDIS_PREFIX!);
    if (!process.env.TEST_KEEP_DB) await adminQuery(`DROP DATABASE IF EXISTS "${TEST_DB_NAME}" WITH (FORCE)`);
  };
}
