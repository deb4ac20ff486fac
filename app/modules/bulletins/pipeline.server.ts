/**
 * The sending pipeline (see docs/decisions/009-bulletins.md). The database is the truth:
 *
 *  - a delivery is PENDING until a worker claims it, in the same statement that records the
 *    outcome of that slot's previous message (PENDING → SENDING, claimedAt, claimedBy = the
 *    worker's liveness key, attempts + 1), only if the bulletin is still SENDING and the contact
 *    is still confirmed and subscribed;
 *  - it is sent; its outcome (SENT / FAILED / back to PENDING for a retry) is written before that
 *    slot claims its next delivery, so at most one message per slot — BULLETIN_CONCURRENCY per
 *    worker — is ever "sent but not recorded";
 *  - the statements of all slots are group-committed (one UPDATE for whatever the slots asked
 *    for while the previous one ran);
 *  - each worker process holds a session advisory lock while it lives; a SENDING row whose
 *    claimedBy lock is gone belongs to a dead worker: reconciliation marks it outcomeUnknown and
 *    makes it PENDING again (it is re-sent with the same Message-ID).
 *
 * Redis carries only (bulletinId, chunk) jobs; the job id is derived from them, so re-queuing is
 * idempotent, and reconciliation re-queues every chunk that still has PENDING rows.
 */
import { randomInt } from "node:crypto";
import { Readable } from "node:stream";
import pg from "pg";
import type { Redis } from "ioredis";
import type { SendMailOptions } from "nodemailer";
import { env } from "~/lib/env.server";
import { createRedis, redisKey } from "~/lib/redis.server";
import { signToken } from "~/lib/crypto.server";
import { audit } from "~/modules/audit/audit.server";
import { getSettings, type AppSettings } from "~/modules/settings/settings.server";
import { compiledBulletin, mergeBulletin, type CompiledBulletin } from "../../../emails/bulk/render.server";
import { bulletinConfig } from "./config.server";
import { bulkTransport } from "./transport.server";
import type { BulletinJob } from "./types";

const log = (...args: unknown[]) => console.error("[bulletins]", ...args);

// ── Connections ─────────────────────────────────────────────────────────────────────────────────

const globalForPipeline = globalThis as unknown as { __bulletinPool?: pg.Pool };

/** A small pg pool of the pipeline's own: the hot path runs plain SQL, not the ORM. */
export function pipelinePool(): pg.Pool {
  if (!globalForPipeline.__bulletinPool) {
    // synchronous_commit off: a claim or an outcome is visible to every session at once and
    // survives the worker's death; only a PostgreSQL crash could lose the last ~0.2 s of them
    // (see docs/decisions/009-bulletins.md). It takes the WAL flush off each message's path.
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 4, idleTimeoutMillis: 30_000, options: "-c synchronous_commit=off" });
    pool.on("error", (error) => log("pool error:", error.message));
    globalForPipeline.__bulletinPool = pool;
  }
  return globalForPipeline.__bulletinPool;
}

export async function closePipelinePool(): Promise<void> {
  const pool = globalForPipeline.__bulletinPool;
  globalForPipeline.__bulletinPool = undefined;
  await pool?.end();
}

// ── Worker liveness ─────────────────────────────────────────────────────────────────────────────

/** classid of the advisory locks that mark live bulletin workers ("AlcB"). */
export const LIVENESS_LOCK_CLASS = 0x416c6342;

export type Liveness = { key: number; close(): Promise<void> };

/**
 * Takes a session advisory lock (LIVENESS_LOCK_CLASS, key) on a connection of its own and keeps
 * it while the process lives. The lock vanishes with the connection when the process dies, even
 * by SIGKILL, which is how reconciliation tells a dead worker's claims from a live one's.
 */
export async function startLiveness(): Promise<Liveness> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, keepAlive: true });
  client.on("error", (error) => log("liveness connection error:", error.message));
  await client.connect();
  for (;;) {
    const key = randomInt(1, 2 ** 31 - 1);
    const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::int, $2::int) AS ok", [LIVENESS_LOCK_CLASS, key]);
    if (rows[0]?.ok) {
      return {
        key,
        close: async () => {
          await client.end().catch(() => undefined);
        },
      };
    }
  }
}

// ── Global rate ─────────────────────────────────────────────────────────────────────────────────

