/**
 * Importing a file on disk (the CLI, the benchmark): streamed from disk twice — once for its
 * fingerprint and encoding, once through the pipeline — never held in memory.
 */
import { createHash } from "node:crypto";
import v8 from "node:v8";
import vm from "node:vm";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { db } from "~/lib/db.server";
import type { AuditActor } from "~/modules/audit/index.server";
import { EncodingSniffer, type ImportEncoding } from "./detect";
import { ImportFileError } from "./errors";
import type { ByteSource } from "./parse.server";
import { analyzeBatch, createBatch, inspectSource, mappingError, runBatch, type ImportResult, type ImportSettings, type RunOptions } from "./pipeline.server";

const READ_CHUNK = 1 << 20;

/** The system acting from the command line. */
export const CLI_ACTOR: AuditActor = { userId: null, ip: "cli" };

export function fileSource(path: string): ByteSource {
  return () => createReadStream(path, { highWaterMark: READ_CHUNK }) as AsyncIterable<Buffer>;
}

async function fingerprint(path: string): Promise<{ size: number; sha256: string; encoding: ImportEncoding }> {
  const hash = createHash("sha256");
  const sniffer = new EncodingSniffer();
  let size = 0;
  for await (const chunk of fileSource(path)()) {
    hash.update(chunk);
    sniffer.push(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest("hex"), encoding: sniffer.result() };
}

let collect: (() => void) | null = null;

/**
 * A bound on the process's memory for a long import from the command line. The live data of the
 * pipeline stays small (a few batches), but V8 lets garbage pile up to several times that before
 * it collects; in a process that only imports, a full collection when the heap passes the budget
 * keeps the peak down (a handful of ~80 ms pauses per million rows).
 */
export function heapGuard(budgetMb: number): () => void {
  if (!collect) {
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as () => void;
  }
  const budget = budgetMb * 1024 * 1024;
  return () => {
    if (v8.getHeapStatistics().used_heap_size > budget) collect?.();
  };
}

export type FileImportOutcome = {
  result: ImportResult;
  rejected: Array<{ line: number; reason: string }>;
  /** Rows imported with an empty country or state (the value was unknown; it is in the notes). */
  warnings: Array<{ line: number; field: string; value: string }>;
};

/** Imports (or, with dryRun, analyzes) a file on disk through the same pipeline as the UI. */
export async function importFile(
  path: string,
  settings: ImportSettings,
  opts: { dryRun?: boolean; actor?: AuditActor; run?: RunOptions; heapBudgetMb?: number } = {},
): Promise<FileImportOutcome> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportFileError("unreadable", { detail: "not a file" });
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError("unreadable", { detail: (error as NodeJS.ErrnoException).code ?? "not found" });
  }
  let file: Awaited<ReturnType<typeof fingerprint>>;
  try {
    file = await fingerprint(path);
  } catch (error) {
    throw new ImportFileError("unreadable", { detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  const source = fileSource(path);
  const shape = await inspectSource(source, file.encoding);
  const problem = mappingError(shape.columns);
  if (problem) throw problem;
  const actor = opts.actor ?? CLI_ACTOR;
  const batch = await createBatch(actor, { name: basename(path), ...file }, shape, settings, !!opts.dryRun);
  const guard = opts.heapBudgetMb ? heapGuard(opts.heapBudgetMb) : null;
  const run: RunOptions = {
    ...opts.run,
    onBatchCommitted: async (info) => {
      guard?.();
      await opts.run?.onBatchCommitted?.(info);
    },
  };
  const result = opts.dryRun ? await analyzeBatch(batch.id, source, run) : await runBatch(batch.id, source, actor, run);
  const rejected = await db.importRejection.findMany({ where: { batchId: batch.id }, orderBy: { line: "asc" }, select: { line: true, reason: true } });
  const warnings = await db.importWarning.findMany({ where: { batchId: batch.id }, orderBy: [{ line: "asc" }, { field: "asc" }], select: { line: true, field: true, value: true } });
  return { result, rejected, warnings };
}
