/**
 * A contributed section's tables (decision 025): created from a paste, a CSV or an XLSX (typed by
 * tables.ts), renamed, reordered, deleted, exported as CSV. Who may do what is the one rule of
 * access.server.ts (sectionAccess); tables belong to the month (not to a version): an approved
 * version keeps the copy frozen in its figures (contributionsForMonth, read by figures.server.ts).
 * Only sections whose text is written (NARRATIVE, CONTRIBUTED) hold tables; computed sections
 * print their own.
 */
import { DomainError } from "~/lib/errors";
import { db, type Prisma } from "~/lib/db.server";
import { notFound } from "~/lib/params";
import { audit, type AuditActor } from "~/modules/audit/audit.server";
import { csvLine, UTF8_BOM } from "~/lib/csv";
import { readXlsx, XlsxError } from "~/modules/files/xlsx";
import { sniffKind } from "~/modules/files/sniff";
import { sectionAccess, type SectionAccess, type SectionUser } from "./access.server";
import { isMonth, shiftMonth } from "./month";
import { liveOutline, type OutlineNode } from "./outline.server";
import { decodeTableBytes, isTypedTable, TABLE_LIMITS, TableError, tableFromText, typeTable, type HeaderMode, type RawCell, type TableCell, type TableColumn, type TypedTable } from "./tables";

// ── Access ──────────────────────────────────────────────────────────────────────────────────────

export type ExtrasErrorCode = "section" | "forbidden" | "readOnly" | "notFound" | "kind" | "stale";

/** A refusal of the section pages: unknown section (404), no access (403), read-only, … */
export class SectionExtrasError extends DomainError<ExtrasErrorCode> {
  constructor(code: ExtrasErrorCode) {
    super({ code, messageKey: `reports.extras.errors.${code}` });
  }
}

/** A session user as access.server.ts wants it (the INE area read when the session does not carry it). */
export async function sectionUser(user: { id: string; role: string; ineArea?: string | null }): Promise<SectionUser> {
  if (user.ineArea !== undefined || user.role !== "CONTRIBUTOR") return { id: user.id, role: user.role as SectionUser["role"], ineArea: user.ineArea ?? null };
  const row = await db.user.findUnique({ where: { id: user.id }, select: { ineArea: true } });
  return { id: user.id, role: user.role as SectionUser["role"], ineArea: (row?.ineArea as string | null | undefined) ?? null };
}

export type SectionContext = { month: string; node: OutlineNode; access: Exclude<SectionAccess, null>; approved: boolean; holdsTables: boolean; holdsAttachments: boolean };

/** Whether the month's latest version is approved (then every section is read-only until a new version). */
export async function monthApproved(month: string): Promise<boolean> {
  const latest = await db.monthlyReport.findFirst({ where: { month }, orderBy: { version: "desc" }, select: { state: true } });
  return latest?.state === "APPROVED";
}

/** The section and what this user may do with it; throws `section` (unknown) or `forbidden`. */
export async function sectionContext(user: SectionUser, month: string, sectionKey: string): Promise<SectionContext> {
  if (!isMonth(month)) throw new SectionExtrasError("section");
  const node = (await liveOutline()).find((o) => o.key === sectionKey);
  if (!node) throw new SectionExtrasError("section");
  const approved = await monthApproved(month);
  const access = await sectionAccess(user, month, sectionKey, { approved });
  if (!access) throw new SectionExtrasError("forbidden");
  const written = node.kind !== "COMPUTED";
  return { month, node, access, approved, holdsTables: written, holdsAttachments: written && node.isAnnex };
}