const TAKE_SCRIPT = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local grant = math.min(tonumber(ARGV[2]), tonumber(ARGV[1]) - used)
if grant <= 0 then return 0 end
redis.call('INCRBY', KEYS[1], grant)
redis.call('PEXPIRE', KEYS[1], 5000)
return grant`;

let rateRedis: Redis | undefined;

function rateConnection(): Redis {
  // Retries forever while Redis restarts (like BullMQ's own worker connections).
  return (rateRedis ??= createRedis("worker"));
}

/**
 * A global rate across every worker: one counter per second in Redis. Each worker takes tokens in
 * small grants (about a twentieth of the rate) so it asks Redis a few times a second, not per message.
 */
export class RateLimiter {
  private tokens = 0;
  private window = -1;
  private chain: Promise<void> = Promise.resolve();
  constructor(private readonly perSecond: number) {}

  hasToken(): boolean {
    return this.tokens > 0 && this.window === Math.floor(Date.now() / 1000);
  }

  take(): Promise<void> {
    const next = this.chain.then(() => this.acquire());
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const window = Math.floor(now / 1000);
      if (window === this.window && this.tokens > 0) {
        this.tokens -= 1;
        return;
      }
      const want = Math.max(1, Math.min(100, Math.ceil(this.perSecond / 20)));
      let granted = 0;
      try {
        granted = Number(await rateConnection().eval(TAKE_SCRIPT, 1, redisKey("bulletin-rate", String(window)), this.perSecond, want));
      } catch (error) {
        log("rate limiter:", (error as Error).message);
        await sleep(250);
        continue;
      }
      this.window = window;
      this.tokens = granted;
      if (granted > 0) {
        this.tokens -= 1;
        return;
      }
      await sleep(1000 - (Date.now() % 1000) + 2);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ── The ledger: group-committed claims and outcomes ─────────────────────────────────────────────

export type ClaimedRow = {
  id: string;
  email: string;
  contactId: number;
  attempts: number;
  outcomeUnknown: boolean;
  givenName: string | null;
  familyName: string | null;
  country: string | null;
  state: string | null;
  city: string | null;
};

type Outcome = { kind: "sent"; id: string } | { kind: "failed"; id: string; error: string } | { kind: "retry"; id: string; error: string };
type StepResult = { bulletinStatus: string | null; started: ClaimedRow | null };
type Waiter = { startId: string | null; resolve(r: StepResult): void; reject(e: unknown): void };

const FLUSH_SQL = `
WITH sent AS (
  UPDATE "BulletinDelivery" SET "status" = 'SENT', "sentAt" = now(), "lastError" = NULL, "claimedBy" = NULL
  WHERE "id" = ANY($1::bigint[]) AND "status" = 'SENDING' RETURNING "contactId"
), reset AS (
  UPDATE "Contact" SET "softBounces" = 0 WHERE "id" IN (SELECT "contactId" FROM sent) AND "softBounces" > 0 RETURNING 1
), failed AS (
  UPDATE "BulletinDelivery" d SET "status" = 'FAILED', "lastError" = f.err, "claimedBy" = NULL
  FROM unnest($2::bigint[], $3::text[]) AS f(id, err) WHERE d."id" = f.id AND d."status" = 'SENDING' RETURNING d."id"
), retried AS (
  UPDATE "BulletinDelivery" d SET "status" = 'PENDING', "lastError" = r.err, "claimedAt" = NULL, "claimedBy" = NULL
  FROM unnest($4::bigint[], $5::text[]) AS r(id, err) WHERE d."id" = r.id AND d."status" = 'SENDING' RETURNING d."id"
), bulletin AS (
  SELECT "status"::text AS status FROM "Bulletin" WHERE "id" = $7
), candidates AS (
  SELECT d."id", c."givenName", c."familyName", c."country", c."state", c."city",
    (c."id" IS NOT NULL AND c."consentStatus" = 'CONFIRMED' AND c."subscriptionStatus" = 'SUBSCRIBED') AS eligible
  FROM "BulletinDelivery" d LEFT JOIN "Contact" c ON c."id" = d."contactId"
  WHERE d."id" = ANY($6::bigint[]) AND d."bulletinId" = $7 AND d."status" = 'PENDING'
    AND (SELECT status FROM bulletin) = 'SENDING'
), started AS (
  UPDATE "BulletinDelivery" d SET "status" = 'SENDING', "claimedAt" = now(), "claimedBy" = $8, "attempts" = d."attempts" + 1
  FROM candidates k WHERE d."id" = k."id" AND k.eligible AND d."status" = 'PENDING'
  RETURNING d."id"::text AS id, d."email", d."contactId", d."attempts", d."outcomeUnknown",
    k."givenName", k."familyName", k."country", k."state", k."city"
), skipped AS (
  UPDATE "BulletinDelivery" d SET "status" = 'FAILED', "lastError" = 'skipped: no longer subscribed'
  FROM candidates k WHERE d."id" = k."id" AND NOT k.eligible AND d."status" = 'PENDING' RETURNING d."id"
)
SELECT (SELECT status FROM bulletin) AS "bulletinStatus",
  coalesce((SELECT json_agg(started) FROM started), '[]'::json) AS started,
  (SELECT count(*) FROM sent)::int AS sent, (SELECT count(*) FROM failed)::int AS failed,
  (SELECT count(*) FROM retried)::int AS retried, (SELECT count(*) FROM skipped)::int AS skipped,
  (SELECT count(*) FROM reset)::int AS reset`;

/** Statements in flight at once: the rows of different flushes never overlap, so they may run side by side. */
const MAX_PARALLEL_FLUSHES = 2;

/**
 * Collects the slots' outcomes and claims and writes them in a few statements at a time; a slot's
 * step() resolves once its outcome is committed and its next delivery is claimed (or not).
 */
export class Ledger {
  private outcomes: Outcome[] = [];
  private waiters: Waiter[] = [];
  private flushing = 0;
  private scheduled = false;
  skipped = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly bulletinId: string,
    private readonly workerKey: number,
  ) {}

  step(outcome: Outcome | null, startId: string | null): Promise<StepResult> {
    return new Promise<StepResult>((resolve, reject) => {
      if (outcome) this.outcomes.push(outcome);
      this.waiters.push({ startId, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.flushing >= MAX_PARALLEL_FLUSHES || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing >= MAX_PARALLEL_FLUSHES || (this.outcomes.length === 0 && this.waiters.length === 0)) return;
    this.flushing += 1;
    const outcomes = this.outcomes;
    const waiters = this.waiters;
    this.outcomes = [];
    this.waiters = [];
    try {
      const sent = outcomes.filter((o) => o.kind === "sent").map((o) => o.id);
      const failed = outcomes.filter((o): o is Extract<Outcome, { kind: "failed" }> => o.kind === "failed");
      const retry = outcomes.filter((o): o is Extract<Outcome, { kind: "retry" }> => o.kind === "retry");
      const start = waiters.map((w) => w.startId).filter((id): id is string => id !== null);
      // A named (prepared) statement: planned once per connection, not on every message.
      const { rows } = await this.pool.query<{ bulletinStatus: string | null; started: ClaimedRow[]; skipped: number }>({ name: "bulletin-ledger-flush", text: FLUSH_SQL }, [
        sent,
        failed.map((f) => f.id),
        failed.map((f) => f.error.slice(0, 500)),
        retry.map((r) => r.id),
        retry.map((r) => r.error.slice(0, 500)),
        start,
        this.bulletinId,
        this.workerKey,
      ]);
      const row = rows[0]!;
      this.skipped += row.skipped;
      const byId = new Map(row.started.map((s) => [String(s.id), s]));
      for (const waiter of waiters) waiter.resolve({ bulletinStatus: row.bulletinStatus, started: waiter.startId ? (byId.get(waiter.startId) ?? null) : null });
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
    } finally {
      this.flushing -= 1;
      if (this.outcomes.length || this.waiters.length) this.schedule();
    }
  }
}

// ── Messages ────────────────────────────────────────────────────────────────────────────────────

export type SendableBulletin = {
  id: string;
  name: string;
  version: number;
  status: string;
  subject: string;
  preheader: string | null;
  bodyMarkdown: string;
  language: string;
  fromName: string;
  fromEmail: string;
  replyTo: string | null;
  createdById: string | null;
};

/** Unsubscribe links live at least a year; two years leaves room for a late reader. */
export const UNSUBSCRIBE_TOKEN_DAYS = 730;
export const UNSUBSCRIBE_PURPOSE = "unsubscribe";

export function unsubscribeToken(contactId: number | null, bulletinId: string, now = Date.now()): string {
  return signToken(UNSUBSCRIBE_PURPOSE, `${contactId ?? "test"}.${bulletinId}`, new Date(now + UNSUBSCRIBE_TOKEN_DAYS * 86_400_000));
}

function domainOf(email: string): string {
  return email.split("@")[1]?.toLowerCase() || "alcance.invalid";
}

/** The Message-ID of a delivery: the same on every attempt, so a receiver can spot a repeat. */
export function deliveryMessageId(deliveryId: string, bulletinId: string, fromEmail: string): string {
  return `<d${deliveryId}.${bulletinId}@${domainOf(fromEmail)}>`;
}

export function buildMessage(
  bulletin: SendableBulletin,
  compiled: CompiledBulletin,
  settings: Pick<AppSettings, "institutionName" | "postalAddress">,
  recipient: { deliveryId: string | null; email: string; contactId: number | null; values: Parameters<typeof mergeBulletin>[1] },
  opts: { subjectPrefix?: string } = {},
): SendMailOptions {
  const token = unsubscribeToken(recipient.contactId, bulletin.id);
  const unsubscribeUrl = `${env().APP_URL.replace(/\/$/, "")}/u/${token}`;
  const merged = mergeBulletin(compiled, recipient.values, {
    institutionName: settings.institutionName,
    postalAddress: settings.postalAddress,
    unsubscribeUrl,
    privacyUrl: `${unsubscribeUrl}#aviso-de-privacidad`,
  });
  const domain = domainOf(bulletin.fromEmail);
  return {
    from: { name: bulletin.fromName, address: bulletin.fromEmail },
    to: recipient.email,
    replyTo: bulletin.replyTo ?? undefined,
    subject: `${opts.subjectPrefix ?? ""}${merged.subject}`,
    html: merged.html,
    text: merged.text,
    messageId: recipient.deliveryId ? deliveryMessageId(recipient.deliveryId, bulletin.id, bulletin.fromEmail) : undefined,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>, <mailto:${bulletin.fromEmail}?subject=${encodeURIComponent(`unsubscribe ${token}`)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `<bulletins.${domain}>`,
      Precedence: "bulk",
      "Auto-Submitted": "auto-generated",
      ...(recipient.deliveryId ? { "X-Alcance-Delivery": `${bulletin.id}/${recipient.deliveryId}` } : {}),
    },
  };
}

