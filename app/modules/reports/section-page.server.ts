/**
 * The section page's loader data and actions (tables, attachments, key figures of one report
 * section), kept out of the route: every input checked with zod, every refusal a translation key,
 * never a 500 for bad input.
 */
import { z } from "zod";
import { env } from "~/lib/env.server";
import { fieldErrors } from "~/lib/forms";
import type { AuditActor } from "~/modules/audit/audit.server";
import { UploadRejected } from "~/modules/files/storage.server";
import { addAttachment, deleteAttachment, listAttachments, type StoredAttachment } from "./attachments.server";
import { deleteKeyFigure, keyFigureSchema, listKeyFigures, saveKeyFigure, type StoredKeyFigure } from "./key-figures.server";
import { formatRowsEs, TABLE_LIMITS, TableError, typeTable, type HeaderMode, type TableColumn } from "./tables";
import { createTable, deleteTable, listTables, moveTable, renameTable, SectionExtrasError, tableFromFile, tableFromPaste, type ParsedTable, type SectionContext, type TableSource } from "./tables.server";

/** Rows shown per table on the page (the whole table is in the report and its CSV). */
export const PAGE_SAMPLE_ROWS = 20;

export type PageTable = { id: string; title: string; source: TableSource; sourceFileName: string | null; columns: TableColumn[]; sample: string[][]; rowCount: number };

export async function sectionPageData(ctx: SectionContext) {
  const key = ctx.node.key;
  const tables = ctx.holdsTables ? await listTables(ctx.month, key) : [];
  return {
    tables: tables.map((t): PageTable => ({ id: t.id, title: t.title, source: t.source, sourceFileName: t.sourceFileName, columns: t.columns, sample: formatRowsEs({ columns: t.columns, rows: t.rows.slice(0, PAGE_SAMPLE_ROWS) }), rowCount: t.rows.length })),
    attachments: ctx.holdsAttachments ? await listAttachments(ctx.month, key) : ([] as StoredAttachment[]),
    keyFigures: ctx.holdsTables ? await listKeyFigures(ctx.month, key) : ([] as StoredKeyFigure[]),
    limits: { ...TABLE_LIMITS, uploadMb: Math.round(env().UPLOAD_MAX_BYTES / 1024 / 1024) },
  };
}

export const SECTION_INTENTS = ["preview", "createTable", "renameTable", "moveTable", "deleteTable", "attach", "detach", "figure", "deleteFigure"] as const;
export type SectionIntent = (typeof SECTION_INTENTS)[number];

export type TablePreview = { columns: TableColumn[]; sample: string[][]; rowCount: number; header: boolean; source: TableSource; fileName: string | null; raw: string };

export type SectionActionResult =
  | { ok: true; intent: SectionIntent; message: string; params?: Record<string, string | number> }
  | { ok: false; intent: SectionIntent | null; errors: Record<string, string>; params?: Record<string, string | number>; values: Record<string, string>; preview?: TablePreview; confirm?: { kind: "table" | "attachment"; id: string; title: string; detail: string } };

const headerSchema = z.enum(["auto", "yes", "no"]).catch("auto");
const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const titleSchema = z.string().trim().min(1, "reports.tables.errors.title").max(TABLE_LIMITS.titleChars, "reports.tables.errors.titleLong");
const rawRowsSchema = z.array(z.array(z.union([z.string().max(TABLE_LIMITS.cellChars + 1), z.number(), z.boolean(), z.null()])).max(TABLE_LIMITS.columns + 50)).max(TABLE_LIMITS.rows + 1);

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** The cells as they came (header row included): what the save step posts back and types again. */
function rawOf(t: ParsedTable): unknown[][] {
  return t.raw ?? [...(t.header ? [t.columns.map((c) => c.name)] : []), ...t.rows];
}

