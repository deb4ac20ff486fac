import { Form } from "@remix-run/react";
import { FormButtons } from "~/components/partners/form-buttons";
import { Field, FormErrorSummary, SelectField, TextareaField } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "~/lib/format";
import { COMMISSION_AGREEMENT_STATUSES } from "~/modules/meetings";
import { INE_AREAS } from "~/modules/reports";

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
  const p = { idPrefix: "agreement" };
  return (
    <Form method="post" noValidate className="panel meeting-form">
      <FormErrorSummary errors={errors} idPrefix="agreement" />
      <div className="form-grid">
        <Field {...p} name="number" label={t("meetings.agreements.number")} hint={t("meetings.agreements.numberHint")} defaultValue={values.number} error={errors.number} required maxLength={60} />
        <Field {...p} name="adoptedOn" type="date" label={t("meetings.agreements.adoptedOn")} defaultValue={values.adoptedOn} error={errors.adoptedOn} required />
        <TextareaField {...p} name="title" label={t("meetings.agreements.titleField")} defaultValue={values.title} error={errors.title} required wide />
        <SelectField
          {...p}
          name="status"
          label={t("meetings.agreements.status")}
          defaultValue={values.status ?? "APPROVED"}
          error={errors.status}
          options={COMMISSION_AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`meetings.agreements.status.${s}`) }))}
        />
        <SelectField
          {...p}
          name="ownerArea"
          label={t("meetings.agreements.ownerArea")}
          defaultValue={values.ownerArea}
          error={errors.ownerArea}
          placeholder={t("meetings.agreements.noOwner")}
          options={INE_AREAS.map((a) => ({ value: a, label: t(`ineArea.${a}`) }))}
        />
        <SelectField
          {...p}
          name="meetingId"
          label={t("meetings.agreements.session")}
          defaultValue={values.meetingId}
          error={errors.meetingId}
          placeholder={t("meetings.agreements.noSession")}
          options={sessions.map((s) => ({ value: s.id, label: `${formatDate(s.heldOn, locale)} — ${s.subject}` }))}
        />
        <TextareaField {...p} name="vote" label={t("meetings.agreements.vote")} hint={t("meetings.agreements.voteHint")} defaultValue={values.vote} error={errors.vote} wide />
      </div>
      <FormButtons submitLabel={submitLabel} cancelTo={cancelHref} busy={busy} intent="save" />
    </Form>
  );
}
