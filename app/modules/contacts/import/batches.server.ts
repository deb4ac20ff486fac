/**
 * An uploaded import's life in the UI: the file is stored as it arrives in 1 MiB chunks in
 * PostgreSQL (so any worker can stream it), inspected, analyzed by the job (dry run), confirmed,
 * run by the job, and its rejected rows downloaded. The job itself only calls processQueuedBatch.
 */
import { createHash } from "node:crypto";
import type { DuplicatePolicy } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { enqueueContactsImport } from "~/lib/queue.server";
import { csvLine, UTF8_BOM } from "../csv";
import { EncodingSniffer, isImportField, type ColumnMapping, type ImportEncoding } from "./detect";
import { ImportFileError, ImportStateError } from "./errors";
import type { ByteSource } from "./parse.server";
import {
  analyzeBatch,
  inspectSource,
  mappingError,
  previewSource,
  readStoredMapping,
  rejectionPage,
  resetCounts,
  runBatch,
  shapeOf,
  type PreviewRow,
  type RunOptions,
  type StoredMapping,
} from "./pipeline.server";

export const IMPORT_CHUNK_BYTES = 1 << 20;
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

/** Streams a stored upload from its chunks, in order, one chunk in memory at a time. */
export function chunkSource(batchId: string): ByteSource {
  return async function* () {
    for (let seq = 0; ; seq++) {
      const chunk = await db.importChunk.findUnique({ where: { batchId_seq: { batchId, seq } }, select: { data: true } });
      if (!chunk) return;
      yield chunk.data;
    }
  };
}

/**
 * Stores an upload as it arrives (never the whole file in memory): a batch row first, then each
 * full MiB as a chunk. Returns the batch id; a file over the limit is removed and refused.
 */
export async function storeUpload(actor: AuditActor, fileName: string, data: AsyncIterable<Uint8Array>, maxBytes = IMPORT_MAX_BYTES): Promise<string> {
  const batch = await db.importBatch.create({
    data: { fileName: fileName.slice(0, 255) || "contactos.csv", fileSize: 0, fileSha256: "", sourceText: "", createdById: actor.userId, status: "UPLOADED" },
  });
  const hash = createHash("sha256");
  const sniffer = new EncodingSniffer();
  let buffer = Buffer.allocUnsafe(IMPORT_CHUNK_BYTES);
  let filled = 0;
  let size = 0;
  let seq = 0;
  const writeChunk = async () => {
    if (!filled) return;
    await db.importChunk.create({ data: { batchId: batch.id, seq: seq++, data: buffer.subarray(0, filled) } });
    buffer = Buffer.allocUnsafe(IMPORT_CHUNK_BYTES);
    filled = 0;
  };
  try {
    for await (const part of data) {
      size += part.length;
      if (size > maxBytes) throw new ImportFileError("tooLarge", { maxMb: Math.round(maxBytes / 1024 / 1024) });
      hash.update(part);
      sniffer.push(part);
      let offset = 0;
      while (offset < part.length) {
        const n = Math.min(part.length - offset, IMPORT_CHUNK_BYTES - filled);
        buffer.set(part.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === IMPORT_CHUNK_BYTES) await writeChunk();
      }
    }
    await writeChunk();
  } catch (error) {
    await db.importBatch.delete({ where: { id: batch.id } }).catch(() => {});
    throw error;
  }
  await db.importBatch.update({ where: { id: batch.id }, data: { fileSize: size, fileSha256: hash.digest("hex"), encoding: sniffer.result() } });
  return batch.id;
}

/** Drops an upload whose form was refused. */
export async function discardUpload(batchId: string): Promise<void> {
  await db.importBatch.deleteMany({ where: { id: batchId, status: "UPLOADED" } });
}

async function enqueue(batchId: string): Promise<void> {
  await enqueueContactsImport(batchId);
}

/**
 * After the upload: the options, the file's shape (delimiter, line break, mapping) and, when the
 * mapping has an e-mail column, the dry run queued. A file that cannot be read is FAILED with its
 * precise error; a mapping without e-mail waits for the operator's choice.
 */
export async function prepareUpload(
  actor: AuditActor,
  batchId: string,
  settings: { onDuplicate: DuplicatePolicy; consentBasis: string; sourceText: string },
): Promise<void> {
  const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
  await db.importBatch.update({ where: { id: batchId }, data: { ...settings, dryRun: true } });
  await audit(actor, {
    action: "contacts.import.upload",
    entity: "importBatch",
    entityId: batchId,
    after: { fileName: batch.fileName, fileSize: batch.fileSize, encoding: batch.encoding, ...settings },
  });
  try {
    const shape = await inspectSource(chunkSource(batchId), (batch.encoding ?? "utf-8") as ImportEncoding);
    const problem = mappingError(shape.columns);
    await db.importBatch.update({
      where: { id: batchId },
      data: {
        delimiter: shape.delimiter,
        mapping: { lineBreak: shape.lineBreak, columns: shape.columns } satisfies StoredMapping,
        status: problem ? "UPLOADED" : "QUEUED",
        error: problem ? problem.toStored() : null,
      },
    });
    if (!problem) await enqueue(batchId);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    await db.importBatch.update({ where: { id: batchId }, data: { status: "FAILED", error: error.toStored(), finishedAt: new Date() } });
  }
}

