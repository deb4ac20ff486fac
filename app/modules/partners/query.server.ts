/**
 * Institutions as a list: one parameterised WHERE built from the filter (shared by the list and the
 * export), keyset paging by (search_text(name), id) — the index Partner_sort_name_idx — and the
 * values offered by the filter selects. ?q= repeats the expression of the trigram index
 * Partner_search_trgm_idx exactly, so partial, accent- and case-blind words use it.
 */
import { db, Prisma } from "~/lib/db.server";
import { decodeCursor, encodeCursor, likeContains, searchTerm } from "~/lib/paging.server";
import { optionsCursor, pageOf, type OptionsPage, type OptionsQuery } from "~/lib/options.server";
import { stateFilterValue } from "~/modules/geo";
import { getSettings } from "~/modules/settings/index.server";
import { effectiveTimeZone, isTimeZone, todayIn } from "./dates";
import type { PartnerFilter } from "./filter";

export const PARTNERS_PAGE_SIZE = 50;

/** The text the trigram index covers; a query must repeat it exactly for the index to be used. */
export const PARTNER_SEARCH_EXPR = Prisma.sql`search_text(p."name" || ' ' || coalesce(p."acronym", ''))`;
const SORT_EXPR = Prisma.sql`search_text(p."name")`;

/** Words of 3+ characters go through the trigram index; shorter ones are checked on its rows. */
export function partnerSearchWords(q: string | null | undefined): { long: string[]; short: string[] } | null {
  const term = searchTerm(q);
  if (!term) return null;
  const words = [...new Set(term.split(/\s+/).filter(Boolean))];
  return { long: words.filter((w) => w.length >= 3), short: words.filter((w) => w.length < 3) };
}

/**
 * "Today" for a follow-up's owner, as SQL over the owner alias u: the date in the owner's time zone
 * (User.timeZone), else in the office's (Settings.timeZone). The dates are computed here with
 * todayIn() — the same rule as isOverdue() — one per time zone in use, so SQL and TypeScript never
 * disagree and an unknown zone name falls back to the office's instead of failing the query.
 */
export async function ownerTodaySql(now: Date = new Date()): Promise<Prisma.Sql> {
  const [settings, zones] = await Promise.all([
    getSettings(),
    db.$queryRaw<Array<{ tz: string }>>`SELECT DISTINCT "timeZone" AS tz FROM "User" WHERE "timeZone" IS NOT NULL LIMIT 1000`,
  ]);
  const office = todayIn(effectiveTimeZone(null, settings.timeZone), now);
  const cases = zones.filter((z) => isTimeZone(z.tz)).map((z) => Prisma.sql`WHEN ${z.tz} THEN ${todayIn(z.tz, now)}::date`);
  return cases.length ? Prisma.sql`(CASE u."timeZone" ${Prisma.join(cases, " ")} ELSE ${office}::date END)` : Prisma.sql`${office}::date`;
}

/** An open follow-up (alias f, owner alias u) whose due date has passed in its owner's time zone. */
export function overdueCondition(ownerToday: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`f."state" = 'OPEN'::"FollowUpState" AND f."dueOn" < ${ownerToday}`;
}

