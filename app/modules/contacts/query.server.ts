/**
 * Contacts as a list: one parameterised WHERE built from a filter (shared by the list, bulk
 * actions, segments, exports and — later — bulletin recipients), keyset paging for every sort,
 * the bounded count, and the values offered by the filter selects.
 *
 * Performance notes (see bench/contacts.ts): ?q= uses exactly the expression of the trigram index
 * Contact_search_trgm_idx; every sort has a btree index whose columns are the sort key followed by
 * the id (migration 20261128071000_contacts_list_indexes), so a page is an index range scan.
 */
import { db, Prisma } from "~/lib/db.server";
import { analyzeTable, boundedCount, decodeCursor, encodeCursor, estimateCount, EXACT_COUNT_LIMIT, likeContains, searchTerm, type ListCount } from "~/lib/paging.server";
import { MIN_CONTAINS_LENGTH, type ContactFilter, type ContactSort } from "./filter";
import { CONTACT_FIELDS, EXPORT_COLUMNS, type ContactField, type ContactListField, type ContactListRow } from "./fields";

export const PAGE_SIZE = 50;

export type WhereOptions = {
  /** Only contacts a bulletin may be sent to: consent CONFIRMED and subscription SUBSCRIBED. */
  confirmedSubscribedOnly?: boolean;
  /** Table alias to qualify the columns with (for joins); trusted, never user input. */
  alias?: string;
};

