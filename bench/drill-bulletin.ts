/**
 * The crash drill: one bulletin to 22,000 recipients while a worker is SIGKILLed 5 times at
 * random moments (and restarted each time), then SIGTERMed once (and restarted), then Redis is
 * restarted once, without persistence (its queues are lost). With --workers 2 (or more) that many
 * worker processes share the same PostgreSQL and Redis; each SIGKILL hits one of them at random
 * while the others keep sending (the drill checks that deliveries went on while it was down).
 *   npm run drill:bulletin -- [--recipients 22000] [--rate 300] [--pool 5] [--workers 2] [--json] [--keep]
 * It makes its own scratch database (alcance_drill_bulletin), starts its own redis-server on a
 * free port and its own SMTP sink counting messages per recipient. Goal: missed 0; duplicates at
 * most `concurrency` (pool × workers) per SIGKILL — in fact at most the killed worker's pool —
 * every one of them marked "outcome unknown".
 */
import { spawn, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { countingSink, delivery, dropDatabase, fillContacts, freePort, log, scratchDatabase, startWorker, type WorkerProcess } from "./bulletin.ts";

const { values: opts } = parseArgs({
  args: process.argv.slice(2),
  options: {
    recipients: { type: "string", default: "22000" },
    rate: { type: "string", default: "300" },
    pool: { type: "string", default: "5" },
    workers: { type: "string", default: "1" },
    json: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
  strict: true,
});
const N = Number(opts.recipients.replace(/[_,]/g, ""));
const RATE = Number(opts.rate);
const POOL = Number(opts.pool);
const WORKERS = Number(opts.workers);
if (![N, RATE, POOL, WORKERS].every((n) => Number.isInteger(n) && n > 0)) {
  console.error("--recipients, --rate, --pool and --workers must be positive integers");
  process.exit(2);
}
const KILLS = 5;
const say = (message: string) => log("drill:bulletin", message);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--maxmemory-policy", "noeviction"], { stdio: "ignore" });
  const probe = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => undefined);
  for (let i = 0; i < 100; i++) {
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return child;
    } catch {
      probe.disconnect();
      await sleep(100);
    }
  }
  throw new Error("redis-server did not start");
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  await exited;
}

