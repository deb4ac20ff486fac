/** The ledger: claims in batches, group-committed outcomes (see index.server.ts). */
import type pg from "pg";

// ── The ledger: batched claims, group-committed outcomes ──────────────────────────────────────────────

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
export type ClaimResult = { bulletinStatus: string | null; started: ClaimedRow[] };

/** Outcomes only: what a message's last byte waits for, so it is kept small (see chunk.server.ts). */
const OUTCOME_SQL = `
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
)
SELECT (SELECT count(*) FROM sent)::int AS sent, (SELECT count(*) FROM failed)::int AS failed,
  (SELECT count(*) FROM retried)::int AS retried, (SELECT count(*) FROM reset)::int AS reset,
  (SELECT "status"::text FROM "Bulletin" WHERE "id" = $6) AS "bulletinStatus"`;

/** Claimed rows that were never handed to the transport go back to PENDING, their attempt not counted. */
const RELEASE_SQL = `
UPDATE "BulletinDelivery" SET "status" = 'PENDING', "claimedAt" = NULL, "claimedBy" = NULL, "attempts" = greatest("attempts" - 1, 0)
WHERE "id" = ANY($1::bigint[]) AND "status" = 'SENDING' AND "claimedBy" = $2`;

/** Claims: only while the bulletin is SENDING and the contact still confirmed and subscribed. */
const CLAIM_SQL = `
WITH bulletin AS (
  SELECT "status"::text AS status FROM "Bulletin" WHERE "id" = $2
), candidates AS (
  SELECT d."id", c."givenName", c."familyName", c."country", c."state", c."city",
    (c."id" IS NOT NULL AND c."consentStatus" = 'CONFIRMED' AND c."subscriptionStatus" = 'SUBSCRIBED') AS eligible
  FROM "BulletinDelivery" d LEFT JOIN "Contact" c ON c."id" = d."contactId"
  WHERE d."id" = ANY($1::bigint[]) AND d."bulletinId" = $2 AND d."status" = 'PENDING'
    AND (SELECT status FROM bulletin) = 'SENDING'
), started AS (
  UPDATE "BulletinDelivery" d SET "status" = 'SENDING', "claimedAt" = now(), "claimedBy" = $3, "attempts" = d."attempts" + 1
  FROM candidates k WHERE d."id" = k."id" AND k.eligible AND d."status" = 'PENDING'
  RETURNING d."id"::text AS id, d."email", d."contactId", d."attempts", d."outcomeUnknown",
    k."givenName", k."familyName", k."country", k."state", k."city"
), skipped AS (
  UPDATE "BulletinDelivery" d SET "status" = 'FAILED', "lastError" = 'skipped: no longer subscribed'
  FROM candidates k WHERE d."id" = k."id" AND NOT k.eligible AND d."status" = 'PENDING' RETURNING d."id"
)
SELECT (SELECT status FROM bulletin) AS "bulletinStatus",
  coalesce((SELECT json_agg(started) FROM started), '[]'::json) AS started,
  (SELECT count(*) FROM skipped)::int AS skipped`;

/** Statements of one kind in flight at once: the rows of different flushes never overlap, so they may run side by side. */
const MAX_PARALLEL_FLUSHES = 2;

/**
 * Group commit: whatever the slots asked for while the previous statement ran goes into the next
 * one (up to MAX_PARALLEL_FLUSHES at once); each request resolves when its statement has run.
 */
class Batcher<Item, Result> {
  private items: Array<{ item: Item; resolve(r: Result): void; reject(e: unknown): void }> = [];
  private flushing = 0;
  private scheduled = false;
  statements = 0;
  statementMs = 0;

  constructor(private readonly run: (items: Item[]) => Promise<Result[]>) {}

  add(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.items.push({ item, resolve, reject });
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
    if (this.flushing >= MAX_PARALLEL_FLUSHES || this.items.length === 0) return;
    this.flushing += 1;
    const batch = this.items;
    this.items = [];
    try {
      const t0 = performance.now();
      const results = await this.run(batch.map((b) => b.item));
      this.statements += 1;
      this.statementMs += performance.now() - t0;
      batch.forEach((b, i) => b.resolve(results[i]!));
    } catch (error) {
      for (const b of batch) b.reject(error);
    } finally {
      this.flushing -= 1;
      if (this.items.length) this.schedule();
    }
  }
}

/**
 * The lanes' outcomes, group-committed in statements of their own (a message waits only for its
 * predecessor's outcome, a small UPDATE by id), and claims, a batch of rows per statement made
 * ahead of the lanes.
 */
export class Ledger {
  skipped = 0;
  private readonly outcomes: Batcher<Outcome, string | null>;
  claimStatements = 0;
  claimMs = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly bulletinId: string,
    private readonly workerKey: number,
  ) {
    this.outcomes = new Batcher(async (outcomes) => {
      const failed = outcomes.filter((o): o is Extract<Outcome, { kind: "failed" }> => o.kind === "failed");
      const retry = outcomes.filter((o): o is Extract<Outcome, { kind: "retry" }> => o.kind === "retry");
      // Named (prepared) statements: planned once per connection, not on every message.
      const { rows } = await this.pool.query<{ bulletinStatus: string | null }>({ name: "bulletin-ledger-outcomes", text: OUTCOME_SQL }, [
        outcomes.filter((o) => o.kind === "sent").map((o) => o.id),
        failed.map((f) => f.id),
        failed.map((f) => f.error.slice(0, 500)),
        retry.map((r) => r.id),
        retry.map((r) => r.error.slice(0, 500)),
        this.bulletinId,
      ]);
      const status = rows[0]?.bulletinStatus ?? null;
      return outcomes.map(() => status);
    });
  }

  /** Resolves once the outcome is committed, with the bulletin's status at that moment (a pause is seen within one message). */
  record(outcome: Outcome): Promise<string | null> {
    return this.outcomes.add(outcome);
  }

  /** Claims the deliveries `ids` that may still be sent (PENDING → SENDING), in one statement. */
  async claim(ids: string[]): Promise<ClaimResult> {
    const t0 = performance.now();
    const { rows } = await this.pool.query<{ bulletinStatus: string | null; started: ClaimedRow[]; skipped: number }>({ name: "bulletin-ledger-claims", text: CLAIM_SQL }, [ids, this.bulletinId, this.workerKey]);
    this.claimStatements += 1;
    this.claimMs += performance.now() - t0;
    const row = rows[0]!;
    this.skipped += row.skipped;
    const order = new Map(ids.map((id, i) => [id, i]));
    const started = row.started.map((s) => ({ ...s, id: String(s.id) })).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { bulletinStatus: row.bulletinStatus, started };
  }

  /** Gives back claimed rows that were never handed to the transport (a halt, a stop, a failed job). */
  async release(ids: string[]): Promise<void> {
    if (ids.length) await this.pool.query(RELEASE_SQL, [ids, this.workerKey]);
  }

  /** Statements run and their summed duration (for BULLETIN_TIMINGS). */
  get timings() {
    return { outcomeStatements: this.outcomes.statements, outcomeMs: this.outcomes.statementMs, claimStatements: this.claimStatements, claimMs: this.claimMs };
  }
}
