import { Form, Link } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "~/lib/format";
import { COMMISSION_AGREEMENT_STATUSES } from "~/modules/meetings/fields";
import { INE_AREAS } from "~/modules/reports/parts";

export type SessionOption = { id: string; heldOn: string; subject: string };

/** A commission agreement: number, date, title, status, owner area, vote and the session it was adopted at. */
export function AgreementForm({
  values,
  errors,
  sessions,
  busy,
  submitLabel,
  cancelHref,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  sessions: SessionOption[];
  busy: boolean;
  submitLabel: string;
  cancelHref: string;
}) {
  const t = useT();
  const locale = useLocale();
  const select = (name: string, label: string, children: React.ReactNode, fallback = "") => (
    <div className="field">
      <label htmlFor={`agreement-${name}`}>{label}</label>
      <select
        id={`agreement-${name}`}
        name={name}
        defaultValue={values[name] ?? fallback}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `agreement-${name}-error` : undefined}
      >
        {children}
      </select>
      {errors[name] ? (
        <p className="field-error" id={`agreement-${name}-error`}>
          {t(errors[name])}
        </p>
      ) : null}
    </div>
  );
  return (
    <Form method="post" noValidate className="panel meeting-form">
      {Object.keys(errors).length ? (
        <p className="form-error" role="alert">
          {errors._form ? t(errors._form) : t("meetings.form.fix")}
        </p>
      ) : null}
      <div className="form-grid">
        <Field
          idPrefix="agreement"
          name="number"
          label={t("meetings.agreements.number")}
          hint={t("meetings.agreements.numberHint")}
          defaultValue={values.number}
          error={errors.number}
          required
          maxLength={60}
        />
        <Field idPrefix="agreement" name="adoptedOn" type="date" label={t("meetings.agreements.adoptedOn")} defaultValue={values.adoptedOn} error={errors.adoptedOn} required />
        <Field idPrefix="agreement" name="title" label={t("meetings.agreements.titleField")} defaultValue={values.title} error={errors.title} required wide multiline />
        {select(
          "status",
          t("meetings.agreements.status"),
          COMMISSION_AGREEMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`meetings.agreements.status.${s}`)}
            </option>
          )),
          "APPROVED",
        )}
        {select(
          "ownerArea",
          t("meetings.agreements.ownerArea"),
          <>
            <option value="">{t("meetings.agreements.noOwner")}</option>
            {INE_AREAS.map((a) => (
              <option key={a} value={a}>
                {t(`ineArea.${a}`)}
              </option>
            ))}
          </>,
        )}
        {select(
          "meetingId",
          t("meetings.agreements.session"),
          <>
            <option value="">{t("meetings.agreements.noSession")}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {formatDate(s.heldOn, locale)} — {s.subject}
              </option>
            ))}
          </>,
        )}
        <Field idPrefix="agreement" name="vote" label={t("meetings.agreements.vote")} hint={t("meetings.agreements.voteHint")} defaultValue={values.vote} error={errors.vote} wide multiline />
      </div>
      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        <Link to={cancelHref} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
