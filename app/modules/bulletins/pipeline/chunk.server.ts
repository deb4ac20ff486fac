/** Sending one chunk of deliveries (see index.server.ts). */
import { Readable } from "node:stream";
import { audit } from "~/modules/audit/index.server";
import { getSettings } from "~/modules/settings/index.server";
import { compiledBulletin } from "../../../../emails/bulk/render.server";
import { bulletinConfig } from "../config.server";
import { bulkTransport } from "../transport.server";

import { pipelinePool } from "./connections.server";
import { Ledger, type ClaimedRow, type Outcome } from "./ledger.server";
import { buildMessage, classifySmtpError, type SendableBulletin } from "./messages.server";
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

  // Claimed by this job and not yet recorded: released as "outcome unknown" if the job fails.
  const unrecorded = new Set<string>();

  /** Claims the next delivery of the chunk that may still be sent (group-committed). */
  const claimNext = async (): Promise<ClaimedRow | null> => {
    for (;;) {
      const id = halted || ctx.shouldStop() ? undefined : queue.shift();
      if (id === undefined) return null;
      const step = await ledger.claim(id);
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
      await transport.send({ ...message, html: gatedStream(String(message.html), gate, timing) });
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
    await ledger.record(outcome);
    unrecorded.delete(outcome.id);
  };

  /**
   * One slot of the pool. While message k is being transmitted, the outcome of message k-1 is
   * committed and k+1 claimed, in two statements side by side; k's last byte waits for the first
   * only. So a slot never has more than one message the SMTP server may have accepted without the
   * database knowing, and the claim's statement is off the message's path.
   */
  const slot = async () => {
    const release = await lanes.acquire();
    if (timing && !timing.firstLane) timing.firstLane = performance.now();
    try {
      await runSlot();
    } finally {
      release();
      if (timing) {
        timing.lastSlotDone = performance.now();
        timing.firstSlotDone ||= timing.lastSlotDone;
      }
    }
  };
  const runSlot = async () => {
    let current = await claimNext();
    let previous: Outcome | null = null;
    while (current) {
      await limiter.take();
      const gate = previous ? record(previous) : Promise.resolve();
      gate.catch(() => undefined);
      const claiming = claimNext();
      claiming.catch(() => undefined);
      // A failed commit destroys the message's stream: the server never accepts it.
      const sending = send(current, gate);
      let next: ClaimedRow | null;
      try {
        await gate;
        next = await claiming;
      } catch (error) {
        // Whatever was claimed or sent here stays in `unrecorded`: released as outcome unknown
        // below, once the claim beside it has settled (a row it claimed must not stay SENDING).
        await sending;
        await claiming.catch(() => null);
        throw error;
      }
      previous = await sending;
      current = next;
    }
    if (previous) await record(previous);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(transport.poolSize, queue.length) }, slot));
  } catch (error) {
    await releaseUnrecorded([...unrecorded], ctx.workerKey).catch(() => undefined);
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