/** The WHERE fragment (no leading WHERE) over FROM "Partner" AS p. Every value is a bound parameter. */
export function partnerWhere(filter: PartnerFilter, ownerToday: Prisma.Sql): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const words = partnerSearchWords(filter.q);
  if (words) {
    for (const word of words.long) parts.push(Prisma.sql`${PARTNER_SEARCH_EXPR} LIKE ${likeContains(word)}`);
    for (const word of words.short) parts.push(Prisma.sql`strpos(${PARTNER_SEARCH_EXPR}, ${word}) > 0`);
  }
  if (filter.kind) parts.push(Prisma.sql`p."kind" = ${filter.kind}::"PartnerKind"`);
  if (filter.country) parts.push(Prisma.sql`p."country" = ${filter.country}`);
  // States are ISO 3166-2 codes in the United States, Canada and Mexico (decision 019).
  if (filter.state) parts.push(Prisma.sql`search_text(coalesce(p."state", '')) = search_text(${stateFilterValue(filter.state, filter.country)})`);
  if (filter.tag) parts.push(Prisma.sql`p."tags" @> ARRAY[${filter.tag}]::text[]`);
  if (filter.status) parts.push(Prisma.sql`p."status" = ${filter.status}::"PartnerStatus"`);
  if (filter.overdue) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "FollowUp" f JOIN "User" u ON u."id" = f."ownerId"
      WHERE f."partnerId" = p."id" AND ${overdueCondition(ownerToday)})`);
  }
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

export type PartnerListRow = {
  id: string;
  name: string;
  acronym: string | null;
  kind: string;
  status: string;
  country: string | null;
  state: string | null;
  city: string | null;
  tags: string[];
  parentName: string | null;
  openFollowUps: number;
  overdueFollowUps: number;
  lastActivityOn: Date | null;
};

export type PartnerList = { rows: PartnerListRow[]; nextCursor: string | null };

/** The cursor's values: the sort key and the id of the last row seen, or null when forged. */
export function parsePartnerCursor(cursor: string | null | undefined): [string, string] | null {
  const values = decodeCursor(cursor, 2);
  if (!values || typeof values[0] !== "string" || typeof values[1] !== "string" || values[0].length > 400 || values[1].length > 40) return null;
  return [values[0], values[1]];
}

/** One page in name order (accent- and case-blind), after `cursor`. */
export async function listPartners(filter: PartnerFilter, cursor?: string | null, options: { pageSize?: number; now?: Date } = {}): Promise<PartnerList> {
  const pageSize = options.pageSize ?? PARTNERS_PAGE_SIZE;
  const ownerToday = await ownerTodaySql(options.now);
  const after = parsePartnerCursor(cursor);
  const keyset = after ? Prisma.sql`(${SORT_EXPR}, p."id") > (${after[0]}::text, ${after[1]}::text)` : Prisma.sql`TRUE`;
  const found = await db.$queryRaw<Array<PartnerListRow & { _k: string }>>`
    SELECT p."id", p."name", p."acronym", p."kind"::text AS "kind", p."status"::text AS "status", p."country", p."state", p."city", p."tags",
      parent."name" AS "parentName", ${SORT_EXPR} AS "_k",
      (SELECT count(*)::int FROM "FollowUp" f WHERE f."partnerId" = p."id" AND f."state" = 'OPEN') AS "openFollowUps",
      (SELECT count(*)::int FROM "FollowUp" f JOIN "User" u ON u."id" = f."ownerId" WHERE f."partnerId" = p."id" AND ${overdueCondition(
        ownerToday
      )}) AS "overdueFollowUps",
      -- Every activity it is part of (shared ones too); the lead is always among them, read both ways.
      greatest(
        (SELECT max(a."occurredOn") FROM "PartnerActivityPartner" x JOIN "PartnerActivity" a ON a."id" = x."activityId" WHERE x."partnerId" = p."id"),
        (SELECT max(a."occurredOn") FROM "PartnerActivity" a WHERE a."partnerId" = p."id")
      ) AS "lastActivityOn"
    FROM (
      SELECT p.* FROM "Partner" p
      WHERE (${partnerWhere(filter, ownerToday)}) AND ${keyset}
      ORDER BY ${SORT_EXPR}, p."id"
      LIMIT ${pageSize + 1}
    ) AS p
    LEFT JOIN "Partner" parent ON parent."id" = p."parentId"
    ORDER BY "_k", p."id"`;
  const page = found.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ _k, ...row }) => row),
    nextCursor: found.length > pageSize && last ? encodeCursor([last._k, last.id]) : null,
  };
}

export async function countPartners(filter: PartnerFilter, now?: Date): Promise<number> {
  const rows = await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "Partner" p WHERE ${partnerWhere(filter, await ownerTodaySql(now))}`;
  return rows[0]?.n ?? 0;
}

export type PartnerFilterOptions = { countries: string[]; states: Array<{ country: string | null; state: string }>; tags: string[] };

/** Institutions are few (hundreds): the distinct values come from one pass each. */
export async function partnerFilterOptions(): Promise<PartnerFilterOptions> {
  const [countries, states, tags] = await Promise.all([
    db.$queryRaw<Array<{ country: string }>>`SELECT DISTINCT "country" FROM "Partner" WHERE "country" IS NOT NULL ORDER BY 1 LIMIT 500`,
    db.$queryRaw<
      Array<{ country: string | null; state: string }>
    >`SELECT DISTINCT "country", "state" FROM "Partner" WHERE "state" IS NOT NULL ORDER BY 2, 1 LIMIT 2000`,
    db.$queryRaw<Array<{ tag: string }>>`SELECT DISTINCT tag FROM "Partner", unnest("tags") AS tag ORDER BY 1 LIMIT 500`,
  ]);
  return { countries: countries.map((c) => c.country), states, tags: tags.map((t) => t.tag) };
}

/**
 * The institution picker (SearchPicker, /partners/options): up to `limit` institutions whose name or
 * acronym holds every word of `q`, by name — the list's own search (the trigram index) and order
 * (Partner_sort_name_idx), paged by that key. `exclude` leaves one out (the page's own institution).
 */
export async function partnerOptions(query: OptionsQuery & { exclude?: string | null }): Promise<OptionsPage> {
  const parts: Prisma.Sql[] = [];
  const words = partnerSearchWords(query.q);
  if (words) {
    for (const word of words.long) parts.push(Prisma.sql`${PARTNER_SEARCH_EXPR} LIKE ${likeContains(word)}`);
    for (const word of words.short) parts.push(Prisma.sql`strpos(${PARTNER_SEARCH_EXPR}, ${word}) > 0`);
  }
  if (query.exclude) parts.push(Prisma.sql`p."id" <> ${query.exclude}`);
  const after = optionsCursor(query.after, 2);
  if (after) parts.push(Prisma.sql`(${SORT_EXPR}, p."id") > (${after[0]}, ${after[1]})`);
  const rows = await db.$queryRaw<Array<{ id: string; name: string; acronym: string | null; key: string; city: string | null; country: string | null }>>`
    SELECT p."id", p."name", p."acronym", ${SORT_EXPR} AS "key", p."city", p."country"
    FROM "Partner" p WHERE ${parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`}
    ORDER BY ${SORT_EXPR}, p."id" LIMIT ${query.limit + 1}`;
  return pageOf(
    rows,
    query.limit,
    (r) => ({ id: r.id, label: r.acronym ? `${r.name} (${r.acronym})` : r.name, detail: [r.city, r.country].filter(Boolean).join(", ") || null }),
    (r) => encodeCursor([r.key, r.id]),
  );
}
