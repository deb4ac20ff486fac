/**
 * The month's citizen enquiries: the contact centre's CSV imported as records, or totals typed by
 * hand (decision 025). A month's file is small (hundreds to a few thousand rows), so it is read
 * whole inside the request, with the contacts import's detection (encoding from the bytes, header,
 * delimiter, papaparse records with their lines). Two posts (decision 023): the upload stores the
 * file and answers with what would happen — rows accepted, rows rejected with their reasons, how
 * many of the month's rows it replaces — and only the confirmation, carrying those figures, writes;
 * a stale confirmation (the month changed meanwhile) is refused and asked again.
 */
import { createHash } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { detectEncoding, headerLine, splitHeader } from "~/modules/contacts";
import { parseRecords, rawRecord } from "~/modules/contacts/index.server";
import { blobStore } from "~/modules/files/index.server";
import { enquiryFiguresFromGroups, type EnquiryFigures } from "./figures";
import {
  detectEnquiryDelimiter,
  enquiryMappingProblem,
  mapEnquiryHeaders,
  toEnquiryRow,
  type EnquiryColumnMapping,
  type EnquiryFileProblem,
  type EnquiryRejectReason,
  type EnquiryRow,
} from "./import";
import type { EnquiryTotalsData } from "./schema";

// The body policy (app/lib/http-security.ts) lets the upload route receive this much plus the form fields.
export { ENQUIRY_IMPORT_MAX_BYTES } from "~/lib/http-security";
export const ENQUIRY_IMPORT_MAX_ROWS = 100_000;
/** Rejected rows kept on the import (the CSV of rejections reads them back). */
export const STORED_REJECTIONS_MAX = 2_000;
const CSV_MIME = "text/csv";

export type EnquiryRejectedRow = { line: number; reason: EnquiryRejectReason; raw: string };

export type EnquiryImportPlan = {
  month: string;
  sha256: string;
  encoding: string;
  delimiter: string;
  columns: EnquiryColumnMapping[];
  problem: EnquiryFileProblem | null;
  rows: Array<EnquiryRow & { line: number }>;
  rejected: EnquiryRejectedRow[];
  /** Rows of the month now (its current import's), which the import would replace. */
  replaces: number;
  previous: { fileName: string; createdAt: string; rows: number } | null;
  /** The figures the accepted rows would give. */
  preview: EnquiryFigures | null;
};

export async function storeEnquiryFile(bytes: Uint8Array): Promise<string> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await blobStore().put(sha256, bytes, CSV_MIME);
  return sha256;
}

export async function loadEnquiryFile(sha256: string): Promise<Uint8Array | null> {
  if (!/^[a-f0-9]{64}$/.test(sha256)) return null;
  const file = await blobStore().get(sha256);
  return file && file.mimeType === CSV_MIME ? file.bytes : null;
}

type Client = Prisma.TransactionClient | typeof db;

/** The month's current import: its rows and file. */
async function currentImport(month: string, client: Client = db) {
  const imports = await client.enquiryImport.findMany({ where: { month }, orderBy: { createdAt: "desc" }, select: { id: true, fileName: true, createdAt: true, rows: true } });
  const replaces = imports.length ? await client.citizenEnquiry.count({ where: { importId: { in: imports.map((i) => i.id) } } }) : 0;
  const last = imports[0];
  return { replaces, previous: last ? { fileName: last.fileName, createdAt: last.createdAt.toISOString(), rows: last.rows } : null };
}

/** Reads the file and plans the import for the month, changing nothing (the preview). */
export async function planEnquiryImport(month: string, sha256: string, bytes: Uint8Array): Promise<EnquiryImportPlan> {
  const encoding = detectEncoding(bytes);
  const current = await currentImport(month);
  const plan: EnquiryImportPlan = { month, sha256, encoding, delimiter: ",", columns: [], problem: "emptyFile", rows: [], rejected: [], ...current, preview: null };
  const text = new TextDecoder(encoding === "utf-8-bom" ? "utf-8" : encoding).decode(bytes);
  const header = headerLine(text.replace(/^\uFEFF/, ""), true);
  if (!header || header.line.trim() === "") return plan;
  plan.delimiter = detectEnquiryDelimiter(header.line);
  plan.columns = mapEnquiryHeaders(splitHeader(header.line, plan.delimiter));
  plan.problem = enquiryMappingProblem(plan.columns);
  if (plan.problem) return plan;

  let first = true;
  const source = async function* () {
    yield bytes;
  };
  for await (const chunk of parseRecords(source, { encoding, delimiter: plan.delimiter as "," | ";" | "\t", lineBreak: header.lineBreak })) {
    for (const record of chunk.records) {
      if (first) {
        first = false; // the header
        continue;
      }
      const outcome = toEnquiryRow(record.fields, plan.columns.length, plan.columns, month, record.quoteError);
      if (outcome.ok === "blank") continue;
      if (outcome.ok === false) plan.rejected.push({ line: record.line, reason: outcome.reason, raw: rawRecord(chunk, record, header.lineBreak).slice(0, 1000) });
      else plan.rows.push({ ...outcome.row, line: record.line });
      if (plan.rows.length + plan.rejected.length > ENQUIRY_IMPORT_MAX_ROWS) return { ...plan, problem: "tooManyRows", rows: [], rejected: [] };
    }
  }
  if (plan.rows.length === 0 && plan.rejected.length === 0) return { ...plan, problem: "headerOnly" };
  plan.problem = null;
  const groups = new Map<string, { channel: EnquiryRow["channel"]; country: string; state: string | null; topic: string; n: number }>();
  for (const r of plan.rows) {
    const key = JSON.stringify([r.channel, r.country, r.state, r.topic]);
    const g = groups.get(key) ?? { channel: r.channel, country: r.country, state: r.state, topic: r.topic, n: 0 };
    g.n += 1;
    groups.set(key, g);
  }
  plan.preview = enquiryFiguresFromGroups(month, [...groups.values()]);
  return plan;
}

