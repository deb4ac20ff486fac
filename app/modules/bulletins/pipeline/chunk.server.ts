/** Sending one chunk of deliveries (see index.server.ts). */
import { Readable } from "node:stream";
import { audit } from "~/modules/audit/index.server";
import { getSettings } from "~/modules/settings/index.server";
import { compiledBulletin } from "../../../../emails/bulk/render.server";
import { bulletinConfig } from "../config.server";
import { bulkTransport } from "../transport.server";

import { pipelinePool } from "./connections.server";
import { Ledger, type ClaimedRow, type Outcome } from "./ledger.server";
import { classifySmtpError, composeMessage, type SendableBulletin } from "./messages.server";
import { processLanes } from "./lanes.server";
import { sharedRateLimiter } from "./rate.server";
const log = (...args: unknown[]) => console.error("[bulletins]", ...args);

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
  const tStart = performance.now();
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
  const limiter = sharedRateLimiter(Math.max(1, settings.sendRatePerSecond));
  const limiterCalls = limiter.calls;
  const transport = bulkTransport();
  const lanes = processLanes(transport.poolSize);
  const timing = config.BULLETIN_TIMINGS === "1" ? { setupMs: performance.now() - tStart, busyAtStart: lanes.busyMs, idleAtStart: lanes.allIdleMs, firstLane: 0, firstSlotDone: 0, lastSlotDone: 0, gateWaitMs: 0, gateWaits: 0 } : null;
  const bounces: Array<{ contactId: number; deliveryId: string; diagnostic: string }> = [];
  let halted = false;
  let thresholdHit = false;

  // Handed to the transport by this job and not yet recorded: released as "outcome unknown" if the job fails.
  const unrecorded = new Set<string>();
  // Claimed ahead, a batch per statement, and not yet handed to a slot: never sent, so given back
  // as plain PENDING on a halt, a stop or a failure (with the ids of a claim whose reply was lost).
  const ready: ClaimedRow[] = [];
  const claimedUnsent = new Set<string>();
  const batch = CLAIM_BATCH_PER_LANE * transport.poolSize;
  let refilling: Promise<void> | null = null;
  let claimFailure: unknown = null;

  /** Claims the next batch of the chunk's ids in one statement (one at a time), unless there is nothing left to claim. */
  const refill = (): Promise<void> | null => {
    if (refilling || claimFailure || halted || ctx.shouldStop() || queue.length === 0) return refilling;
    const ids = queue.splice(0, batch);
    for (const id of ids) claimedUnsent.add(id);
    refilling = ledger
      .claim(ids)
      .then(
        (step) => {
          const rows = new Set(step.started.map((r) => r.id));
          for (const id of ids) if (!rows.has(id)) claimedUnsent.delete(id);
          ready.push(...step.started);
          if (step.bulletinStatus !== "SENDING") halt(step.bulletinStatus);
        },
        (error: unknown) => {
          claimFailure = error;
        },
      )
      .finally(() => {
        refilling = null;
      });
    return refilling;
  };

  const halt = (status: string | null) => {
    halted = true;
    result.status = status;
  };

  /** The next claimed delivery for a slot; claims the next batch while the last few of this one are sent. */
  const claimNext = async (): Promise<ClaimedRow | null> => {
    for (;;) {
      if (claimFailure) throw claimFailure;
      if (halted || ctx.shouldStop()) return null;
      if (ready.length <= transport.poolSize) void refill();
      const row = ready.shift();
      if (row) {
        claimedUnsent.delete(row.id);
        unrecorded.add(row.id);
        result.started += 1;
        return row;
      }
      const pending = refill();
      if (!pending) return null;
      await pending;
    }
  };

  /** Sends one claimed delivery; its message can only end (and be accepted) once `gate` opens. */
  const send = async (row: ClaimedRow, gate: Promise<void>): Promise<Outcome> => {
    try {
      const composed = composeMessage(bulletin, compiled, settings, {
        deliveryId: row.id,
        email: row.email,
        contactId: row.contactId,
        values: { givenName: row.givenName, familyName: row.familyName, fullName: [row.givenName, row.familyName].filter(Boolean).join(" "), country: row.country, state: row.state, city: row.city, email: row.email },
      });
      await transport.send(
        composed.kind === "raw"
          ? { ...composed.message, raw: gatedStream(composed.message.raw, gate, timing) }
          : { ...composed.message, html: gatedStream(composed.message.html, gate, timing) },
      );
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

  /** Commits an outcome (group-committed); from then on a crash cannot duplicate that message. */
  const record = async (outcome: Outcome) => {
    const status = await ledger.record(outcome);
    unrecorded.delete(outcome.id);
    if (status !== "SENDING") halt(status);
  };

  /**
   * One lane of the pool. Its messages form a chain: message k's last byte waits until k-1's
   * outcome is committed, and k's outcome is committed the moment the server answers. So a lane
   * never has more than one message the SMTP server may have accepted without the database
   * knowing, however many of its messages are in the transport at once (LANE_DEPTH: the next one
   * is already queued on the pool when a connection frees, as raw nodemailer's callers do).
   */
  const slot = async () => {
    const release = await lanes.acquire();
    if (timing && !timing.firstLane) timing.firstLane = performance.now();
    try {
      await runLane();
    } finally {
      release();
      if (timing) {
        timing.lastSlotDone = performance.now();
        timing.firstSlotDone ||= timing.lastSlotDone;
      }
    }
  };
  const runLane = async () => {
    let gate: Promise<void> = Promise.resolve();
    const window: Array<Promise<void>> = [];
    try {
      for (let row = await claimNext(); row; row = await claimNext()) {
        await limiter.take();
        const previous = gate;
        // A failed commit destroys the message's stream: the server never accepts it, and the
        // chain stops there (whatever this lane claimed stays in `unrecorded`).
        const sending = send(row, previous);
        const recorded = (async () => {
          const outcome = await sending;
          await previous;
          await record(outcome);
        })();
        recorded.catch(() => undefined);
        gate = recorded;
        window.push(recorded);
        if (window.length >= LANE_DEPTH) await window.shift();
      }
    } finally {
      // Every message this lane handed to the transport settles before the lane is given back.
      await Promise.allSettled(window);
    }
    await Promise.all(window);
  };
  /** Claims made ahead that no slot will send: back to PENDING once no claim is in flight. */
  const releaseClaimedUnsent = async () => {
    await refilling;
    await ledger.release([...claimedUnsent]);
    claimedUnsent.clear();
  };
  try {
    await Promise.all(Array.from({ length: Math.min(transport.poolSize, queue.length) }, slot));
    await releaseClaimedUnsent();
  } catch (error) {
    await releaseUnrecorded([...unrecorded], ctx.workerKey).catch(() => undefined);
    await releaseClaimedUnsent().catch(() => undefined);
    throw error;
  }
  result.skipped = ledger.skipped;
  result.halted = halted;

  if (bounces.length) {
    const { recordSmtpBounce } = await import("../bounces.server");
    for (const bounce of bounces) await recordSmtpBounce({ ...bounce, bulletinId: bulletin.id });
  }
  const closing = performance.now();
  const report = () => {
    if (!timing) return;
    const end = performance.now();
    log(
      "timing",
      JSON.stringify({
        chunk: job.chunk,
        messages: result.started,
        setup_ms: round(timing.setupMs),
        lane_wait_ms: round(timing.firstLane ? timing.firstLane - tStart - timing.setupMs : 0),
        send_ms: round(timing.firstLane ? timing.lastSlotDone - timing.firstLane : 0),
        tail_ms: round(timing.lastSlotDone - timing.firstSlotDone),
        close_ms: round(end - closing),
        total_ms: round(end - tStart),
        statements: ledger.timings.outcomeStatements,
        statement_ms: round(ledger.timings.outcomeMs),
        claim_statements: ledger.timings.claimStatements,
        claim_ms: round(ledger.timings.claimMs),
        gate_waits: timing.gateWaits,
        gate_wait_ms: round(timing.gateWaitMs),
        rate_calls: limiter.calls - limiterCalls,
        lanes_busy_ms: [round(timing.busyAtStart), round(lanes.busyMs)],
        lanes_all_idle_ms: [round(timing.idleAtStart), round(lanes.allIdleMs)],
        at_ms: [round(tStart), round(end)],
      }),
    );
  };
  if (thresholdHit) {
    await pauseForFailures(bulletin, result);
    report();
    return result;
  }
  if (await finishIfDone(bulletin.id)) {
    report();
    return result;
  }
  report();
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

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Rows claimed per statement, per lane: one claim serves several messages (claims were one per
 * ~2.6 messages, each on a lane's path), at the price of at most this many claimed-but-unsent rows
 * per lane, given back on a halt and marked «outcome unknown» only if the worker dies.
 */
const CLAIM_BATCH_PER_LANE = 2;

/** Messages of one lane in the transport at once (see runLane). */
const LANE_DEPTH = 2;

/** A stream of `text` whose end waits for `gate` (the SMTP server cannot accept it before). */
function gatedStream(text: string, gate: Promise<void>, timing: { gateWaitMs: number; gateWaits: number } | null): Readable {
  let started = false;
  let open = false;
  void gate.then(
    () => (open = true),
    () => undefined,
  );
  return new Readable({
    read() {
      if (started) return;
      started = true;
      this.push(text);
      // How long the message's end waited for the previous outcome's commit (for BULLETIN_TIMINGS).
      const waitStart = timing && !open ? performance.now() : 0;
      gate.then(
        () => {
          if (timing && waitStart) {
            timing.gateWaits += 1;
            timing.gateWaitMs += performance.now() - waitStart;
          }
          this.push(null);
        },
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
  const { notifyAuthorOfPause } = await import("../notify.server");
  await notifyAuthorOfPause(bulletin, result).catch((error: Error) => log("could not notify the author:", error.message));
}
