import { Form } from "@remix-run/react";
import { Field, FormActions, FormErrorSummary, SelectField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { getFormProps, useAppForm, type SubmissionResult } from "~/lib/forms";
import { MEDIA_MEDIUMS, MEDIA_TONES, MEDIA_TYPES, mediaNoteSchema } from "~/modules/communications";

export type MediaNoteValues = { publishedOn: string; outlet: string; medium: string; type: string; tone: string; title: string | null; link: string | null };

/** A monitoring-log note: date, outlet, medium, type, tone, title, link. `lastResult`: the action's reply to «save». */
export function MediaNoteForm({ values, lastResult, submitLabel, busy }: { values: MediaNoteValues; lastResult?: SubmissionResult<string[]>; submitLabel: string; busy: boolean }) {
  const t = useT();
  const [form, fields] = useAppForm({ schema: mediaNoteSchema, lastResult, id: "media" });
  const initial = (name: keyof MediaNoteValues) => {
    const v = fields[name].initialValue;
    return typeof v === "string" ? v : (values[name] ?? "");
  };
  const props = (name: keyof MediaNoteValues) => ({ name, idPrefix: "media", defaultValue: initial(name), error: fields[name].errors?.[0] });
  const errors = Object.fromEntries(Object.entries(form.allErrors).map(([name, keys]) => [name || "_form", keys[0]]));
  const choices = (list: readonly string[], prefix: "medium" | "type" | "tone") => list.map((c) => ({ value: c, label: t(`communications.${prefix}.${c}`) }));
  return (
    <Form method="post" {...getFormProps(form)} className="panel">
      <input type="hidden" name="intent" value="save" />
      <FormErrorSummary errors={errors} idPrefix="media" />
      <div className="form-grid">
        <Field {...props("publishedOn")} type="date" label={t("communications.fields.publishedOn")} required />
        <Field {...props("outlet")} label={t("communications.fields.outlet")} required />
        <SelectField {...props("medium")} label={t("communications.fields.medium")} options={choices(MEDIA_MEDIUMS, "medium")} />
        <SelectField {...props("type")} label={t("communications.fields.type")} options={choices(MEDIA_TYPES, "type")} />
        <SelectField {...props("tone")} label={t("communications.fields.tone")} options={choices(MEDIA_TONES, "tone")} />
        <Field {...props("title")} label={t("communications.fields.title")} wide />
        <Field {...props("link")} label={t("communications.fields.link")} wide />
      </div>
      <FormActions submitLabel={submitLabel} busy={busy} />
    </Form>
  );
}
