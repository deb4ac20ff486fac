/**
 * CSV import of institutions. Institutions are few (hundreds), so a file is read whole inside the
 * request, but the pipeline is the contacts one: the upload is stored (content-addressed, in
 * PostgreSQL), then a preview with the detected encoding, delimiter and mapping, a dry run that
 * counts what would be created, updated or left alone and lists every rejected line with its
 * reason, and only on confirmation the import itself — one transaction, audited once. Encoding
 * detection and record parsing are the contacts import's own (app/modules/contacts/import/*).
 *
 * Identity: an institution is its name (case-blind). A row whose name exists updates it; a parent
 * is named by name or acronym, found in the database or earlier/later in the same file.
 */
import { createHash } from "node:crypto";
import { db } from "~/lib/db.server";
import { makeT, type Locale } from "~/i18n";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { detectEncoding, normalizeHeader, splitHeader } from "~/modules/contacts";
import { parseRecords, rawRecord } from "~/modules/contacts/index.server";
import { blobStore } from "~/modules/files/index.server";
import type { PartnerKind } from "~/generated/prisma/enums";
import { PARTNER_KINDS, type PartnerOwnFields } from "./fields";
import { PartnerError } from "./partner.server";
import {
  detectPartnerDelimiter,
  headerLine,
  mapPartnerHeaders,
  partnerMappingProblem,
  toPartnerRow,
  type PartnerColumnMapping,
  type PartnerFileProblem,
  type PartnerRejectReason,
  type PartnerRow,
} from "./import";

export const PARTNER_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const PARTNER_IMPORT_MAX_ROWS = 5000;
const CSV_MIME = "text/csv";
/** The stored columns of PartnerOwnFields, for comparing a row with what is there. */
const PARTNER_OWN_SELECT = { name: true, acronym: true, kind: true, parentId: true, country: true, state: true, city: true, website: true, tags: true, status: true, notes: true } as const;

export type PlannedRow = { line: number; action: "create" | "update" | "unchanged"; row: PartnerRow };
export type RejectedRow = { line: number; reason: PartnerRejectReason; name: string | null; raw: string };

export type ImportPlan = {
  sha256: string;
  encoding: string;
  delimiter: string;
  columns: PartnerColumnMapping[];
  problem: PartnerFileProblem | "tooManyRows" | null;
  /** The first rows as read (for the preview table). */
  sample: Array<{ line: number; fields: string[] }>;
  planned: PlannedRow[];
  rejected: RejectedRow[];
  counts: { create: number; update: number; unchanged: number; rejected: number };
};

/** Stores the uploaded file and returns its key (the SHA-256). */
export async function storePartnerImport(bytes: Uint8Array): Promise<string> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await blobStore().put(sha256, bytes, CSV_MIME);
  return sha256;
}

export async function loadPartnerImport(sha256: string): Promise<Uint8Array | null> {
  if (!/^[a-f0-9]{64}$/.test(sha256)) return null;
  const file = await blobStore().get(sha256);
  return file && file.mimeType === CSV_MIME ? file.bytes : null;
}

function kindLabels(): Record<string, PartnerKind> {
  const out: Record<string, PartnerKind> = {};
  for (const locale of ["es", "en"] as Locale[]) {
    const t = makeT(locale);
    for (const kind of PARTNER_KINDS) out[normalizeHeader(t(`partners.kind.${kind}`))] = kind;
  }
  return out;
}

type Existing = PartnerOwnFields & { id: string };

function sameAs(existing: Existing, row: PartnerRow, parentId: string | null): boolean {
  return (
    existing.name === row.name &&
    existing.acronym === row.acronym &&
    existing.kind === row.kind &&
    existing.parentId === parentId &&
    existing.country === row.country &&
    existing.state === row.state &&
    existing.city === row.city &&
    existing.website === row.website &&
    JSON.stringify(existing.tags) === JSON.stringify(row.tags) &&
    existing.status === row.status &&
    existing.notes === row.notes
  );
}

