/**
 * The month's contribution round (decision 025). The coordinator opens it on the report page:
 * each section of the round (`contributableSections`) gets an owner area and a due date, one
 * ReportContribution row each (PENDING), and every active contributor of each area gets one mail
 * listing their sections. Reopening adds the sections still missing, never a second row.
 *
 * States: PENDING → IN_PROGRESS (the contributor's first save) → SUBMITTED (the contributor) →
 * REVIEWED (the coordinator), or back to IN_PROGRESS with a note (the coordinator sends it back:
 * the area's contributors are mailed). Each change records who and when on the row and in the
 * audit log, and is made only from the state it was asked from (a second click changes nothing).
 *
 * The worker reminds the area's contributors 3 days and 1 day before the due date (organisation's
 * time zone, from 08:00) of the sections not yet submitted, each reminder once.
 */
import { DomainError } from "~/lib/errors";
import type { ContributionState, IneArea } from "~/generated/prisma/client";
import { db, type Prisma } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { formatDate, formatMonth, zonedDay } from "~/lib/format";
import { DEFAULT_LOCALE, isLocale, makeT, type Locale } from "~/i18n";
import { audit, type AuditActor } from "~/modules/audit/audit.server";
import { can, type RoleName } from "~/modules/auth/permissions";
import { sendTransactionalMail } from "~/modules/mail/mail.server";
import type { TransactionalMail } from "~/modules/mail/types";
import { getSettings } from "~/modules/settings/settings.server";
import { utcToZoned } from "~/lib/time";
import { enqueueMail } from "~/lib/queue.server";
import { contributableSections, contributionKeyOf, sectionAccess, type SectionAccess, type SectionUser } from "./access.server";
import type { ContributionStateName, RoundInput } from "./contributions-schema";
import { isMonth, shiftMonth } from "./month";
import { liveOutline, type OutlineNode } from "./outline.server";
import { latestReport, ReportError, saveNarrative } from "./reports.server";

export type ContributionErrorCode = "invalidMonth" | "notFound" | "forbidden" | "state" | "approved" | "stale" | "noSections";

export class ContributionError extends DomainError<ContributionErrorCode> {
  constructor(code: ContributionErrorCode) {
    super({ code, messageKey: `contribute.errors.${code}` });
  }
}

export type ContributionUser = SectionUser & { name?: string };
type Actor = AuditActor & { role: RoleName };

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);
const appUrl = () => env().APP_URL.replace(/\/+$/, "");
export const sectionPath = (month: string, key: string) => `/contribute/${month}/${key}`;
const heading = (n: Pick<OutlineNode, "number" | "title">) => (n.number ? `${n.number} ${n.title}` : n.title);

function checkMonth(month: string) {
  if (!isMonth(month)) throw new ContributionError("invalidMonth");
}

/** The round's default due date: the 8th of the following month (November 2017's was 8 December). */
export const defaultDueOn = (month: string) => `${shiftMonth(month, 1)}-08`;

/** Today in the organisation's zone ("YYYY-MM-DD"). */
async function today(now: Date): Promise<{ date: string; zone: string }> {
  const { timeZone } = await getSettings();
  return { date: zonedDay(now, timeZone), zone: timeZone };
}

const isOpen = (state: ContributionState | ContributionStateName) => state === "PENDING" || state === "IN_PROGRESS";

async function approved(month: string): Promise<boolean> {
  return (await latestReport(month))?.state === "APPROVED";
}

/** Active contributors of each area (invited ones included: the mail tells them there is work). */
async function contributorsOf(areas: string[]) {
  if (areas.length === 0) return [];
  return db.user.findMany({
    where: { role: "CONTRIBUTOR", active: true, ineArea: { in: areas as IneArea[] } },
    select: { id: true, name: true, locale: true, ineArea: true },
    orderBy: { email: "asc" },
  });
}

const localeOf = (u: { locale: string }): Locale => (isLocale(u.locale) ? u.locale : DEFAULT_LOCALE);

