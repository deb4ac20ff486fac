/**
 * The home dashboard: per role, a month against the one before (figures from each area's own
 * functions), the user's alerts, and the series behind the charts. Months are the organisation's
 * (settings); the month shown defaults to the current one and can be chosen (?month=2017-11).
 */
import { db } from "~/lib/db.server";
import { zonedDate } from "~/lib/time";
import type { RoleName } from "~/modules/auth/permissions";
import { contestFunnel, FUNNEL_PARTS } from "~/modules/contest/submissions.server";
import { eventFiguresForMonth } from "~/modules/events/query.server";
import { lowStockAlerts, materialFiguresForMonth } from "~/modules/materials/figures.server";
import { listAgreementAlerts, listFollowUpsDue, listMyFollowUps, partnerFiguresForMonth } from "~/modules/partners/index.server";
import { getSettings } from "~/modules/settings/settings.server";
import { bulletinFigures } from "./figures.server";
import { monthOf, monthRange, shiftMonth } from "./month";

/** atLeast: the count stopped at its cap (HOME_COUNT_CAP); the figures are "more than" it. */
export type Comparison = { key: string; current: number; previous: number; atLeast?: boolean };
export type Series = { id: string; labels: string[]; series: Array<{ key: string; values: number[] }> };

/** Each figure is the owning area's own (decision 018): the report quotes the same functions. */
async function coordinatorMonth(month: string, now: Date) {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const [events, materials, partners] = [await eventFiguresForMonth(y, m, now), await materialFiguresForMonth(y, m), await partnerFiguresForMonth(y, m)];
  return {
    eventsHeld: events.totals.events,
    attendance: events.totals.attendance,
    appointments: events.totals.appointments,
    registrationRequests: events.totals.registrationRequests,
    materialsDistributed: materials.totals.total,
    partnerActivities: partners.totals.activities,
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
 * New contacts in each of the last `months` months (to `month`): one range read of the createdAt
 * index, bounded by a year's additions, where the running total counted the whole table twelve times.
 */
async function contactsGrowth(month: string, timeZone: string, months = 12): Promise<Series> {
  const labels = Array.from({ length: months }, (_, i) => shiftMonth(month, i - months + 1));
  const starts = labels.map((l) => monthRange(l, timeZone).from);
  const end = monthRange(month, timeZone).to;
  const rows = await db.$queryRaw<Array<{ i: number; n: number }>>`
    SELECT b.i::int AS i, count(*)::int AS n
    FROM (SELECT "createdAt" FROM "Contact" WHERE "createdAt" >= ${starts[0]} AND "createdAt" < ${end}) c
    CROSS JOIN LATERAL (SELECT max(s.i) AS i FROM unnest(${starts}::timestamptz[]) WITH ORDINALITY AS s(at, i) WHERE s.at <= c."createdAt") b
    GROUP BY b.i`;
  const byIndex = new Map(rows.map((r) => [r.i, r.n]));
  return { id: "contactsGrowth", labels, series: [{ key: "created", values: labels.map((_, i) => byIndex.get(i + 1) ?? 0) }] };
}

async function materialsByKind(month: string, months = 6): Promise<Series> {
  const labels = Array.from({ length: months }, (_, i) => shiftMonth(month, i - months + 1));
  const perMonth: Array<Awaited<ReturnType<typeof materialFiguresForMonth>>> = [];
  for (const l of labels) perMonth.push(await materialFiguresForMonth(Number(l.slice(0, 4)), Number(l.slice(5, 7))));
  const kinds = [...new Set(perMonth.flatMap((f) => f.byKind.map((k) => k.kind as string)))].sort();
  return { id: "materialsByKind", labels, series: kinds.map((kind) => ({ key: kind, values: perMonth.map((f) => f.byKind.find((k) => k.kind === kind)?.total ?? 0) })) };
}

export type HomeData = Awaited<ReturnType<typeof homeDashboard>>;

export async function homeDashboard(user: { id: string; role: RoleName }, monthParam: string | null, now: Date = new Date()) {
  const { timeZone } = await getSettings();
  const month = monthParam ?? monthOf(now, timeZone);
  const previous = shiftMonth(month, -1);
  const showCoordinator = user.role === "COORDINATOR" || user.role === "ADMIN";
  const showCommunications = user.role === "COMMUNICATIONS" || user.role === "ADMIN";
  const range = monthRange(month, timeZone);
  const endOfMonth = new Date(Math.min(range.to.getTime() - 1, now.getTime()));

  let coordinator = null;
  if (showCoordinator) {
    const [cur, prev] = [await coordinatorMonth(month, now), await coordinatorMonth(previous, now)];
    const today = zonedDate(now, timeZone);
    const followUps = await listFollowUpsDue(user.id, { now });
    const contest = await db.contest.findFirst({ where: { submissionsOpenAt: { lt: range.to } }, orderBy: { submissionsOpenAt: "desc" }, select: { id: true, name: true } });
    const funnel = contest ? await contestFunnel(contest.id, endOfMonth) : null;
    coordinator = {
      figures: compare(cur, prev, ["eventsHeld", "attendance", "appointments", "registrationRequests", "materialsDistributed", "partnerActivities"]),
      overdueFollowUps: (await listMyFollowUps(user.id, null, { pageSize: 1, now })).overdueCount,
      followUps: followUps.slice(0, 5).map((f) => ({ id: f.id, title: f.title, dueOn: f.dueOn, overdue: f.overdue, partner: f.partner.acronym ?? f.partner.name, partnerId: f.partner.id })),
      agreementAlerts: (await listAgreementAlerts(today)).slice(0, 5).map((a) => ({ id: a.id, title: a.title, partner: a.partner.acronym ?? a.partner.name, partnerId: a.partner.id, alert: String(a.alert) })),
      lowStock: (await lowStockAlerts(5)).map((l) => ({ name: l.name, location: l.locationName, quantity: l.quantity, threshold: l.threshold })),
      contest: contest && funnel ? { name: contest.name, funnel } : null,
      charts: {
        materialsByKind: await materialsByKind(month),
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

  let communications = null;
  if (showCommunications) {
    const [cur, prev] = [await contactsMonth(month, timeZone), await contactsMonth(previous, timeZone)];
    const [b, bp] = [await bulletinFigures(range), await bulletinFigures(monthRange(previous, timeZone))];
    communications = {
      contacts: compare(cur, prev, ["total", "confirmed", "created", "unsubscribed"], HOME_COUNT_CAP),
      bulletins: compare({ sent: b.count, recipients: b.recipients, failed: b.failed }, { sent: bp.count, recipients: bp.recipients, failed: bp.failed }, ["sent", "recipients", "failed"]),
      charts: { contactsGrowth: await contactsGrowth(month, timeZone) },
    };
  }
  return { month, previous, coordinator, communications };
}
