#!/usr/bin/env node
/**
 * `npm run quickstart`: from a fresh clone to a running Alcance with demo data.
 * Installs, configures (.env), checks PostgreSQL and Redis (starting local ones if it can),
 * creates and migrates the database, seeds, builds, then runs the web server, the worker and the
 * development mail outbox together. Ctrl-C stops everything.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import net from "node:net";

const say = (msg) => console.error(`[quickstart] ${msg}`);
const node = process.execPath;

function run(label, cmd, args, opts = {}) {
  say(label);
  const result = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (result.status !== 0) {
    say(`${label}: failed (exit ${result.status}).`);
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

async function ensureService(name, url, defaultPort, startCommands, howTo) {
  const parsed = new URL(url);
  const host = parsed.hostname;
  const servicePort = Number(parsed.port || defaultPort);
  if (await reachable(host, servicePort)) return;
  say(`${name} is not reachable at ${host}:${servicePort}.`);
  const local = ["127.0.0.1", "localhost", "::1"].includes(host);
  for (const [cmd, args] of local ? startCommands() : []) {
    say(`trying to start it: ${cmd} ${args.join(" ")}`);
    spawnSync(cmd, args, { stdio: "ignore" });
    for (let i = 0; i < 20; i++) {
      if (await reachable(host, servicePort)) return say(`${name} started.`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  say(`Could not reach ${name}. ${howTo}`);
  process.exit(1);
}

await ensureService(
  "PostgreSQL",
  merged.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/alcance",
  5432,
  () => {
    const versions = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql") : [];
    return versions.map((v) => ["pg_ctlcluster", ["--skip-systemctl-redirect", v, "main", "start"]]);
  },
  "Start it (for example: sudo pg_ctlcluster <version> main start, or brew services start postgresql) or set DATABASE_URL in .env.",
);
await ensureService(
  "Redis",
  merged.REDIS_URL || "redis://127.0.0.1:6379",
  6379,
  () => [["redis-server", ["--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379", "--save", "", "--appendonly", "no"]]],
  "Start it (for example: redis-server --daemonize yes, or brew services start redis) or set REDIS_URL in .env.",
);

run("creating the database if needed", node, ["scripts/create-database.mjs"], { env: { ...process.env, ...merged } });
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
