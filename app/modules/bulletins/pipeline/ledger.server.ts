/** The ledger: group-committed claims and outcomes (see index.server.ts). */
import type pg from "pg";

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

export type Outcome = { kind: "sent"; id: string } | { kind: "failed"; id: string; error: string } | { kind: "retry"; id: string; error: string };
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