function columnRef(alias: string | undefined) {
  if (alias !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw new Error(`Invalid alias ${alias}`);
  const prefix = alias ? `"${alias}".` : "";
  return (name: string) => Prisma.raw(`${prefix}"${name}"`);
}

/** The text the trigram index covers; a query must repeat it exactly for the index to be used. */
export function searchExpression(alias?: string): Prisma.Sql {
  const c = columnRef(alias);
  return Prisma.sql`search_text(coalesce(${c("givenName")}, '') || ' ' || coalesce(${c("familyName")}, '') || ' ' || ${c("email")})`;
}

function likePrefix(term: string): string {
  return `${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * How ?q= is matched. Each word of 3 or more characters must appear somewhere in the name or
 * e-mail (accent- and case-blind, through the trigram index); shorter words in a longer query must
 * also appear (checked on the rows the index found). A query with no word of 3 characters cannot
 * use trigrams: it matches e-mails that start with it (the unique e-mail index, collation "C").
 */
export type SearchPlan = { kind: "contains"; words: string[]; short: string[] } | { kind: "emailPrefix"; term: string } | null;

export function searchPlan(q: string | null | undefined): SearchPlan {
  const term = searchTerm(q);
  if (!term) return null;
  const words = [...new Set(term.split(/\s+/).filter(Boolean))];
  const long = words.filter((w) => w.length >= MIN_CONTAINS_LENGTH);
  if (long.length === 0) return { kind: "emailPrefix", term };
  return { kind: "contains", words: long, short: words.filter((w) => w.length < MIN_CONTAINS_LENGTH) };
}

/**
 * The WHERE fragment for a filter (no leading WHERE). Every value is a bound parameter. Use with
 * FROM "Contact" (or FROM "Contact" AS alias with `alias`).
 */
export function contactWhere(filter: Omit<ContactFilter, "sort"> & { sort?: ContactSort }, options: WhereOptions = {}): Prisma.Sql {
  const c = columnRef(options.alias);
  const parts: Prisma.Sql[] = [];
  const plan = searchPlan(filter.q);
  if (plan?.kind === "contains") {
    const expr = searchExpression(options.alias);
    for (const word of plan.words) parts.push(Prisma.sql`${expr} LIKE ${likeContains(word)}`);
    // strpos() keeps short words out of the index condition (they have no trigram to look up).
    for (const word of plan.short) parts.push(Prisma.sql`strpos(${expr}, ${word}) > 0`);
  } else if (plan?.kind === "emailPrefix") {
    parts.push(Prisma.sql`${c("email")} LIKE ${likePrefix(plan.term)}`);
  }
  if (filter.country) parts.push(Prisma.sql`${c("country")} = ${filter.country}`);
  if (filter.state) parts.push(Prisma.sql`${c("state")} = ${filter.state}`);
  if (filter.language) parts.push(Prisma.sql`${c("language")} = ${filter.language}`);
  if (filter.tag) parts.push(Prisma.sql`${c("tags")} @> ARRAY[${filter.tag}]::text[]`);
  if (filter.source) parts.push(Prisma.sql`${c("source")} = ${filter.source}::"ContactSource"`);
  if (options.confirmedSubscribedOnly) {
    parts.push(Prisma.sql`${c("consentStatus")} = 'CONFIRMED'::"ConsentStatus" AND ${c("subscriptionStatus")} = 'SUBSCRIBED'::"SubscriptionStatus"`);
  }
  if (filter.consent) parts.push(Prisma.sql`${c("consentStatus")} = ${filter.consent}::"ConsentStatus"`);
  if (filter.subscription) parts.push(Prisma.sql`${c("subscriptionStatus")} = ${filter.subscription}::"SubscriptionStatus"`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

// ── Sorting and keyset paging ────────────────────────────────────────────────────────────────

type KeyType = "timestamptz" | "int" | "bool" | "text";
type SortKey = { expr: Prisma.Sql; type: KeyType };
type SortSpec = { keys: SortKey[]; desc: boolean };

/**
 * Each sort is a tuple of non-null expressions ending with a unique key, so the order is total and a
 * row comparison (k1, k2, …, id) > (cursor) picks up exactly where the last page ended. Missing
 * names and countries sort last (the leading boolean). The expressions match the indexes.
 */
export const SORTS: Record<ContactSort, SortSpec> = {
  created: {
    desc: true,
    keys: [
      { expr: Prisma.sql`"createdAt"`, type: "timestamptz" },
      { expr: Prisma.sql`"id"`, type: "int" },
    ],
  },
  name: {
    desc: false,
    keys: [
      { expr: Prisma.sql`(coalesce("familyName", '') || coalesce("givenName", '') = '')`, type: "bool" },
      { expr: Prisma.sql`search_text(coalesce("familyName", '') || ' ' || coalesce("givenName", ''))`, type: "text" },
      { expr: Prisma.sql`"id"`, type: "int" },
    ],
  },
  // The e-mail is unique, so it is a total order on its own and its unique index serves it.
  email: {
    desc: false,
    keys: [{ expr: Prisma.sql`"email"`, type: "text" }],
  },
  country: {
    desc: false,
    keys: [
      { expr: Prisma.sql`("country" IS NULL)`, type: "bool" },
      { expr: Prisma.sql`coalesce("country", '')`, type: "text" },
      { expr: Prisma.sql`coalesce("state", '')`, type: "text" },
      { expr: Prisma.sql`"id"`, type: "int" },
    ],
  },
};

type CursorValue = string | number;

function cursorParam(value: CursorValue, type: KeyType): Prisma.Sql {
  switch (type) {
    case "timestamptz":
      return Prisma.sql`${String(value)}::timestamptz`;
    case "int":
      return Prisma.sql`${Number(value)}::int`;
    case "bool":
      return Prisma.sql`${Number(value) === 1}::boolean`;
    case "text":
      return Prisma.sql`${String(value)}::text`;
  }
}

function validCursorValue(value: CursorValue, type: KeyType): boolean {
  switch (type) {
    case "timestamptz":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value) && !Number.isNaN(Date.parse(value));
    case "int":
      return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= 2_147_483_647;
    case "bool":
      return value === 0 || value === 1;
    case "text":
      return typeof value === "string" && value.length <= 400;
  }
}

/** The cursor's values for a sort, or null when it is absent, forged or from another sort. */
export function parseCursor(cursor: string | null | undefined, sort: ContactSort): CursorValue[] | null {
  const spec = SORTS[sort];
  const values = decodeCursor(cursor, spec.keys.length);
  if (!values) return null;
  return values.every((v, i) => validCursorValue(v, spec.keys[i]!.type)) ? values : null;
}

function keyValue(raw: unknown, type: KeyType): CursorValue {
  if (type === "timestamptz") return (raw instanceof Date ? raw : new Date(String(raw))).toISOString();
  if (type === "bool") return raw === true || raw === 1 || raw === "t" ? 1 : 0;
  if (type === "int") return Number(raw);
  return String(raw);
}

function keysetCondition(spec: SortSpec, values: CursorValue[] | null): Prisma.Sql {
  if (!values) return Prisma.sql`TRUE`;
  const left = Prisma.join(spec.keys.map((k) => k.expr), ", ");
  const right = Prisma.join(spec.keys.map((k, i) => cursorParam(values[i]!, k.type)), ", ");
  return spec.desc ? Prisma.sql`(${left}) < (${right})` : Prisma.sql`(${left}) > (${right})`;
}

function orderBy(spec: SortSpec): Prisma.Sql {
  const dir = spec.desc ? " DESC" : " ASC";
  return Prisma.join(
    spec.keys.map((k) => Prisma.sql`${k.expr}${Prisma.raw(dir)}`),
    ", ",
  );
}

function keyColumns(spec: SortSpec): Prisma.Sql {
  return Prisma.join(
    spec.keys.map((k, i) => Prisma.sql`${k.expr} AS ${Prisma.raw(`"_k${i}"`)}`),
    ", ",
  );
}

/**
 * One page of rows in the filter's order, after `cursor` (the encoded key of the last row seen).
 * `columns` is a trusted select list over "Contact". Returns the rows and the next page's cursor.
 */
/** The SELECT list of some contact fields; codes (enums) are read as text, as the pages and CSV want them. */
export function contactColumnsSql(fields: readonly ContactField[]): Prisma.Sql {
  return Prisma.raw(fields.map((field) => (CONTACT_FIELDS[field].kind === "code" ? `"${field}"::text AS "${field}"` : `"${field}"`)).join(", "));
}

export async function selectPage<Row extends Record<string, unknown>>(
  where: Prisma.Sql,
  sort: ContactSort,
  cursor: CursorValue[] | null,
  limit: number,
  columns: Prisma.Sql,
): Promise<{ rows: Row[]; next: CursorValue[] | null }> {
  const spec = SORTS[sort];
  const found = await db.$queryRaw<Array<Row & Record<`_k${number}`, unknown>>>`
    SELECT ${columns}, ${keyColumns(spec)}
    FROM "Contact"
    WHERE (${where}) AND ${keysetCondition(spec, cursor)}
    ORDER BY ${orderBy(spec)}
    LIMIT ${limit + 1}`;
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  const next = found.length > limit && last ? spec.keys.map((k, i) => keyValue(last[`_k${i}`], k.type)) : null;
  const rows = page.map((row) => {
    const copy: Record<string, unknown> = { ...row };
    for (let i = 0; i < spec.keys.length; i++) delete copy[`_k${i}`];
    return copy as Row;
  });
  return { rows, next };
}

/**
 * Every row of a filter in its sort's order, in one statement (the CSV export's COPY). `columns` is
 * a trusted select list whose output names are none of Contact's columns (e.g. "_c0", "_c1"…): a
 * bare column name in ORDER BY means the output column of that name first.
 */
export function orderedSelectSql(where: Prisma.Sql, sort: ContactSort, columns: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT ${columns} FROM "Contact" WHERE (${where}) ORDER BY ${orderBy(SORTS[sort])}`;
}

// ── The list ───────────────────────────────────────────────────────────────────────────────────

/** The fields the list shows or sorts by (the table picks among them). */
const LIST_FIELDS = EXPORT_COLUMNS.filter((field): field is ContactListField => field !== "phone" && field !== "notes");

const LIST_COLUMNS = Prisma.sql`"id", ${contactColumnsSql(LIST_FIELDS)}`;

export type ContactList = { rows: ContactListRow[]; nextCursor: string | null; count: ListCount };

/**
 * How many rows of the sort index the "probe" walks looking for a page of matches. The creation
 * order follows the table's physical order (cheap to walk); the other orders jump around the
 * table, so their walk is kept short.
 */
/**
 * A text search counts exactly to 5,000, then estimates ("≈ 12,400"): every match of a trigram
 * search is rechecked on its row (~5 µs each), so counting to 10,000 set the slowest searches at
 * a million contacts (p95 103 ms). Nobody pages through 5,000 results of a search; they narrow it.
 */
export const SEARCH_COUNT_LIMIT = 5_000;

const PROBE_ROWS: Record<ContactSort, number> = { created: 10_000, name: 2_000, email: 2_000, country: 2_000 };

type KeyedId = { id: number } & Record<`_k${number}`, unknown>;

/** The columns each sort's key expressions are made of (see SORTS). */
const RAW_KEY_COLUMNS: Record<ContactSort, Prisma.Sql> = {
  created: Prisma.sql`"id", "createdAt"`,
  name: Prisma.sql`"id", "familyName", "givenName"`,
  email: Prisma.sql`"id", "email"`,
  country: Prisma.sql`"id", "country", "state"`,
};

const keyRef = (i: number) => Prisma.raw(`"_k${i}"`);

function orderByKeys(spec: SortSpec): Prisma.Sql {
  const dir = spec.desc ? " DESC" : " ASC";
  return Prisma.join(
    spec.keys.map((_, i) => Prisma.sql`${keyRef(i)}${Prisma.raw(dir)}`),
    ", ",
  );
}

/**
 * The list loader: a page of PAGE_SIZE rows after the cursor and the bounded count — exact up to
 * EXACT_COUNT_LIMIT (25,000; SEARCH_COUNT_LIMIT with ?q=), an estimate above (estimateCount: the
 * planner's selectivity times the live rows, statistics refreshed when they drift). Two queries
 * run side by side, so neither the count nor a misjudged plan decides the page's speed alone:
 *  - the capped scan finds at most limit+1 matches (the bounded count's own scan, planned for
 *    the filter: trigram, tag and btree indexes combined); when there are no more than `limit`,
 *    the page is taken from those same matches, so a selective search is read once;
 *  - the probe walks at most PROBE_ROWS rows of the sort's index from the cursor, keeping the
 *    matches: when matches are common (more than `limit`), it has the page after a few rows.
 * Only when there are many matches but few of them near the cursor is a third query run, planned
 * as usual.
 */
export async function listContacts(
  filter: ContactFilter,
  cursor?: string | null,
  /** pageSize, countLimit and probeRows default to PAGE_SIZE, EXACT_COUNT_LIMIT, PROBE_ROWS (tests lower them). */
  options: { pageSize?: number; countLimit?: number; probeRows?: number } = {},
): Promise<ContactList> {
  const spec = SORTS[filter.sort];
  const probeRows = options.probeRows ?? PROBE_ROWS[filter.sort];
  const where = contactWhere(filter);
  const after = parseCursor(cursor, filter.sort);
  const limit = options.countLimit ?? (filter.q ? SEARCH_COUNT_LIMIT : EXACT_COUNT_LIMIT);
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const take = pageSize + 1;

  const [capped, probe] = await Promise.all([
    // m keeps the raw columns the sort keys are made of: the keys (search_text() for "name") are
    // computed only when the page is taken from m.
    db.$queryRaw<Array<{ _total: number } & Partial<KeyedId>>>`
      WITH m AS MATERIALIZED (
        SELECT ${RAW_KEY_COLUMNS[filter.sort]} FROM "Contact" WHERE ${where} LIMIT ${limit + 1}
      ), t AS (SELECT count(*)::int AS "_total" FROM m)
      SELECT t."_total", p.* FROM t LEFT JOIN LATERAL (
        SELECT "id", ${keyColumns(spec)} FROM m
        WHERE t."_total" <= ${limit} AND ${keysetCondition(spec, after)}
        ORDER BY ${orderBy(spec)} LIMIT ${take}
      ) AS p ON TRUE`,
    db.$queryRaw<KeyedId[]>`
      SELECT "Contact"."id", ${Prisma.join(
        spec.keys.map((_, i) => keyRef(i)),
        ", ",
      )}
      FROM (
        SELECT "Contact".*, ${keyColumns(spec)} FROM "Contact"
        WHERE ${keysetCondition(spec, after)} ORDER BY ${orderBy(spec)} LIMIT ${probeRows}
      ) AS "Contact"
      WHERE ${where}
      ORDER BY ${orderByKeys(spec)} LIMIT ${take}`,
  ]);

  const total = capped[0]?._total ?? 0;
  let found: KeyedId[];
  let count: ListCount;
  if (total <= limit) {
    count = { value: total, exact: true };
    found = capped.filter((r): r is { _total: number } & KeyedId => typeof r.id === "number");
  } else {
    const [estimate, page] = await Promise.all([
      estimateCount("Contact", where),
      probe.length >= take ? Promise.resolve(probe) : denseFallback(spec, where, after, take, probe, probeRows),
    ]);
    count = { value: Math.max(estimate, limit + 1), exact: false };
    found = page;
  }

  const pageIds = found.slice(0, pageSize);
  const last = pageIds[pageIds.length - 1];
  const next = found.length > pageSize && last ? spec.keys.map((k, i) => keyValue(last[`_k${i}`], k.type)) : null;
  const rows = pageIds.length
    ? await db.$queryRaw<ContactListRow[]>`SELECT ${LIST_COLUMNS} FROM "Contact" WHERE "id" = ANY(${pageIds.map((r) => r.id)}::int[])`
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    rows: pageIds.map((r) => byId.get(r.id)).filter((r): r is ContactListRow => !!r),
    nextCursor: next ? encodeCursor(next) : null,
    count,
  };
}

