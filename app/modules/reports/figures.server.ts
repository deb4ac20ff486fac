/**
 * The monthly report's figures: one function per section, each computed from the data of the
 * area that owns it (through that area's exported functions where it has one). Everything
 * returned is plain JSON (dates as ISO strings), so an approved report stores it as it is.
 *
 * Which month a record belongs to: an event by its local date (events module); a partner
 * activity by its calendar date; everything else (bulletins, contest, jury sessions) by its
 * instant in the organisation's time zone (settings). Funnels are cumulative at the month's end.
 */
import { db, Prisma } from "~/lib/db.server";
import { contestFunnel } from "~/modules/contest/submissions.server";
import { eventFiguresForMonth } from "~/modules/events/query.server";
import { materialFiguresForMonth } from "~/modules/materials/figures.server";
import { partnerFiguresForMonth } from "~/modules/partners/index.server";
import { getSettings } from "~/modules/settings/settings.server";
import { monthRange, type MonthRange } from "./month";
import { REPORT_SECTIONS, type MonthlyInputData } from "./schema";

export type ActivityItem = { id: string; date: string; kind: string; partner: string; partnerKind: string; summary: string; peopleReached: number | null; itemsDistributed: number | null; bulletinRecipients: number | null };
export type EventItem = { id: string; name: string; date: string; kind: string; country: string | null; state: string | null; city: string | null; attendance: number; appointments: number; registrationRequests: number; handedOut: number; signups: number };
export type EventTotals = { events: number; attendance: number; appointments: number; registrationRequests: number; handedOut: number; signups: number };

const SECRETARIAT_KINDS = ["LOCAL_ELECTORAL_BODY", "INE_OFFICE"];
const EDUCATION_KINDS = ["UNIVERSITY"];

/** Partner activities of the month (by their calendar date), optionally of some partner kinds only. */
async function activitiesOfMonth(range: MonthRange, include?: string[], exclude?: string[]): Promise<ActivityItem[]> {
  const first = `${range.month}-01`;
  const next = `${monthRangeNext(range.month)}-01`;
  const kindFilter = include ? Prisma.sql`AND p."kind"::text IN (${Prisma.join(include)})` : exclude ? Prisma.sql`AND p."kind"::text NOT IN (${Prisma.join(exclude)})` : Prisma.empty;
  const rows = await db.$queryRaw<Array<Omit<ActivityItem, "date" | "partner"> & { date: Date; name: string; acronym: string | null }>>`
    SELECT a.id, a."occurredOn" AS date, a."kind"::text AS kind, p."name", p."acronym", p."kind"::text AS "partnerKind", a."summary",
      a."peopleReached", a."itemsDistributed", a."bulletinRecipients"
    FROM "PartnerActivity" a JOIN "Partner" p ON p.id = a."partnerId"
    WHERE a."occurredOn" >= ${first}::date AND a."occurredOn" < ${next}::date ${kindFilter}
    ORDER BY a."occurredOn", p."name", a.id
    LIMIT 2000`;
  return rows.map(({ date, name, acronym, ...r }) => ({ ...r, date: date.toISOString().slice(0, 10), partner: acronym ? `${name} (${acronym})` : name }));
}

function monthRangeNext(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

function localDate(instant: Date | string, zone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(instant));
}

/** The month's events held by `now`, as the events module counts them (eventFiguresForMonth). */
async function monthEventFigures(range: MonthRange, now: Date): Promise<{ events: EventItem[]; totals: EventTotals }> {
  const figures = await eventFiguresForMonth(range.year, range.monthNumber, now);
  const kinds = new Map((await db.event.findMany({ where: { id: { in: figures.events.map((e) => e.id) } }, select: { id: true, kind: true } })).map((e) => [e.id, e.kind as string]));
  const t = figures.totals;
  const totals: EventTotals = { events: t.events, attendance: t.attendance, appointments: t.appointments, registrationRequests: t.registrationRequests, handedOut: t.handedOut, signups: t.signups };
  const events = figures.events.map((e) => ({
    id: e.id,
    name: e.name,
    date: localDate(e.startsAt, e.timeZone),
    kind: kinds.get(e.id) ?? "OTHER",
    country: e.country,
    state: e.state,
    city: e.city,
    attendance: e.figures.attendance,
    appointments: e.figures.appointments,
    registrationRequests: e.figures.registrationRequests,
    handedOut: e.figures.handedOut,
    signups: e.figures.signups,
  }));
  return { events, totals };
}

