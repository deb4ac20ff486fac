/**
 * The contacts import, end to end, for the UI's job and the CLI alike (same code, no second
 * implementation): inspect a file (encoding, delimiter, header mapping), preview its first rows as
 * they will be stored, analyze it (the dry run's counts) and run it in set-based batches that
 * commit in file order with their resume point, so a killed run resumes after its last committed
 * batch without duplicates.
 */
import type pg from "pg";
import type { DuplicatePolicy, ImportStatus } from "~/generated/prisma/enums";
import { db, type Prisma } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import {
  detectDelimiter,
  headerLine,
  decoderFor,
  isImportDelimiter,
  isImportEncoding,
  isImportField,
  mapHeaders,
  mappingProblem,
  type ColumnMapping,
  type ImportDelimiter,
  type ImportEncoding,
  type LineBreak,
} from "./detect";
import { analyzeContacts } from "../query.server";
import { ImportFileError } from "./errors";
import { parseRecords, rawRecord, type ByteSource } from "./parse.server";
import { fieldIndex, toContactRow, type ContactRow, type RejectReason } from "./rows";
import { SeenSet } from "./seen-set";
import {
  addCounts,
  classifyBatch,
  importPool,
  writeBatch,
  ZERO_COUNTS,
  type BatchCounts,
  type BatchInput,
  type Rejection,
  type StagedRow,
  type Warning,
  type WriteContext,
} from "./writer.server";

export { closeImportPool } from "./writer.server";
export type { BatchCounts } from "./writer.server";

export const DEFAULT_BATCH_SIZE = 5000;
export const DEFAULT_CONCURRENCY = 2;
const MAX_HEADER_CHARS = 1 << 20;

// ── Shape of a file ─────────────────────────────────────────────────────────────────────────────

export type FileShape = {
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  lineBreak: LineBreak;
  columns: ColumnMapping[];
};

/** What ImportBatch.mapping holds. */
export type StoredMapping = { lineBreak: LineBreak; columns: ColumnMapping[] };

/**
 * Reads the header (and only as much of the file as it needs): delimiter and line break from the
 * header line, the header cells as papaparse reads them, the automatic mapping. An empty file and
 * a file with a header but no rows are errors; a mapping without e-mail is left to the caller
 * (the UI lets the operator choose the column).
 */
export async function inspectSource(source: ByteSource, encoding: ImportEncoding): Promise<FileShape> {
  const decoder = decoderFor(encoding);
  let text = "";
  let found: ReturnType<typeof headerLine> = null;
  for await (const bytes of source()) {
    text += decoder.decode(bytes, { stream: true });
    found = headerLine(text, false);
    if (found || text.length > MAX_HEADER_CHARS) break;
  }
  if (!found) {
    text += decoder.decode();
    if (text.length > MAX_HEADER_CHARS) throw new ImportFileError("recordTooLarge", { line: 1 });
    found = headerLine(text, true);
  }
  if (!found || text.trim() === "") throw new ImportFileError("emptyFile");
  const delimiter = detectDelimiter(found.line);
  const lineBreak = found.lineBreak;

  let headers: string[] | null = null;
  let hasRows = false;
  for await (const chunk of parseRecords(source, { encoding, delimiter, lineBreak })) {
    for (const record of chunk.records) {
      if (!headers) {
        headers = record.fields;
        continue;
      }
      if (record.fields.some((f) => f.trim() !== "")) {
        hasRows = true;
        break;
      }
    }
    if (hasRows) break;
  }
  if (!headers) throw new ImportFileError("emptyFile");
  // The header is line 1: a file that starts with a blank line has no column names.
  if (headers.every((h) => h.trim() === "")) throw new ImportFileError("noEmailColumn", { columns: "" });
  if (!hasRows) throw new ImportFileError("headerOnly");
  return { encoding, delimiter, lineBreak, columns: mapHeaders(headers) };
}

/** The problem of a mapping as a file error (null when it is usable). */
export function mappingError(columns: readonly ColumnMapping[]): ImportFileError | null {
  const problem = mappingProblem(columns);
  if (!problem) return null;
  if (problem === "noEmailColumn") return new ImportFileError("noEmailColumn", { columns: columns.map((c) => c.header).join(", ") });
  const seen = new Set<string>();
  const field = columns.find((c) => c.field && (seen.has(c.field) ? true : (seen.add(c.field), false)))?.field ?? "";
  return new ImportFileError("duplicateField", { field });
}

