/**
 * The monthly figures of the partners area: activities, people reached, items distributed and
 * partner-bulletin recipients in one calendar month (by the activity's date). These are the numbers
 * the monthly report quotes (decision 018: one definition, here).
 *
 * An activity shared by several institutions is ONE activity (PartnerActivityPartner names every
 * institution, the lead included), and how it counts depends on the view:
 * - per institution (`byPartner`): it counts for EACH institution that took part, with its full
 *   figures — the seven OPL of one workshop each show 1 activity. The rows therefore do not add up
 *   to the totals.
 * - per institution kind (`byKind`): it counts ONCE in each kind that took part (an activity with
 *   seven OPL is 1 activity of LOCAL_ELECTORAL_BODY with 7 institutions); its figures (people
 *   reached, items, recipients) are added once per kind, never multiplied by its institutions. An
 *   activity with an OPL and a university counts once in each of the two kinds.
 * - in the totals (`totals`) and per report part (`byReportPart`): ONCE, its figures once.
 */
import { db } from "~/lib/db.server";
import { Prisma } from "~/lib/db.server";
import type { ReportPart } from "~/generated/prisma/enums";
import { dateOnly, isoDay, monthRange } from "./dates";
import { compareEs } from "~/lib/collate";

export type FigureRow = { activities: number; peopleReached: number; itemsDistributed: number; bulletinRecipients: number };
export type KindFigures = FigureRow & { kind: string; institutions: number };
export type PartnerFigures = FigureRow & { partnerId: string; name: string; acronym: string | null; kind: string };
export type ReportPartFigures = FigureRow & { reportPart: ReportPart };
export type MonthFigures = {
  year: number;
  month: number;
  byKind: KindFigures[];
  byPartner: PartnerFigures[];
  byReportPart: ReportPartFigures[];
  totals: FigureRow;
};

function checkMonth(year: number, month: number) {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 1900 || year > 9999) throw new RangeError("invalid month");
  return monthRange(year, month);
}

/**
 * The month's activities and every institution of each: PartnerActivityPartner, plus the lead
 * (always one of them; UNION keeps each pair once even if a row were missing).
 */
function monthSql(from: string, to: string) {
  return Prisma.sql`
    acts AS (
      SELECT a."id", a."partnerId", a."occurredOn", a."reportPart", a."peopleReached", a."itemsDistributed", a."bulletinRecipients"
      FROM "PartnerActivity" a
      WHERE a."occurredOn" >= ${dateOnly(from)}::date AND a."occurredOn" < ${dateOnly(to)}::date
    ),
    links AS (
      SELECT x."activityId", x."partnerId" FROM "PartnerActivityPartner" x JOIN acts ON acts."id" = x."activityId"
      UNION
      SELECT acts."id", acts."partnerId" FROM acts
    )`;
}

const SUMS = Prisma.sql`
  count(*)::int AS "activities",
  coalesce(sum(a."peopleReached"), 0)::int AS "peopleReached",
  coalesce(sum(a."itemsDistributed"), 0)::int AS "itemsDistributed",
  coalesce(sum(a."bulletinRecipients"), 0)::int AS "bulletinRecipients"`;

export async function partnerFiguresForMonth(year: number, month: number): Promise<MonthFigures> {
  const { from, to } = checkMonth(year, month);
  const base = monthSql(from, to);
  const [byPartner, kinds, byReportPart, totals] = await Promise.all([
    db.$queryRaw<PartnerFigures[]>`
      WITH ${base}
      SELECT p."id" AS "partnerId", p."name", p."acronym", p."kind"::text AS "kind", ${SUMS}
      FROM links l JOIN acts a ON a."id" = l."activityId" JOIN "Partner" p ON p."id" = l."partnerId"
      GROUP BY p."id"
      ORDER BY p."kind", search_text(p."name"), p."id"`,
    db.$queryRaw<KindFigures[]>`
      WITH ${base},
      kind_acts AS (SELECT DISTINCT p."kind", l."activityId" FROM links l JOIN "Partner" p ON p."id" = l."partnerId"),
      kind_partners AS (SELECT p."kind", count(DISTINCT l."partnerId")::int AS n FROM links l JOIN "Partner" p ON p."id" = l."partnerId" GROUP BY p."kind")
      SELECT k."kind"::text AS "kind", kp.n AS "institutions", ${SUMS}
      FROM kind_acts k JOIN acts a ON a."id" = k."activityId" JOIN kind_partners kp ON kp."kind" = k."kind"
      GROUP BY k."kind", kp.n
      ORDER BY k."kind"`,
    db.$queryRaw<ReportPartFigures[]>`
      WITH ${base}
      SELECT a."reportPart"::text AS "reportPart", ${SUMS} FROM acts a GROUP BY a."reportPart" ORDER BY a."reportPart"`,
    partnerTotalsForMonth(year, month),
  ]);
  return { year, month, byKind: kinds, byPartner, byReportPart, totals };
}

