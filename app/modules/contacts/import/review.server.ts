/**
 * What the review page of one import shows at its stage: the stored mapping, the dry run's first
 * rows, the rejected and warned lines, and how far the job has read the file.
 */
import { countWarnings, getImport, listRejections, listWarnings, previewBatch } from "./batches.server";
import { isKnownIgnoredHeader } from "./detect";
import { readStoredError } from "./errors";
import { readStoredMapping, type PreviewRow } from "./pipeline.server";

const LINES_SHOWN = 100;

export async function loadImportReview(batchId: string) {
  const batch = await getImport(batchId);
  if (!batch) return null;
  const mapping = readStoredMapping(batch.mapping);
  const { status } = batch;
  const beforeRun = batch.dryRun && status !== "CANCELLED";
  const settled = status === "ANALYZED" || status === "DONE" || status === "FAILED";
  const preview: PreviewRow[] = beforeRun && mapping && status !== "FAILED" ? await previewBatch(batch.id, 10) : [];
  const rejections = settled && batch.rejected > 0 ? await listRejections(batch.id, LINES_SHOWN) : [];
  const [warnings, warningTotal] = settled || status === "RUNNING" ? await Promise.all([listWarnings(batch.id, LINES_SHOWN), countWarnings(batch.id)]) : [[], 0];
  const percent = status === "DONE" ? 100 : batch.fileSize > 0 ? Math.min(100, Math.floor((Number(batch.bytesProcessed) * 100) / batch.fileSize)) : 0;
  const { mapping: _mapping, bytesProcessed: _bytes, error, createdById: _by, ...rest } = batch;
  return {
    batch: { ...rest, percent },
    error: readStoredError(error),
    columns: (mapping?.columns ?? []).map((c) => ({ ...c, exportColumn: !c.field && isKnownIgnoredHeader(c.header) })),
    editable: batch.dryRun && (status === "UPLOADED" || status === "ANALYZED"),
    preview,
    rejections,
    warnings,
    warningTotal,
  };
}

/** The operator's column choices as posted (`column-<i>`, empty = ignored), one per stored column. */
export async function postedMapping(batchId: string, form: FormData): Promise<Array<string | null> | null> {
  const batch = await getImport(batchId);
  if (!batch) return null;
  const count = readStoredMapping(batch.mapping)?.columns.length ?? 0;
  return Array.from({ length: count }, (_, i) => {
    const value = form.get(`column-${i}`);
    return typeof value === "string" && value !== "" ? value : null;
  });
}