/**
 * The probe found fewer than a page: either it walked to the end of the table (then it has the
 * whole answer) or the matches are not near the cursor in this order. Then the planner chooses (its
 * estimates for ?q= are good: see the statistics target in the list-indexes migration).
 */
async function denseFallback(spec: SortSpec, where: Prisma.Sql, after: CursorValue[] | null, take: number, probe: KeyedId[], probeRows: number): Promise<KeyedId[]> {
  const walked = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Contact" WHERE ${keysetCondition(spec, after)} ORDER BY ${orderBy(spec)} LIMIT ${probeRows}) AS w`;
  if ((walked[0]?.n ?? 0) < probeRows) return probe;
  return db.$queryRaw<KeyedId[]>`
    SELECT "id", ${keyColumns(spec)} FROM "Contact"
    WHERE (${where}) AND ${keysetCondition(spec, after)}
    ORDER BY ${orderBy(spec)} LIMIT ${take}`;
}

/** Exact up to `limit` (EXACT_COUNT_LIMIT by default), an estimate above (estimateCount). */
export function countContacts(filter: ContactFilter, options: Omit<WhereOptions, "alias"> & { limit?: number } = {}): Promise<ListCount> {
  return boundedCount(Prisma.sql`"Contact"`, contactWhere(filter, { confirmedSubscribedOnly: options.confirmedSubscribedOnly }), options.limit, { table: "Contact" });
}