export function readStoredMapping(value: Prisma.JsonValue | null): StoredMapping | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const { lineBreak, columns } = value as { lineBreak?: unknown; columns?: unknown };
  if ((lineBreak !== "\n" && lineBreak !== "\r\n" && lineBreak !== "\r") || !Array.isArray(columns)) return null;
  return {
    lineBreak,
    columns: columns.map((c: { header?: unknown; field?: unknown }) => ({
      header: typeof c.header === "string" ? c.header : "",
      field: isImportField(c.field) ? c.field : null,
    })),
  };
}

type ShapedBatch = { encoding: string | null; delimiter: string | null; mapping: Prisma.JsonValue | null };

export function shapeOf(batch: ShapedBatch): FileShape | null {
  const mapping = readStoredMapping(batch.mapping);
  if (!mapping || !isImportEncoding(batch.encoding) || !isImportDelimiter(batch.delimiter)) return null;
  return { encoding: batch.encoding, delimiter: batch.delimiter, lineBreak: mapping.lineBreak, columns: mapping.columns };
}

// ── Preview ─────────────────────────────────────────────────────────────────────────────────────

export type PreviewRow =
  | { line: number; ok: true; row: ContactRow }
  | { line: number; ok: false; reason: RejectReason; raw: string };

/** The first records as they will be stored (or why they will be rejected). */
export async function previewSource(source: ByteSource, shape: FileShape, limit = 10): Promise<PreviewRow[]> {
  const out: PreviewRow[] = [];
  for await (const { chunk, record, outcome } of dataRecords(source, shape)) {
    if (outcome.ok === "blank") continue;
    out.push(
      outcome.ok
        ? { line: record.line, ok: true, row: outcome.row }
        : { line: record.line, ok: false, reason: outcome.reason, raw: rawRecord(chunk, record, shape.lineBreak) },
    );
    if (out.length >= limit) return out;
  }
  return out;
}

/**
 * The file's records after its header, each with the contact row it makes (or why it cannot):
 * the preview and the run read a file the same way. `seen.header` tells whether a header came.
 */
async function* dataRecords(source: ByteSource, shape: FileShape, seen: { header: boolean } = { header: false }) {
  const index = fieldIndex(shape.columns);
  const expected = shape.columns.length;
  for await (const chunk of parseRecords(source, shape)) {
    for (const record of chunk.records) {
      if (!seen.header) {
        seen.header = true;
        continue;
      }
      yield { chunk, record, outcome: toContactRow(record.fields, expected, index, record.quoteError) };
    }
  }
}

// ── Analyze and run ─────────────────────────────────────────────────────────────────────────────

export type RunOptions = {
  /** Data records per transaction. */
  batchSize?: number;
  /** Batches written at once on their own connections (they still commit in file order). */
  concurrency?: number;
  /** Called after each commit, in order (the tests "crash" here). */
  onBatchCommitted?: (info: { batch: number; lastLine: number; totals: BatchCounts }) => void | Promise<void>;
};

export class ImportBusyError extends Error {
  constructor(batchId: string) {
    super(`Import ${batchId} is being processed by another worker.`);
  }
}

type Mode = "analyze" | "run";

function effectiveConsent(row: ContactRow, basis: string | null): StagedRow["consentStatus"] {
  // A consent withdrawn (or pending) in the file is never upgraded; confirmed needs a stated basis.
  if (row.consentStatus === "WITHDRAWN") return "WITHDRAWN";
  if (row.consentStatus === "PENDING" || !basis) return "PENDING";
  return "CONFIRMED";
}

