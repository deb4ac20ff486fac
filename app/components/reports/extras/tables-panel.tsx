/** A written section's tables: the stored ones, then (for editors) the form that adds one. */
import { useT } from "~/i18n/use-t";
import type { PageTable, TABLE_LIMITS } from "~/modules/reports/index.server";
import { NewTable } from "./new-table";
import { TableCard } from "./table-card";
import type { PanelProps } from "./types";

export function TablesPanel({ tables, limits, csvHref, ...panel }: PanelProps & { tables: readonly PageTable[]; limits: typeof TABLE_LIMITS & { uploadMb: number }; csvHref: (id: string) => string }) {
  const t = useT();
  return (
    <section className="panel" id="tables" aria-labelledby="tables-title">
      <h2 id="tables-title">{t("reports.tables.title")}</h2>
      {tables.length === 0 ? <p className="muted">{t("reports.tables.none")}</p> : null}
      {tables.map((table, index) => (
        <TableCard key={table.id} {...panel} table={table} csvHref={csvHref(table.id)} first={index === 0} last={index === tables.length - 1} titleChars={limits.titleChars} />
      ))}
      {panel.canEdit ? <NewTable {...panel} limits={limits} /> : null}
    </section>
  );
}
