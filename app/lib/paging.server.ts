import { db, Prisma } from "./db.server";

/**
 * Conventions for every list that can grow: pages by key (a cursor of the last row's sort
 * values), never by offset; an exact count up to EXACT_COUNT_LIMIT, an estimate above.
 *
 * EXACT_COUNT_LIMIT is where counting stops being cheap. The capped scan costs ~0.3–0.8 µs per
 * matching row through a btree or a sequential scan (22,500 demo contacts: 8–13 ms for any filter),
 * but ~2 µs through the tags GIN index at a million contacts: 50,000 took a tag-filtered list to
 * ~100 ms there, 25,000 keeps every filter-only list under ~20–50 ms (bench/contacts.ts, decision
 * 008). At the demo's size every count, filtered or not, is exact: nobody sees «cerca de».
 */
export const EXACT_COUNT_LIMIT = 25_000;

export type ListCount = { value: number; exact: boolean };

/** Opaque cursor: the sort key of the last row shown, as base64url JSON. */
export function encodeCursor(values: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined, arity: number): Array<string | number> | null {
  if (!cursor || cursor.length > 500) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== arity) return null;
    if (!parsed.every((v) => typeof v === "string" || typeof v === "number")) return null;
    return parsed as Array<string | number>;
  } catch {
    return null;
  }
}

/**
 * Counts rows matching `from` + `where` exactly while there are at most EXACT_COUNT_LIMIT of them
 * (the inner LIMIT stops the scan early), otherwise asks the planner for its estimate.
 * `from` and `where` are trusted SQL fragments built with Prisma.sql. `limit` (EXACT_COUNT_LIMIT by
 * default) is a parameter so tests can cross it with a few rows.
 */
export async function boundedCount(from: Prisma.Sql, where: Prisma.Sql = Prisma.sql`TRUE`, limit = EXACT_COUNT_LIMIT, options: { table?: string } = {}): Promise<ListCount> {
  const rows = await db.$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*)::bigint AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${limit + 1}) AS capped`;
  const exact = Number(rows[0]?.n ?? 0);
  if (exact <= limit) return { value: exact, exact: true };
  const value = options.table ? await estimateCount(options.table, where) : await estimateRows(Prisma.sql`SELECT 1 FROM ${from} WHERE ${where}`);
  return { value: Math.max(value, limit + 1), exact: false };
}

// ── Estimates and fresh statistics ─────────────────────────────────────────────────────────────

type TableStats = { reltuples: number; liveRows: number | null };

function tableIdent(table: string): Prisma.Sql {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) throw new Error(`Invalid table ${table}`);
  return Prisma.raw(`"${table}"`);
}

/** pg_class.reltuples (-1 = never analysed) and the statistics system's live-row count. */
async function tableStats(table: string): Promise<TableStats> {
  const rows = await db.$queryRaw<Array<{ reltuples: number; live: bigint | null }>>`
    SELECT c.reltuples::float8 AS reltuples, s.n_live_tup AS live
    FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
    WHERE c.oid = ${`"${table}"`}::regclass`;
  const row = rows[0];
  return { reltuples: row?.reltuples ?? -1, liveRows: row?.live === null || row?.live === undefined ? null : Number(row.live) };
}

/**
 * Whether the planner's idea of the table's size has drifted from the live-row count: never
 * analysed (reltuples -1 — the planner then guesses from the page count, «cerca de 11,764» for
 * 22,500 rows), or off by more than a fifth (and by more than 1,000 rows, so small tables that
 * autovacuum handles anyway do not trigger it).
 */
export function statsDrifted(stats: TableStats): boolean {
  if (stats.reltuples < 0) return true;
  if (stats.liveRows === null) return false;
  const gap = Math.abs(stats.reltuples - stats.liveRows);
  return gap > 1_000 && gap > 0.2 * Math.max(stats.liveRows, 1);
}

/** ANALYZE a table (its owner or a superuser may; otherwise it is logged and the estimate stays). */
export async function analyzeTable(table: string): Promise<boolean> {
  try {
    await db.$executeRaw`ANALYZE ${tableIdent(table)}`;
    return true;
  } catch (error) {
    console.warn(`paging: ANALYZE ${table} failed`, error);
    return false;
  }
}

const analyzing = new Map<string, Promise<boolean>>();

/**
 * The cheap check (two catalogue rows) and, when the statistics drifted, one ANALYZE at a time
 * per table and process. Returns whether it analysed.
 */
export function refreshStatsIfDrifted(table: string): Promise<boolean> {
  const running = analyzing.get(table);
  if (running) return running;
  const job = tableStats(table)
    .then((stats) => (statsDrifted(stats) ? analyzeTable(table) : false))
    .finally(() => analyzing.delete(table));
  analyzing.set(table, job);
  return job;
}

/**
 * An estimate of how many rows of `table` match `where`: the planner's selectivity (its rows for the
 * filter over its rows for the whole table) times the live-row count, which the statistics system
 * keeps current between ANALYZEs. A drifted table is re-analysed in the background, for the next
 * plans (this answer is already right in scale); a never-analysed one first.
 */
export async function estimateCount(table: string, where: Prisma.Sql): Promise<number> {
  const from = tableIdent(table);
  let stats = await tableStats(table);
  // Never analysed: the planner has no column statistics either, so its selectivity is a default
  // guess too. Analyse first (once in the table's life, and bounded by ANALYZE's sample).
  if (stats.reltuples < 0 && (await refreshStatsIfDrifted(table))) stats = await tableStats(table);
  else if (statsDrifted(stats)) refreshStatsIfDrifted(table).catch((error: unknown) => console.warn("paging: refreshing statistics failed", error));
  const [filtered, whole] = await Promise.all([estimateRows(Prisma.sql`SELECT 1 FROM ${from} WHERE ${where}`), estimateRows(Prisma.sql`SELECT 1 FROM ${from}`)]);
  if (stats.liveRows === null || whole <= 0) return filtered;
  return Math.round(Math.min(1, filtered / whole) * stats.liveRows);
}

export async function estimateRows(query: Prisma.Sql): Promise<number> {
  const rows = await db.$queryRaw<Array<{ "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> }>>`EXPLAIN (FORMAT JSON) ${query}`;
  return Math.round(rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
}

/** The accent- and case-blind form used by every ?q= search (matches search_text() in SQL). */
export function searchTerm(q: string | null | undefined): string | null {
  const term = q?.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
  return term ? term.slice(0, 200) : null;
}

/** A LIKE pattern with the user's % and _ taken literally. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
