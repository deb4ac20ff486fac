/**
 * Monthly reports: per month, versions; the latest version is the report. A DRAFT reads the live
 * outline and the figures computed now, and keeps the texts staff write per section (by outline
 * key) and the contest cutoff; approving it names the commission agreement that approved it and
 * freezes figures, texts and the outline (frozenFigures, frozenOutline), so later corrections to
 * the data or the outline do not change it; a new version (DRAFT, texts copied) can then be issued.
 * Versions approved before decision 024 keep their old-shaped figures and read through
 * document-v1 (legacy). Every change is audited.
 */
import { DomainError } from "~/lib/errors";
import type { MonthlyReport } from "~/generated/prisma/client";
import { db, type Prisma } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/audit.server";
import { figuresJson, basisKey, cncsJson, computeReportFigures, type FiguresJson, type ReportFigures } from "./figures.server";
import { communicationsFromInput } from "~/modules/communications/shapes";
import type { ApprovalAgreement, Narratives } from "./document";
import { isLegacyFigures, type LegacyFigures } from "./document-v1";
import { isMonth, shiftMonth } from "./month";
import { liveOutline, type OutlineNode } from "./outline.server";
import { enquiriesJson, enquiryFiguresFromLegacyInput } from "~/modules/enquiries/figures";

export type ReportErrorCode = "invalidMonth" | "approved" | "notApproved" | "notFound" | "conflict" | "section" | "agreementNotFound" | "cutoffRange";

/** The field a refusal belongs to on the report page's forms ("_form": the top of the page). */
const REPORT_ERROR_FIELD: Partial<Record<ReportErrorCode, string>> = { agreementNotFound: "agreementId", cutoffRange: "cutoff", section: "section" };

export class ReportError extends DomainError<ReportErrorCode> {
  constructor(code: ReportErrorCode) {
    // An unknown section is a malformed request (400), not a state of the records refusing it.
    super({ code, messageKey: `reports.errors.${code}`, field: REPORT_ERROR_FIELD[code], status: code === "section" ? 400 : undefined });
  }
}

function checkMonth(month: string) {
  if (!isMonth(month)) throw new ReportError("invalidMonth");
}

export function latestReport(month: string, client: Pick<typeof db, "monthlyReport"> = db): Promise<MonthlyReport | null> {
  return client.monthlyReport.findFirst({ where: { month }, orderBy: { version: "desc" } });
}

type ViewBase = {
  month: string;
  version: number;
  state: "DRAFT" | "APPROVED";
  exists: boolean;
  narratives: Narratives;
  /** The outline this version reads (frozen once approved); empty for a legacy version. */
  outline: OutlineNode[];
  /** The agreement that approved this version (the approval line). */
  approval: (ApprovalAgreement & { id: string }) | null;
  /** The contest part's cutoff date (YYYY-MM-DD), null: the month's end. */
  contestCutoffOn: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  versions: Array<{ version: number; state: string; approvedAt: string | null }>;
};

/** A version as it reads now; `legacy`: approved before decision 024, with the old figures' shape. */
export type ReportView = ViewBase & ({ legacy: false; figures: ReportFigures } | { legacy: true; figures: LegacyFigures });

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

async function agreementOf(id: string | null): Promise<ViewBase["approval"]> {
  if (!id) return null;
  const a = await db.commissionAgreement.findUnique({ where: { id }, select: { id: true, number: true, adoptedOn: true, title: true, vote: true } });
  return a ? { ...a, adoptedOn: day(a.adoptedOn)! } : null;
}

