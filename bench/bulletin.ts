/**
 * The bulletin pipeline end to end, worker included, against raw nodemailer.
 *   npm run bench:bulletin -- [--contacts 22000] [--pool 5] [--json] [--keep]
 * Makes a scratch database of its own (alcance_bench_bulletin) on DATABASE_URL's server and uses a
 * Redis prefix of its own; starts an in-process SMTP sink that counts messages per recipient;
 * sends one bulletin to every contact through the real worker (jobs/worker.ts, a child process,
 * BULLETIN_CONCURRENCY = --pool); then sends the same number of pre-rendered messages with raw
 * nodemailer (a pooled transport of the same size) to the same sink. Prints both rates, their
 * ratio, delivered / missed / duplicates and how many times MJML was compiled.
 * Exports its helpers for bench/drill-bulletin.ts.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { SMTPServer } from "smtp-server";

export const log = (tag: string, message: string) => console.error(`[${tag}] ${message}`);

export const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function sql(url: string, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

/** Drops, creates and migrates a scratch database; returns its URL. */
export async function scratchDatabase(name: string): Promise<string> {
  const base = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/alcance";
  const admin = withDatabase(base, "postgres");
  const url = withDatabase(base, name);
  await sql(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await sql(admin, `CREATE DATABASE "${name}"`);
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
  return url;
}

export async function dropDatabase(name: string) {
  const base = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/alcance";
  await sql(withDatabase(base, "postgres"), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** N confirmed, subscribed contacts (set-based), the settings row, and a segment-less audience. */
export async function fillContacts(url: string, n: number, ratePerSecond: number) {
  await sql(
    url,
    `INSERT INTO "Contact" ("email", "givenName", "familyName", "country", "language", "source", "consentStatus", "subscriptionStatus", "updatedAt")
     SELECT 'persona' || g || '@bench.example', (ARRAY['María','José','Guadalupe','Luis','Ana'])[1 + g % 5], 'García', 'US', 'es',
       'IMPORT', 'CONFIRMED', 'SUBSCRIBED', now()
     FROM generate_series(1, $1::int) AS g`,
    [n],
  );
  await sql(
    url,
    `INSERT INTO "Settings" ("id", "institutionName", "postalAddress", "bulkSenderName", "bulkSenderEmail", "transactionalSenderName", "transactionalSenderEmail", "sendRatePerSecond", "updatedAt")
     VALUES (1, 'Instituto Nacional Electoral', 'Viaducto Tlalpan 100, 14610 Ciudad de México', 'Voto desde el Extranjero', 'boletin@bench.example', 'Alcance', 'no-responder@bench.example', $1, now())
     ON CONFLICT ("id") DO UPDATE SET "sendRatePerSecond" = $1`,
    [ratePerSecond],
  );
}

export type Sink = { port: number; counts: Map<string, number>; accepted: () => number; close(): Promise<void> };

/** An SMTP sink that only counts accepted messages per recipient. */
export async function countingSink(): Promise<Sink> {
  const counts = new Map<string, number>();
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        for (const r of session.envelope.rcptTo) {
          const address = r.address.toLowerCase();
          counts.set(address, (counts.get(address) ?? 0) + 1);
        }
        accepted += 1;
        callback();
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, counts, accepted: () => accepted, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export type WorkerProcess = { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null>; compiles: () => number; stderr: () => string };

/** Starts jobs/worker.ts; `ready` resolves when its bulletin runtime is up. */
export function startWorker(env: Record<string, string>, tag = "worker"): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "jobs/worker.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let compiles = 0;
  let buffer = "";
  let resolveReady: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  child.stderr!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    buffer = (buffer + text).slice(-20_000);
    compiles += (text.match(/\[bulletins\] compiled MJML/g) ?? []).length;
    if (/\[worker\] ready:/.test(text)) resolveReady();
    if (process.env.BENCH_VERBOSE) process.stderr.write(text.replace(/^/gm, `[${tag}] `));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, ready, exited, compiles: () => compiles, stderr: () => buffer };
}

export function delivery(counts: Map<string, number>, expected: string[]) {
  let delivered = 0;
  let duplicates = 0;
  const duplicated: string[] = [];
  for (const email of expected) {
    const n = counts.get(email) ?? 0;
    if (n > 0) delivered += 1;
    if (n > 1) {
      duplicates += n - 1;
      duplicated.push(email);
    }
  }
  return { delivered, missed: expected.length - delivered, duplicates, duplicated };
}

async function main() {
  const { values: opts } = parseArgs({
    args: process.argv.slice(2),
    options: { contacts: { type: "string", default: "22000" }, pool: { type: "string", default: "5" }, json: { type: "boolean", default: false }, keep: { type: "boolean", default: false } },
    strict: true,
  });
  const N = Number(opts.contacts.replace(/[_,]/g, ""));
  const POOL = Number(opts.pool);
  if (!Number.isInteger(N) || N < 1 || !Number.isInteger(POOL) || POOL < 1) {
    console.error("--contacts and --pool must be positive integers");
    process.exit(2);
  }
  const DB = "alcance_bench_bulletin";
  const prefix = `alcance-bench-bulletin-${process.pid}`;
  log("bench:bulletin", `scratch database ${DB}, ${N} contacts, pool ${POOL}`);
  const url = await scratchDatabase(DB);
  await fillContacts(url, N, 1_000_000);
  const sink = await countingSink();
  const smtpUrl = `smtp://127.0.0.1:${sink.port}`;
  Object.assign(process.env, { DATABASE_URL: url, REDIS_PREFIX: prefix, SMTP_URL: smtpUrl, BULLETIN_CONCURRENCY: String(POOL), APP_URL: "https://alcance.example" });

  const worker = startWorker({ DATABASE_URL: url, REDIS_PREFIX: prefix, SMTP_URL: smtpUrl, BULLETIN_CONCURRENCY: String(POOL), BULLETIN_RECONCILE_MS: "5000", APP_URL: "https://alcance.example", NODE_ENV: "development" });
  await worker.ready;

  const { createBulletin, sendBulletin } = await import("../app/modules/bulletins/bulletins.server.ts");
  const { bulletinInputSchema } = await import("../app/modules/bulletins/schema.ts");
  const { db } = await import("../app/lib/db.server.ts");
  const body = "# Boletín de noviembre\n\nHola {{nombre | \"amiga, amigo\"}}: el registro para votar desde el extranjero sigue abierto.\n\n- Tramita tu credencial en el consulado.\n- Regístrate en la lista nominal.\n\n[[Regístrate]](https://www.votoextranjero.mx)";
  const { id } = await createBulletin({ userId: null, ip: "bench" }, bulletinInputSchema.parse({ name: "Bench", subject: "Noticias para {{nombre}}", bodyMarkdown: body }));

  const t0 = performance.now();
  await sendBulletin({ userId: null, ip: "bench" }, id);
  for (;;) {
    const b = await db.bulletin.findUniqueOrThrow({ where: { id }, select: { status: true } });
    if (b.status === "SENT") break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const pipelineSeconds = (performance.now() - t0) / 1000;
  const emails = Array.from({ length: N }, (_, i) => `persona${i + 1}@bench.example`);
  const pipe = delivery(sink.counts, emails);
  const unknown = await db.bulletinDelivery.count({ where: { bulletinId: id, outcomeUnknown: true } });
  const notSent = await db.bulletinDelivery.count({ where: { bulletinId: id, status: { not: "SENT" } } });
  worker.child.kill("SIGTERM");
  await worker.exited;
  log("bench:bulletin", `pipeline: ${N} in ${pipelineSeconds.toFixed(1)} s`);

  // Raw nodemailer: the same number of pre-rendered messages, same pool size, same sink.
  const nodemailer = (await import("nodemailer")).default;
  const { smtpPoolOptions } = await import("../app/modules/bulletins/transport.server.ts");
  const { buildMessage, loadSendable } = await import("../app/modules/bulletins/pipeline/index.server.ts");
  const { compiledBulletin } = await import("../emails/bulk/render.server.ts");
  const { getSettings } = await import("../app/modules/settings/settings.server.ts");
  const bulletin = (await loadSendable(id))!;
  const template = buildMessage(bulletin, await compiledBulletin(bulletin), await getSettings(), { deliveryId: "1", email: "x@bench.example", contactId: 1, values: { givenName: "María" } });
  const raw = nodemailer.createTransport(smtpPoolOptions(smtpUrl, POOL));
  const rawCounts = new Map<string, number>();
  sink.counts.clear();
  const t1 = performance.now();
  let next = 0;
  const lanes = Array.from({ length: POOL * 2 }, async () => {
    while (next < N) {
      const i = next++;
      await raw.sendMail({ ...template, to: `raw${i}@bench.example`, messageId: `<raw${i}@bench.example>` });
    }
  });
  await Promise.all(lanes);
  const rawSeconds = (performance.now() - t1) / 1000;
  raw.close();
  for (const [k, v] of sink.counts) rawCounts.set(k, v);
  log("bench:bulletin", `raw nodemailer: ${N} in ${rawSeconds.toFixed(1)} s`);

  const pipelinePerS = N / pipelineSeconds;
  const rawPerS = N / rawSeconds;
  const result = {
    contacts: N,
    pool: POOL,
    pipeline_per_s: Math.round(pipelinePerS),
    raw_per_s: Math.round(rawPerS),
    ratio: Math.round((pipelinePerS / rawPerS) * 100) / 100,
    delivered: pipe.delivered,
    missed: pipe.missed,
    duplicates: pipe.duplicates,
    mjml_compiles: worker.compiles(),
    outcome_unknown: unknown,
    not_sent: notSent,
    pipeline_seconds: Math.round(pipelineSeconds * 10) / 10,
    raw_seconds: Math.round(rawSeconds * 10) / 10,
    raw_delivered: rawCounts.size,
  };
  await db.$disconnect();
  const { closeQueues } = await import("../jobs/queues.ts");
  await closeQueues();
  const { closePipeline } = await import("../app/modules/bulletins/pipeline/index.server.ts");
  await closePipeline();
  await sink.close();
  // Queues of this run only.
  const { Redis } = await import("ioredis");
  const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379");
  let cursor = "0";
  do {
    const [nextCursor, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = nextCursor;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== "0");
  redis.disconnect();
  if (!opts.keep) await dropDatabase(DB);
  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else console.log(result);
  process.exit(0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