async function processFile(batchId: string, source: ByteSource, mode: Mode, options: RunOptions): Promise<BatchCounts> {
  const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
  const shape = shapeOf(batch);
  if (!shape) throw new ImportFileError("unreadable", { detail: "the file was not inspected" });
  const problem = mappingError(shape.columns);
  if (problem) throw problem;

  const notice = mode === "run" ? await db.privacyNotice.findFirst({ where: { language: "es" }, orderBy: { version: "desc" }, select: { version: true } }) : null;
  const ctx: WriteContext = {
    batchId,
    policy: batch.onDuplicate,
    sourceText: batch.sourceText,
    consentBasis: batch.consentBasis,
    privacyNoticeVersion: notice?.version ?? null,
    actorId: batch.createdById,
  };
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const concurrency = Math.min(3, Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
  const resumeAfter = batch.lastCommittedLine;
  const seen = new SeenSet(1 << 16);

  const pool = importPool();
  const writers: pg.PoolClient[] = [];
  const inflight = new Set<Promise<void>>();
  try {
    for (let i = 0; i < concurrency; i++) writers.push(await pool.connect());
    const free = [...writers];

    let totals = ZERO_COUNTS;
    let failure: unknown = null;
    let lastCommit: Promise<void> = Promise.resolve();
    let committedLine = resumeAfter;
    let batchNumber = 0;
    const write = mode === "run" ? writeBatch : classifyBatch;

    const flush = async (input: BatchInput) => {
      while (!free.length && !failure) await Promise.race(inflight);
      if (failure) throw failure;
      const client = free.pop()!;
      const previous = lastCommit;
      let settle!: (error?: unknown) => void;
      const committed = new Promise<void>((resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())));
      committed.catch(() => {});
      lastCommit = committed;
      const number = ++batchNumber;
      const task = (async () => {
        try {
          const counts = await write(client, ctx, input, () => previous);
          totals = addCounts(totals, counts);
          settle();
          await options.onBatchCommitted?.({ batch: number, lastLine: input.progress.lastLine, totals });
        } catch (error) {
          failure ??= error;
          settle(error);
        } finally {
          free.push(client);
        }
      })();
      inflight.add(task);
      void task.finally(() => inflight.delete(task));
    };

    let rowsBuf: StagedRow[] = [];
    let rejections: Rejection[] = [];
    let warnings: Warning[] = [];
    let duplicates = 0;
    let records = 0;
    let lastLine = resumeAfter;
    let bytes = Number(batch.bytesProcessed);
    const seenFile = { header: false };
    let dataRows = 0;

    const take = async () => {
      const input: BatchInput = { rows: rowsBuf, rejections, warnings, duplicates, records, progress: { lastLine, bytes, expectedLine: committedLine } };
      committedLine = lastLine;
      rowsBuf = [];
      rejections = [];
      warnings = [];
      duplicates = 0;
      records = 0;
      await flush(input);
    };

    for await (const { chunk, record, outcome } of dataRecords(source, shape, seenFile)) {
      if (outcome.ok !== "blank") dataRows++;
      const before = record.line <= resumeAfter;
      if (outcome.ok === true) {
        const first = seen.add(outcome.row.email);
        if (before) continue;
        if (first) {
          rowsBuf.push({ line: record.line, row: outcome.row, consentStatus: effectiveConsent(outcome.row, ctx.consentBasis) });
          for (const w of outcome.row.warnings) warnings.push({ line: record.line, field: w.field, value: w.value });
        } else duplicates++;
      } else if (before) {
        continue;
      } else if (outcome.ok === false) {
        rejections.push({ line: record.line, reason: outcome.reason, raw: rawRecord(chunk, record, shape.lineBreak), email: outcome.email });
      }
      if (outcome.ok !== "blank") records++;
      lastLine = record.lastLine;
      bytes = record.bytesEnd;
      if (records >= batchSize) await take();
    }
    if (!seenFile.header) throw new ImportFileError("emptyFile");
    if (dataRows === 0) throw new ImportFileError("headerOnly");
    if (records > 0 || lastLine !== committedLine) await take();
    while (inflight.size) await Promise.race(inflight);
    if (failure) throw failure;
    return totals;
  } finally {
    // A batch still being written when the read failed finishes (or rolls back) first.
    while (inflight.size) await Promise.race(inflight);
    for (const writer of writers) writer.release();
  }
}

/**
 * Runs `fn` while holding the batch's advisory lock (a session lock on a connection of its own):
 * a stalled job re-queued while its first run is still alive cannot process the same file twice.
 */
async function withBatchLock<T>(batchId: string, fn: () => Promise<T>): Promise<T> {
  const lock = await importPool().connect();
  try {
    const { rows } = await lock.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok", [`contacts-import:${batchId}`]);
    if (!rows[0]?.ok) throw new ImportBusyError(batchId);
    try {
      return await fn();
    } finally {
      await lock.query("SELECT pg_advisory_unlock_all()").catch(() => {});
    }
  } finally {
    lock.release();
  }
}

async function fail(batchId: string, error: unknown): Promise<void> {
  const stored = error instanceof ImportFileError ? error.toStored() : error instanceof Error ? error.message : String(error);
  await db.importBatch.update({ where: { id: batchId }, data: { status: "FAILED", error: stored, finishedAt: new Date() } });
}

export type ImportResult = BatchCounts & { batchId: string; status: ImportStatus };

async function countsOf(batchId: string): Promise<ImportResult> {
  const b = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
  return {
    batchId,
    status: b.status,
    rows: b.rows,
    created: b.created,
    updated: b.updated,
    unchanged: b.unchanged,
    duplicates: b.duplicates,
    suppressed: b.suppressed,
    rejected: b.rejected,
  };
}