export type ApplyOutcome =
  | { ok: true; plan: EnquiryImportPlan; importId: string }
  | { ok: false; reason: "problem" | "nothingToImport" | "stale" | "fileGone"; plan: EnquiryImportPlan | null };

/**
 * The second post: imports the file for the month, replacing the month's rows, only when what the
 * person confirmed (`confirmed.replaces` rows replaced, `confirmed.rows` rows imported) is still
 * what would happen; otherwise nothing is written and the caller asks again (409).
 */
export async function applyEnquiryImport(
  actor: AuditActor,
  month: string,
  file: { sha256: string; fileName: string },
  confirmed: { replaces: number; rows: number },
): Promise<ApplyOutcome> {
  const bytes = await loadEnquiryFile(file.sha256);
  if (!bytes) return { ok: false, reason: "fileGone", plan: null };
  const plan = await planEnquiryImport(month, file.sha256, bytes);
  if (plan.problem) return { ok: false, reason: "problem", plan };
  if (plan.rows.length === 0) return { ok: false, reason: "nothingToImport", plan };
  return db.$transaction(
    async (tx) => {
      // One import per month at a time; the count the person saw is checked under the lock.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`enquiry-import:${month}`}))`;
      const current = await currentImport(month, tx);
      if (current.replaces !== confirmed.replaces || plan.rows.length !== confirmed.rows) return { ok: false as const, reason: "stale" as const, plan: { ...plan, ...current } };
      const replaced = await tx.enquiryImport.deleteMany({ where: { month } });
      const created = await tx.enquiryImport.create({
        data: {
          month,
          fileName: file.fileName.slice(0, 200),
          fileSha256: file.sha256,
          rows: plan.rows.length,
          rejected: plan.rejected.length,
          rejections: plan.rejected.slice(0, STORED_REJECTIONS_MAX),
          createdById: actor.userId,
        },
        select: { id: true },
      });
      for (let at = 0; at < plan.rows.length; at += 5000) {
        await tx.citizenEnquiry.createMany({
          data: plan.rows.slice(at, at + 5000).map((r) => ({ occurredOn: new Date(`${r.occurredOn}T00:00:00Z`), channel: r.channel, country: r.country, state: r.state, topic: r.topic, importId: created.id })),
        });
      }
      await audit(
        actor,
        {
          action: "enquiries.import",
          entity: "EnquiryImport",
          entityId: created.id,
          after: { month, file: file.sha256, fileName: file.fileName, rows: plan.rows.length, rejected: plan.rejected.length, replacedRows: current.replaces, replacedImports: replaced.count, rejectedLines: plan.rejected.slice(0, 200).map((r) => r.line) },
        },
        tx,
      );
      return { ok: true as const, plan: { ...plan, ...current }, importId: created.id };
    },
    { timeout: 60_000 },
  );
}

/** The month's last import (file, counts, when, by whom) and the rejections kept on it. */
export async function lastEnquiryImport(month: string) {
  const row = await db.enquiryImport.findFirst({
    where: { month },
    orderBy: { createdAt: "desc" },
    select: { id: true, fileName: true, rows: true, rejected: true, rejections: true, createdAt: true, createdById: true },
  });
  if (!row) return null;
  const by = row.createdById ? await db.user.findUnique({ where: { id: row.createdById }, select: { name: true } }) : null;
  return {
    id: row.id,
    fileName: row.fileName,
    rows: row.rows,
    rejected: row.rejected,
    rejections: (Array.isArray(row.rejections) ? row.rejections : []) as EnquiryRejectedRow[],
    createdAt: row.createdAt.toISOString(),
    by: by?.name ?? null,
  };
}

/** The totals typed for the month, or null. */
export async function enquiryTotals(month: string) {
  const row = await db.enquiryMonthTotal.findUnique({ where: { month } });
  return row ? { total: row.total, usPercent: row.usPercent, byChannel: (row.byChannel ?? {}) as Record<string, number>, topUsStates: row.topUsStates, topCountries: row.topCountries, updatedAt: row.updatedAt.toISOString() } : null;
}

/** Saves the month's typed totals (used when the month has no import), audited with before and after. */
export async function saveEnquiryTotals(actor: AuditActor, month: string, data: EnquiryTotalsData): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.enquiryMonthTotal.findUnique({ where: { month }, select: { total: true, usPercent: true, byChannel: true, topUsStates: true, topCountries: true } });
    const values = { total: data.total, usPercent: data.usPercent, byChannel: data.byChannel, topUsStates: data.topUsStates, topCountries: data.topCountries, updatedById: actor.userId };
    await tx.enquiryMonthTotal.upsert({ where: { month }, create: { month, ...values }, update: values });
    await audit(actor, { action: "enquiries.totals.save", entity: "EnquiryMonthTotal", entityId: month, before, after: data }, tx);
  });
}

/** Months that have enquiries (an import or typed totals), newest first. */
export async function enquiryMonths(limit = 36): Promise<Array<{ month: string; imported: boolean; typed: boolean }>> {
  const rows = await db.$queryRaw<Array<{ month: string; imported: boolean; typed: boolean }>>`
    SELECT m.month, bool_or(m.imported) AS imported, bool_or(m.typed) AS typed FROM (
      SELECT "month", true AS imported, false AS typed FROM "EnquiryImport"
      UNION ALL SELECT "month", false, true FROM "EnquiryMonthTotal"
    ) m GROUP BY m.month ORDER BY m.month DESC LIMIT ${limit}`;
  return rows;
}