/** Reads the file and plans the import against the database, changing nothing (preview + dry run). */
export async function planPartnerImport(sha256: string, bytes: Uint8Array): Promise<ImportPlan> {
  const encoding = detectEncoding(bytes);
  const empty: ImportPlan = {
    sha256,
    encoding,
    delimiter: ",",
    columns: [],
    problem: "emptyFile",
    sample: [],
    planned: [],
    rejected: [],
    counts: { create: 0, update: 0, unchanged: 0, rejected: 0 },
  };
  const text = new TextDecoder(encoding === "utf-8-bom" ? "utf-8" : encoding).decode(bytes);
  const header = headerLine(text.replace(/^\uFEFF/, ""), true);
  if (!header || header.line.trim() === "") return empty;
  const delimiter = detectPartnerDelimiter(header.line);
  const columns = mapPartnerHeaders(splitHeader(header.line, delimiter));
  const plan: ImportPlan = { ...empty, delimiter, columns, problem: partnerMappingProblem(columns) };
  if (plan.problem) return plan;

  const labels = kindLabels();
  const accepted: Array<{ line: number; row: PartnerRow; raw: string }> = [];
  const seen = new Set<string>();
  let first = true;
  const source = async function* () {
    yield bytes;
  };
  for await (const chunk of parseRecords(source, { encoding, delimiter, lineBreak: header.lineBreak })) {
    for (const record of chunk.records) {
      if (first) {
        first = false; // the header
        continue;
      }
      if (plan.sample.length < 10) plan.sample.push({ line: record.line, fields: record.fields.slice(0, columns.length + 2) });
      const outcome = toPartnerRow(record.fields, columns.length, columns, record.quoteError, labels);
      if (outcome.ok === "blank") continue;
      const raw = rawRecord(chunk, record, header.lineBreak).slice(0, 2000);
      if (outcome.ok === false) {
        plan.rejected.push({ line: record.line, reason: outcome.reason, name: outcome.name, raw });
        continue;
      }
      const key = outcome.row.name.toLowerCase();
      if (seen.has(key)) {
        plan.rejected.push({ line: record.line, reason: "duplicateInFile", name: outcome.row.name, raw });
        continue;
      }
      seen.add(key);
      accepted.push({ line: record.line, row: outcome.row, raw });
      if (accepted.length + plan.rejected.length > PARTNER_IMPORT_MAX_ROWS) return { ...plan, problem: "tooManyRows" };
    }
  }
  if (accepted.length === 0 && plan.rejected.length === 0) return { ...plan, problem: "headerOnly" };

  const existing: Existing[] = await db.partner.findMany({ select: { ...PARTNER_OWN_SELECT, id: true } });
  const byName = new Map(existing.map((p) => [p.name.toLowerCase(), p]));
  // A parent is named by its name or acronym, in the database or in the file.
  const parentKeys = new Map<string, string>();
  for (const p of existing) {
    parentKeys.set(normalizeHeader(p.name), p.name.toLowerCase());
    if (p.acronym) parentKeys.set(normalizeHeader(p.acronym), p.name.toLowerCase());
  }
  for (const { row } of accepted) {
    parentKeys.set(normalizeHeader(row.name), row.name.toLowerCase());
    if (row.acronym && !parentKeys.has(normalizeHeader(row.acronym))) parentKeys.set(normalizeHeader(row.acronym), row.name.toLowerCase());
  }
  for (const { line, row, raw } of accepted) {
    let parentId: string | null = null;
    if (row.parent) {
      const target = parentKeys.get(normalizeHeader(row.parent));
      if (!target) {
        plan.rejected.push({ line, reason: "unknownParent", name: row.name, raw });
        continue;
      }
      row.parent = target;
      parentId = byName.get(target)?.id ?? `new:${target}`;
    }
    const found = byName.get(row.name.toLowerCase());
    plan.planned.push({ line, row, action: !found ? "create" : sameAs(found, row, parentId) ? "unchanged" : "update" });
  }
  plan.rejected.sort((a, b) => a.line - b.line);
  plan.counts = {
    create: plan.planned.filter((p) => p.action === "create").length,
    update: plan.planned.filter((p) => p.action === "update").length,
    unchanged: plan.planned.filter((p) => p.action === "unchanged").length,
    rejected: plan.rejected.length,
  };
  return plan;
}

/**
 * Runs the planned import in one transaction: creates and updates the institutions, then links the
 * parents (which may be rows of the same file). Audited once with the counts. An upload that is
 * not stored (any more) is PartnerError("notFound").
 */
export async function applyPartnerImport(actor: AuditActor, sha256: string): Promise<ImportPlan> {
  const bytes = await loadPartnerImport(sha256);
  if (!bytes) throw new PartnerError("notFound");
  const plan = await planPartnerImport(sha256, bytes);
  if (plan.problem) return plan;
  await db.$transaction(
    async (tx) => {
      const ids = new Map<string, string>();
      for (const { row, action } of plan.planned) {
        const { parent: _parent, ...data } = row;
        if (action === "create") {
          const created = await tx.partner.create({ data: { ...data, createdById: actor.userId }, select: { id: true } });
          ids.set(row.name.toLowerCase(), created.id);
        } else {
          const found = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Partner" WHERE lower("name") = ${row.name.toLowerCase()} LIMIT 1`;
          const id = found[0]!.id;
          ids.set(row.name.toLowerCase(), id);
          if (action === "update") await tx.partner.update({ where: { id }, data });
        }
      }
      for (const { row, action } of plan.planned) {
        if (action === "unchanged") continue;
        let parentId: string | null = null;
        if (row.parent) {
          parentId =
            ids.get(row.parent) ??
            (await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Partner" WHERE lower("name") = ${row.parent} LIMIT 1`)[0]?.id ??
            null;
        }
        const id = ids.get(row.name.toLowerCase())!;
        if (parentId === id) parentId = null;
        await tx.partner.update({ where: { id }, data: { parentId } });
      }
      await audit(
        actor,
        { action: "partners.import", entity: "partner", after: { file: sha256, ...plan.counts, rejectedLines: plan.rejected.map((r) => r.line) } },
        tx
      );
    },
    { timeout: 60_000 }
  );
  return plan;
}