/** The dry run: every count and every rejected row, nothing written to the contacts. Starts over each time. */
export async function analyzeBatch(batchId: string, source: ByteSource, options: RunOptions = {}): Promise<ImportResult> {
  return withBatchLock(batchId, async () => {
    await db.$transaction([
      db.importRejection.deleteMany({ where: { batchId } }),
      db.importWarning.deleteMany({ where: { batchId } }),
      db.importBatch.update({
        where: { id: batchId },
        data: { ...resetCounts(), status: "RUNNING", dryRun: true, error: null, startedAt: new Date(), finishedAt: null },
      }),
    ]);
    try {
      await processFile(batchId, source, "analyze", options);
    } catch (error) {
      // A file error is final; anything else is retried by the job (which starts over).
      if (error instanceof ImportFileError) await fail(batchId, error);
      throw error;
    }
    await db.importBatch.update({ where: { id: batchId }, data: { status: "ANALYZED", finishedAt: new Date() } });
    return countsOf(batchId);
  });
}

export function resetCounts() {
  return { rows: 0, created: 0, updated: 0, unchanged: 0, duplicates: 0, suppressed: 0, rejected: 0, bytesProcessed: 0n, lastCommittedLine: 1 };
}

/**
 * The import. A batch that was RUNNING resumes after its last committed line (its counts and
 * rejections so far are kept); the file's chunks are dropped once it is done.
 */
export async function runBatch(batchId: string, source: ByteSource, actor: AuditActor, options: RunOptions = {}): Promise<ImportResult> {
  return withBatchLock(batchId, async () => {
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    if (batch.status === "DONE" || batch.status === "CANCELLED") return countsOf(batchId);
    await db.importBatch.update({
      where: { id: batchId },
      data: { status: "RUNNING", dryRun: false, error: null, startedAt: batch.status === "RUNNING" && batch.startedAt ? batch.startedAt : new Date() },
    });
    try {
      await processFile(batchId, source, "run", options);
    } catch (error) {
      // A file error is final; anything else (a lost connection, a killed worker) resumes later.
      if (error instanceof ImportFileError) await fail(batchId, error);
      throw error;
    }
    const done = await db.$transaction(async (tx) => {
      const finished = await tx.importBatch.update({ where: { id: batchId }, data: { status: "DONE", finishedAt: new Date(), error: null } });
      await tx.importChunk.deleteMany({ where: { batchId } });
      const { rows, created, updated, unchanged, duplicates, suppressed, rejected } = finished;
      await audit(actor, { action: "contacts.import.done", entity: "importBatch", entityId: batchId, after: { rows, created, updated, unchanged, duplicates, suppressed, rejected } }, tx);
      return finished;
    });
    // Thousands of new rows at once: fresh statistics, or the list's estimates are off by half.
    await analyzeContacts();
    return { batchId, status: done.status, rows: done.rows, created: done.created, updated: done.updated, unchanged: done.unchanged, duplicates: done.duplicates, suppressed: done.suppressed, rejected: done.rejected };
  });
}

/** Marks a run as failed for good (the job gave up retrying). */
export async function markFailed(batchId: string, error: unknown): Promise<void> {
  await fail(batchId, error);
}

// ── Batches ─────────────────────────────────────────────────────────────────────────────────────

export type ImportSettings = { onDuplicate: DuplicatePolicy; consentBasis: string | null; sourceText: string };

/** A batch for a file read from elsewhere (the CLI reads it from disk): no chunks. */
export async function createBatch(
  actor: AuditActor,
  file: { name: string; size: number; sha256: string; encoding: ImportEncoding },
  shape: FileShape,
  settings: ImportSettings,
  dryRun: boolean,
  id?: string,
) {
  const batch = await db.importBatch.create({
    data: {
      ...(id ? { id } : {}),
      fileName: file.name,
      fileSize: file.size,
      fileSha256: file.sha256,
      encoding: file.encoding,
      delimiter: shape.delimiter,
      mapping: { lineBreak: shape.lineBreak, columns: shape.columns } satisfies StoredMapping,
      onDuplicate: settings.onDuplicate,
      consentBasis: settings.consentBasis,
      sourceText: settings.sourceText,
      dryRun,
      status: "QUEUED",
      createdById: actor.userId,
    },
  });
  await audit(actor, {
    action: dryRun ? "contacts.import.analyze" : "contacts.import.start",
    entity: "importBatch",
    entityId: batch.id,
    after: { fileName: file.name, fileSize: file.size, onDuplicate: settings.onDuplicate, consentBasis: settings.consentBasis, sourceText: settings.sourceText },
  });
  return batch;
}

/** Rejected rows in line order, a page at a time (the CSV download streams them). */
export async function rejectionPage(batchId: string, afterLine: number, take = 1000) {
  return db.importRejection.findMany({
    where: { batchId, line: { gt: afterLine } },
    orderBy: { line: "asc" },
    take,
    select: { line: true, reason: true, raw: true },
  });
}