/** The answer to a refused section request: 404 for an unknown section, 403 (audited, as requirePermission does) otherwise. */
export async function sectionRefusal(request: Request, user: { id: string }, error: SectionExtrasError): Promise<Response> {
  if (error.code !== "forbidden") return notFound(request);
  const url = new URL(request.url);
  await audit({ userId: user.id, ip: request.headers.get("x-alcance-client-ip") }, { action: "permission.denied", entity: "route", entityId: url.pathname, after: { method: request.method, permission: ["contribute:report"] } });
  return new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

/** Throws unless the user may edit this section now. */
export function requireEdit(ctx: SectionContext): void {
  if (ctx.access !== "edit") throw new SectionExtrasError("readOnly");
}

// ── Reading a source ────────────────────────────────────────────────────────────────────────────

export type TableSource = "PASTE" | "CSV" | "XLSX";
export type ParsedTable = TypedTable & { header: boolean; source: TableSource; fileName: string | null; raw?: RawCell[][] };

/** A paste (text) → a typed table. */
export function tableFromPaste(text: string, header: HeaderMode = "auto"): ParsedTable {
  if (text.length > TABLE_LIMITS.pasteChars) throw new TableError("pasteTooLong", { max: TABLE_LIMITS.pasteChars });
  const t = tableFromText(text, header);
  return { columns: t.columns, rows: t.rows, header: t.header, raw: t.raw, source: "PASTE", fileName: null };
}

/** An uploaded file → a typed table: XLSX by its content, else text (CSV/TSV in any of the import's encodings). */
export function tableFromFile(bytes: Uint8Array, fileName: string | null, header: HeaderMode = "auto"): ParsedTable {
  if (bytes.byteLength === 0) throw new TableError("empty");
  const name = fileName ? fileName.slice(0, 200) : null;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      const sheet = readXlsx(bytes, { maxRows: TABLE_LIMITS.rows + 50, maxColumns: TABLE_LIMITS.columns + 50 });
      const t = typeTable(sheet.rows, header);
      return { columns: t.columns, rows: t.rows, header: t.header, raw: t.raw, source: "XLSX", fileName: name };
    } catch (error) {
      if (error instanceof XlsxError) throw error.code === "tooLarge" ? new TableError("tooManyCells", { max: TABLE_LIMITS.cells, found: "—" }) : new TableError("notXlsx");
      throw error;
    }
  }
  // A PDF, an image or any binary file is not a table (UTF-16 text carries its BOM).
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (sniffKind(bytes) || (!utf16 && bytes.subarray(0, 64 * 1024).includes(0))) throw new TableError("fileType");
  const t = tableFromText(decodeTableBytes(bytes), header);
  return { columns: t.columns, rows: t.rows, header: t.header, raw: t.raw, source: "CSV", fileName: name };
}

// ── Records ─────────────────────────────────────────────────────────────────────────────────────

export type StoredTable = TypedTable & { id: string; sectionKey: string; position: number; title: string; source: TableSource; sourceFileName: string | null; updatedAt: string };

function toStored(row: { id: string; sectionKey: string; position: number; title: string; columns: unknown; rows: unknown; source: string; sourceFileName: string | null; updatedAt: Date }): StoredTable {
  const table = isTypedTable({ columns: row.columns, rows: row.rows }) ? { columns: row.columns as TableColumn[], rows: row.rows as TableCell[][] } : { columns: [], rows: [] };
  return { id: row.id, sectionKey: row.sectionKey, position: row.position, title: row.title, source: row.source as TableSource, sourceFileName: row.sourceFileName, updatedAt: row.updatedAt.toISOString(), ...table };
}

