/**
 * The long tables of a figures page (issue 20): the page shows the first rows of a table in the
 * module's order (largest first, or the page's own order) and a link to all of them, so that a
 * month of a national programme does not send 500 rows to every visitor. The module computes every
 * row and every total once; the loader only cuts what it sends. Totals are never recomputed from
 * the cut rows.
 */

/** How many rows a long table shows until «Ver las N filas» is followed. */
export const TABLE_HEAD_ROWS = 25;

export type TableSlice<T> = { rows: T[]; count: number };

/** The first `limit` rows (all of them when `all`), and how many there are. */
export function sliceRows<T>(rows: readonly T[], all: boolean, limit = TABLE_HEAD_ROWS): TableSlice<T> {
  return { rows: all ? [...rows] : rows.slice(0, limit), count: rows.length };
}

/** The tables ?all= names (repeatable, or comma-separated): `?all=byMaterial&all=byDestination`. */
export function tablesShownInFull(searchParams: URLSearchParams): Set<string> {
  return new Set(searchParams.getAll("all").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean));
}

/** The page's URL with `table` added to (or, with `show = false`, removed from) ?all=, the anchor on the table. */
export function fullTableHref(search: string, table: string, show: boolean): string {
  const params = new URLSearchParams(search);
  const full = tablesShownInFull(params);
  if (show) full.add(table);
  else full.delete(table);
  params.delete("all");
  for (const name of full) params.append("all", name);
  const query = params.toString();
  return `?${query}#${table}`;
}