type Contributor = Awaited<ReturnType<typeof contributorsOf>>[number];

/** A mail to one contributor in their language: every contribution mail greets them by name. */
function contributorMail(person: Contributor, template: TransactionalMail["template"], data: (locale: Locale) => Record<string, string>): TransactionalMail {
  const locale = localeOf(person);
  return { template, to: { user: person.id }, locale, data: { name: person.name, ...data(locale) } };
}

/** One line per section for a mail: «2.2 Dirección … — entrega: 8 dic 2017» and its link. */
function sectionLines(locale: Locale, month: string, rows: Array<{ node: OutlineNode; dueOn: string }>): string {
  const t = makeT(locale);
  return rows.map((r) => `• ${heading(r.node)} — ${t("contribute.mail.dueOn", { date: formatDate(r.dueOn, locale, "long") })}\n  ${appUrl()}${sectionPath(month, r.node.key)}`).join("\n");
}

// ── The round ───────────────────────────────────────────────────────────────────────────────────

export type RoundPlanSection = {
  key: string;
  number: string | null;
  title: string;
  isAnnex: boolean;
  /** The outline's area, the form's default. */
  defaultArea: string | null;
  /** Already in the round: its area, due date and state. */
  contribution: { area: string; dueOn: string; state: ContributionStateName } | null;
};

/** The round form: every section of the round, with what is already open and the default due date. */
export async function roundPlan(month: string): Promise<{ month: string; defaultDueOn: string; approved: boolean; sections: RoundPlanSection[] }> {
  checkMonth(month);
  const outline = await liveOutline();
  const rows = await db.reportContribution.findMany({ where: { month }, select: { sectionKey: true, ownerArea: true, dueOn: true, state: true } });
  const open = new Map(rows.map((r) => [r.sectionKey, r]));
  const sections = contributableSections(outline).map((n) => {
    const c = open.get(n.key);
    return {
      key: n.key,
      number: n.number,
      title: n.title,
      isAnnex: n.isAnnex,
      defaultArea: n.ownerArea,
      contribution: c ? { area: c.ownerArea as string, dueOn: day(c.dueOn), state: c.state } : null,
    };
  });
  return { month, defaultDueOn: defaultDueOn(month), approved: await approved(month), sections };
}

export type RoundPreview = {
  /** Sections the round would add (those already open are left as they are). */
  added: Array<{ key: string; heading: string; area: string; dueOn: string }>;
  /** Mails that would be sent: one per active contributor of an area with added sections. */
  mails: number;
  /** Areas with added sections and nobody to mail (an administrator must create a contributor). */
  areasWithoutContributors: string[];
};

async function previewWith(month: string, input: RoundInput, client: Pick<typeof db, "reportContribution"> = db): Promise<RoundPreview & { nodes: Map<string, OutlineNode> }> {
  const outline = await liveOutline();
  const roundKeys = new Set(contributableSections(outline).map((n) => n.key));
  const nodes = new Map(outline.map((n) => [n.key, n]));
  const existing = new Set((await client.reportContribution.findMany({ where: { month }, select: { sectionKey: true } })).map((r) => r.sectionKey));
  const seen = new Set<string>();
  const added = input.sections
    .filter((s) => roundKeys.has(s.key) && !existing.has(s.key) && !seen.has(s.key) && seen.add(s.key))
    .map((s) => ({ key: s.key, heading: heading(nodes.get(s.key)!), area: s.area, dueOn: s.dueOn }));
  const areas = [...new Set(added.map((a) => a.area))];
  const people = await contributorsOf(areas);
  const staffed = new Set(people.map((p) => p.ineArea as string));
  return { added, mails: people.length, areasWithoutContributors: areas.filter((a) => !staffed.has(a)), nodes };
}

