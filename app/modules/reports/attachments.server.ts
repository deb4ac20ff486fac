/**
 * An annex's attached files (decision 025): a PDF or an XLSX, decided by content (the files
 * module's sniffing for PDF; a ZIP holding a workbook for XLSX), within the upload size limit, stored
 * once by SHA-256 in the blob store. Listed in the annex index, under the annex, and bundled with
 * the export ZIP. Only annexes (the sections under «Anexos») hold attachments.
 */
import { createHash } from "node:crypto";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { audit, type AuditActor } from "~/modules/audit/audit.server";
import { sniffKind } from "~/modules/files/sniff";
import { blobStore, UploadRejected } from "~/modules/files/storage.server";
import { isXlsx, XLSX_MEDIA_TYPE } from "~/modules/files/xlsx";
import { requireEdit, SectionExtrasError, type SectionContext } from "./tables.server";

export const ATTACHMENT_TITLE_MAX = 200;
export const ATTACHMENTS_PER_SECTION = 20;

export type StoredAttachment = { id: string; title: string; fileName: string; fileSha256: string; mediaType: string; size: number; createdAt: string };

export async function listAttachments(month: string, sectionKey: string): Promise<StoredAttachment[]> {
  const rows = await db.reportAttachment.findMany({ where: { month, sectionKey }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ id: r.id, title: r.title, fileName: r.fileName, fileSha256: r.fileSha256, mediaType: r.mediaType, size: r.size, createdAt: r.createdAt.toISOString() }));
}

export async function getAttachment(month: string, sectionKey: string, id: string) {
  return db.reportAttachment.findFirst({ where: { id, month, sectionKey } });
}

/** The media type of an annex file, by content: PDF or XLSX; null for anything else. */
export function attachmentMediaType(bytes: Uint8Array): string | null {
  if (sniffKind(bytes) === "pdf") return "application/pdf";
  if (isXlsx(bytes)) return XLSX_MEDIA_TYPE;
  return null;
}

/** A file name safe to keep and to offer back: no path, no control characters, at most 150 characters. */
export function cleanFileName(name: string, mediaType: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.normalize("NFC").replace(/[\p{Cc}\p{Cf}]/gu, "").replace(/\s+/g, " ").trim().slice(0, 150);
  const ext = mediaType === "application/pdf" ? ".pdf" : ".xlsx";
  if (!clean) return `anexo${ext}`;
  return clean.toLowerCase().endsWith(ext) ? clean : `${clean}${ext}`;
}

/** Stores an uploaded annex file. Throws UploadRejected (empty, tooLarge, typeNotAllowed) with its files.errors key. */
export async function addAttachment(actor: AuditActor, ctx: SectionContext, input: { title: string; fileName: string; bytes: Uint8Array }, maxBytes = env().UPLOAD_MAX_BYTES): Promise<StoredAttachment> {
  requireEdit(ctx);
  if (!ctx.holdsAttachments) throw new SectionExtrasError("kind");
  const { bytes } = input;
  if (bytes.byteLength === 0) throw new UploadRejected("empty");
  if (bytes.byteLength > maxBytes) throw new UploadRejected("tooLarge");
  const mediaType = attachmentMediaType(bytes);
  if (!mediaType) throw new UploadRejected("typeNotAllowed");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await blobStore().put(sha256, bytes, mediaType);
  const fileName = cleanFileName(input.fileName, mediaType);
  const title = input.title.replace(/\s+/g, " ").trim().slice(0, ATTACHMENT_TITLE_MAX) || fileName;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`report-section:${ctx.month}:${ctx.node.key}`}))`;
    const count = await tx.reportAttachment.count({ where: { month: ctx.month, sectionKey: ctx.node.key } });
    if (count >= ATTACHMENTS_PER_SECTION) throw new SectionExtrasError("stale");
    const row = await tx.reportAttachment.create({ data: { month: ctx.month, sectionKey: ctx.node.key, title, fileName, fileSha256: sha256, mediaType, size: bytes.byteLength, createdById: actor.userId } });
    await audit(actor, { action: "report.attachment.create", entity: "ReportAttachment", entityId: row.id, after: { month: ctx.month, section: ctx.node.key, title, fileName, sha256, mediaType, size: row.size } }, tx);
    return { id: row.id, title, fileName, fileSha256: sha256, mediaType, size: row.size, createdAt: row.createdAt.toISOString() };
  });
}

/** Removes an attachment from the annex (the stored bytes stay: an approved version may name them). */
export async function deleteAttachment(actor: AuditActor, ctx: SectionContext, id: string): Promise<{ title: string }> {
  requireEdit(ctx);
  return db.$transaction(async (tx) => {
    const row = await tx.reportAttachment.findFirst({ where: { id, month: ctx.month, sectionKey: ctx.node.key } });
    if (!row) throw new SectionExtrasError("notFound");
    await tx.reportAttachment.delete({ where: { id } });
    await audit(actor, { action: "report.attachment.delete", entity: "ReportAttachment", entityId: id, before: { month: ctx.month, section: ctx.node.key, title: row.title, fileName: row.fileName, sha256: row.fileSha256 } }, tx);
    return { title: row.title };
  });
}
