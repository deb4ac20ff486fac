import { Form } from "@remix-run/react";
import { SelectField } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { FileField } from "./corrections-panel";
import type { PanelProps } from "./types";

/** The project's documents and the form adding more (optionally for one requirement). */
export function DocumentsPanel({ s, busy, actionData, errorsFor, base, maxMb }: PanelProps & { base: string; maxMb: number }) {
  const t = useT();
  const formatDate = useFormatDate();
  const docName = (requirementId: string | null) => s.review.find((r) => r.requirement.id === requirementId)?.requirement.name;
  return (
    <section className="panel" aria-labelledby="documents-title">
      <h2 id="documents-title">{t("contest.submission.documents")}</h2>
      {s.documents.length === 0 ? (
        <p className="muted">{t("contest.documents.none")}</p>
      ) : (
        <ul className="ct-wrap">
          {s.documents.map((d) => (
            <li key={d.id}>
              <a href={`${base}/documents/${d.id}`}>{d.fileName}</a>{" "}
              <span className="muted">
                ({Math.ceil(d.size / 1024)} KB · {formatDate(d.uploadedAt)}
                {d.requirementId ? ` · ${docName(d.requirementId) ?? ""}` : ""})
              </span>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" encType="multipart/form-data" className="ct-inline">
        <input type="hidden" name="intent" value="upload" />
        <FileField id="upload-files" label={t("contest.documents.file")} hint={t("contest.documents.hint", { max: maxMb })} error={errorsFor("upload").files} params={actionData?.params} />
        <SelectField name="requirementId" id="upload-requirement" label={t("contest.documents.forRequirement")} placeholder={t("common.none")} options={s.review.map((r) => ({ value: r.requirement.id, label: r.requirement.name }))} />
        <button type="submit" className="button" disabled={busy}>
          {t("contest.documents.upload")}
        </button>
      </Form>
    </section>
  );
}
