/**
 * Monthly reports: per month, versions; the latest version is the report. A DRAFT shows the
 * figures computed now and keeps the narratives staff write per section; approving it stores the
 * figures as they are (frozenFigures), so later corrections to the data do not change it; a new
 * version (DRAFT, narratives copied) can then be issued. Every change is audited.
 */
import type { MonthlyReport } from "~/generated/prisma/client";
import { db, type Prisma } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/audit.server";
import { computeReportFigures, type ReportFigures } from "./figures.server";
import { isMonth } from "./month";
import type { MonthlyInputData, Narratives, ReportSection } from "./schema";

export type ReportErrorCode = "invalidMonth" | "approved" | "notApproved" | "notFound" | "conflict";

export class ReportError extends Error {
  constructor(public code: ReportErrorCode) {
    super(code);
    this.name = "ReportError";
  }
}

function checkMonth(month: string) {
  if (!isMonth(month)) throw new ReportError("invalidMonth");
}

export function latestReport(month: string, client: Pick<typeof db, "monthlyReport"> = db): Promise<MonthlyReport | null> {
  return client.monthlyReport.findFirst({ where: { month }, orderBy: { version: "desc" } });
}

export type ReportView = {
  month: string;
  version: number;
  state: "DRAFT" | "APPROVED";
  exists: boolean;
  narratives: Narratives;
  figures: ReportFigures;
  approvedAt: string | null;
  approvedBy: string | null;
  versions: Array<{ version: number; state: string; approvedAt: string | null }>;
};

/** The report of a month as it reads now: frozen figures when approved, computed ones otherwise. */
export async function getReportView(month: string, opts: { version?: number; now?: Date } = {}): Promise<ReportView> {
  checkMonth(month);
  const all = await db.monthlyReport.findMany({ where: { month }, orderBy: { version: "desc" } });
  const report = opts.version ? all.find((r) => r.version === opts.version) : all[0];
  if (opts.version && !report) throw new ReportError("notFound");
  const frozen = report?.state === "APPROVED" && report.frozenFigures ? (report.frozenFigures as unknown as ReportFigures) : null;
  const figures = frozen ?? (await computeReportFigures(month, opts.now));
  const approver = report?.approvedById ? await db.user.findUnique({ where: { id: report.approvedById }, select: { name: true } }) : null;
  return {
    month,
    version: report?.version ?? 1,
    state: report?.state ?? "DRAFT",
    exists: !!report,
    narratives: (report?.narratives ?? {}) as Narratives,
    figures,
    approvedAt: report?.approvedAt?.toISOString() ?? null,
    approvedBy: approver?.name ?? null,
    versions: all.map((r) => ({ version: r.version, state: r.state, approvedAt: r.approvedAt?.toISOString() ?? null })),
  };
}

async function lockMonth(tx: Prisma.TransactionClient, month: string) {
  // One writer per month at a time (creating the first version included).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`monthly-report:${month}`}))`;
}

/** The month's version 1 (the demo seed may write it too: whoever comes second reads it). */
async function firstVersion(tx: Prisma.TransactionClient, month: string, actor: AuditActor): Promise<MonthlyReport> {
  await tx.monthlyReport.createMany({ data: [{ month, version: 1, createdById: actor.userId }], skipDuplicates: true });
  return tx.monthlyReport.findUniqueOrThrow({ where: { month_version: { month, version: 1 } } });
}

/** Saves one section's narrative on the month's draft (created on first save). Refused once approved. */
export async function saveNarrative(actor: AuditActor, month: string, section: ReportSection, text: string): Promise<{ changed: boolean; version: number }> {
  checkMonth(month);
  return db.$transaction(async (tx) => {
    await lockMonth(tx, month);
    let report = await latestReport(month, tx);
    if (report?.state === "APPROVED") throw new ReportError("approved");
    report ??= await firstVersion(tx, month, actor);
    const narratives = { ...((report.narratives ?? {}) as Narratives) };
    const before = narratives[section] ?? "";
    if (before === text) return { changed: false, version: report.version };
    if (text) narratives[section] = text;
    else delete narratives[section];
    await tx.monthlyReport.update({ where: { id: report.id }, data: { narratives } });
    await audit(actor, { action: "report.narrative.save", entity: "MonthlyReport", entityId: report.id, before: { month, section, text: before }, after: { month, section, text } }, tx);
    return { changed: true, version: report.version };
  });
}

