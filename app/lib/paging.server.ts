import { db, Prisma } from "./db.server";

/**
 * Conventions for every list that can grow: pages by key (a cursor of the last row's sort
 * values), never by offset; an exact count up to EXACT_COUNT_LIMIT, the planner's estimate above.
 */
export const EXACT_COUNT_LIMIT = 10_000;

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
export async function boundedCount(from: Prisma.Sql, where: Prisma.Sql = Prisma.sql`TRUE`, limit = EXACT_COUNT_LIMIT): Promise<ListCount> {
  const rows = await db.$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*)::bigint AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${limit + 1}) AS capped`;
  const exact = Number(rows[0]?.n ?? 0);
  if (exact <= limit) return { value: exact, exact: true };
  return { value: await estimateRows(Prisma.sql`SELECT 1 FROM ${from} WHERE ${where}`), exact: false };
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
