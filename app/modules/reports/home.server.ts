/**
 * The home dashboard: per role, a month against the one before (figures from each area's own
 * functions), the user's alerts, and the series behind the charts. Months are the organisation's
 * (settings); the month shown defaults to the current one and can be chosen (?month=2017-11).
 */
import { db } from "~/lib/db.server";
import { zonedDate } from "~/lib/time";
import type { RoleName } from "~/modules/auth/permissions";
import { contestFunnel, FUNNEL_PARTS } from "~/modules/contest/submissions.server";
import { eventFiguresForMonths, type EventMonthFigures } from "~/modules/events/query.server";
import { lowStockAlerts, materialTotalsForMonths, type MaterialTotals } from "~/modules/materials/figures.server";
import { homeFollowUps, listAgreementAlerts, partnerTotalsForMonths, type FigureRow } from "~/modules/partners/index.server";
import { getSettings } from "~/modules/settings/settings.server";
import { bulletinsOfMonth } from "./figures.server";
import { monthOf, monthRange, shiftMonth } from "./month";

/** atLeast: the count stopped at its cap (HOME_COUNT_CAP); the figures are "more than" it. */
export type Comparison = { key: string; current: number; previous: number; atLeast?: boolean };
export type Series = { id: string; labels: string[]; series: Array<{ key: string; values: number[] }> };

type MaterialMonth = MaterialTotals;

/**
 * Each figure is the owning area's own (decision 018): the report quotes the same functions. The
 * month and the one before are read together by each area (its *ForMonths: one read for both);
 * the materials' come from the chart's six months, which already hold them.
 */
function coordinatorMonth(events: EventMonthFigures, partners: FigureRow, materials: MaterialMonth) {
  return {
    eventsHeld: events.totals.events,
    attendance: events.totals.attendance,
    appointments: events.totals.appointments,
    registrationRequests: events.totals.registrationRequests,
    materialsDistributed: materials.totals.total,
    partnerActivities: partners.activities,
    events,
    materials,
  };
}

/**
 * Counts on the home page stop at HOME_COUNT_CAP rows (as the contacts list's do): a figure that
 * reaches it is shown as "more than 10,000". Counting a whole table of a million contacts on every
 * visit took most of the page's time (issue 20); a bounded count reads at most CAP + 1 index entries.
 */
export const HOME_COUNT_CAP = 10_000;

async function contactsMonth(month: string, timeZone: string) {
  const range = monthRange(month, timeZone);
  const limit = HOME_COUNT_CAP + 1;
  const rows = await db.$queryRaw<Array<{ total: number; confirmed: number; created: number; unsubscribed: number }>>`
    SELECT (SELECT count(*) FROM (SELECT 1 FROM "Contact" WHERE "createdAt" < ${range.to} LIMIT ${limit}) x)::int AS total,
      (SELECT count(*) FROM (SELECT 1 FROM "Contact" WHERE "createdAt" < ${range.to} AND "consentStatus" = 'CONFIRMED' AND "subscriptionStatus" = 'SUBSCRIBED' LIMIT ${limit}) x)::int AS confirmed,
      (SELECT count(*) FROM (SELECT 1 FROM "Contact" WHERE "createdAt" >= ${range.from} AND "createdAt" < ${range.to} LIMIT ${limit}) x)::int AS created,
      (SELECT count(*) FROM (SELECT 1 FROM "Contact" WHERE "subscriptionStatus" IN ('UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED') AND "createdAt" < ${range.to} LIMIT ${limit}) x)::int AS unsubscribed`;
  return rows[0] ?? { total: 0, confirmed: 0, created: 0, unsubscribed: 0 };
}

function compare<T extends Record<string, unknown>>(current: T, previous: T, keys: Array<keyof T & string>, cap?: number): Comparison[] {
  return keys.map((key) => {
    const [c, p] = [Number(current[key] ?? 0), Number(previous[key] ?? 0)];
    return cap !== undefined && (c > cap || p > cap) ? { key, current: Math.min(c, cap), previous: Math.min(p, cap), atLeast: true } : { key, current: c, previous: p };
  });
}