/**
 * Keeps the planner's statistics on contacts current after a change of many rows at once (an
 * import, the seed): without them its estimates — and the list's «cerca de» — are off by half.
 */
export async function analyzeContacts(): Promise<void> {
  await analyzeTable("Contact");
}

// ── Values for the filter selects ──────────────────────────────────────────────────────────────

export type FilterOptions = {
  countries: string[];
  /** Distinct (country, state) pairs, for the state select (grouped by the chosen country). */
  states: Array<{ country: string; state: string }>;
  languages: string[];
  /** The most used tags, most used first (at most MAX_TAG_OPTIONS). */
  tags: string[];
};

const OPTIONS_TTL_MS = 60_000;
const MAX_TAG_OPTIONS = 500;

/**
 * Countries, states and languages come from "loose index scans" (one index probe per distinct
 * value, a recursive CTE) — cheap at any size. Tags have no such index: they need one pass over the
 * table, so the whole answer is cached for a minute and refreshed in the background (a page view
 * never waits for it except the very first one in a process).
 */
async function loadFilterOptions(): Promise<FilterOptions> {
  const [pairs, languages, tags] = await Promise.all([
    db.$queryRaw<Array<{ country: string; state: string | null }>>`
      WITH RECURSIVE pairs("country", "state") AS (
        (SELECT "country", "state" FROM "Contact" WHERE "country" IS NOT NULL ORDER BY "country", "state" LIMIT 1)
        UNION ALL
        SELECT next."country", next."state" FROM pairs CROSS JOIN LATERAL (
          (SELECT "country", "state" FROM "Contact"
            WHERE pairs."state" IS NOT NULL AND "country" = pairs."country" AND "state" > pairs."state"
            ORDER BY "country", "state" LIMIT 1)
          UNION ALL
          (SELECT "country", "state" FROM "Contact" WHERE "country" > pairs."country" ORDER BY "country", "state" LIMIT 1)
          LIMIT 1
        ) AS next
      )
      SELECT "country", "state" FROM pairs LIMIT 5000`,
    db.$queryRaw<Array<{ language: string }>>`
      WITH RECURSIVE langs AS (
        (SELECT "language" FROM "Contact" WHERE "language" IS NOT NULL ORDER BY "language" LIMIT 1)
        UNION ALL
        SELECT (SELECT "language" FROM "Contact" WHERE "language" > langs."language" ORDER BY "language" LIMIT 1)
        FROM langs WHERE langs."language" IS NOT NULL
      )
      SELECT "language" FROM langs WHERE "language" IS NOT NULL LIMIT 500`,
    popularTags(),
  ]);
  const countries = [...new Set(pairs.map((p) => p.country))];
  const states = pairs.filter((p): p is { country: string; state: string } => !!p.state);
  return { countries, states, languages: languages.map((l) => l.language), tags: tags.map((t) => t.tag).sort() };
}

