/**
 * The monthly figures of the partners area, per institution kind and per institution: activities,
 * people reached, items distributed and partner-bulletin recipients in one calendar month (by the
 * activity's date). These are the numbers the monthly report quotes.
 */
import { db } from "~/lib/db.server";
import { dateOnly, monthRange } from "./dates";

export type FigureRow = { activities: number; peopleReached: number; itemsDistributed: number; bulletinRecipients: number };
export type KindFigures = FigureRow & { kind: string; institutions: number };
export type PartnerFigures = FigureRow & { partnerId: string; name: string; acronym: string | null; kind: string };
export type MonthFigures = { year: number; month: number; byKind: KindFigures[]; byPartner: PartnerFigures[]; totals: FigureRow };

export async function partnerFiguresForMonth(year: number, month: number): Promise<MonthFigures> {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 1900 || year > 9999) throw new RangeError("invalid month");
  const { from, to } = monthRange(year, month);
  const byPartner = await db.$queryRaw<PartnerFigures[]>`
    SELECT p."id" AS "partnerId", p."name", p."acronym", p."kind"::text AS "kind",
      count(*)::int AS "activities",
      coalesce(sum(a."peopleReached"), 0)::int AS "peopleReached",
      coalesce(sum(a."itemsDistributed"), 0)::int AS "itemsDistributed",
      coalesce(sum(a."bulletinRecipients"), 0)::int AS "bulletinRecipients"
    FROM "PartnerActivity" a JOIN "Partner" p ON p."id" = a."partnerId"
    WHERE a."occurredOn" >= ${dateOnly(from)}::date AND a."occurredOn" < ${dateOnly(to)}::date
    GROUP BY p."id"
    ORDER BY p."kind", search_text(p."name"), p."id"`;
  const kinds = new Map<string, KindFigures>();
  const totals: FigureRow = { activities: 0, peopleReached: 0, itemsDistributed: 0, bulletinRecipients: 0 };
  for (const row of byPartner) {
    const k = kinds.get(row.kind) ?? { kind: row.kind, institutions: 0, activities: 0, peopleReached: 0, itemsDistributed: 0, bulletinRecipients: 0 };
    k.institutions += 1;
    for (const key of ["activities", "peopleReached", "itemsDistributed", "bulletinRecipients"] as const) {
      k[key] += row[key];
      totals[key] += row[key];
    }
    kinds.set(row.kind, k);
  }
  return { year, month, byKind: [...kinds.values()], byPartner, totals };
}
