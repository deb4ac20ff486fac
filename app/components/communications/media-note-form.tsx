import { Form } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { useT } from "~/i18n/use-t";
import { MEDIA_MEDIUMS, MEDIA_TONES, MEDIA_TYPES } from "~/modules/communications/shapes";

export type MediaNoteValues = { publishedOn: string; outlet: string; medium: string; type: string; tone: string; title: string; link: string };

function Choice({ name, label, choices, prefix, value, error }: { name: string; label: string; choices: readonly string[]; prefix: string; value: string; error?: string }) {
  const t = useT();
  const id = `media-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {choices.map((c) => (
          <option key={c} value={c}>
            {t(`${prefix}.${c}`)}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** A monitoring-log note: date, outlet, medium, type, tone, title, link. */
export function MediaNoteForm({ values, errors, submitLabel, busy }: { values: MediaNoteValues; errors: Record<string, string>; submitLabel: string; busy: boolean }) {
  const t = useT();
  return (
    <Form method="post" noValidate className="panel">
      <input type="hidden" name="intent" value="save" />
      {Object.keys(errors).length ? (
        <p className="form-error" role="alert">
          {t(errors._form ?? "communications.errors.fix")}
        </p>
      ) : null}
      <div className="form-grid">
        <Field name="publishedOn" idPrefix="media" type="date" label={t("communications.fields.publishedOn")} defaultValue={values.publishedOn} error={errors.publishedOn} required />
        <Field name="outlet" idPrefix="media" label={t("communications.fields.outlet")} defaultValue={values.outlet} error={errors.outlet} required />
        <Choice name="medium" label={t("communications.fields.medium")} choices={MEDIA_MEDIUMS} prefix="communications.medium" value={values.medium || "INTERNET"} error={errors.medium} />
        <Choice name="type" label={t("communications.fields.type")} choices={MEDIA_TYPES} prefix="communications.type" value={values.type || "NOTE"} error={errors.type} />
        <Choice name="tone" label={t("communications.fields.tone")} choices={MEDIA_TONES} prefix="communications.tone" value={values.tone || "NEUTRAL"} error={errors.tone} />
        <Field name="title" idPrefix="media" label={t("communications.fields.title")} defaultValue={values.title} error={errors.title} wide />
        <Field name="link" idPrefix="media" label={t("communications.fields.link")} defaultValue={values.link} error={errors.link} wide />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

export const MEDIA_FORM_FIELDS = ["publishedOn", "outlet", "medium", "type", "tone", "title", "link"] as const;
