#!/usr/bin/env node
/**
 * `npm run quickstart`: from a fresh clone to a running Alcance with demo data.
 * Installs, configures (.env), checks PostgreSQL and Redis (starting local ones if they are
 * installed; installing them with apt-get when run as root on Debian or Ubuntu; otherwise printing
 * the one command to run), creates and migrates the database, seeds, builds, then runs the web
 * server, the worker and the development mail outbox together. Ctrl-C stops everything.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import { debianPgVersions, detectMachine, planProvisioning, withLoopbackTrust } from "./provision.mjs";

const say = (msg) => console.error(`[quickstart] ${msg}`);
const node = process.execPath;

function run(label, cmd, args, { hint, ...opts } = {}) {
  say(label);
  const result = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (result.status !== 0) {
    say(`${label}: failed (exit ${result.status}).`);
    if (hint) say(hint);
    process.exit(result.status ?? 1);
  }
}

const [major] = process.versions.node.split(".").map(Number);
if (major < 20) {
  say(`Node ${process.versions.node} is too old: Alcance needs Node 20 or newer.`);
  process.exit(1);
}

if (!existsSync("node_modules/.bin/remix")) run("installing dependencies (npm ci)", "npm", ["ci", "--no-audit", "--no-fund"]);

// Development configuration: written once, never overwritten.
if (!existsSync(".env")) {
  const secret = () => randomBytes(32).toString("base64url");
  writeFileSync(
    ".env",
    [
      "# Written by npm run quickstart for local development. See .env.example for every variable.",
      "DATABASE_URL=postgresql://postgres@127.0.0.1:5432/alcance",
      "REDIS_URL=redis://127.0.0.1:6379",
      "APP_URL=http://localhost:3000",
      `SESSION_SECRET=${secret()}`,
      `APP_KEY=${secret()}`,
      "SMTP_URL=smtp://127.0.0.1:2525",
      "SEED_PASSWORD=alcance-demo-2017",
      "",
    ].join("\n"),
  );
  say("wrote .env with development values");
}
const env = Object.fromEntries(
  readFileSync(".env", "utf8")
    .split("\n")
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
);
const merged = { ...env, ...process.env };
const port = Number(merged.PORT || 3000);
const appUrl = merged.APP_URL || `http://localhost:${port}`;

function reachable(host, portNumber, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: portNumber });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** Where a service is expected, and whether it is this machine (so the quickstart may provision it). */
function target(url, defaultPort) {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || defaultPort), local: ["127.0.0.1", "localhost", "::1", "[::1]"].includes(parsed.hostname) };
}
const services = {
  postgres: { name: "PostgreSQL", ...target(merged.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/alcance", 5432), setting: "DATABASE_URL" },
  redis: { name: "Redis", ...target(merged.REDIS_URL || "redis://127.0.0.1:6379", 6379), setting: "REDIS_URL" },
};

async function waitReachable(service, seconds = 15) {
  for (let i = 0; i < seconds * 2; i++) {
    if (await reachable(service.host, service.port)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/**
 * PostgreSQL and Redis: nothing to do when both answer; otherwise what planProvisioning says —
 * start them, install them (root on Debian/Ubuntu), or print the one command to run and stop.
 * A few rounds: an install is followed by a start, a start by a check.
 */
async function ensureServices() {
  for (let round = 0; round < 4; round++) {
    const running = {};
    for (const [key, service] of Object.entries(services)) {
      running[key] = await reachable(service.host, service.port);
      if (!running[key] && !service.local) {
        say(`${service.name} is not reachable at ${service.host}:${service.port}. Start it, or change ${service.setting} in .env.`);
        process.exit(1);
      }
    }
    const plan = planProvisioning({ ...detectMachine(), running, redisPort: services.redis.port });
    if (plan.action === "ready") return;
    for (const [key, service] of Object.entries(services)) if (!running[key]) say(`${service.name} is not running at ${service.host}:${service.port}.`);
    if (plan.action === "instruct") {
      say(plan.command ? `Install or start it with:\n\n    ${plan.command}\n` : "The quickstart cannot install it on this system.");
      if (plan.note) say(plan.note);
      say("Then run npm run quickstart again.");
      process.exit(1);
    }
    if (plan.action === "install") say(`installing ${plan.packages.join(" and ")} with apt-get (running as root)`);
    for (const { cmd, args, env: extra } of plan.commands) {
      say(`$ ${cmd} ${args.map((a) => (a === "" ? '""' : a)).join(" ")}`);
      const result = spawnSync(cmd, args, { stdio: plan.action === "install" ? "inherit" : "ignore", env: { ...process.env, ...extra } });
      if (plan.action === "install" && result.status !== 0) {
        say(`${cmd} failed (exit ${result.status}).`);
        process.exit(1);
      }
    }
    if (plan.action === "install" && plan.trustLoopback) trustLoopback();
    if (plan.action === "start") for (const [key, service] of Object.entries(services)) if (!running[key] && (await waitReachable(service))) say(`${service.name} started.`);
  }
  say("Could not start PostgreSQL and Redis. Start them by hand, or set DATABASE_URL and REDIS_URL in .env.");
  process.exit(1);
}

/**
 * A cluster the quickstart has just installed asks for a password on 127.0.0.1; Alcance (its
 * default DATABASE_URL, the test suite) connects as postgres without one, as on CI. Let local
 * connections in, on this new development cluster only, and say so.
 */
function trustLoopback() {
  for (const version of debianPgVersions()) {
    const file = `/etc/postgresql/${version}/main/pg_hba.conf`;
    if (!existsSync(file)) continue;
    writeFileSync(file, withLoopbackTrust(readFileSync(file, "utf8")));
    say(`${file}: local connections over 127.0.0.1 and ::1 are trusted (development cluster).`);
    // Running already (the package started it) → read the new rules; stopped → the start reads them.
    spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "reload"], { stdio: "ignore" });
  }
}

await ensureServices();
if (process.argv.includes("--services-only")) {
  say("PostgreSQL and Redis are running.");
  process.exit(0);
}

run("creating the database if needed", node, ["scripts/create-database.mjs"], {
  env: { ...process.env, ...merged },
  hint:
    "If PostgreSQL refused the login: Alcance connects as postgres without a password over 127.0.0.1 (DATABASE_URL). " +
    "Put the role's password in DATABASE_URL in .env (and TEST_DATABASE_ADMIN_URL for npm test), or, on a development machine, " +
    "add `host all all 127.0.0.1/32 trust` at the top of pg_hba.conf and reload PostgreSQL.",
});
run("generating the Prisma client", node, ["node_modules/prisma/build/index.js", "generate"]);
run("applying migrations", node, ["node_modules/prisma/build/index.js", "migrate", "deploy"]);
run("loading demo data", node, ["node_modules/prisma/build/index.js", "db", "seed"], { env: { ...process.env, NODE_ENV: "development" } });
run("building the app", node, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build"]);

const children = [];
function start(name, args, extraEnv = {}) {
  const child = spawn(node, ["--import", "tsx", ...args], { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...extraEnv } });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      say(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
      stopAll(1);
    }
  });
  children.push(child);
}

let stopping = false;
function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 8000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once("exit", r))))).then(() => process.exit(code));
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

start("outbox", ["scripts/outbox.ts"]);
start("worker", ["jobs/worker.ts"]);
start("web", ["server/index.ts"], { NODE_ENV: "production" });

const password = merged.SEED_PASSWORD || "alcance-demo-2017";
for (let i = 0; i < 100; i++) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    if (res.ok) break;
  } catch {
    // starting
  }
  await new Promise((r) => setTimeout(r, 200));
}
console.error(`
  Alcance is running at ${appUrl}

  Demo logins (password: ${password})
    admin@alcance.test          Administración (sets up two-factor authentication at first login)
    coordinacion@alcance.test   Coordinación de vinculación
    comunicacion@alcance.test   Comunicación
    jurado1@alcance.test … jurado3@alcance.test   Jurado

  Mail goes to the development outbox: ${appUrl}/admin/outbox
  Ctrl-C stops everything.
`);