/**
 * New contacts in each of the last `months` months (to `month`): per month, a count of its range of
 * the createdAt index (index-only), bounded by a year's additions. Counting each range on its own
 * took half the time of one read grouped by width_bucket (21 against 35–43 ms for a year of 100,000
 * additions), which took a quarter of a lateral max() per contact.
 */
async function contactsGrowth(month: string, timeZone: string, months = 12): Promise<Series> {
  const labels = Array.from({ length: months }, (_, i) => shiftMonth(month, i - months + 1));
  const starts = labels.map((l) => monthRange(l, timeZone).from);
  const ends = [...starts.slice(1), monthRange(month, timeZone).to];
  const rows = await db.$queryRaw<Array<{ i: number; n: number }>>`
    SELECT m.i::int AS i, (SELECT count(*)::int FROM "Contact" c WHERE c."createdAt" >= m.s AND c."createdAt" < m.e) AS n
    FROM unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) WITH ORDINALITY AS m(s, e, i)`;
  const byIndex = new Map(rows.map((r) => [r.i, r.n]));
  return { id: "contactsGrowth", labels, series: [{ key: "created", values: labels.map((_, i) => byIndex.get(i + 1) ?? 0) }] };
}

const CHART_MONTHS = 6;

/**
 * The materials' totals of the chart's months (oldest first, `month` last): one read of the
 * materials module (materialTotalsForMonths: the month's figures' totals and totals by kind) where
 * six calls of the month's whole figures each read the ledger of their own window and sent every
 * material × destination row, the hand-outs and the partners' activities to the server.
 */
async function materialMonths(month: string): Promise<Array<{ label: string; figures: MaterialMonth }>> {
  const labels = Array.from({ length: CHART_MONTHS }, (_, i) => shiftMonth(month, i - CHART_MONTHS + 1));
  const figures = await materialTotalsForMonths(Number(labels[0]!.slice(0, 4)), Number(labels[0]!.slice(5, 7)), CHART_MONTHS);
  return labels.map((label, i) => ({ label, figures: figures[i]! }));
}

function materialsByKind(perMonth: Array<{ label: string; figures: MaterialMonth }>): Series {
  const kinds = [...new Set(perMonth.flatMap((f) => f.figures.byKind.map((k) => k.kind as string)))].sort();
  return {
    id: "materialsByKind",
    labels: perMonth.map((f) => f.label),
    series: kinds.map((kind) => ({ key: kind, values: perMonth.map((f) => f.figures.byKind.find((k) => k.kind === kind)?.total ?? 0) })),
  };
}

export type HomeData = Awaited<ReturnType<typeof homeDashboard>>;