export async function getMonthlyInput(month: string): Promise<MonthlyInputData | null> {
  checkMonth(month);
  const row = await db.monthlyInput.findUnique({ where: { month } });
  return (row?.data as MonthlyInputData | undefined) ?? null;
}

/** Stores the month's figures the system does not hold (already validated by monthlyInputSchema). */
export async function saveMonthlyInput(actor: AuditActor, month: string, data: MonthlyInputData): Promise<{ changed: boolean }> {
  checkMonth(month);
  return db.$transaction(async (tx) => {
    await lockMonth(tx, month);
    const row = await tx.monthlyInput.findUnique({ where: { month } });
    const before = (row?.data ?? null) as MonthlyInputData | null;
    if (before && JSON.stringify(before) === JSON.stringify(data)) return { changed: false };
    await tx.monthlyInput.upsert({ where: { month }, create: { month, data, updatedById: actor.userId }, update: { data, updatedById: actor.userId } });
    await audit(actor, { action: "report.input.save", entity: "MonthlyInput", entityId: month, before, after: data }, tx);
    return { changed: true };
  });
}

/** Approves the month's draft: its figures are computed now and stored with it. */
export async function approveReport(actor: AuditActor, month: string, now: Date = new Date()): Promise<{ version: number }> {
  checkMonth(month);
  const figures = await computeReportFigures(month, now);
  return db.$transaction(async (tx) => {
    await lockMonth(tx, month);
    let report = await latestReport(month, tx);
    if (report?.state === "APPROVED") throw new ReportError("approved");
    report ??= await firstVersion(tx, month, actor);
    await tx.monthlyReport.update({
      where: { id: report.id },
      data: { state: "APPROVED", frozenFigures: figures as unknown as Prisma.InputJsonValue, approvedAt: now, approvedById: actor.userId },
    });
    await audit(actor, { action: "report.approve", entity: "MonthlyReport", entityId: report.id, after: { month, version: report.version, approvedAt: now.toISOString() } }, tx);
    return { version: report.version };
  });
}

/** Issues a new version (a draft with the same narratives) after an approved one. */
export async function createNewVersion(actor: AuditActor, month: string): Promise<{ version: number }> {
  checkMonth(month);
  return db.$transaction(async (tx) => {
    await lockMonth(tx, month);
    const report = await latestReport(month, tx);
    if (!report) throw new ReportError("notFound");
    if (report.state !== "APPROVED") throw new ReportError("notApproved");
    const created = await tx.monthlyReport.create({
      data: { month, version: report.version + 1, narratives: (report.narratives ?? {}) as Prisma.InputJsonValue, createdById: actor.userId },
    });
    await audit(actor, { action: "report.version.create", entity: "MonthlyReport", entityId: created.id, after: { month, version: created.version, from: report.version } }, tx);
    return { version: created.version };
  });
}

/** Months that have a report or an input, newest first. */
export async function listReportMonths(): Promise<Array<{ month: string; version: number; state: string; approvedAt: string | null }>> {
  const rows = await db.$queryRaw<Array<{ month: string; version: number; state: string; approvedAt: Date | null }>>`
    SELECT DISTINCT ON (r."month") r."month", r."version", r."state"::text AS state, r."approvedAt"
    FROM "MonthlyReport" r ORDER BY r."month" DESC, r."version" DESC LIMIT 120`;
  return rows.map((r) => ({ ...r, approvedAt: r.approvedAt?.toISOString() ?? null }));
}
