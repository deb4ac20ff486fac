/**
 * A list as a table from column definitions. Sticky header; numbers right-aligned (`align: "end"`);
 * headers that sort are links (`sort: "name"` → `?sort=name`, the filters kept, the cursor dropped);
 * optional row checkboxes bound to a form elsewhere on the page (`selection.form` = that form's id);
 * an empty state; an optional totals row. Under 640 px every row is a card and every cell carries
 * its header as a label, so nothing scrolls sideways at 390 px.
 *
 *   const columns: Column<Row>[] = [
 *     { key: "name", header: t("materials.fields.name"), primary: true, sort: "name",
 *       cell: (m) => <Link to={`/materials/${m.id}`}>{m.name}</Link> },
 *     { key: "stock", header: t("materials.list.inWarehouses"), align: "end", cell: (m) => format(m.stock) },
 *   ];
 *   <DataTable label={t("materials.list.title")} columns={columns} rows={rows} rowKey={(m) => m.id}
 *     empty={{ message: t("materials.list.empty") }} />
 *
 * Every cell gets `data-col={key}`; `rowAttrs` adds attributes to a row (e.g. `data-material`).
 */
import { Link, useLocation } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { useT } from "~/i18n/use-t";
import { EmptyState } from "./card";
import { withParams } from "./url";

export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** "end" for numbers and money. */
  align?: "start" | "end";
  /** The value of the sort parameter that orders by this column (only where an index exists). */
  sort?: string;
  className?: string | ((row: Row) => string | undefined);
  /** The row's title in the card layout (no label, shown first, bold). One per table. */
  primary?: boolean;
  /** A plain-text header for the card label when `header` is not text. */
  label?: string;
};

export type RowSelection<Row> = {
  /** id of the <form> the checkboxes post with (attribute `form`). */
  form: string;
  name: string;
  value: (row: Row) => string;
  /** Accessible name of one row's checkbox («Seleccionar Ana López»). */
  label: (row: Row) => string;
  checked?: (row: Row) => boolean;
};

type Props<Row> = {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The table's caption (read by screen readers; visible with `showCaption`). */
  label: string;
  showCaption?: boolean;
  empty?: { message?: ReactNode; action?: ReactNode };
  selection?: RowSelection<Row>;
  /** Current sort value and its parameter (default "sort"). */
  sort?: { current?: string | null; param?: string; descending?: boolean };
  /** Cells of a totals row, by column key. */
  totals?: Partial<Record<string, ReactNode>>;
  rowAttrs?: (row: Row) => Record<string, string | undefined>;
  className?: string;
};

function labelOf<Row>(col: Column<Row>): string | undefined {
  return col.label ?? (typeof col.header === "string" ? col.header : undefined);
}

function cellClass<Row>(col: Column<Row>, row?: Row): string | undefined {
  const own = typeof col.className === "function" ? (row === undefined ? undefined : col.className(row)) : col.className;
  return [col.align === "end" ? "num" : "", col.primary ? "ui-table__primary" : "", own ?? ""].filter(Boolean).join(" ") || undefined;
}

export function DataTable<Row>({ columns, rows, rowKey, label, showCaption, empty, selection, sort, totals, rowAttrs, className }: Props<Row>) {
  const t = useT();
  const location = useLocation();
  // Select-all needs JavaScript; without it the header box would do nothing, so it appears after hydration.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (rows.length === 0) return <EmptyState message={empty?.message} action={empty?.action} />;
  const sortParam = sort?.param ?? "sort";
  const toggleAll = (checked: boolean) => {
    if (!selection) return;
    document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${selection.form}"][name="${selection.name}"]`).forEach((box) => (box.checked = checked));
  };
  return (
    <div className={["ui-table-wrap", className ?? ""].filter(Boolean).join(" ")}>
      <table className="ui-table">
        <caption className={showCaption ? "ui-table__caption" : "sr-only"}>{label}</caption>
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className="ui-table__select">
                {hydrated ? <input type="checkbox" aria-label={t("ui.table.selectAll")} onChange={(e) => toggleAll(e.currentTarget.checked)} /> : <span className="sr-only">{t("ui.table.select")}</span>}
              </th>
            ) : null}
            {columns.map((col) => {
              const active = !!col.sort && sort?.current === col.sort;
              return (
                <th key={col.key} scope="col" className={cellClass(col)} aria-sort={active ? (sort?.descending ? "descending" : "ascending") : undefined}>
                  {col.sort ? (
                    <Link to={withParams(location.search, { [sortParam]: col.sort, cursor: undefined })} className={active ? "ui-table__sort ui-table__sort--active" : "ui-table__sort"}>
                      {col.header}
                    </Link>
                  ) : (
                    col.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowAttrs?.(row)}>
              {selection ? (
                <td className="ui-table__select">
                  <input type="checkbox" form={selection.form} name={selection.name} value={selection.value(row)} defaultChecked={selection.checked?.(row)} aria-label={selection.label(row)} />
                </td>
              ) : null}
              {columns.map((col) => (
                <td key={col.key} className={cellClass(col, row)} data-col={col.key} data-label={col.primary ? undefined : labelOf(col)}>
                  <CellValue>{col.cell(row)}</CellValue>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {totals ? (
          <tfoot>
            <tr className="ui-table__totals">
              {selection ? <td /> : null}
              {columns.map((col) => (
                <td key={col.key} className={cellClass(col)} data-col={col.key} data-label={totals[col.key] !== undefined && !col.primary ? labelOf(col) : undefined}>
                  {totals[col.key] ?? null}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/**
 * A cell's content in one box: on phones the cell is a two-column grid (label | value), and a cell
 * of several elements (a link and a badge) would otherwise spread them over the grid's tracks.
 * Nothing at all for an empty value, so `td:empty` still hides the row's empty cells there.
 */
function CellValue({ children }: { children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === "") return null;
  return <div className="ui-table__value">{children}</div>;
}