/** The first post of opening the round (decision 023): what would be added and how many mails. Changes nothing. */
export async function previewRound(month: string, input: RoundInput): Promise<RoundPreview> {
  checkMonth(month);
  if (await approved(month)) throw new ContributionError("approved");
  const { nodes: _nodes, ...preview } = await previewWith(month, input);
  return preview;
}

/**
 * The second post: opens (or completes) the round with what the person saw. A stale confirmation
 * (someone opened sections meanwhile, a contributor was added) is refused and asked again.
 */
export async function openRound(actor: Actor, month: string, input: RoundInput, seen: { sections: number; mails: number }): Promise<{ added: number; mails: number; mailsQueued: number }> {
  checkMonth(month);
  if (!can(actor.role, "edit:report")) throw new ContributionError("forbidden");
  const result = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`monthly-report:${month}`}))`;
    if ((await latestReport(month, tx))?.state === "APPROVED") throw new ContributionError("approved");
    const preview = await previewWith(month, input, tx);
    if (preview.added.length === 0) throw new ContributionError("noSections");
    if (preview.added.length !== seen.sections || preview.mails !== seen.mails) throw new ContributionError("stale");
    const now = new Date();
    await tx.reportContribution.createMany({
      data: preview.added.map((a) => ({
        month,
        sectionKey: a.key,
        ownerArea: a.area as IneArea,
        dueOn: new Date(`${a.dueOn}T00:00:00Z`),
        state: "PENDING" as const,
        stateChangedAt: now,
        stateChangedById: actor.userId,
        createdById: actor.userId,
      })),
      skipDuplicates: true,
    });
    await audit(
      actor,
      { action: "report.contribution.open", entity: "MonthlyReport", entityId: month, after: { month, sections: preview.added.map((a) => ({ key: a.key, area: a.area, dueOn: a.dueOn })), mails: preview.mails } },
      tx,
    );
    return preview;
  });
  // One mail per contributor with their area's new sections; queued once the rows exist.
  let mailsQueued = 0;
  const people = await contributorsOf([...new Set(result.added.map((a) => a.area))]);
  for (const person of people) {
    const mine = result.added.filter((a) => a.area === person.ineArea).map((a) => ({ node: result.nodes.get(a.key)!, dueOn: a.dueOn }));
    const mail = contributorMail(person, "contributionRound", (locale) => {
      const t = makeT(locale);
      return {
        month: formatMonth(month, locale),
        area: person.ineArea ? t(`ineArea.${person.ineArea}`) : t("common.none"),
        count: String(mine.length),
        sections: sectionLines(locale, month, mine),
        url: `${appUrl()}/contribute`,
      };
    });
    try {
      await sendTransactionalMail(mail, { jobId: `contribution-round-${month}-${person.id}-${mine.map((m) => m.node.key).join("-")}`.slice(0, 250) });
      mailsQueued++;
    } catch (error) {
      console.error("[contributions] a round mail could not be queued:", error);
    }
  }
  return { added: result.added.length, mails: result.mails, mailsQueued };
}

// ── The round as the report page shows it ───────────────────────────────────────────────────────

export type RoundRow = {
  key: string;
  number: string | null;
  title: string;
  area: string;
  dueOn: string;
  overdue: boolean;
  state: ContributionStateName;
  changedAt: string;
  changedBy: string | null;
  returnNote: string | null;
};

/** Every section of the month's round in document order, with its state, who changed it and when. */
export async function roundStatus(month: string, now: Date = new Date()): Promise<{ rows: RoundRow[]; missing: number; today: string }> {
  checkMonth(month);
  const [outline, rows, { date }] = await Promise.all([
    liveOutline(),
    db.reportContribution.findMany({ where: { month } }),
    today(now),
  ]);
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: [...new Set(rows.flatMap((r) => (r.stateChangedById ? [r.stateChangedById] : [])))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const byKey = new Map(rows.map((r) => [r.sectionKey, r]));
  const ordered: RoundRow[] = [];
  const placed = new Set<string>();
  const push = (key: string, node: OutlineNode | undefined) => {
    const r = byKey.get(key)!;
    placed.add(key);
    ordered.push({
      key,
      number: node?.number ?? null,
      title: node?.title ?? key,
      area: r.ownerArea,
      dueOn: day(r.dueOn),
      overdue: isOpen(r.state) && day(r.dueOn) < date,
      state: r.state,
      changedAt: r.stateChangedAt.toISOString(),
      changedBy: r.stateChangedById ? (names.get(r.stateChangedById) ?? null) : null,
      returnNote: r.returnNote,
    });
  };
  for (const n of outline) if (byKey.has(n.key)) push(n.key, n);
  // A section deleted from the outline after the round opened still shows (by its key).
  for (const r of rows) if (!placed.has(r.sectionKey)) push(r.sectionKey, undefined);
  const missing = contributableSections(outline).filter((n) => !byKey.has(n.key)).length;
  return { rows: ordered, missing, today: date };
}

// ── State changes ───────────────────────────────────────────────────────────────────────────────

type Row = Awaited<ReturnType<typeof db.reportContribution.findUniqueOrThrow>>;

async function transition(
  actor: AuditActor,
  row: Row,
  from: ContributionState[],
  to: ContributionState,
  action: "report.contribution.start" | "report.contribution.submit" | "report.contribution.review" | "report.contribution.return",
  extra: { returnNote?: string | null } = {},
  client: Prisma.TransactionClient | typeof db = db,
): Promise<boolean> {
  const now = new Date();
  const data: Prisma.ReportContributionUpdateManyMutationInput = { state: to, stateChangedAt: now, stateChangedById: actor.userId };
  if (extra.returnNote !== undefined) data.returnNote = extra.returnNote;
  const { count } = await client.reportContribution.updateMany({ where: { id: row.id, state: { in: from } }, data });
  if (count === 0) return false;
  await audit(
    actor,
    { action, entity: "ReportContribution", entityId: row.id, before: { month: row.month, section: row.sectionKey, state: row.state }, after: { month: row.month, section: row.sectionKey, state: to, ...(extra.returnNote ? { note: extra.returnNote } : {}) } },
    client as Prisma.TransactionClient,
  );
  return true;
}

async function contributionRow(month: string, sectionKey: string): Promise<Row> {
  const row = await db.reportContribution.findUnique({ where: { month_sectionKey: { month, sectionKey } } });
  if (!row) throw new ContributionError("notFound");
  return row;
}

/**
 * A contributor's (or the coordinator's) first work on a section of the round: PENDING becomes
 * IN_PROGRESS. Tables, attachments and key figures call this too after saving. Returns whether it changed.
 */
export async function markContributionStarted(actor: AuditActor & { role: RoleName }, month: string, sectionKey: string): Promise<boolean> {
  if (actor.role !== "CONTRIBUTOR") return false;
  const root = await contributionKeyOf(month, sectionKey);
  if (!root) return false;
  const row = await contributionRow(month, root);
  return row.state === "PENDING" ? transition(actor, row, ["PENDING"], "IN_PROGRESS", "report.contribution.start") : false;
}

/** Saves a section's text as a contributor, after the section rule (reports module's saveNarrative). */
export async function saveContributionText(user: ContributionUser, actor: AuditActor, month: string, sectionKey: string, text: string): Promise<{ changed: boolean }> {
  checkMonth(month);
  const access = await sectionAccess(user, month, sectionKey, { approved: await approved(month) });
  if (access === null) throw new ContributionError("forbidden");
  if (access !== "edit") throw new ContributionError("state");
  try {
    const { changed } = await saveNarrative(actor, month, sectionKey, text);
    if (changed) await markContributionStarted({ ...actor, role: user.role }, month, sectionKey);
    return { changed };
  } catch (error) {
    if (error instanceof ReportError) throw new ContributionError(error.code === "approved" ? "approved" : "notFound");
    throw error;
  }
}

/** The contributor hands the section in: it is read-only for them until the coordinator sends it back. */
export async function submitContribution(user: ContributionUser, actor: AuditActor, month: string, sectionKey: string): Promise<{ changed: boolean }> {
  checkMonth(month);
  if (user.role !== "CONTRIBUTOR") throw new ContributionError("forbidden");
  const row = await contributionRow(month, sectionKey).catch(() => {
    throw new ContributionError("forbidden");
  });
  if (row.ownerArea !== user.ineArea) throw new ContributionError("forbidden");
  if (await approved(month)) throw new ContributionError("approved");
  if (!isOpen(row.state)) return { changed: false };
  const changed = await transition(actor, row, ["PENDING", "IN_PROGRESS"], "SUBMITTED", "report.contribution.submit", { returnNote: null });
  return { changed };
}

/** The coordinator accepts a submitted section. */
export async function reviewContribution(actor: Actor, month: string, sectionKey: string): Promise<{ changed: boolean }> {
  checkMonth(month);
  if (!can(actor.role, "edit:report")) throw new ContributionError("forbidden");
  const row = await contributionRow(month, sectionKey);
  if (row.state === "REVIEWED") return { changed: false };
  if (row.state !== "SUBMITTED") throw new ContributionError("state");
  return { changed: await transition(actor, row, ["SUBMITTED"], "REVIEWED", "report.contribution.review") };
}

/** The coordinator sends a submitted (or reviewed) section back with a note; the area's contributors are mailed. */
export async function returnContribution(actor: Actor, month: string, sectionKey: string, note: string): Promise<{ changed: boolean; mails: number }> {
  checkMonth(month);
  if (!can(actor.role, "edit:report")) throw new ContributionError("forbidden");
  if (await approved(month)) throw new ContributionError("approved");
  const row = await contributionRow(month, sectionKey);
  if (isOpen(row.state)) throw new ContributionError("state");
  const changed = await transition(actor, row, ["SUBMITTED", "REVIEWED"], "IN_PROGRESS", "report.contribution.return", { returnNote: note });
  if (!changed) return { changed, mails: 0 };
  const node = (await liveOutline()).find((n) => n.key === sectionKey);
  let mails = 0;
  for (const person of await contributorsOf([row.ownerArea])) {
    const mail = contributorMail(person, "contributionReturned", (locale) => ({
      month: formatMonth(month, locale),
      section: node ? heading(node) : sectionKey,
      note,
      due: formatDate(day(row.dueOn), locale, "long"),
      url: `${appUrl()}${sectionPath(month, sectionKey)}`,
    }));
    try {
      await sendTransactionalMail(mail);
      mails++;
    } catch (error) {
      console.error("[contributions] a return mail could not be queued:", error);
    }
  }
  return { changed, mails };
}

// ── The contributor's pages ─────────────────────────────────────────────────────────────────────

export type MySection = { month: string; key: string; number: string | null; title: string; dueOn: string; overdue: boolean; state: ContributionStateName; returnNote: string | null };

export const MY_MONTHS_PAGE = 6;

/**
 * «Mis secciones»: the round's sections of the contributor's area, newest month first, paged by
 * month (keyset on the (ownerArea, month) index): `before` is the last month of the previous page.
 */
export async function mySections(user: ContributionUser, opts: { before?: string; now?: Date } = {}): Promise<{ months: Array<{ month: string; sections: MySection[] }>; nextBefore: string | null }> {
  if (user.role !== "CONTRIBUTOR" || !user.ineArea) throw new ContributionError("forbidden");
  const area = user.ineArea as IneArea;
  const monthRows = await db.reportContribution.findMany({
    where: { ownerArea: area, ...(opts.before && isMonth(opts.before) ? { month: { lt: opts.before } } : {}) },
    distinct: ["month"],
    orderBy: { month: "desc" },
    take: MY_MONTHS_PAGE + 1,
    select: { month: true },
  });
  const months = monthRows.slice(0, MY_MONTHS_PAGE).map((m) => m.month);
  if (months.length === 0) return { months: [], nextBefore: null };
  const [rows, outline, { date }] = await Promise.all([
    db.reportContribution.findMany({ where: { ownerArea: area, month: { in: months } } }),
    liveOutline(),
    today(opts.now ?? new Date()),
  ]);
  const order = new Map(outline.map((n, i) => [n.key, i]));
  const nodes = new Map(outline.map((n) => [n.key, n]));
  return {
    months: months.map((month) => ({
      month,
      sections: rows
        .filter((r) => r.month === month)
        .sort((a, b) => (order.get(a.sectionKey) ?? 1e6) - (order.get(b.sectionKey) ?? 1e6))
        .map((r) => ({
          month,
          key: r.sectionKey,
          number: nodes.get(r.sectionKey)?.number ?? null,
          title: nodes.get(r.sectionKey)?.title ?? r.sectionKey,
          dueOn: day(r.dueOn),
          overdue: isOpen(r.state) && day(r.dueOn) < date,
          state: r.state,
          returnNote: r.returnNote,
        })),
    })),
    nextBefore: monthRows.length > MY_MONTHS_PAGE ? months[months.length - 1]! : null,
  };
}

export type ContributionSectionView = {
  month: string;
  key: string;
  number: string | null;
  title: string;
  kind: OutlineNode["kind"];
  access: Exclude<SectionAccess, null>;
  /** The round's section this one belongs to (itself, or the contributed section above it). */
  contribution: { key: string; heading: string; state: ContributionStateName; dueOn: string; overdue: boolean; returnNote: string | null; changedAt: string };
  text: string;
  /** The sections under this one the contributor also writes. */
  children: Array<{ key: string; heading: string }>;
  parent: { key: string; heading: string } | null;
};

/** One section as its contributor sees it; a section they may not reach is refused (the route answers 403). */
export async function contributionSection(user: ContributionUser, month: string, sectionKey: string, now: Date = new Date()): Promise<ContributionSectionView> {
  checkMonth(month);
  if (user.role !== "CONTRIBUTOR") throw new ContributionError("forbidden");
  const report = await latestReport(month);
  const access = await sectionAccess(user, month, sectionKey, { approved: report?.state === "APPROVED" });
  if (!access) throw new ContributionError("forbidden");
  const outline = await liveOutline();
  const node = outline.find((n) => n.key === sectionKey);
  const rootKey = await contributionKeyOf(month, sectionKey, outline);
  if (!node || !rootKey) throw new ContributionError("forbidden");
  const root = await contributionRow(month, rootKey);
  const rootNode = outline.find((n) => n.key === rootKey)!;
  const { date } = await today(now);
  const stored = ((report?.narratives ?? {}) as Record<string, unknown>)[sectionKey];
  const text = typeof stored === "string" ? stored : stored && typeof stored === "object" && typeof (stored as { text?: unknown }).text === "string" ? (stored as { text: string }).text : "";
  const children: Array<{ key: string; heading: string }> = [];
  for (const n of outline.filter((o) => o.parentKey === sectionKey)) if (await sectionAccess(user, month, n.key)) children.push({ key: n.key, heading: heading(n) });
  const parentNode = node.parentKey ? outline.find((n) => n.key === node.parentKey) : undefined;
  const parent = parentNode && rootKey !== sectionKey && (await sectionAccess(user, month, parentNode.key)) ? { key: parentNode.key, heading: heading(parentNode) } : null;
  return {
    month,
    key: sectionKey,
    number: node.number,
    title: node.title,
    kind: node.kind,
    access,
    contribution: {
      key: rootKey,
      heading: heading(rootNode),
      state: root.state,
      dueOn: day(root.dueOn),
      overdue: isOpen(root.state) && day(root.dueOn) < date,
      returnNote: root.returnNote,
      changedAt: root.stateChangedAt.toISOString(),
    },
    text,
    children,
    parent,
  };
}

// ── Reminders (the worker) ──────────────────────────────────────────────────────────────────────

/** From this local hour on, so nobody is mailed at midnight. */
export const REMINDER_HOUR = 8;

/** Which reminder a due date calls for on a local day: 3 (three or two days left) or 1 (one day left, or the day itself). */
export function reminderKind(dueOn: string, localToday: string): 3 | 1 | null {
  const left = Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${localToday}T00:00:00Z`)) / DAY);
  if (left < 0 || left > 3) return null;
  return left <= 1 ? 1 : 3;
}