/** The month's totals alone (each activity once): what the home page compares, without the breakdowns. */
export async function partnerTotalsForMonth(year: number, month: number): Promise<FigureRow> {
  return (await partnerTotalsForMonths(year, month, 1))[0]!;
}

/**
 * The totals of `count` consecutive months from year-month (oldest first), each exactly
 * partnerTotalsForMonth's: the activities of the whole range read once and summed per month (the
 * home compares a month with the one before in one read).
 */
export async function partnerTotalsForMonths(year: number, month: number, count: number): Promise<FigureRow[]> {
  const months = Array.from({ length: count }, (_, i) => checkMonth(year + Math.floor((month - 1 + i) / 12), ((month - 1 + i) % 12) + 1));
  const rows = await db.$queryRaw<Array<FigureRow & { month: string }>>`
    WITH ${monthSql(months[0]!.from, months.at(-1)!.to)}
    SELECT to_char(a."occurredOn", 'YYYY-MM-01') AS "month", ${SUMS} FROM acts a GROUP BY 1`;
  const byMonth = new Map(rows.map(({ month: m, ...figures }) => [m, figures]));
  return months.map((m) => byMonth.get(m.from) ?? { activities: 0, peopleReached: 0, itemsDistributed: 0, bulletinRecipients: 0 });
}

export type MonthActivity = {
  id: string;
  date: string;
  kind: string;
  reportPart: ReportPart;
  summary: string;
  peopleReached: number | null;
  itemsDistributed: number | null;
  bulletinRecipients: number | null;
  event: { id: string; name: string } | null;
  /** Every institution of the activity, by name (each once). */
  institutions: Array<{ id: string; name: string; acronym: string | null; kind: string }>;
};

/**
 * One page of the month's activities (by date, then id), each ONCE with all its institutions —
 * the rows of the figures' CSV, and what the report lists. `reportPart` narrows to one part.
 */
export async function partnerActivitiesOfMonth(
  year: number,
  month: number,
  options: { reportPart?: ReportPart; after?: { date: string; id: string } | null; pageSize?: number } = {}
): Promise<{ rows: MonthActivity[]; next: { date: string; id: string } | null }> {
  const { from, to } = checkMonth(year, month);
  const pageSize = Math.min(Math.max(options.pageSize ?? 500, 1), 2000);
  const after = options.after;
  const rows = await db.partnerActivity.findMany({
    where: {
      occurredOn: { gte: dateOnly(from), lt: dateOnly(to) },
      ...(options.reportPart ? { reportPart: options.reportPart } : {}),
      ...(after ? { OR: [{ occurredOn: { gt: dateOnly(after.date) } }, { occurredOn: dateOnly(after.date), id: { gt: after.id } }] } : {}),
    },
    include: {
      event: { select: { id: true, name: true } },
      institutions: { select: { partner: { select: { id: true, name: true, acronym: true, kind: true } } } },
      partner: { select: { id: true, name: true, acronym: true, kind: true } },
    },
    orderBy: [{ occurredOn: "asc" }, { id: "asc" }],
    take: pageSize + 1,
  });
  const page = rows.slice(0, pageSize).map((a): MonthActivity => {
    const byId = new Map(a.institutions.map((i) => [i.partner.id, i.partner]));
    byId.set(a.partner.id, a.partner);
    return {
      id: a.id,
      date: isoDay(a.occurredOn),
      kind: a.kind,
      reportPart: a.reportPart,
      summary: a.summary,
      peopleReached: a.peopleReached,
      itemsDistributed: a.itemsDistributed,
      bulletinRecipients: a.bulletinRecipients,
      event: a.event,
      institutions: [...byId.values()].sort((x, y) => compareEs(x.name, y.name) || x.id.localeCompare(y.id)),
    };
  });
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > pageSize && last ? { date: last.date, id: last.id } : null };
}
