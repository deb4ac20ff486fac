/**
 * The sending pipeline (see docs/decisions/009-bulletins.md). The database is the truth:
 *
 *  - a delivery is PENDING until a worker claims it (PENDING → SENDING, claimedAt, claimedBy =
 *    the worker's liveness key, attempts + 1), only if the bulletin is still SENDING and the
 *    contact is still confirmed and subscribed;
 *  - it is sent; its outcome (SENT / FAILED / back to PENDING for a retry) is committed before
 *    the slot's next message can be accepted (that message's last byte waits for it), so at most
 *    one message per lane — BULLETIN_CONCURRENCY per worker, however many chunk jobs it runs —
 *    is ever "sent but not recorded";
 *  - outcomes are group-committed (one UPDATE for whatever the lanes finished while the previous
 *    one ran) and claims are made a batch at a time ahead of the lanes, so a message waits only
 *    for the small outcome statement; claimed rows never handed to the transport go back to
 *    PENDING on a halt, a stop or a failure, and count as "outcome unknown" only if the worker dies;
 *  - a bulletin's MIME message is composed once and filled in per recipient (mime.server.ts);
 *  - each worker process holds a session advisory lock while it lives; a SENDING row whose
 *    claimedBy lock is gone belongs to a dead worker: reconciliation marks it outcomeUnknown and
 *    makes it PENDING again (it is re-sent with the same Message-ID).
 *
 * Redis carries only (bulletinId, chunk) jobs; the job id is derived from them, so re-queuing is
 * idempotent, and reconciliation re-queues every chunk that still has PENDING rows.
 *
 * Split by stage: connections (pool, liveness), rate, lanes, ledger, mime, messages (tokens, ids and
 * composition, imported by bulletins.server.ts), chunk, reconcile (which imports bulletins.server.ts: one way).
 */
export { pipelinePool, closePipelinePool, LIVENESS_LOCK_CLASS, startLiveness, type Liveness } from "./connections.server";
export { RateLimiter } from "./rate.server";
export { Ledger, type ClaimedRow } from "./ledger.server";
export {
  buildMessage,
  chunkJobId,
  classifySmtpError,
  deliveryMessageId,
  unsubscribeToken,
  UNSUBSCRIBE_PURPOSE,
  UNSUBSCRIBE_TOKEN_DAYS,
  type SendableBulletin,
  type SmtpFailure,
} from "./messages.server";
export { finishIfDone, loadSendable, processChunk, RetryLaterError, type ChunkContext, type ChunkResult } from "./chunk.server";
export { closePipeline, reconcile, sendTestMessages, type ReconcileResult } from "./reconcile.server";