async function monthEvents(range: MonthRange, now: Date): Promise<EventItem[]> {
  return (await monthEventFigures(range, now)).events;
}

/** Totals of a subset of the month's events (by country); the whole month's come from the events module. */
export function eventTotals(events: EventItem[]): EventTotals {
  return events.reduce(
    (t, e) => ({ events: t.events + 1, attendance: t.attendance + e.attendance, appointments: t.appointments + e.appointments, registrationRequests: t.registrationRequests + e.registrationRequests, handedOut: t.handedOut + e.handedOut, signups: t.signups + e.signups }),
    { events: 0, attendance: 0, appointments: 0, registrationRequests: 0, handedOut: 0, signups: 0 },
  );
}

// ── One function per section ──────────────────────────────────────────────────────────────────

/** 2.1 Technical secretariat and meetings: work with local electoral bodies (OPL) and INE offices. */
export async function secretariatFigures(range: MonthRange) {
  const activities = await activitiesOfMonth(range, SECRETARIAT_KINDS);
  const jurySessions = await db.jurySession.findMany({ where: { heldAt: { gte: range.from, lt: range.to } }, orderBy: { heldAt: "asc" }, select: { kind: true, heldAt: true, contest: { select: { name: true } } } });
  return {
    activities,
    meetings: activities.filter((a) => a.kind === "MEETING").length,
    workshops: activities.filter((a) => a.kind === "WORKSHOP").length,
    institutions: new Set(activities.map((a) => a.partner)).size,
    jurySessions: jurySessions.map((s) => ({ kind: s.kind as string, heldAt: s.heldAt.toISOString(), contest: s.contest.name })),
  };
}

/** 2.2 Registration-promotion activities: the month's events and the materials distributed. */
export async function promotionFigures(range: MonthRange, now: Date = new Date()) {
  const { totals } = await monthEventFigures(range, now);
  const materials = await materialFiguresForMonth(range.year, range.monthNumber);
  return {
    events: totals,
    materials: {
      totals: materials.totals,
      handedOutAtEvents: materials.handedOutAtEvents,
      byMaterial: materials.byMaterial.map((m) => ({ code: m.code, name: m.name, kind: m.kind as string, eventsAbroad: m.eventsAbroad, eventsMexico: m.eventsMexico, partners: m.partners, foreignServicePosts: m.foreignServicePosts, total: m.total })),
      byKind: materials.byKind.map((k) => ({ kind: k.kind as string, total: k.total })),
    },
  };
}

/** 2.3 Partner institutions (institutional liaison): every activity with a partner outside the other sections. */
export async function partnerSectionFigures(range: MonthRange) {
  const [figures, activities] = await Promise.all([partnerFiguresForMonth(range.year, range.monthNumber), activitiesOfMonth(range, undefined, [...SECRETARIAT_KINDS, ...EDUCATION_KINDS])]);
  return {
    totals: figures.totals,
    byKind: figures.byKind,
    activities,
    institutions: new Set(activities.map((a) => a.partner)).size,
    itemsDistributed: activities.reduce((s, a) => s + (a.itemsDistributed ?? 0), 0),
    bulletinRecipients: activities.reduce((s, a) => s + (a.bulletinRecipients ?? 0), 0),
  };
}

/** 2.4 Community abroad: events outside Mexico (and online) with their outcomes. */
export async function communityFigures(range: MonthRange, now: Date = new Date()) {
  const events = (await monthEvents(range, now)).filter((e) => e.country !== "MX");
  return { events, totals: eventTotals(events) };
}

/** 2.5 Educational institutions: activities with universities and events in Mexico linked to them. */
export async function educationFigures(range: MonthRange, now: Date = new Date()) {
  const activities = await activitiesOfMonth(range, EDUCATION_KINDS);
  const events = (await monthEvents(range, now)).filter((e) => e.country === "MX");
  return { activities, eventsInMexico: events, totals: eventTotals(events) };
}

