/** A section's annex files (PDF, XLSX): download, delete (two steps, see the page's confirm), upload. */
import { Form } from "@remix-run/react";
import { Field } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatInteger } from "~/lib/format";
import type { StoredAttachment } from "~/modules/reports/index.server";
import { IntentButton } from "../intent-button";
import { errorsFor, type PanelProps } from "./types";

export function AttachmentsPanel({ attachments, fileHref, uploadMb, base, canEdit, busy, failed }: PanelProps & { attachments: readonly StoredAttachment[]; fileHref: (id: string) => string; uploadMb: number }) {
  const t = useT();
  const locale = useLocale();
  const errors = errorsFor(failed, "attach");
  return (
    <section className="panel" id="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t("reports.attachments.title")}</h2>
      {attachments.length === 0 ? <p className="muted">{t("reports.attachments.none")}</p> : null}
      <ul className="report-extras__files">
        {attachments.map((a) => (
          <li key={a.id}>
            <a href={fileHref(a.id)}>{a.title}</a>{" "}
            <span className="muted">
              ({a.fileName}, {formatInteger(Math.ceil(a.size / 1024), locale)} KB)
            </span>
            {canEdit ? (
              <IntentButton action={`${base}#attachments`} className="inline-form" intent="detach" fields={{ attachmentId: a.id }} label={t("reports.attachments.delete")} danger busy={busy} />
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <Form method="post" action={`${base}#attachments`} encType="multipart/form-data" noValidate>
          <input type="hidden" name="intent" value="attach" />
          <Field name="title" idPrefix="attachment" label={t("reports.attachments.fileTitle")} defaultValue={failed?.intent === "attach" ? failed.values.title : ""} maxLength={200} />
          <Field name="file" idPrefix="attachment" type="file" label={t("reports.attachments.file", { mb: uploadMb })} accept=".pdf,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" error={errors.file} errorParams={failed?.params} />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("reports.attachments.upload")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