/** Above this many contacts the tag choices come from the planner's statistics, not a count. */
const TAG_COUNT_MAX_CONTACTS = 100_000;

/**
 * The most used tags. Counting them reads every contact (no index can: ~1 s at a million); past
 * TAG_COUNT_MAX_CONTACTS they are the tags PostgreSQL's ANALYZE found most common in Contact.tags
 * (pg_stats.most_common_elems, kept fresh by autovacuum), most frequent first — choices for a
 * filter, not a figure. Without statistics yet (a table just filled), the count.
 */
async function popularTags(): Promise<Array<{ tag: string }>> {
  const [size] = await db.$queryRaw<Array<{ n: number }>>`SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = '"Contact"'::regclass`;
  if ((size?.n ?? 0) > TAG_COUNT_MAX_CONTACTS) {
    const common = await db.$queryRaw<Array<{ tag: string }>>`
      SELECT e.tag FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(tag, freq)
      WHERE s.schemaname = current_schema() AND s.tablename = 'Contact' AND s.attname = 'tags' AND e.tag IS NOT NULL
      ORDER BY e.freq DESC, e.tag LIMIT ${MAX_TAG_OPTIONS}`;
    if (common.length > 0) return common;
  }
  return db.$queryRaw<Array<{ tag: string }>>`
    SELECT tag FROM "Contact", unnest("tags") AS tag
    GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${MAX_TAG_OPTIONS}`;
}

const cache: { value?: FilterOptions; at: number; pending?: Promise<FilterOptions> } = { at: 0 };

function refreshOptions(): Promise<FilterOptions> {
  cache.pending ??= loadFilterOptions()
    .then((value) => {
      cache.value = value;
      cache.at = Date.now();
      return value;
    })
    .finally(() => {
      cache.pending = undefined;
    });
  return cache.pending;
}

export async function getFilterOptions(): Promise<FilterOptions> {
  if (!cache.value) return refreshOptions();
  if (Date.now() - cache.at > OPTIONS_TTL_MS) {
    refreshOptions().catch((error: unknown) => console.error("contacts: refreshing filter options failed", error));
  }
  return cache.value;
}

/** After a change that adds or removes values (bulk tag, import), the next view reloads them. */
export function invalidateFilterOptions(): void {
  cache.at = 0;
}