/** The report of a month as it reads now: frozen figures and outline when approved, computed ones and the live outline otherwise. */
export async function getReportView(month: string, opts: { version?: number; now?: Date } = {}): Promise<ReportView> {
  checkMonth(month);
  const all = await db.monthlyReport.findMany({ where: { month }, orderBy: { version: "desc" } });
  const report = opts.version ? all.find((r) => r.version === opts.version) : all[0];
  if (opts.version && !report) throw new ReportError("notFound");
  const approver = report?.approvedById ? await db.user.findUnique({ where: { id: report.approvedById }, select: { name: true } }) : null;
  const contestCutoffOn = day(report?.contestCutoffOn);
  const base = {
    month,
    version: report?.version ?? 1,
    state: report?.state ?? "DRAFT",
    exists: !!report,
    narratives: (report?.narratives ?? {}) as Narratives,
    approval: await agreementOf(report?.approvalAgreementId ?? null),
    contestCutoffOn,
    approvedAt: report?.approvedAt?.toISOString() ?? null,
    approvedBy: approver?.name ?? null,
    versions: all.map((r) => ({ version: r.version, state: r.state, approvedAt: r.approvedAt?.toISOString() ?? null })),
  } satisfies Omit<ViewBase, "outline">;
  const frozen = report?.state === "APPROVED" ? (report.frozenFigures as unknown) : null;
  if (frozen && isLegacyFigures(frozen)) return { ...base, outline: [], legacy: true, figures: frozen };
  const outline = report?.state === "APPROVED" && Array.isArray(report.frozenOutline) ? (report.frozenOutline as unknown as OutlineNode[]) : await liveOutline();
  const figures = (frozen as ReportFigures | null) ?? (await computeReportFigures(month, opts.now, { contestCutoffOn }));
  return { ...base, outline, legacy: false, figures };
}

/** figures.json: the numbers the document prints, from the frozen figures once approved. */
export function viewFiguresJson(view: ReportView): FiguresJson {
  return view.legacy ? legacyFiguresJson(view.figures) : figuresJson(view.figures);
}

