import { Link, useLocation } from "@remix-run/react";
import { fullTableHref } from "~/lib/table-slice";

/**
 * Under a table the loader cut (app/lib/table-slice.ts): «Ver las N filas» when only the first rows
 * are shown, «Ver solo las primeras» once the table is shown in full; nothing when it is short.
 * The labels come from the route's messages (each page says it in its own words).
 */
export function TableMore({ table, shown, count, limit, showAll, showFirst }: { table: string; shown: number; count: number; limit: number; showAll: string; showFirst: string }) {
  const { search } = useLocation();
  if (count <= limit) return null;
  const full = shown >= count;
  return (
    <p className="ui-table-more" data-table-more={table} data-shown={shown} data-count={count}>
      <Link to={fullTableHref(search, table, !full)} preventScrollReset>
        {full ? showFirst : showAll}
      </Link>
    </p>
  );
}
