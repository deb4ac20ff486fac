/**
 * The set-based part of an import: one batch of rows is COPied into a temporary staging table,
 * then one `INSERT … SELECT … ON CONFLICT (email)` applies the duplicate policy, creates the
 * consent records of the new contacts, stores the rejected rows and advances the batch's counts
 * and resume point — all in one transaction. Never a query per row.
 */
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { DuplicatePolicy } from "~/generated/prisma/enums";
import { env } from "~/lib/env.server";
import { createPool } from "../../../../prisma/pg-adapter";
import { emailHmac } from "../suppression.server";
import type { ContactRow, RejectReason } from "./rows";

// ── Connections ─────────────────────────────────────────────────────────────────────────────────

const globalForImport = globalThis as unknown as { __alcanceImportPool?: pg.Pool };

/** The import's own connections (COPY and explicit transactions need a real client). */
export function importPool(): pg.Pool {
  return (globalForImport.__alcanceImportPool ??= createPool(env().DATABASE_URL, 4));
}

export async function closeImportPool(): Promise<void> {
  const pool = globalForImport.__alcanceImportPool;
  globalForImport.__alcanceImportPool = undefined;
  await pool?.end();
}

// ── Batch data ──────────────────────────────────────────────────────────────────────────────────

export type StagedRow = { line: number; row: ContactRow; consentStatus: "CONFIRMED" | "PENDING" | "WITHDRAWN" };
export type Rejection = { line: number; reason: RejectReason; raw: string; email: string | null };
/** A row imported with an empty country or state because its value is unknown (see ImportWarning). */
export type Warning = { line: number; field: "country" | "state"; value: string };

export type BatchCounts = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  suppressed: number;
  rejected: number;
};

export const ZERO_COUNTS: BatchCounts = { rows: 0, created: 0, updated: 0, unchanged: 0, duplicates: 0, suppressed: 0, rejected: 0 };

export function addCounts(a: BatchCounts, b: BatchCounts): BatchCounts {
  return {
    rows: a.rows + b.rows,
    created: a.created + b.created,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    duplicates: a.duplicates + b.duplicates,
    suppressed: a.suppressed + b.suppressed,
    rejected: a.rejected + b.rejected,
  };
}

export type WriteContext = {
  batchId: string;
  policy: DuplicatePolicy;
  sourceText: string;
  consentBasis: string | null;
  privacyNoticeVersion: number | null;
  actorId: string | null;
};

// ── SQL ─────────────────────────────────────────────────────────────────────────────────────────

const TEXT_COLUMNS = ["givenName", "familyName", "country", "state", "city", "language", "phone", "notes"] as const;
const q = (column: string) => `"${column}"`;

const STAGING = "contact_import_staging";
const CREATE_STAGING = `CREATE TEMP TABLE IF NOT EXISTS ${STAGING} (
  email text NOT NULL, hmac text, ${TEXT_COLUMNS.map((c) => `${q(c)} text`).join(", ")},
  tags text, consent text NOT NULL, subscription text, line int NOT NULL
) ON COMMIT DELETE ROWS`;
const COPY_STAGING = `COPY ${STAGING} (email, hmac, ${TEXT_COLUMNS.map(q).join(", ")}, tags, consent, subscription, line) FROM STDIN`;

/** The staged rows as the contact table would hold them (tags as an array). */
const INCOMING = `SELECT email, hmac, ${TEXT_COLUMNS.map((c) => `s.${q(c)}`).join(", ")},
  coalesce(string_to_array(s.tags, ';'), '{}'::text[]) AS tags, s.consent, s.subscription
  FROM ${STAGING} s`;

/**
 * Whether applying the policy to a stored contact (cur) with an incoming row (inc) changes it.
 * The same predicate guards the ON CONFLICT update and counts the dry run, so both agree.
 * An empty incoming cell never erases a stored value.
 */