/**
 * The scheduled run: for each open section due within three days, in the organisation's zone,
 * the area's contributors get one mail per month, area and reminder listing those sections. Each
 * reminder is sent once (reminded3At / reminded1At, set in the same transaction that queues the
 * mails; if Redis refuses, nothing is recorded and the next run retries). Returns the mails queued.
 */
export async function sendContributionReminders(now: Date = new Date()): Promise<number> {
  const { date, zone } = await today(now);
  if (Number(utcToZoned(now, zone).slice(11, 13)) < REMINDER_HOUR) return 0;
  const horizon = new Date(Date.parse(`${date}T00:00:00Z`) + 3 * DAY);
  const candidates = await db.reportContribution.findMany({
    where: { state: { in: ["PENDING", "IN_PROGRESS"] }, dueOn: { gte: new Date(`${date}T00:00:00Z`), lte: horizon }, reminded1At: null },
    select: { id: true, month: true, sectionKey: true, ownerArea: true, dueOn: true, reminded3At: true },
  });
  const groups = new Map<string, { month: string; area: string; kind: 3 | 1; ids: string[] }>();
  for (const c of candidates) {
    const kind = reminderKind(day(c.dueOn), date);
    if (!kind || (kind === 3 && c.reminded3At)) continue;
    const key = `${c.month}|${c.ownerArea}|${kind}`;
    const g = groups.get(key) ?? { month: c.month, area: c.ownerArea, kind, ids: [] };
    g.ids.push(c.id);
    groups.set(key, g);
  }
  if (groups.size === 0) return 0;
  const outline = await liveOutline();
  const nodes = new Map(outline.map((n) => [n.key, n]));
  let sent = 0;
  for (const g of groups.values()) {
    const people = await contributorsOf([g.area]);
    sent += await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`contribution-reminder:${g.month}:${g.area}`}))`;
      const field = g.kind === 3 ? "reminded3At" : "reminded1At";
      // Only the rows nobody reminded meanwhile (another worker, an earlier run).
      const rows = await tx.reportContribution.findMany({ where: { id: { in: g.ids }, [field]: null, state: { in: ["PENDING", "IN_PROGRESS"] } }, select: { id: true, sectionKey: true, dueOn: true } });
      if (rows.length === 0) return 0;
      await tx.reportContribution.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: g.kind === 1 ? { reminded1At: now, reminded3At: now } : { reminded3At: now } });
      await audit(
        { userId: null },
        { action: "report.contribution.remind", entity: "MonthlyReport", entityId: g.month, after: { month: g.month, area: g.area, days: g.kind, sections: rows.map((r) => r.sectionKey), mails: people.length } },
        tx,
      );
      const list = rows
        .filter((r) => nodes.has(r.sectionKey))
        .sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime())
        .map((r) => ({ node: nodes.get(r.sectionKey)!, dueOn: day(r.dueOn) }));
      for (const person of people) {
        const mail = contributorMail(person, "contributionReminder", (locale) => ({
          month: formatMonth(g.month, locale),
          count: String(list.length),
          days: String(g.kind),
          due: formatDate(list[0]?.dueOn ?? date, locale, "long"),
          sections: sectionLines(locale, g.month, list),
          url: `${appUrl()}/contribute`,
        }));
        await enqueueMail(mail, { jobId: `contribution-reminder-${g.month}-${g.area}-d${g.kind}-${person.id}-${date}` });
      }
      return people.length;
    });
  }
  return sent;
}
