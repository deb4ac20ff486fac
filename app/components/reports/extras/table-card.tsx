/** One stored table of a section: its sample rows, the CSV, and (for editors) move, rename, delete. */
import { Form } from "@remix-run/react";
import { Field, Toolbar } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { PageTable } from "~/modules/reports/index.server";
import { IntentButton } from "../intent-button";
import { SampleTable } from "./sample-table";
import type { PanelProps } from "./types";

const SOURCE_LABEL = { PASTE: "reports.tables.source.PASTE", CSV: "reports.tables.source.CSV", XLSX: "reports.tables.source.XLSX" } as const;

export function TableCard({ table, csvHref, first, last, titleChars, base, canEdit, busy, failed }: PanelProps & { table: PageTable; csvHref: string; first: boolean; last: boolean; titleChars: number }) {
  const t = useT();
  const renameError = failed?.intent === "renameTable" && failed.values.tableId === table.id ? failed.errors.title : undefined;
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="tableId" value={table.id} />
    </>
  );
  return (
    <article className="report-extras__table">
      <h3>{table.title}</h3>
      <p className="muted">
        {t("reports.tables.size", { rows: table.rowCount, columns: table.columns.length })} · {t(SOURCE_LABEL[table.source] ?? table.source)}
        {table.sourceFileName ? ` (${table.sourceFileName})` : ""}
      </p>
      <SampleTable caption={table.title} columns={table.columns} rows={table.sample} />
      {table.rowCount > table.sample.length ? <p className="muted">{t("reports.tables.more", { count: table.rowCount - table.sample.length })}</p> : null}
      <Toolbar className="report-extras__actions">
        <a className="button" href={csvHref}>
          {t("reports.tables.csv")}
        </a>
        {canEdit ? (
          <>
            <Form method="post" action={`${base}#tables`}>
              {hidden("moveTable")}
              <button type="submit" name="direction" value="up" className="button" disabled={busy || first} aria-label={t("reports.tables.moveUpNamed", { title: table.title })}>
                ↑ {t("reports.tables.moveUp")}
              </button>
              <button type="submit" name="direction" value="down" className="button" disabled={busy || last} aria-label={t("reports.tables.moveDownNamed", { title: table.title })}>
                ↓ {t("reports.tables.moveDown")}
              </button>
            </Form>
            <IntentButton action={`${base}#tables`} intent="deleteTable" fields={{ tableId: table.id }} label={t("reports.tables.delete")} danger busy={busy} />
          </>
        ) : null}
      </Toolbar>
      {canEdit ? (
        <details className="report-extras__rename" open={renameError ? true : undefined}>
          <summary>{t("reports.tables.rename")}</summary>
          <Form method="post" action={`${base}#tables`} noValidate>
            {hidden("renameTable")}
            <Field name="title" idPrefix={`rename-${table.id}`} label={t("reports.tables.tableTitle")} defaultValue={table.title} maxLength={titleChars} error={renameError} />
            <button type="submit" className="button" disabled={busy}>
              {t("reports.tables.saveTitle")}
            </button>
          </Form>
        </details>
      ) : null}
    </article>
  );
}
