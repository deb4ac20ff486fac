import { Form } from "@remix-run/react";
import { CheckboxField, DateTimeField, FieldError, FormErrorSummary, StatusBadge, TextareaField } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { MailBadge } from "../ui";
import type { PanelProps, SubmissionView } from "./types";

type Correction = SubmissionView["corrections"][number];

/** Correction requests: each with its items, answer and documents; the form asking for one. */
export function CorrectionsPanel(props: PanelProps & { base: string; correctionDays: number; defaultDeadline: string; timeZone: string }) {
  const { s, busy, actionData, errorsFor, correctionDays, defaultDeadline, timeZone } = props;
  const t = useT();
  const openCorrection = s.corrections.find((c) => c.state === "OPEN");
  const errors = errorsFor("correction");
  return (
    <section className="panel" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t("contest.corrections.title")}</h2>
      {/* A request closed meanwhile has no form left to show the refusal in. */}
      <FieldError error={actionData?.intent === "cancelCorrection" ? (actionData.errors._form ?? actionData.errors.requestId) : undefined} />
      {s.corrections.length === 0 ? <p className="muted">{t("contest.corrections.none")}</p> : null}
      {s.corrections.map((c) => (
        <CorrectionItem key={c.id} c={c} {...props} />
      ))}
      {s.status === "IN_REVIEW" && !openCorrection ? (
        <Form method="post" className="ct-fieldset">
          <input type="hidden" name="intent" value="correction" />
          <h3>{t("contest.corrections.new")}</h3>
          <FormErrorSummary errors={errors} idPrefix="correction" />
          <fieldset className="ct-fieldset">
            <legend>{t("contest.corrections.items")}</legend>
            {s.review.map((r) => (
              <CheckboxField
                key={r.requirement.id}
                name="items"
                id={`correction-item-${r.requirement.id}`}
                value={r.requirement.id}
                defaultChecked={r.result === "NEEDS_CORRECTION" || r.result === "MISSING"}
                label={
                  <>
                    {r.requirement.name}
                    {r.note ? <span className="muted"> — {r.note}</span> : null}
                  </>
                }
              />
            ))}
            <FieldError error={errors.items} />
          </fieldset>
          <TextareaField name="message" idPrefix="correction" label={t("contest.corrections.message")} error={errors.message} />
          <DateTimeField name="deadline" idPrefix="correction" label={t("contest.corrections.deadline")} hint={t("contest.corrections.deadlineHint", { days: correctionDays, zone: timeZone })} defaultValue={defaultDeadline} error={errors.deadline} required />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("contest.corrections.send")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function CorrectionItem({ c, s, base, busy, actionData, errorsFor }: PanelProps & { c: Correction; base: string }) {
  const t = useT();
  const formatDate = useFormatDate();
  const documents = s.documents.filter((d) => d.correctionRequestId === c.id);
  const cancelling = actionData?.intent === "cancelCorrection" && actionData.values?.requestId === c.id;
  return (
    <article className={`ct-correction${c.overdue ? " ct-correction--overdue" : ""}`} aria-label={t("contest.corrections.request", { date: formatDate(c.createdAt) })}>
      <p className="ct-header__meta">
        <strong>{t(`contest.correctionState.${c.state}`)}</strong>
        <span>
          {t("contest.corrections.deadline")}: {formatDate(c.deadline)}
        </span>
        {c.overdue ? <StatusBadge tone="danger" label={t("contest.corrections.overdue")} /> : null}
        <MailBadge status={c.mailStatus} />
        {c.sentTo ? <span className="muted ct-wrap">{c.sentTo}</span> : null}
      </p>
      <ul className="ct-items">
        {c.items.map((item) => (
          <li key={item.requirementId}>
            <strong>{item.name}</strong>
            {item.note ? `: ${item.note}` : ""}
          </li>
        ))}
      </ul>
      {c.message ? <p className="ct-prewrap">{c.message}</p> : null}
      {c.answeredAt ? (
        <p>
          {t("contest.corrections.answeredAt", { date: formatDate(c.answeredAt) })}
          {c.answerNote ? ` — ${c.answerNote}` : ""}
        </p>
      ) : null}
      {documents.length ? (
        <ul>
          {documents.map((d) => (
            <li key={d.id}>
              <a href={`${base}/documents/${d.id}`}>{d.fileName}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {c.state === "OPEN" ? (
        <>
          <Form method="post" encType="multipart/form-data" className="ct-inline">
            <input type="hidden" name="intent" value="answer" />
            <input type="hidden" name="requestId" value={c.id} />
            <FileField id={`answer-files-${c.id}`} label={t("contest.corrections.answerFiles")} error={errorsFor("answer").files} params={actionData?.params} />
            <TextareaField name="note" idPrefix={`answer-${c.id}`} rows={1} label={t("contest.corrections.answerNote")} error={errorsFor("answer").note} />
            <button type="submit" className="button" disabled={busy}>
              {t("contest.corrections.recordAnswer")}
            </button>
          </Form>
          <details open={cancelling}>
            <summary>{t("contest.corrections.cancel")}</summary>
            <Form method="post" className="ct-inline">
              <input type="hidden" name="intent" value="cancelCorrection" />
              <input type="hidden" name="requestId" value={c.id} />
              <p>{t(s.status === "CORRECTIONS_REQUESTED" ? "contest.corrections.cancelConsequence" : "contest.corrections.cancelConsequenceNoMove")}</p>
              <TextareaField name="reason" idPrefix={`cancel-${c.id}`} label={t("contest.corrections.cancelReason")} defaultValue={cancelling ? actionData.values?.reason : undefined} error={cancelling ? actionData.errors.reason : undefined} required />
              <button type="submit" className="button button--danger" disabled={busy}>
                {t("contest.corrections.cancelConfirm")}
              </button>
            </Form>
          </details>
        </>
      ) : null}
    </article>
  );
}

/** Several PDF or image files (the kit's Field, typed for files). */
export function FileField({ id, label, hint, error, params }: { id: string; label: string; hint?: string; error?: string; params?: Record<string, string | number> }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <p className="hint">{hint}</p> : null}
      <input id={id} name="files" type="file" multiple accept="application/pdf,image/png,image/jpeg" />
      <FieldError error={error} params={params} />
    </div>
  );
}