// ── SMTP errors ─────────────────────────────────────────────────────────────────────────────────

export type SmtpFailure = { permanent: boolean; userUnknown: boolean; message: string };

const USER_UNKNOWN = /\b5\.1\.[0-3]\b|user unknown|unknown user|no such (user|mailbox|recipient)|mailbox (unavailable|not found|does not exist)|recipient (address )?rejected|does not exist|invalid recipient/i;

/** 5xx replies are permanent; 4xx replies and connection errors are temporary. */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const code = typeof e.responseCode === "number" ? e.responseCode : null;
  const message = `${code ?? e.code ?? "error"} ${(e.response ?? e.message ?? String(error)).replace(/\s+/g, " ").trim()}`.slice(0, 500);
  if (code !== null && code >= 500 && code < 600) {
    return { permanent: true, userUnknown: (code === 550 || code === 551 || code === 553) && USER_UNKNOWN.test(e.response ?? e.message ?? ""), message };
  }
  return { permanent: false, userUnknown: false, message };
}

// ── Queueing ────────────────────────────────────────────────────────────────────────────────────

export function chunkJobId(bulletinId: string, chunk: number): string {
  return `bulletin-${bulletinId}-${chunk}`;
}

// ── Sending one chunk ───────────────────────────────────────────────────────────────────────────

