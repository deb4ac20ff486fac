import { Form } from "@remix-run/react";
import { Field, FormActions, FormErrorSummary, SelectField, TextareaField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { getFormProps, useAppForm, type SubmissionResult } from "~/lib/forms";
import { bulletinInputSchema } from "~/modules/bulletins";

export type BulletinFormValues = Partial<Record<"name" | "subject" | "preheader" | "bodyMarkdown" | "language" | "fromName" | "fromEmail" | "replyTo" | "segmentId", string>>;

const MERGE_TAGS = ["{{nombre}}", "{{apellido}}", "{{nombre_completo}}", "{{pais}}", "{{estado}}", "{{ciudad}}", '{{nombre | "amiga, amigo"}}'];

/**
 * The compose form: the same fields to create and to edit, one schema (bulletinInputSchema) checked
 * in the browser and by the action. `lastResult` is the action's reply to the «save» intent.
 */
export function BulletinForm(props: {
  values: BulletinFormValues;
  lastResult?: SubmissionResult<string[]>;
  segments: Array<{ id: string; name: string }>;
  senderEmail: string;
  submitLabel: string;
  busy: boolean;
  disabled?: boolean;
}) {
  const t = useT();
  const [form, fields] = useAppForm({ schema: bulletinInputSchema, lastResult: props.lastResult, defaultValue: props.values, id: "bulletin" });
  const value = (name: keyof BulletinFormValues) => {
    const v = fields[name].initialValue;
    return typeof v === "string" ? v : (props.values[name] ?? "");
  };
  const error = (name: keyof BulletinFormValues) => fields[name].errors?.[0];
  const errors = Object.fromEntries(Object.entries(form.allErrors).map(([name, keys]) => [name || "_form", keys[0]]));
  const common = { idPrefix: "bulletin", disabled: props.disabled } as const;
  return (
    <Form method="post" {...getFormProps(form)} className="panel">
      <input type="hidden" name="intent" value="save" />
      <FormErrorSummary errors={errors} idPrefix="bulletin" />
      <div className="bl-grid">
        <Field {...common} name="name" label={t("bulletins.fields.name")} defaultValue={value("name")} error={error("name")} required maxLength={200} />
        <Field {...common} name="subject" label={t("bulletins.fields.subject")} defaultValue={value("subject")} error={error("subject")} required maxLength={250} />
        <Field {...common} name="preheader" label={t("bulletins.fields.preheader")} defaultValue={value("preheader")} error={error("preheader")} maxLength={250} />
        <SelectField
          {...common}
          name="segmentId"
          label={t("bulletins.fields.segment")}
          defaultValue={value("segmentId")}
          error={error("segmentId")}
          placeholder={t("bulletins.audience.all")}
          options={props.segments.map((s) => ({ value: s.id, label: t("bulletins.audience.segment", { name: s.name }) }))}
        />
        <SelectField
          {...common}
          name="language"
          label={t("bulletins.fields.language")}
          defaultValue={value("language") || "es"}
          options={[
            { value: "es", label: t("bulletins.language.es") },
            { value: "en", label: t("bulletins.language.en") },
          ]}
        />
        <Field {...common} name="fromName" label={t("bulletins.fields.fromName")} defaultValue={value("fromName")} error={error("fromName")} maxLength={120} />
        <Field {...common} name="fromEmail" type="email" label={t("bulletins.fields.fromEmail")} hint={t("bulletins.fields.senderHint", { email: props.senderEmail })} defaultValue={value("fromEmail")} error={error("fromEmail")} />
        <Field {...common} name="replyTo" type="email" label={t("bulletins.fields.replyTo")} defaultValue={value("replyTo")} error={error("replyTo")} />
      </div>
      <TextareaField
        {...common}
        name="bodyMarkdown"
        className="bl-body-field"
        label={t("bulletins.fields.body")}
        rows={16}
        required
        defaultValue={value("bodyMarkdown")}
        error={error("bodyMarkdown")}
        hint={
          <>
            <span>{t("bulletins.fields.bodyHelp")}</span> <span>{t("bulletins.fields.mergeHelp")}</span>
            <span className="bl-tags">
              {MERGE_TAGS.map((tag) => (
                <code key={tag}>{tag}</code>
              ))}
            </span>
          </>
        }
      />
      {props.disabled ? null : (
        <FormActions submitLabel={props.submitLabel} busy={props.busy} />
      )}
    </Form>
  );
}