export function changedSql(policy: DuplicatePolicy, cur: string, inc: string): string {
  if (policy === "SKIP") return "false";
  const parts =
    policy === "OVERWRITE"
      ? [
          ...TEXT_COLUMNS.map((c) => `(${inc}.${q(c)} IS NOT NULL AND ${inc}.${q(c)} IS DISTINCT FROM ${cur}.${q(c)})`),
          `(cardinality(${inc}.tags) > 0 AND ${inc}.tags IS DISTINCT FROM ${cur}.tags)`,
        ]
      : [
          ...TEXT_COLUMNS.map((c) => `(nullif(${cur}.${q(c)}, '') IS NULL AND ${inc}.${q(c)} IS NOT NULL)`),
          `(coalesce(cardinality(${cur}.tags), 0) = 0 AND cardinality(${inc}.tags) > 0)`,
        ];
  return parts.join(" OR ");
}

function setSql(policy: DuplicatePolicy): string {
  const sets =
    policy === "OVERWRITE"
      ? [
          ...TEXT_COLUMNS.map((c) => `${q(c)} = coalesce(EXCLUDED.${q(c)}, c.${q(c)})`),
          `tags = CASE WHEN cardinality(EXCLUDED.tags) > 0 THEN EXCLUDED.tags ELSE c.tags END`,
        ]
      : [
          ...TEXT_COLUMNS.map((c) => `${q(c)} = coalesce(nullif(c.${q(c)}, ''), EXCLUDED.${q(c)})`),
          `tags = CASE WHEN coalesce(cardinality(c.tags), 0) = 0 THEN EXCLUDED.tags ELSE c.tags END`,
        ];
  return [...sets, `"updatedAt" = now()`].join(", ");
}

/**
 * $1 source detail, $2 batch id, $3 consent basis, $4 privacy notice version, $5 recorded by.
 * Suppressed e-mails never reach the contact table. Rows go in e-mail order, so two imports that
 * share e-mails take their row locks in the same order and cannot deadlock.
 */
function upsertSql(policy: DuplicatePolicy): string {
  const conflict = policy === "SKIP" ? "DO NOTHING" : `DO UPDATE SET ${setSql(policy)} WHERE ${changedSql(policy, "c", "EXCLUDED")}`;
  return `WITH x AS (
    ${INCOMING}
    WHERE NOT EXISTS (SELECT 1 FROM "SuppressionEntry" se WHERE se."emailHmac" = s.hmac)
  ), up AS (
    INSERT INTO "Contact" AS c (email, ${TEXT_COLUMNS.map(q).join(", ")}, tags, source, "sourceDetail",
      "consentStatus", "subscriptionStatus", "importBatchId", "createdAt", "updatedAt")
    SELECT email, ${TEXT_COLUMNS.map(q).join(", ")}, tags, 'IMPORT', $1,
      consent::"ConsentStatus", coalesce(subscription, 'SUBSCRIBED')::"SubscriptionStatus", $2, now(), now()
    FROM x ORDER BY email
    ON CONFLICT (email) ${conflict}
    RETURNING c.id, c."consentStatus", (c.xmax = 0) AS inserted
  ), consents AS (
    INSERT INTO "ConsentRecord" ("contactId", status, method, basis, "privacyNoticeVersion", "recordedById", "importBatchId", at)
    SELECT id, "consentStatus", 'IMPORT', $3, $4, $5, $2, now() FROM up WHERE inserted
  )
  SELECT (SELECT count(*) FROM x)::int AS accepted,
         count(*) FILTER (WHERE inserted)::int AS created,
         count(*) FILTER (WHERE NOT inserted)::int AS updated
  FROM up`;
}

function classifySql(policy: DuplicatePolicy): string {
  return `WITH x AS (
    ${INCOMING}
  )
  SELECT count(*) FILTER (WHERE se."emailHmac" IS NOT NULL)::int AS suppressed,
         count(*) FILTER (WHERE se."emailHmac" IS NULL AND c.id IS NULL)::int AS created,
         count(*) FILTER (WHERE se."emailHmac" IS NULL AND c.id IS NOT NULL AND (${changedSql(policy, "c", "x")}))::int AS updated
  FROM x
  LEFT JOIN "SuppressionEntry" se ON se."emailHmac" = x.hmac
  LEFT JOIN "Contact" c ON c.email = x.email`;
}