/** Thrown when some deliveries of a chunk failed temporarily: BullMQ retries the job later (backoff with jitter). */
export class RetryLaterError extends Error {}

export type ChunkResult = { started: number; sent: number; failed: number; retried: number; skipped: number; halted: boolean; status: string | null };

export type ChunkContext = { workerKey: number; shouldStop: () => boolean };

export async function loadSendable(bulletinId: string): Promise<SendableBulletin | null> {
  const { rows } = await pipelinePool().query<SendableBulletin>(
    `SELECT "id", "name", "version", "status"::text AS status, "subject", "preheader", "bodyMarkdown", "language", "fromName", "fromEmail", "replyTo", "createdById"
     FROM "Bulletin" WHERE "id" = $1`,
    [bulletinId],
  );
  return rows[0] ?? null;
}

export async function processChunk(job: { bulletinId: string; chunk: number }, ctx: ChunkContext): Promise<ChunkResult> {
  const config = bulletinConfig();
  const pool = pipelinePool();
  const result: ChunkResult = { started: 0, sent: 0, failed: 0, retried: 0, skipped: 0, halted: false, status: null };
  const bulletin = await loadSendable(job.bulletinId);
  result.status = bulletin?.status ?? null;
  if (!bulletin || bulletin.status !== "SENDING") return result;

  const settings = await getSettings();
  const compiled = await compiledBulletin(bulletin);
  const low = job.chunk * config.BULLETIN_CHUNK;
  const { rows } = await pool.query<{ id: string }>(
    `SELECT "id"::text AS id FROM "BulletinDelivery" WHERE "bulletinId" = $1 AND "id" >= $2 AND "id" < $3 AND "status" = 'PENDING' ORDER BY "id"`,
    [bulletin.id, low, low + config.BULLETIN_CHUNK],
  );
  const queue = rows.map((r) => r.id);
  const ledger = new Ledger(pool, bulletin.id, ctx.workerKey);
  const limiter = new RateLimiter(Math.max(1, settings.sendRatePerSecond));
  const transport = bulkTransport();
  const bounces: Array<{ contactId: number; deliveryId: string; diagnostic: string }> = [];
  let halted = false;
  let thresholdHit = false;

  // Claimed by this job and not yet recorded: released as "outcome unknown" if the job fails.
  const unrecorded = new Set<string>();

  /** Records `outcome` (if any) and claims the next delivery, in one group-committed statement. */
  const claimNext = async (outcome: Outcome | null): Promise<ClaimedRow | null> => {
    let carry = outcome;
    for (;;) {
      const id = halted || ctx.shouldStop() ? undefined : queue.shift();
      const step = id === undefined ? (carry ? await ledger.step(carry, null) : null) : await ledger.step(carry, id);
      if (carry) unrecorded.delete(carry.id);
      carry = null;
      if (!step || id === undefined) return null;
      if (step.bulletinStatus !== "SENDING") {
        halted = true;
        result.status = step.bulletinStatus;
        continue;
      }
      if (step.started) {
        unrecorded.add(step.started.id);
        result.started += 1;
        return step.started;
      }
    }
  };

  /** Sends one claimed delivery; its message can only end (and be accepted) once `gate` opens. */
  const send = async (row: ClaimedRow, gate: Promise<void>): Promise<Outcome> => {
    try {
      const message = buildMessage(bulletin, compiled, settings, {
        deliveryId: row.id,
        email: row.email,
        contactId: row.contactId,
        values: { givenName: row.givenName, familyName: row.familyName, fullName: [row.givenName, row.familyName].filter(Boolean).join(" "), country: row.country, state: row.state, city: row.city, email: row.email },
      });
      await transport.send({ ...message, html: gatedStream(String(message.html), gate) });
      result.sent += 1;
      return { kind: "sent", id: row.id };
    } catch (error) {
      const failure = classifySmtpError(error);
      let outcome: Outcome;
      if (failure.permanent) {
        outcome = { kind: "failed", id: row.id, error: failure.message };
        result.failed += 1;
        if (failure.userUnknown) bounces.push({ contactId: row.contactId, deliveryId: row.id, diagnostic: failure.message });
      } else if (row.attempts >= config.BULLETIN_MAX_ATTEMPTS) {
        outcome = { kind: "failed", id: row.id, error: `gave up after ${row.attempts} attempts: ${failure.message}` };
        result.failed += 1;
      } else {
        outcome = { kind: "retry", id: row.id, error: failure.message };
        result.retried += 1;
      }
      // Too many failures in this window: stop claiming now, pause the bulletin below.
      if (result.started >= config.BULLETIN_FAILURE_MIN_WINDOW && (result.failed + result.retried) / result.started > config.BULLETIN_FAILURE_THRESHOLD) {
        thresholdHit = true;
        halted = true;
      }
      return outcome;
    }
  };

  /**
   * One slot of the pool. While message k is being transmitted, the outcome of message k-1 is
   * committed (with the claim of k+1); k's last byte waits for that commit. So a slot never has
   * more than one message the SMTP server may have accepted without the database knowing.
   */
  const slot = async () => {
    let current = await claimNext(null);
    let previous: Outcome | null = null;
    while (current) {
      await limiter.take();
      let open!: () => void;
      let shut!: (error: unknown) => void;
      const gate = new Promise<void>((resolve, reject) => {
        open = resolve;
        shut = reject;
      });
      gate.catch(() => undefined);
      const sending = send(current, gate);
      let next: ClaimedRow | null;
      try {
        next = await claimNext(previous);
        open();
      } catch (error) {
        shut(error);
        await sending;
        throw error;
      }
      previous = await sending;
      current = next;
    }
    if (previous) {
      await ledger.step(previous, null);
      unrecorded.delete(previous.id);
    }
  };
  try {
    await Promise.all(Array.from({ length: transport.poolSize }, slot));
  } catch (error) {
    await releaseUnrecorded([...unrecorded], ctx.workerKey).catch(() => undefined);
    throw error;
  }
  result.skipped = ledger.skipped;
  result.halted = halted;

  if (bounces.length) {
    const { recordSmtpBounce } = await import("./bounces.server");
    for (const bounce of bounces) await recordSmtpBounce({ ...bounce, bulletinId: bulletin.id });
  }
  if (thresholdHit) {
    await pauseForFailures(bulletin, result);
    return result;
  }
  if (await finishIfDone(bulletin.id)) return result;
  if (ctx.shouldStop()) return result;
  // Work left in this chunk while the bulletin is sending (temporary failures, or a pause that was
  // resumed while this job still ran, so its re-queue was a no-op): BullMQ runs it again after a
  // backoff with jitter.
  const left = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "BulletinDelivery" d JOIN "Bulletin" b ON b."id" = d."bulletinId"
     WHERE d."bulletinId" = $1 AND d."id" >= $2 AND d."id" < $3 AND d."status" = 'PENDING' AND b."status" = 'SENDING'`,
    [bulletin.id, low, low + config.BULLETIN_CHUNK],
  );
  if ((left.rows[0]?.n ?? 0) > 0) throw new RetryLaterError(`${left.rows[0]!.n} deliveries of chunk ${job.chunk} still pending; retrying later`);
  return result;
}

/** A stream of `text` whose end waits for `gate` (the SMTP server cannot accept it before). */
function gatedStream(text: string, gate: Promise<void>): Readable {
  let started = false;
  return new Readable({
    read() {
      if (started) return;
      started = true;
      this.push(text);
      gate.then(
        () => this.push(null),
        (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
}

/** After a job error: this worker's unrecorded claims go back to PENDING, marked outcome unknown. */
async function releaseUnrecorded(ids: string[], workerKey: number) {
  if (ids.length === 0) return;
  await pipelinePool().query(
    `UPDATE "BulletinDelivery" SET "status" = 'PENDING', "outcomeUnknown" = true, "claimedAt" = NULL, "claimedBy" = NULL, "lastError" = 'outcome unknown: the job failed while sending'
     WHERE "id" = ANY($1::bigint[]) AND "status" = 'SENDING' AND "claimedBy" = $2`,
    [ids, workerKey],
  );
}

/** SENDING → SENT, only when no delivery is PENDING or SENDING (never "sent" with work left). */
export async function finishIfDone(bulletinId: string): Promise<boolean> {
  const { rows } = await pipelinePool().query<{ id: string }>(
    `UPDATE "Bulletin" SET "status" = 'SENT', "finishedAt" = now(), "updatedAt" = now()
     WHERE "id" = $1 AND "status" = 'SENDING'
       AND NOT EXISTS (SELECT 1 FROM "BulletinDelivery" WHERE "bulletinId" = $1 AND "status" IN ('PENDING', 'SENDING'))
     RETURNING "id"`,
    [bulletinId],
  );
  if (rows.length === 0) return false;
  await audit({ userId: null, ip: "worker" }, { action: "bulletin.finish", entity: "bulletin", entityId: bulletinId, after: { status: "SENT" } });
  return true;
}

async function pauseForFailures(bulletin: SendableBulletin, result: ChunkResult) {
  const reason = `failureThreshold:${result.failed + result.retried}/${result.started}`;
  const { rows } = await pipelinePool().query<{ id: string }>(
    `UPDATE "Bulletin" SET "status" = 'PAUSED', "pausedReason" = $2, "updatedAt" = now() WHERE "id" = $1 AND "status" = 'SENDING' RETURNING "id"`,
    [bulletin.id, reason],
  );
  if (rows.length === 0) return;
  log(`bulletin ${bulletin.id} paused: ${reason}`);
  await audit({ userId: null, ip: "worker" }, { action: "bulletin.autoPause", entity: "bulletin", entityId: bulletin.id, before: { status: "SENDING" }, after: { status: "PAUSED", pausedReason: reason } });
  const { notifyAuthorOfPause } = await import("./notify.server");
  await notifyAuthorOfPause(bulletin, result).catch((error: Error) => log("could not notify the author:", error.message));
}

// ── Reconciliation ──────────────────────────────────────────────────────────────────────────────

export type ReconcileResult = { unknownMarked: number; queuedChunks: number; finished: number; started: number };

/**
 * Run at worker start and periodically: (1) a dead worker's claims become PENDING again, marked
 * outcome unknown; (2) due scheduled bulletins start; (3) every chunk of a SENDING bulletin with
 * PENDING deliveries is queued again (a no-op for chunks already queued); (4) SENDING bulletins
 * with nothing left become SENT.
 */
export async function reconcile(): Promise<ReconcileResult> {
  const pool = pipelinePool();
  const stale = await pool.query(
    `UPDATE "BulletinDelivery" d SET "status" = 'PENDING', "outcomeUnknown" = true, "claimedAt" = NULL, "claimedBy" = NULL,
       "lastError" = 'outcome unknown: the worker stopped while sending'
     WHERE d."bulletinId" IN (SELECT "id" FROM "Bulletin" WHERE "status" IN ('SENDING', 'PAUSED', 'CANCELLED'))
       AND d."status" = 'SENDING'
       AND (d."claimedBy" IS NULL OR d."claimedBy"::bigint NOT IN (
         SELECT l.objid::bigint FROM pg_locks l
         WHERE l.locktype = 'advisory' AND l.classid::bigint = $1 AND l.objsubid = 2 AND l.granted
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())))`,
    [LIVENESS_LOCK_CLASS],
  );
  const unknownMarked = stale.rowCount ?? 0;
  if (unknownMarked) log(`${unknownMarked} deliveries claimed by a stopped worker marked "outcome unknown" and queued again`);

  const { startDueScheduled, enqueuePending } = await import("./bulletins.server");
  const started = await startDueScheduled();

  const { rows } = await pool.query<{ id: string }>(`SELECT "id" FROM "Bulletin" WHERE "status" = 'SENDING' ORDER BY "startedAt"`);
  let queuedChunks = 0;
  let finished = 0;
  for (const { id } of rows) {
    if (await finishIfDone(id)) finished += 1;
    else queuedChunks += await enqueuePending(id);
  }
  return { unknownMarked, queuedChunks, finished, started };
}

// ── Test sends ──────────────────────────────────────────────────────────────────────────────────

export async function sendTestMessages(job: Extract<BulletinJob, { kind: "test" }>): Promise<number> {
  const bulletin = await loadSendable(job.bulletinId);
  if (!bulletin) return 0;
  const settings = await getSettings();
  const compiled = await compiledBulletin(bulletin);
  const { sampleValues } = await import("./bulletins.server");
  const values = await sampleValues(job.contactId);
  const prefix = `[${(await import("~/i18n")).makeT(bulletin.language === "en" ? "en" : "es")("bulletins.email.testPrefix")}] `;
  for (const to of job.to) {
    await bulkTransport().send(buildMessage(bulletin, compiled, settings, { deliveryId: null, email: to, contactId: null, values }, { subjectPrefix: prefix }));
  }
  return job.to.length;
}

export async function closePipeline(): Promise<void> {
  rateRedis?.disconnect();
  rateRedis = undefined;
  await closePipelinePool();
}
