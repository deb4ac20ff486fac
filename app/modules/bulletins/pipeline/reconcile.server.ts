/** Reconciliation, test sends and shutdown (see index.server.ts). */
import { getSettings } from "~/modules/settings/index.server";
import { compiledBulletin } from "../../../../emails/bulk/render.server";
import { bulkTransport } from "../transport.server";
import type { BulletinJob } from "../types";

import { startDueScheduled, enqueuePending, sampleValues } from "../bulletins.server";
import { finishIfDone, loadSendable } from "./chunk.server";
import { closePipelinePool, LIVENESS_LOCK_CLASS, pipelinePool } from "./connections.server";
import { buildMessage } from "./messages.server";
import { closeRateConnection } from "./rate.server";
const log = (...args: unknown[]) => console.error("[bulletins]", ...args);

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
  const values = await sampleValues(job.contactId);
  const prefix = `[${(await import("~/i18n")).makeT(bulletin.language === "en" ? "en" : "es")("bulletins.email.testPrefix")}] `;
  for (const to of job.to) {
    await bulkTransport().send(buildMessage(bulletin, compiled, settings, { deliveryId: null, email: to, contactId: null, values }, { subjectPrefix: prefix }));
  }
  return job.to.length;
}

export async function closePipeline(): Promise<void> {
  closeRateConnection();
  await closePipelinePool();
}