/** An old-shaped approved version's figures under today's keys (what it printed; parts it did not have are 0). */
function legacyFiguresJson(f: LegacyFigures): FiguresJson {
  const i = f.input;
  const sum = (k: "received" | "registered" | "notRegistered" | "withdrawn" | "pending") => f.contest.reduce((s, c) => s + c.funnel[k], 0);
  const m = f.promotion.materials.totals;
  return {
    month: f.month,
    secretariat: { working_meetings: f.secretariat.meetings, workshops: f.secretariat.workshops, commission_sessions: 0, agreements: 0 },
    institutional: { meetings: 0, activities: f.partners.activities.length, events: 0, institutions: f.partners.institutions },
    community_abroad: { events: f.community.totals.events, online_events: 0, attendance: f.community.totals.attendance, appointments: f.community.totals.appointments, registration_requests: f.community.totals.registrationRequests, meetings: 0, activities: 0 },
    contest: { received: sum("received"), registered: sum("registered"), not_registered: sum("notRegistered"), withdrawn: sum("withdrawn"), in_process: sum("pending"), jurors_designated: f.contest.reduce((s, c) => s + c.jurors, 0), jury_sessions: f.contest.reduce((s, c) => s + c.sessions.length, 0), enquiries: 0 },
    educational: { events: f.education.totals.events, attendance: f.education.totals.attendance, activities: f.education.activities.length, meetings: 0 },
    decentralized: { events: 0, attendance: 0, activities: 0, meetings: 0 },
    digital: {
      bulletins: f.bulletins.count,
      bulletin_recipients: f.bulletins.distinctContacts,
      facebook_posts: i?.facebookPosts ?? 0,
      facebook_impressions: i?.facebookImpressions ?? 0,
      facebook_followers: i?.facebookFollowers ?? 0,
      twitter_posts: i?.twitterPosts ?? 0,
      twitter_retweets: i?.twitterRetweets ?? 0,
      twitter_likes: i?.twitterLikes ?? 0,
      twitter_comments: i?.twitterComments ?? 0,
      twitter_followers: i?.twitterFollowers ?? 0,
      microsite_visits: i?.micrositeVisits ?? 0,
      microsite_countries: i?.micrositeCountries ?? 0,
    },
    materials: { events_abroad: m.eventsAbroad, events_mexico: m.eventsMexico, events_online: m.eventsNoCountry, partners: m.partners, foreign_service_posts: m.foreignServicePosts, total: m.total, partner_reported: 0 },
    media: i
      ? { notes: i.mediaInternet + i.mediaPrint + i.mediaRadio + i.mediaTv, internet: i.mediaInternet, print: i.mediaPrint, radio: i.mediaRadio, tv: i.mediaTv, positive: i.mediaPositive, neutral: i.mediaNeutral, negative: i.mediaNegative }
      : { notes: 0, internet: 0, print: 0, radio: 0, tv: 0, positive: 0, neutral: 0, negative: 0 },
    // Communications (decision 025): a legacy version had no CNCS accounts.
    cncs: cncsJson(communicationsFromInput(f.month, i)),
    enquiries: enquiriesJson(enquiryFiguresFromLegacyInput(f.month, i)),
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

const storedText = (v: unknown): string => (typeof v === "string" ? v : v && typeof v === "object" && typeof (v as { text?: unknown }).text === "string" ? (v as { text: string }).text : "");

/**
 * Saves one section's text on the month's draft (created on first save); empty removes it. On a
 * computed section the text replaces the computed paragraphs and is stored with the figures it was
 * written on (basis): when they change, the section is flagged for review. Refused once approved.
 */
export async function saveNarrative(actor: AuditActor, month: string, section: string, text: string, now: Date = new Date()): Promise<{ changed: boolean; version: number }> {
  checkMonth(month);
  const node = (await liveOutline()).find((o) => o.key === section);
  if (!node) throw new ReportError("section");
  const key = node.kind === "COMPUTED" ? basisKey(node.computed) : null;
  let basis: Record<string, number> | null = null;
  if (key && text) {
    const draft = await latestReport(month);
    const figures = await computeReportFigures(month, now, { contestCutoffOn: draft?.state === "DRAFT" ? day(draft.contestCutoffOn) : null });
    basis = { ...(figuresJson(figures)[key] as Record<string, number>) };
  }
  return db.$transaction(async (tx) => {
    await lockMonth(tx, month);
    let report = await latestReport(month, tx);
    if (report?.state === "APPROVED") throw new ReportError("approved");
    report ??= await firstVersion(tx, month, actor);
    const narratives = { ...((report.narratives ?? {}) as Narratives) };
    const before = storedText(narratives[section]);
    if (before === text) return { changed: false, version: report.version };
    if (text) narratives[section] = { text, basis };
    else delete narratives[section];
    await tx.monthlyReport.update({ where: { id: report.id }, data: { narratives: narratives as Prisma.InputJsonValue } });
    await audit(actor, { action: "report.narrative.save", entity: "MonthlyReport", entityId: report.id, before: { month, section, text: before }, after: { month, section, text, basis } }, tx);
    return { changed: true, version: report.version };
  });
}

/** Sets (or clears: null) the date the contest part counts its funnel to, on the month's draft. */
export async function setContestCutoff(actor: AuditActor, month: string, cutoff: string | null): Promise<{ changed: boolean }> {
  checkMonth(month);
  if (cutoff && (cutoff < `${month}-01` || cutoff >= latestCutoff(month))) throw new ReportError("cutoffRange");
  return db.$transaction(async (tx) => {
    await lockMonth(tx, month);
    let report = await latestReport(month, tx);
    if (report?.state === "APPROVED") throw new ReportError("approved");
    report ??= await firstVersion(tx, month, actor);
    const before = day(report.contestCutoffOn);
    if (before === cutoff) return { changed: false };
    await tx.monthlyReport.update({ where: { id: report.id }, data: { contestCutoffOn: cutoff ? new Date(`${cutoff}T00:00:00Z`) : null } });
    await audit(actor, { action: "report.contestCutoff.save", entity: "MonthlyReport", entityId: report.id, before: { month, cutoff: before }, after: { month, cutoff } }, tx);
    return { changed: true };
  });
}

/** The agreements a report can be approved by (adopted by the commission), newest first. */
export async function listApprovalAgreements(take = 100): Promise<Array<ApprovalAgreement & { id: string }>> {
  const rows = await db.commissionAgreement.findMany({
    where: { status: "APPROVED" },
    orderBy: [{ adoptedOn: "desc" }, { number: "desc" }],
    take,
    select: { id: true, number: true, adoptedOn: true, title: true, vote: true },
  });
  return rows.map((a) => ({ ...a, adoptedOn: day(a.adoptedOn)! }));
}

/**
 * Approves the month's draft by a commission agreement (its number, date and vote are the approval
 * line): figures are computed now (contest funnel at the draft's cutoff) and stored with the outline
 * as it is; the texts stay as saved. `agreementId` may be omitted only by callers from before
 * decision 024 (the page requires it).
 */
export async function approveReport(actor: AuditActor, month: string, opts: { agreementId?: string | null; now?: Date } = {}): Promise<{ version: number }> {
  checkMonth(month);
  const now = opts.now ?? new Date();
  const agreement = opts.agreementId ? await db.commissionAgreement.findUnique({ where: { id: opts.agreementId }, select: { id: true, number: true, status: true } }) : null;
  if (opts.agreementId && (!agreement || agreement.status !== "APPROVED")) throw new ReportError("agreementNotFound");
  const draft = await latestReport(month);
  const figures = await computeReportFigures(month, now, { contestCutoffOn: draft?.state === "DRAFT" ? day(draft.contestCutoffOn) : null });
  const outline = await liveOutline();
  return db.$transaction(async (tx) => {
    await lockMonth(tx, month);
    let report = await latestReport(month, tx);
    if (report?.state === "APPROVED") throw new ReportError("approved");
    report ??= await firstVersion(tx, month, actor);
    if (day(report.contestCutoffOn) !== figures.contest.cutoffOn) throw new ReportError("conflict");
    await tx.monthlyReport.update({
      where: { id: report.id },
      data: {
        state: "APPROVED",
        frozenFigures: figures as unknown as Prisma.InputJsonValue,
        frozenOutline: outline as unknown as Prisma.InputJsonValue,
        approvalAgreementId: agreement?.id ?? null,
        approvedAt: now,
        approvedById: actor.userId,
      },
    });
    await audit(actor, { action: "report.approve", entity: "MonthlyReport", entityId: report.id, after: { month, version: report.version, approvedAt: now.toISOString(), agreement: agreement?.number ?? null } }, tx);
    return { version: report.version };
  });
}

/** Issues a new version (a draft with the same texts and contest cutoff) after an approved one. */
export async function createNewVersion(actor: AuditActor, month: string): Promise<{ version: number }> {
  checkMonth(month);
  return db.$transaction(async (tx) => {
    await lockMonth(tx, month);
    const report = await latestReport(month, tx);
    if (!report) throw new ReportError("notFound");
    if (report.state !== "APPROVED") throw new ReportError("notApproved");
    const created = await tx.monthlyReport.create({
      data: { month, version: report.version + 1, narratives: (report.narratives ?? {}) as Prisma.InputJsonValue, contestCutoffOn: report.contestCutoffOn, createdById: actor.userId },
    });
    await audit(actor, { action: "report.version.create", entity: "MonthlyReport", entityId: created.id, after: { month, version: created.version, from: report.version } }, tx);
    return { version: created.version };
  });
}

/** Months that have a report, newest first. */
export async function listReportMonths(): Promise<Array<{ month: string; version: number; state: string; approvedAt: string | null }>> {
  const rows = await db.$queryRaw<Array<{ month: string; version: number; state: string; approvedAt: Date | null }>>`
    SELECT DISTINCT ON (r."month") r."month", r."version", r."state"::text AS state, r."approvedAt"
    FROM "MonthlyReport" r ORDER BY r."month" DESC, r."version" DESC LIMIT 120`;
  return rows.map((r) => ({ ...r, approvedAt: r.approvedAt?.toISOString() ?? null }));
}

/** A contest cutoff falls in the month or the two after it (the report is written in the following weeks): before this date. */
export const latestCutoff = (month: string) => `${shiftMonth(month, 3)}-01`;