/** 2.6 The contest: each contest running in the month, its funnel at the month's end, and its jury. */
export async function contestFigures(range: MonthRange) {
  const contests = await db.contest.findMany({
    where: { submissionsOpenAt: { lt: range.to }, resultsAt: { gte: new Date(range.from.getTime() - 62 * 86_400_000) } },
    orderBy: { submissionsOpenAt: "desc" },
    select: { id: true, name: true },
    take: 5,
  });
  const endOfMonth = new Date(range.to.getTime() - 1);
  return Promise.all(
    contests.map(async (c) => {
      const funnel = await contestFunnel(c.id, endOfMonth);
      // designatedOn is a calendar date: designated on or before the month's last day.
      const nextFirst = new Date(`${monthRangeNext(range.month)}-01T00:00:00Z`);
      const jurors = await db.juryMember.count({ where: { contestId: c.id, OR: [{ designatedOn: { lt: nextFirst } }, { designatedOn: null, createdAt: { lt: range.to } }] } });
      const receivedInMonth = await db.submission.count({ where: { contestId: c.id, receivedAt: { gte: range.from, lt: range.to } } });
      const sessions = await db.jurySession.findMany({ where: { contestId: c.id, heldAt: { gte: range.from, lt: range.to } }, orderBy: { heldAt: "asc" }, select: { kind: true, heldAt: true } });
      return { id: c.id, name: c.name, funnel, receivedInMonth, jurors, sessions: sessions.map((s) => ({ kind: s.kind as string, heldAt: s.heldAt.toISOString() })) };
    }),
  );
}

/** 2.7 Digital strategy and bulletins: the bulletins whose sending started in the month. */
export async function bulletinFigures(range: MonthRange) {
  const bulletins = await db.$queryRaw<Array<{ id: string; name: string; subject: string; startedAt: Date; recipients: number; sent: number; failed: number }>>`
    SELECT b.id, b."name", b."subject", b."startedAt", b."recipients",
      (SELECT count(*)::int FROM "BulletinDelivery" d WHERE d."bulletinId" = b.id AND d."status" = 'SENT') AS sent,
      (SELECT count(*)::int FROM "BulletinDelivery" d WHERE d."bulletinId" = b.id AND d."status" = 'FAILED') AS failed
    FROM "Bulletin" b
    WHERE b."startedAt" >= ${range.from} AND b."startedAt" < ${range.to} AND b."status" <> 'DRAFT'
    ORDER BY b."startedAt", b.id`;
  const distinct = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(DISTINCT d."contactId")::int AS n FROM "BulletinDelivery" d JOIN "Bulletin" b ON b.id = d."bulletinId"
    WHERE b."startedAt" >= ${range.from} AND b."startedAt" < ${range.to} AND b."status" <> 'DRAFT' AND d."status" = 'SENT'`;
  return {
    bulletins: bulletins.map((b) => ({ ...b, startedAt: b.startedAt.toISOString() })),
    count: bulletins.length,
    recipients: bulletins.reduce((s, b) => s + b.recipients, 0),
    sent: bulletins.reduce((s, b) => s + b.sent, 0),
    failed: bulletins.reduce((s, b) => s + b.failed, 0),
    distinctContacts: distinct[0]?.n ?? 0,
  };
}

/** The figures the system does not hold, as entered for the month (null when not entered yet). */
export async function monthlyInputFigures(month: string): Promise<MonthlyInputData | null> {
  const row = await db.monthlyInput.findUnique({ where: { month } });
  return (row?.data as MonthlyInputData | undefined) ?? null;
}

export type ReportFigures = Awaited<ReturnType<typeof computeReportFigures>>;

/** Every section's figures for a month ("2017-11"). */
export async function computeReportFigures(month: string, now: Date = new Date()) {
  const { timeZone } = await getSettings();
  const range = monthRange(month, timeZone);
  // One after another: the pool is small and each is a handful of queries.
  const secretariat = await secretariatFigures(range);
  const promotion = await promotionFigures(range, now);
  const partners = await partnerSectionFigures(range);
  const community = await communityFigures(range, now);
  const education = await educationFigures(range, now);
  const contest = await contestFigures(range);
  const bulletins = await bulletinFigures(range);
  const input = await monthlyInputFigures(month);
  return {
    month,
    timeZone,
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    computedAt: now.toISOString(),
    sections: REPORT_SECTIONS,
    secretariat,
    promotion,
    partners,
    community,
    education,
    contest,
    bulletins,
    input,
  };
}
