/**
 * The one definition of a month's communications figures (decisions 018, 025):
 * - per account: its SocialAccountMonth row for the month ("2017-11"), as typed or imported; an
 *   account appears in its owner area (VMRE office: 2.1.4 «estrategia digital»; CNCS: 2.5) when it
 *   has figures for the month, whether or not it is still active; an active account without
 *   figures is listed as missing;
 * - per owner area: the sums of its accounts' figures (a figure not given adds nothing; followers
 *   are each account's at the month's close, so their sum is the area's audience at the close);
 * - the microsite: its MicrositeMonth row;
 * - the media: the monitoring-log notes published in the month (a calendar date: no time zone),
 *   each once, by medium, by type and by tone, with each count's share of the total. A month with
 *   no note logged but with totals typed on the old monthly form (before decision 025) reads those.
 * The report (reports/figures.server.ts), the communications pages and figures.json all call this.
 */
import { db, Prisma } from "~/lib/db.server";
import { shiftMonth } from "~/modules/reports";
import { areaTotals, emptyMedia, mediaFromCounts, mediaFromInput, OWNER_AREAS, sortAccounts, type AccountMonth, type CommunicationsFigures, type LegacyInput, type MediaMedium, type MediaTone, type MediaType, type MicrositeFigures, type Network, type OwnerArea } from "./shapes";

export type { CommunicationsFigures } from "./shapes";

/** The first day of the month and of the next, as DATE bounds. */
export function monthDates(month: string): { first: Date; next: Date } {
  return { first: new Date(`${month}-01T00:00:00Z`), next: new Date(`${shiftMonth(month, 1)}-01T00:00:00Z`) };
}

type MonthRow = {
  month: string;
  posts: number;
  impressions: number | null;
  engagements: number | null;
  reach: number | null;
  followers: number | null;
  shares: number | null;
  likes: number | null;
  comments: number | null;
  bestPost: string | null;
  bestPostReach: number | null;
  source: string;
};

/** A SocialAccountMonth row as AccountMonth. */
export function accountMonthOf(account: { id: string; network: string; ownerArea: string; handle: string; name: string | null }, row: MonthRow): AccountMonth {
  return {
    accountId: account.id,
    network: account.network as Network,
    ownerArea: account.ownerArea as OwnerArea,
    handle: account.handle,
    name: account.name,
    posts: row.posts,
    impressions: row.impressions,
    reach: row.reach,
    followers: row.followers,
    shares: row.shares,
    likes: row.likes,
    comments: row.comments,
    engagements: row.engagements,
    bestPost: row.bestPost,
    bestPostReach: row.bestPostReach,
    source: row.source === "CSV" ? "CSV" : "TYPED",
  };
}

export async function socialFiguresForMonth(month: string): Promise<CommunicationsFigures["areas"]> {
  const accounts = await db.socialAccount.findMany({
    where: { ownerArea: { in: [...OWNER_AREAS] }, OR: [{ active: true }, { months: { some: { month } } }] },
    include: { months: { where: { month } } },
    take: 500,
  });
  const areas = {} as CommunicationsFigures["areas"];
  for (const area of OWNER_AREAS) {
    const mine = sortAccounts(accounts.filter((a) => a.ownerArea === area).map((a) => ({ ...a, network: a.network as Network })));
    const withFigures = mine.filter((a) => a.months.length).map((a) => accountMonthOf(a, a.months[0]!));
    areas[area] = {
      accounts: withFigures,
      missing: mine.filter((a) => !a.months.length && a.active).map((a) => ({ accountId: a.id, network: a.network, handle: a.handle })),
      totals: areaTotals(withFigures),
    };
  }
  return areas;
}

export async function micrositeFiguresForMonth(month: string): Promise<MicrositeFigures | null> {
  const row = await db.micrositeMonth.findUnique({ where: { month } });
  return row ? { visits: row.visits, countries: row.countries, topCountries: row.topCountries, source: row.source === "CSV" ? "CSV" : "TYPED" } : null;
}

export async function mediaFiguresForMonth(month: string): Promise<CommunicationsFigures["media"]> {
  const { first, next } = monthDates(month);
  const rows = await db.$queryRaw<Array<{ medium: MediaMedium; type: MediaType; tone: MediaTone; n: number }>>(Prisma.sql`
    SELECT "medium"::text AS medium, "type"::text AS type, "tone"::text AS tone, count(*)::int AS n
    FROM "MediaNote" WHERE "publishedOn" >= ${first}::date AND "publishedOn" < ${next}::date
    GROUP BY 1, 2, 3`);
  if (rows.length) return mediaFromCounts(rows);
  const input = await db.monthlyInput.findUnique({ where: { month }, select: { data: true } });
  return mediaFromInput(input?.data as LegacyInput | null) ?? emptyMedia();
}

/** Every communications figure of the month. */
export async function communicationsFiguresForMonth(month: string): Promise<CommunicationsFigures> {
  return { month, areas: await socialFiguresForMonth(month), microsite: await micrositeFiguresForMonth(month), media: await mediaFiguresForMonth(month) };
}