async function main() {
  const DB = "alcance_drill_bulletin";
  say(`scratch database ${DB}, ${N} recipients at ${RATE}/s, pool ${POOL}, ${WORKERS} worker(s)`);
  const url = await scratchDatabase(DB);
  await fillContacts(url, N, RATE);
  const redisPort = await freePort();
  let redis = await startRedis(redisPort);
  const sink = await countingSink();
  const env = {
    DATABASE_URL: url,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    REDIS_PREFIX: "alcance-drill",
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    APP_URL: "https://alcance.example",
    BULLETIN_CONCURRENCY: String(POOL),
    BULLETIN_RECONCILE_MS: "2000",
    NODE_ENV: "development",
  };
  Object.assign(process.env, env);
  const { createBulletin, sendBulletin } = await import("../app/modules/bulletins/bulletins.server.ts");
  const { bulletinInputSchema } = await import("../app/modules/bulletins/schema.ts");
  const { db } = await import("../app/lib/db.server.ts");

  const workers: WorkerProcess[] = Array.from({ length: WORKERS }, (_, i) => startWorker(env, `worker${i + 1}`));
  await Promise.all(workers.map((w) => w.ready));
  const { id } = await createBulletin({ userId: null, ip: "drill" }, bulletinInputSchema.parse({ name: "Drill", subject: "Hola {{nombre}}", bodyMarkdown: "# Simulacro\n\nHola {{nombre}}." }));
  const started = performance.now();
  await sendBulletin({ userId: null, ip: "drill" }, id);
  const sentNow = () => db.bulletinDelivery.count({ where: { bulletinId: id, status: "SENT" } });
  const status = async () => (await db.bulletin.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
  const events: string[] = [];
  const restart = async (i: number) => {
    workers[i] = startWorker(env, `worker${i + 1}`);
    await workers[i]!.ready;
  };
  const pick = () => Math.floor(Math.random() * WORKERS);

  let kills = 0;
  // Kills during which another worker was alive, and how many of those saw deliveries go on.
  let killsWithOthers = 0;
  let othersKeptSending = 0;
  for (let i = 0; i < KILLS; i++) {
    await sleep(between(1_500, 4_500));
    if ((await status()) === "SENT") break;
    const victim = pick();
    await stopProcess(workers[victim]!.child, "SIGKILL");
    kills += 1;
    const atKill = await sentNow();
    // The killed worker stays down for a while: are the others still sending meanwhile?
    await sleep(1_500);
    const whileDown = (await sentNow()) - atKill;
    if (WORKERS > 1) {
      killsWithOthers += 1;
      if (whileDown > 0) othersKeptSending += 1;
    }
    events.push(`SIGKILL #${kills} of worker ${victim + 1} at ${atKill} sent; ${whileDown} sent in the 1.5 s it was down`);
    say(events[events.length - 1]!);
    await restart(victim);
  }
  let sigterms = 0;
  await sleep(between(1_500, 4_000));
  if ((await status()) !== "SENT") {
    const victim = pick();
    const before = performance.now();
    await stopProcess(workers[victim]!.child, "SIGTERM");
    sigterms += 1;
    events.push(`SIGTERM of worker ${victim + 1} at ${await sentNow()} sent (stopped in ${Math.round(performance.now() - before)} ms)`);
    say(events[events.length - 1]!);
    await restart(victim);
  }
  let redisRestarts = 0;
  await sleep(between(1_500, 4_000));
  if ((await status()) !== "SENT") {
    await stopProcess(redis, "SIGKILL");
    redis = await startRedis(redisPort);
    redisRestarts += 1;
    events.push(`Redis restarted (queues lost) at ${await sentNow()} sent`);
    say(events[events.length - 1]!);
  }

  const deadline = Date.now() + 15 * 60_000;
  while ((await status()) !== "SENT") {
    if (Date.now() > deadline) throw new Error("the bulletin did not finish within 15 minutes");
    await sleep(250);
  }
  const seconds = (performance.now() - started) / 1000;
  // Let late SMTP sessions land before counting.
  await sleep(500);
  const emails = Array.from({ length: N }, (_, i) => `persona${i + 1}@bench.example`);
  const counted = delivery(sink.counts, emails);
  const unknownRows = await db.bulletinDelivery.findMany({ where: { bulletinId: id, outcomeUnknown: true }, select: { email: true } });
  const unknown = new Set(unknownRows.map((r) => r.email));
  const unmarked = counted.duplicated.filter((e) => !unknown.has(e));
  const notSent = await db.bulletinDelivery.count({ where: { bulletinId: id, status: { not: "SENT" } } });
  // Messages in flight at once across all workers; a SIGKILL can only duplicate its victim's (≤ POOL).
  const concurrency = POOL * WORKERS;
  const result = {
    recipients: N,
    workers: WORKERS,
    pool: POOL,
    kills,
    kills_while_others_sent: WORKERS > 1 ? othersKeptSending : null,
    kills_with_other_workers: WORKERS > 1 ? killsWithOthers : null,
    sigterms,
    redis_restarts: redisRestarts,
    delivered: counted.delivered,
    missed: counted.missed,
    duplicates: counted.duplicates,
    concurrency,
    duplicates_within_bound: counted.duplicates <= kills * concurrency,
    duplicates_within_pool_bound: counted.duplicates <= kills * POOL,
    // The bulletin may finish before every event happened: then the drill proves less (rerun slower).
    complete: kills === KILLS && sigterms === 1 && redisRestarts === 1,
    unknown_marked: unknown.size,
    duplicates_unmarked: unmarked.length,
    not_sent: notSent,
    seconds: Math.round(seconds),
    events,
  };

  await Promise.all(workers.map((w) => stopProcess(w.child, "SIGTERM")));
  await db.$disconnect();
  const { closeQueues } = await import("../jobs/queues.ts");
  await closeQueues();
  await sink.close();
  await stopProcess(redis, "SIGTERM");
  if (!opts.keep) await dropDatabase(DB);
  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else console.log(result);
  const othersOk = WORKERS === 1 || othersKeptSending === killsWithOthers;
  if (!result.complete) say("the bulletin finished before every kill, SIGTERM and Redis restart happened: use more --recipients or a lower --rate");
  process.exit(result.missed === 0 && result.duplicates_unmarked === 0 && result.duplicates_within_bound && othersOk && result.complete ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