/** The operator's column choices (null: ignored); the dry run starts over with them. */
export async function updateMapping(actor: AuditActor, batchId: string, fields: ReadonlyArray<string | null>): Promise<ImportFileError | null> {
  const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
  const stored = readStoredMapping(batch.mapping);
  if (!stored || !["UPLOADED", "ANALYZED"].includes(batch.status) || !batch.dryRun) {
    throw new ImportStateError();
  }
  const columns: ColumnMapping[] = stored.columns.map((column, i) => {
    const field = fields[i];
    return { header: column.header, field: isImportField(field) ? field : null };
  });
  const problem = mappingError(columns);
  await db.importBatch.update({
    where: { id: batchId },
    data: {
      mapping: { lineBreak: stored.lineBreak, columns } satisfies StoredMapping,
      status: problem ? "UPLOADED" : "QUEUED",
      error: problem ? problem.toStored() : null,
      ...resetCounts(),
    },
  });
  await audit(actor, { action: "contacts.import.mapping", entity: "importBatch", entityId: batchId, after: { columns } });
  if (!problem) await enqueue(batchId);
  return problem;
}

/** Confirms an analyzed import: the job runs it for real. False when it was not waiting for that. */
export async function confirmImport(actor: AuditActor, batchId: string): Promise<boolean> {
  const switched = await db.$transaction(async (tx) => {
    const { count } = await tx.importBatch.updateMany({
      where: { id: batchId, status: "ANALYZED", dryRun: true },
      data: { status: "QUEUED", dryRun: false, ...resetCounts(), startedAt: null, finishedAt: null },
    });
    if (count) {
      await tx.importRejection.deleteMany({ where: { batchId } });
      await tx.importWarning.deleteMany({ where: { batchId } });
    }
    return count === 1;
  });
  if (!switched) return false;
  await audit(actor, { action: "contacts.import.confirm", entity: "importBatch", entityId: batchId });
  await enqueue(batchId);
  return true;
}

/** Drops an import that was not run (its file too). */
export async function cancelImport(actor: AuditActor, batchId: string): Promise<boolean> {
  const { count } = await db.importBatch.updateMany({
    where: { id: batchId, OR: [{ status: { in: ["UPLOADED", "ANALYZED"] } }, { status: "FAILED", dryRun: true }] },
    data: { status: "CANCELLED", finishedAt: new Date() },
  });
  if (!count) return false;
  await db.importChunk.deleteMany({ where: { batchId } });
  await audit(actor, { action: "contacts.import.cancel", entity: "importBatch", entityId: batchId });
  return true;
}

/** What the job does with a batch id: the dry run or the import, from the stored chunks. */
export async function processQueuedBatch(batchId: string, options: RunOptions = {}) {
  const batch = await db.importBatch.findUnique({ where: { id: batchId } });
  if (!batch || batch.status === "DONE" || batch.status === "CANCELLED") return null;
  if (batch.dryRun) {
    if (batch.status !== "QUEUED" && batch.status !== "RUNNING") return null;
    return analyzeBatch(batchId, chunkSource(batchId), options);
  }
  return runBatch(batchId, chunkSource(batchId), { userId: batch.createdById, ip: null }, options);
}

export async function previewBatch(batchId: string, limit = 10): Promise<PreviewRow[]> {
  const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
  const shape = shapeOf(batch);
  if (!shape || !(await db.importChunk.count({ where: { batchId }, take: 1 }))) return [];
  return previewSource(chunkSource(batchId), shape, limit);
}

/** The newest imports, each with the name of who started it. */
export async function listImports(take = 50) {
  const imports = await db.importBatch.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      fileName: true,
      status: true,
      dryRun: true,
      rows: true,
      created: true,
      updated: true,
      rejected: true,
      sourceText: true,
      createdAt: true,
      createdById: true,
    },
  });
  const userIds = [...new Set(imports.map((i) => i.createdById).filter((id): id is string => !!id))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return imports.map(({ createdById, ...i }) => ({ ...i, createdBy: createdById ? (names.get(createdById) ?? null) : null }));
}

export function listRejections(batchId: string, take: number) {
  return db.importRejection.findMany({ where: { batchId }, orderBy: { line: "asc" }, take, select: { line: true, reason: true, raw: true } });
}

export function listWarnings(batchId: string, take: number) {
  return db.importWarning.findMany({ where: { batchId }, orderBy: [{ line: "asc" }, { field: "asc" }], take, select: { line: true, field: true, value: true } });
}

export function countWarnings(batchId: string) {
  return db.importWarning.count({ where: { batchId } });
}

export async function getImport(batchId: string) {
  return db.importBatch.findUnique({
    where: { id: batchId },
    select: {
      id: true,
      status: true,
      dryRun: true,
      fileName: true,
      fileSize: true,
      encoding: true,
      delimiter: true,
      mapping: true,
      onDuplicate: true,
      consentBasis: true,
      sourceText: true,
      rows: true,
      created: true,
      updated: true,
      unchanged: true,
      duplicates: true,
      suppressed: true,
      rejected: true,
      bytesProcessed: true,
      error: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      createdById: true,
    },
  });
}

/**
 * The rejected rows as a CSV (UTF-8 with BOM for Excel): line, reason (in the reader's language),
 * its code, and the row as it was in the file. Streamed a page at a time.
 */
export function rejectionsCsv(batchId: string, headers: [string, string, string, string], reasonText: (code: string) => string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(UTF8_BOM + csvLine(headers)));
        return;
      }
      const page = await rejectionPage(batchId, after);
      if (!page.length) {
        controller.close();
        return;
      }
      after = page[page.length - 1]!.line;
      controller.enqueue(encoder.encode(page.map((r) => csvLine([r.line, reasonText(r.reason), r.reason, r.raw ?? ""])).join("")));
    },
  });
}