const INSERT_REJECTIONS = `INSERT INTO "ImportRejection" ("batchId", line, reason, raw, "emailHmac")
  SELECT $1, r.line, r.reason, r.raw, r.hmac FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS r(line, reason, raw, hmac)
  ON CONFLICT ("batchId", line) DO NOTHING`;

const INSERT_WARNINGS = `INSERT INTO "ImportWarning" ("batchId", line, field, value)
  SELECT $1, w.line, w.field, w.value FROM unnest($2::int[], $3::text[], $4::text[]) AS w(line, field, value)
  ON CONFLICT ("batchId", line, field) DO NOTHING`;

const ADVANCE_BATCH = `UPDATE "ImportBatch" SET
  rows = rows + $2, created = created + $3, updated = updated + $4, unchanged = unchanged + $5,
  duplicates = duplicates + $6, suppressed = suppressed + $7, rejected = rejected + $8,
  "lastCommittedLine" = $9, "bytesProcessed" = $10
  WHERE id = $1 AND "lastCommittedLine" = $11`;

// ── COPY text format ────────────────────────────────────────────────────────────────────────────

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function copyValue(value: string | null): string {
  if (value === null) return "\\N";
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

function copyText(rows: readonly StagedRow[], withHmac: boolean): string {
  let out = "";
  for (const { line, row, consentStatus } of rows) {
    out += `${copyValue(row.email)}\t${withHmac ? emailHmac(row.email) : "\\N"}\t${copyValue(row.givenName)}\t${copyValue(row.familyName)}\t${copyValue(row.country)}\t${copyValue(row.state)}\t${copyValue(row.city)}\t${copyValue(row.language)}\t${copyValue(row.phone)}\t${copyValue(row.notes)}\t${row.tags.length ? copyValue(row.tags.join(";")) : "\\N"}\t${consentStatus}\t${row.subscriptionStatus ?? "\\N"}\t${line}\n`;
  }
  return out;
}

const prepared = new WeakSet<pg.PoolClient>();

async function stage(client: pg.PoolClient, rows: readonly StagedRow[], withHmac: boolean): Promise<void> {
  if (!prepared.has(client)) {
    await client.query(CREATE_STAGING);
    prepared.add(client);
  }
  if (rows.length === 0) return;
  const text = copyText(rows, withHmac);
  await new Promise<void>((resolve, reject) => {
    const stream = client.query(copyFrom(COPY_STAGING));
    stream.on("finish", resolve);
    stream.on("error", reject);
    stream.end(text);
  });
}

/** Whether any e-mail is suppressed: when none is, rows skip the HMAC (the join finds nothing). */
async function suppressionListInUse(client: pg.PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM "SuppressionEntry") AS any`);
  return rows[0]?.any ?? true;
}

export class ResumeConflictError extends Error {
  constructor(batchId: string) {
    super(`Import ${batchId} was advanced by another worker; this run stops.`);
  }
}

export type Progress = { lastLine: number; bytes: number; expectedLine: number };

async function storeRejections(client: pg.PoolClient, batchId: string, rejections: readonly Rejection[]): Promise<void> {
  if (!rejections.length) return;
  await client.query(INSERT_REJECTIONS, [
    batchId,
    rejections.map((r) => r.line),
    rejections.map((r) => r.reason),
    rejections.map((r) => r.raw),
    rejections.map((r) => (r.email ? emailHmac(r.email) : null)),
  ]);
}

async function storeWarnings(client: pg.PoolClient, batchId: string, warnings: readonly Warning[] | undefined): Promise<void> {
  if (!warnings?.length) return;
  await client.query(INSERT_WARNINGS, [batchId, warnings.map((w) => w.line), warnings.map((w) => w.field), warnings.map((w) => w.value)]);
}

async function advance(client: pg.PoolClient, batchId: string, counts: BatchCounts, progress: Progress): Promise<void> {
  const result = await client.query(ADVANCE_BATCH, [
    batchId,
    counts.rows,
    counts.created,
    counts.updated,
    counts.unchanged,
    counts.duplicates,
    counts.suppressed,
    counts.rejected,
    progress.lastLine,
    progress.bytes,
    progress.expectedLine,
  ]);
  if (result.rowCount !== 1) throw new ResumeConflictError(batchId);
}

export type BatchInput = {
  rows: readonly StagedRow[];
  rejections: readonly Rejection[];
  warnings?: readonly Warning[];
  duplicates: number;
  /** Data records of the batch (rows + rejections + duplicates). */
  records: number;
  progress: Progress;
};

/**
 * Writes one batch. `beforeCommit` resolves when every earlier batch has committed (batches may be
 * written on two connections at once, but they commit in file order, so the resume point never
 * passes an uncommitted batch).
 */
export async function writeBatch(
  client: pg.PoolClient,
  ctx: WriteContext,
  input: BatchInput,
  beforeCommit: () => Promise<void> = async () => {},
): Promise<BatchCounts> {
  // Suppression entries cannot be added while the batch is decided (an erasure waits for it).
  return inBatchTransaction(client, ctx, input, beforeCommit, { lockSuppression: true }, async () => {
    const { rows } = await client.query<{ accepted: number; created: number; updated: number }>(upsertSql(ctx.policy), [
      ctx.sourceText,
      ctx.batchId,
      ctx.consentBasis,
      ctx.privacyNoticeVersion,
      ctx.actorId,
    ]);
    const { accepted = 0, created = 0, updated = 0 } = rows[0] ?? {};
    return { created, updated, suppressed: input.rows.length - accepted };
  });
}

/** The dry run of one batch: the same staging and predicates, nothing written but the rejections. */
export async function classifyBatch(
  client: pg.PoolClient,
  ctx: WriteContext,
  input: BatchInput,
  beforeCommit: () => Promise<void> = async () => {},
): Promise<BatchCounts> {
  return inBatchTransaction(client, ctx, input, beforeCommit, { lockSuppression: false }, async () => {
    const { rows } = await client.query<{ suppressed: number; created: number; updated: number }>(classifySql(ctx.policy));
    const { suppressed = 0, created = 0, updated = 0 } = rows[0] ?? {};
    return { created, updated, suppressed };
  });
}

type Decided = { created: number; updated: number; suppressed: number };

/**
 * One batch in one transaction, shared by the run and the dry run: stage the rows, let `decide`
 * count what happens to them (nothing to decide for an empty batch), store the rejections and
 * warnings, advance the batch's progress and commit; any failure rolls the whole batch back.
 */
async function inBatchTransaction(
  client: pg.PoolClient,
  ctx: WriteContext,
  input: BatchInput,
  beforeCommit: () => Promise<void>,
  opts: { lockSuppression: boolean },
  decide: () => Promise<Decided>,
): Promise<BatchCounts> {
  await client.query("BEGIN");
  try {
    if (opts.lockSuppression) await client.query(`LOCK TABLE "SuppressionEntry" IN SHARE MODE`);
    const withHmac = input.rows.length > 0 && (await suppressionListInUse(client));
    await stage(client, input.rows, withHmac);
    const { created, updated, suppressed } = input.rows.length ? await decide() : { created: 0, updated: 0, suppressed: 0 };
    await storeRejections(client, ctx.batchId, input.rejections);
    await storeWarnings(client, ctx.batchId, input.warnings);
    const counts: BatchCounts = {
      rows: input.records,
      created,
      updated,
      unchanged: input.rows.length - suppressed - created - updated,
      duplicates: input.duplicates,
      suppressed,
      rejected: input.rejections.length,
    };
    await beforeCommit();
    await advance(client, ctx.batchId, counts, input.progress);
    await client.query("COMMIT");
    return counts;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