async function coordinatorDashboard(user: { id: string }, month: string, previous: string, timeZone: string, range: ReturnType<typeof monthRange>, now: Date) {
  const endOfMonth = new Date(Math.min(range.to.getTime() - 1, now.getTime()));
  const today = zonedDate(now, timeZone);
  const contestAndFunnel = async () => {
    const contest = await db.contest.findFirst({ where: { submissionsOpenAt: { lt: range.to } }, orderBy: { submissionsOpenAt: "desc" }, select: { id: true, name: true } });
    return contest ? { contest, funnel: await contestFunnel(contest.id, endOfMonth) } : null;
  };
  const monthsAndFigures = async () => {
    const [py, pm] = [Number(previous.slice(0, 4)), Number(previous.slice(5, 7))];
    const [months, [prevEvents, curEvents], [prevPartners, curPartners]] = await Promise.all([materialMonths(month), eventFiguresForMonths(py, pm, 2, now), partnerTotalsForMonths(py, pm, 2)]);
    const cur = coordinatorMonth(curEvents!, curPartners!, months.at(-1)!.figures);
    const prev = coordinatorMonth(prevEvents!, prevPartners!, months.at(-2)!.figures);
    return { months, cur, prev };
  };
  const [{ months, cur, prev }, followUps, agreementAlerts, lowStock, contest] = await Promise.all([
    monthsAndFigures(),
    homeFollowUps(user.id, { limit: 5, now }),
    listAgreementAlerts(today),
    lowStockAlerts(5),
    contestAndFunnel(),
  ]);
  const funnel = contest?.funnel ?? null;
  return {
    figures: compare(cur, prev, ["eventsHeld", "attendance", "appointments", "registrationRequests", "materialsDistributed", "partnerActivities"]),
    overdueFollowUps: followUps.overdueCount,
    followUps: followUps.due.map((f) => ({ id: f.id, title: f.title, dueOn: f.dueOn, overdue: f.overdue, partner: f.partner.acronym ?? f.partner.name, partnerId: f.partner.id })),
    agreementAlerts: agreementAlerts.slice(0, 5).map((a) => ({ id: a.id, title: a.title, partner: a.partner.acronym ?? a.partner.name, partnerId: a.partner.id, alert: String(a.alert) })),
    lowStock: lowStock.map((l) => ({ name: l.name, location: l.locationName, quantity: l.quantity, threshold: l.threshold })),
    contest: contest && funnel ? { name: contest.contest.name, funnel } : null,
    charts: {
      materialsByKind: materialsByKind(months),
      outcomesPerEvent: {
        id: "outcomesPerEvent",
        labels: cur.events.events.map((e) => e.name),
        series: [
          { key: "appointments", values: cur.events.events.map((e) => e.figures.appointments) },
          { key: "registrationRequests", values: cur.events.events.map((e) => e.figures.registrationRequests) },
        ],
      } satisfies Series,
      contestFunnel: funnel
        ? // The total, then every part of it (each project in one): the bars after the first add up to it.
          ({ id: "contestFunnel", labels: ["received", ...FUNNEL_PARTS], series: [{ key: "projects", values: [funnel.received, ...FUNNEL_PARTS.map((k) => funnel[k])] }] } satisfies Series)
        : null,
    },
  };
}

async function communicationsDashboard(month: string, previous: string, timeZone: string, range: ReturnType<typeof monthRange>) {
  const [cur, prev, b, bp, contactsGrowthSeries] = await Promise.all([
    contactsMonth(month, timeZone),
    contactsMonth(previous, timeZone),
    bulletinsOfMonth(range),
    bulletinsOfMonth(monthRange(previous, timeZone)),
    contactsGrowth(month, timeZone),
  ]);
  return {
    contacts: compare(cur, prev, ["total", "confirmed", "created", "unsubscribed"], HOME_COUNT_CAP),
    bulletins: compare({ sent: b.count, recipients: b.recipients, failed: b.failed }, { sent: bp.count, recipients: bp.recipients, failed: bp.failed }, ["sent", "recipients", "failed"]),
    charts: { contactsGrowth: contactsGrowthSeries },
  };
}

export async function homeDashboard(user: { id: string; role: RoleName }, monthParam: string | null, now: Date = new Date()) {
  const { timeZone } = await getSettings();
  const month = monthParam ?? monthOf(now, timeZone);
  const previous = shiftMonth(month, -1);
  const showCoordinator = user.role === "COORDINATOR" || user.role === "ADMIN";
  const showCommunications = user.role === "COMMUNICATIONS" || user.role === "ADMIN";
  const range = monthRange(month, timeZone);

  // The two areas' figures, and each part of them, are independent reads: they run at once.
  const [coordinator, communications] = await Promise.all([
    showCoordinator ? coordinatorDashboard(user, month, previous, timeZone, range, now) : null,
    showCommunications ? communicationsDashboard(month, previous, timeZone, range) : null,
  ]);
  return { month, previous, coordinator, communications };
}