export async function listTables(month: string, sectionKey: string): Promise<StoredTable[]> {
  const rows = await db.reportTable.findMany({ where: { month, sectionKey }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  return rows.map(toStored);
}

export async function getTable(month: string, sectionKey: string, id: string): Promise<StoredTable | null> {
  const row = await db.reportTable.findFirst({ where: { id, month, sectionKey } });
  return row ? toStored(row) : null;
}

async function lockSection(tx: Prisma.TransactionClient, month: string, sectionKey: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`report-section:${month}:${sectionKey}`}))`;
}

const cleanTitle = (title: string) => title.replace(/\s+/g, " ").trim().slice(0, TABLE_LIMITS.titleChars);

/** Stores a parsed table at the end of the section's tables. */
export async function createTable(actor: AuditActor, ctx: SectionContext, title: string, table: ParsedTable): Promise<StoredTable> {
  requireEdit(ctx);
  if (!ctx.holdsTables) throw new SectionExtrasError("kind");
  const { month } = ctx;
  const sectionKey = ctx.node.key;
  return db.$transaction(async (tx) => {
    await lockSection(tx, month, sectionKey);
    const last = await tx.reportTable.findFirst({ where: { month, sectionKey }, orderBy: { position: "desc" }, select: { position: true } });
    const row = await tx.reportTable.create({
      data: {
        month,
        sectionKey,
        position: (last?.position ?? -1) + 1,
        title: cleanTitle(title),
        columns: table.columns as unknown as Prisma.InputJsonValue,
        rows: table.rows as unknown as Prisma.InputJsonValue,
        source: table.source,
        sourceFileName: table.fileName,
        createdById: actor.userId,
      },
    });
    await audit(actor, { action: "report.table.create", entity: "ReportTable", entityId: row.id, after: { month, section: sectionKey, title: row.title, source: table.source, fileName: table.fileName, columns: table.columns, rowCount: table.rows.length } }, tx);
    return toStored(row);
  });
}

export async function renameTable(actor: AuditActor, ctx: SectionContext, id: string, title: string): Promise<{ changed: boolean }> {
  requireEdit(ctx);
  const row = await db.reportTable.findFirst({ where: { id, month: ctx.month, sectionKey: ctx.node.key }, select: { id: true, title: true } });
  if (!row) throw new SectionExtrasError("notFound");
  const next = cleanTitle(title);
  if (next === row.title) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.reportTable.update({ where: { id }, data: { title: next } });
    await audit(actor, { action: "report.table.rename", entity: "ReportTable", entityId: id, before: { title: row.title }, after: { month: ctx.month, section: ctx.node.key, title: next } }, tx);
  });
  return { changed: true };
}

/** Moves a table one place up or down among its section's tables (positions renumbered 0…n-1). */
export async function moveTable(actor: AuditActor, ctx: SectionContext, id: string, direction: "up" | "down"): Promise<{ changed: boolean }> {
  requireEdit(ctx);
  const { month } = ctx;
  const sectionKey = ctx.node.key;
  return db.$transaction(async (tx) => {
    await lockSection(tx, month, sectionKey);
    const rows = await tx.reportTable.findMany({ where: { month, sectionKey }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, position: true } });
    const at = rows.findIndex((r) => r.id === id);
    if (at < 0) throw new SectionExtrasError("notFound");
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= rows.length) return { changed: false };
    const order = rows.map((r) => r.id);
    [order[at], order[to]] = [order[to]!, order[at]!];
    for (const [position, rowId] of order.entries()) if (rows.find((r) => r.id === rowId)!.position !== position) await tx.reportTable.update({ where: { id: rowId }, data: { position } });
    await audit(actor, { action: "report.table.move", entity: "ReportTable", entityId: id, before: { position: at }, after: { month, section: sectionKey, position: to } }, tx);
    return { changed: true };
  });
}

/** Deletes a table (the page asks first, naming it and its size: decision 023). */
export async function deleteTable(actor: AuditActor, ctx: SectionContext, id: string): Promise<{ title: string }> {
  requireEdit(ctx);
  return db.$transaction(async (tx) => {
    await lockSection(tx, ctx.month, ctx.node.key);
    const row = await tx.reportTable.findFirst({ where: { id, month: ctx.month, sectionKey: ctx.node.key } });
    if (!row) throw new SectionExtrasError("notFound");
    await tx.reportTable.delete({ where: { id } });
    const stored = toStored(row);
    await audit(actor, { action: "report.table.delete", entity: "ReportTable", entityId: id, before: { month: ctx.month, section: ctx.node.key, title: row.title, columns: stored.columns, rowCount: stored.rows.length } }, tx);
    return { title: row.title };
  });
}

/** One table as CSV (UTF-8 with BOM): the header names, then typed values as machines read them (38096, 85.65, 2017-11-30). */
export function tableCsv(table: TypedTable, delimiter = ","): string {
  return UTF8_BOM + csvLine(table.columns.map((c) => c.name), delimiter) + table.rows.map((r) => csvLine(table.columns.map((_, j) => r[j] ?? null), delimiter)).join("");
}

// ── The month's contributed content (frozen with an approval) ───────────────────────────────────

export type ContributionTable = TypedTable & { id: string; sectionKey: string; title: string };
export type ContributionAttachment = { id: string; sectionKey: string; title: string; fileName: string; fileSha256: string; mediaType: string; size: number };
export type ContributionKeyFigure = { sectionKey: string; key: string; label: string; value: number; unit: string | null };
/**
 * What the month's sections hold besides their text: tables, attachments, key figures (and the
 * previous month's key figures, for the change). Plain JSON: part of ReportFigures, so approving a
 * version freezes it with the figures.
 */
export type MonthContributions = {
  tables: ContributionTable[];
  attachments: ContributionAttachment[];
  keyFigures: ContributionKeyFigure[];
  previousKeyFigures: ContributionKeyFigure[];
};

export const NO_CONTRIBUTIONS: MonthContributions = { tables: [], attachments: [], keyFigures: [], previousKeyFigures: [] };

/** A figures object's contributions (frozen figures from before decision 025 have none). */
export function contributionsOf(figures: unknown): MonthContributions {
  const c = (figures as { contributions?: Partial<MonthContributions> } | null)?.contributions;
  if (!c || typeof c !== "object") return NO_CONTRIBUTIONS;
  return { tables: c.tables ?? [], attachments: c.attachments ?? [], keyFigures: c.keyFigures ?? [], previousKeyFigures: c.previousKeyFigures ?? [] };
}

async function keyFiguresOf(month: string): Promise<ContributionKeyFigure[]> {
  const rows = await db.reportKeyFigure.findMany({ where: { month }, orderBy: [{ sectionKey: "asc" }, { createdAt: "asc" }], select: { sectionKey: true, key: true, label: true, value: true, unit: true } });
  return rows;
}

/**
 * The previous month's key figures: as its latest approved version froze them when it has one,
 * else as they are stored now.
 */
async function previousKeyFigures(month: string): Promise<ContributionKeyFigure[]> {
  const previous = shiftMonth(month, -1);
  const approved = await db.monthlyReport.findFirst({ where: { month: previous, state: "APPROVED" }, orderBy: { version: "desc" }, select: { frozenFigures: true } });
  const frozen = approved ? contributionsOf(approved.frozenFigures) : null;
  if (frozen && (approved?.frozenFigures as { contributions?: unknown } | null)?.contributions) return frozen.keyFigures;
  return keyFiguresOf(previous);
}

/** Everything the month's sections hold besides their text, in document order within each section. */
export async function contributionsForMonth(month: string): Promise<MonthContributions> {
  const tables = await db.reportTable.findMany({ where: { month }, orderBy: [{ sectionKey: "asc" }, { position: "asc" }, { createdAt: "asc" }] });
  const attachments = await db.reportAttachment.findMany({ where: { month }, orderBy: [{ sectionKey: "asc" }, { createdAt: "asc" }] });
  return {
    tables: tables.map(toStored).map((t) => ({ id: t.id, sectionKey: t.sectionKey, title: t.title, columns: t.columns, rows: t.rows })),
    attachments: attachments.map((a) => ({ id: a.id, sectionKey: a.sectionKey, title: a.title, fileName: a.fileName, fileSha256: a.fileSha256, mediaType: a.mediaType, size: a.size })),
    keyFigures: await keyFiguresOf(month),
    previousKeyFigures: await previousKeyFigures(month),
  };
}
