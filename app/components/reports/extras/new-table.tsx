/**
 * Adding a table in two posts: paste or upload → a preview of the typed columns → save with a title.
 * Both steps work without JavaScript (the preview carries the cells back as a hidden field).
 */
import { Form } from "@remix-run/react";
import { Field, FieldError, SelectField, TextareaField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { TABLE_LIMITS } from "~/modules/reports";
import { SampleTable } from "./sample-table";
import { errorsFor, type PanelProps } from "./types";

type Limits = typeof TABLE_LIMITS & { uploadMb: number };

export function NewTable({ limits, base, busy, failed }: Omit<PanelProps, "canEdit"> & { limits: Limits }) {
  const t = useT();
  const mine = failed && (failed.intent === "preview" || failed.intent === "createTable") ? failed : undefined;
  const preview = mine?.preview;
  const values = mine?.values ?? {};
  const params = failed?.params ?? {};
  return (
    <>
      <h3 id="new-table">{t("reports.tables.new")}</h3>
      <p className="muted">{t("reports.tables.limits", { rows: limits.rows, columns: limits.columns, cells: limits.cells, chars: limits.cellChars, mb: limits.uploadMb })}</p>
      <Form method="post" action={`${base}#new-table`} encType="multipart/form-data" noValidate>
        <input type="hidden" name="intent" value="preview" />
        <Field name="title" idPrefix="new-table" label={t("reports.tables.tableTitle")} defaultValue={values.title ?? ""} maxLength={limits.titleChars} />
        <TextareaField name="text" idPrefix="new-table" rows={8} label={t("reports.tables.paste")} hint={t("reports.tables.pasteHint")} defaultValue={values.text ?? ""} maxLength={limits.pasteChars} />
        <Field name="file" idPrefix="new-table" type="file" label={t("reports.tables.file")} accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        <SelectField
          name="header"
          idPrefix="new-table"
          label={t("reports.tables.header")}
          defaultValue={values.header ?? "auto"}
          options={[
            { value: "auto", label: t("reports.tables.headerAuto") },
            { value: "yes", label: t("reports.tables.headerYes") },
            { value: "no", label: t("reports.tables.headerNo") },
          ]}
        />
        <FieldError error={errorsFor(failed, "preview").source} params={params} />
        <button type="submit" className="button" disabled={busy}>
          {t("reports.tables.preview")}
        </button>
      </Form>
      <FieldError error={errorsFor(failed, "createTable").source} params={params} />
      {preview ? (
        <div className="report-extras__preview" id="table-preview">
          <h4>{t("reports.tables.previewTitle", { rows: preview.rowCount, columns: preview.columns.length })}</h4>
          <p className="muted">{t(preview.header ? "reports.tables.previewHeader" : "reports.tables.previewNoHeader")}</p>
          <SampleTable caption={t("reports.tables.previewCaption")} columns={preview.columns} rows={preview.sample} />
          <Form method="post" action={`${base}#tables`} encType="multipart/form-data" noValidate>
            <input type="hidden" name="intent" value="createTable" />
            <input type="hidden" name="raw" value={preview.raw} />
            <input type="hidden" name="header" value={preview.header ? "yes" : "no"} />
            <input type="hidden" name="source" value={preview.source} />
            <input type="hidden" name="fileName" value={preview.fileName ?? ""} />
            <Field name="title" idPrefix="save-table" label={t("reports.tables.tableTitle")} defaultValue={values.title ?? ""} maxLength={limits.titleChars} error={errorsFor(failed, "createTable").title} required />
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("reports.tables.save")}
            </button>
          </Form>
        </div>
      ) : null}
    </>
  );
}