function previewOf(t: ParsedTable): TablePreview {
  return { columns: t.columns, sample: formatRowsEs({ columns: t.columns, rows: t.rows.slice(0, 10) }), rowCount: t.rows.length, header: t.header, source: t.source, fileName: t.fileName, raw: JSON.stringify(rawOf(t)) };
}

function tableErrorResult(intent: SectionIntent, error: TableError, values: Record<string, string>): SectionActionResult {
  return { ok: false, intent, errors: { source: `reports.tables.errors.${error.code}` }, params: error.params, values };
}

/** One posted form of the section page. `form` is null when a file was over the upload limit. */
export async function handleSectionAction(actor: AuditActor, ctx: SectionContext, form: FormData | null): Promise<SectionActionResult> {
  if (!form) return { ok: false, intent: null, errors: { form: "files.errors.tooLarge" }, params: { max: Math.round(env().UPLOAD_MAX_BYTES / 1024 / 1024) }, values: {} };
  const intent = SECTION_INTENTS.find((i) => i === form.get("intent")) ?? null;
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string" && k !== "raw" && v.length <= TABLE_LIMITS.pasteChars) values[k] = v;
  if (!intent) return { ok: false, intent, errors: { form: "reports.errors.intent" }, values };
  try {
    switch (intent) {
      case "preview": {
        const header = headerSchema.parse(form.get("header")) as HeaderMode;
        const file = form.get("file");
        let parsed: ParsedTable;
        try {
          if (file instanceof File && file.size > 0) parsed = tableFromFile(new Uint8Array(await file.arrayBuffer()), file.name, header);
          else if (str(form, "text").trim()) parsed = tableFromPaste(str(form, "text"), header);
          else return { ok: false, intent, errors: { source: "reports.tables.errors.noSource" }, values };
        } catch (error) {
          if (error instanceof TableError) return tableErrorResult(intent, error, values);
          throw error;
        }
        if (!values.title?.trim() && parsed.fileName) values.title = parsed.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, "");
        return { ok: false, intent, errors: {}, values, preview: previewOf(parsed) };
      }
      case "createTable": {
        const title = titleSchema.safeParse(str(form, "title"));
        const source = z.enum(["PASTE", "CSV", "XLSX"]).safeParse(str(form, "source"));
        let raw: unknown;
        try {
          raw = JSON.parse(str(form, "raw"));
        } catch {
          raw = null;
        }
        const rows = rawRowsSchema.safeParse(raw);
        if (!source.success || !rows.success) return { ok: false, intent, errors: { source: "reports.tables.errors.unreadable" }, params: { row: "—" }, values };
        const header = str(form, "header") === "yes" ? "yes" : "no";
        let typed;
        try {
          typed = typeTable(rows.data, header);
        } catch (error) {
          if (error instanceof TableError) return tableErrorResult(intent, error, values);
          throw error;
        }
        const fileName = source.data === "PASTE" ? null : str(form, "fileName").slice(0, 200) || null;
        const parsed: ParsedTable = { columns: typed.columns, rows: typed.rows, header: typed.header, raw: typed.raw, source: source.data, fileName };
        if (!title.success) return { ok: false, intent, errors: { title: title.error.issues[0]?.message ?? "reports.tables.errors.title" }, values, preview: previewOf(parsed) };
        const created = await createTable(actor, ctx, title.data, parsed);
        return { ok: true, intent, message: "reports.tables.created", params: { title: created.title, rows: created.rows.length } };
      }
      case "renameTable": {
        const id = idSchema.safeParse(str(form, "tableId"));
        const title = titleSchema.safeParse(str(form, "title"));
        if (!id.success) throw new SectionExtrasError("notFound");
        if (!title.success) return { ok: false, intent, errors: { title: title.error.issues[0]?.message ?? "reports.tables.errors.title" }, values };
        const { changed } = await renameTable(actor, ctx, id.data, title.data);
        return { ok: true, intent, message: changed ? "reports.tables.renamed" : "reports.unchanged" };
      }
      case "moveTable": {
        const id = idSchema.safeParse(str(form, "tableId"));
        const direction = z.enum(["up", "down"]).safeParse(str(form, "direction"));
        if (!id.success || !direction.success) throw new SectionExtrasError("notFound");
        const { changed } = await moveTable(actor, ctx, id.data, direction.data);
        return { ok: true, intent, message: changed ? "reports.tables.moved" : "reports.unchanged" };
      }
      case "deleteTable": {
        const id = idSchema.safeParse(str(form, "tableId"));
        if (!id.success) throw new SectionExtrasError("notFound");
        if (str(form, "confirm") !== "yes") {
          const table = (await listTables(ctx.month, ctx.node.key)).find((t) => t.id === id.data);
          if (!table) throw new SectionExtrasError("notFound");
          return { ok: false, intent, errors: {}, values, confirm: { kind: "table", id: table.id, title: table.title, detail: `${table.rows.length}×${table.columns.length}` } };
        }
        const { title } = await deleteTable(actor, ctx, id.data);
        return { ok: true, intent, message: "reports.tables.deleted", params: { title } };
      }
      case "attach": {
        const file = form.get("file");
        if (!(file instanceof File) || file.size === 0) return { ok: false, intent, errors: { file: "reports.attachments.errors.file" }, values };
        try {
          const added = await addAttachment(actor, ctx, { title: str(form, "title"), fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
          return { ok: true, intent, message: "reports.attachments.added", params: { title: added.title } };
        } catch (error) {
          if (error instanceof UploadRejected) return { ok: false, intent, errors: { file: error.reason === "typeNotAllowed" ? "reports.attachments.errors.type" : error.messageKey }, params: { max: Math.round(env().UPLOAD_MAX_BYTES / 1024 / 1024) }, values };
          if (error instanceof SectionExtrasError && error.code === "stale") return { ok: false, intent, errors: { file: "reports.attachments.errors.tooMany" }, values };
          throw error;
        }
      }
      case "detach": {
        const id = idSchema.safeParse(str(form, "attachmentId"));
        if (!id.success) throw new SectionExtrasError("notFound");
        if (str(form, "confirm") !== "yes") {
          const a = (await listAttachments(ctx.month, ctx.node.key)).find((x) => x.id === id.data);
          if (!a) throw new SectionExtrasError("notFound");
          return { ok: false, intent, errors: {}, values, confirm: { kind: "attachment", id: a.id, title: a.title, detail: a.fileName } };
        }
        const { title } = await deleteAttachment(actor, ctx, id.data);
        return { ok: true, intent, message: "reports.attachments.deleted", params: { title } };
      }
      case "figure": {
        const parsed = keyFigureSchema.safeParse({ id: str(form, "id") || undefined, label: str(form, "label"), key: str(form, "key"), value: str(form, "value"), unit: str(form, "unit") });
        if (!parsed.success) return { ok: false, intent, errors: fieldErrors(parsed.error), values };
        try {
          const { changed } = await saveKeyFigure(actor, ctx, parsed.data);
          return { ok: true, intent, message: changed ? "reports.keyFigures.saved" : "reports.unchanged" };
        } catch (error) {
          if (error instanceof SectionExtrasError && error.code === "stale") return { ok: false, intent, errors: { key: "reports.keyFigures.errors.taken" }, values };
          throw error;
        }
      }
      case "deleteFigure": {
        const id = idSchema.safeParse(str(form, "id"));
        if (!id.success) throw new SectionExtrasError("notFound");
        await deleteKeyFigure(actor, ctx, id.data);
        return { ok: true, intent, message: "reports.keyFigures.deleted" };
      }
    }
  } catch (error) {
    if (error instanceof SectionExtrasError) return { ok: false, intent, errors: { form: `reports.sectionExtras.errors.${error.code}` }, values };
    throw error;
  }
}
