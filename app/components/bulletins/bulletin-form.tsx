import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export type BulletinFormValues = Partial<Record<"name" | "subject" | "preheader" | "bodyMarkdown" | "language" | "fromName" | "fromEmail" | "replyTo" | "segmentId", string>>;

const MERGE_TAGS = ["{{nombre}}", "{{apellido}}", "{{nombre_completo}}", "{{pais}}", "{{estado}}", "{{ciudad}}", '{{nombre | "amiga, amigo"}}'];

function TextField(props: { name: keyof BulletinFormValues; label: string; values: BulletinFormValues; errors: Record<string, string>; required?: boolean; type?: string; maxLength?: number; hint?: string; disabled?: boolean }) {
  const t = useT();
  const id = `bulletin-${props.name}`;
  const error = props.errors[props.name];
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.values[props.name] ?? ""}
        maxLength={props.maxLength}
        required={props.required}
        disabled={props.disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
      />
      {props.hint ? (
        <p className="hint muted" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** The compose form: the same fields to create and to edit. */
export function BulletinForm(props: {
  values: BulletinFormValues;
  errors: Record<string, string>;
  segments: Array<{ id: string; name: string }>;
  senderEmail: string;
  submitLabel: string;
  busy: boolean;
  disabled?: boolean;
}) {
  const t = useT();
  const { values, errors } = props;
  return (
    <Form method="post" noValidate className="panel">
      <input type="hidden" name="intent" value="save" />
      {Object.keys(errors).length > 0 ? (
        <p className="form-error" role="alert">
          {t(errors._form ?? Object.values(errors)[0] ?? "common.errors.invalid")}
        </p>
      ) : null}
      <div className="bl-grid">
        <TextField name="name" label={t("bulletins.fields.name")} values={values} errors={errors} required maxLength={200} disabled={props.disabled} />
        <TextField name="subject" label={t("bulletins.fields.subject")} values={values} errors={errors} required maxLength={250} disabled={props.disabled} />
        <TextField name="preheader" label={t("bulletins.fields.preheader")} values={values} errors={errors} maxLength={250} disabled={props.disabled} />
        <div className="field">
          <label htmlFor="bulletin-segmentId">{t("bulletins.fields.segment")}</label>
          <select id="bulletin-segmentId" name="segmentId" defaultValue={values.segmentId ?? ""} disabled={props.disabled}>
            <option value="">{t("bulletins.audience.all")}</option>
            {props.segments.map((s) => (
              <option key={s.id} value={s.id}>
                {t("bulletins.audience.segment", { name: s.name })}
              </option>
            ))}
          </select>
          {errors.segmentId ? <p className="field-error">{t(errors.segmentId)}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="bulletin-language">{t("bulletins.fields.language")}</label>
          <select id="bulletin-language" name="language" defaultValue={values.language ?? "es"} disabled={props.disabled}>
            <option value="es">{t("bulletins.language.es")}</option>
            <option value="en">{t("bulletins.language.en")}</option>
          </select>
        </div>
        <TextField name="fromName" label={t("bulletins.fields.fromName")} values={values} errors={errors} maxLength={120} disabled={props.disabled} />
        <TextField name="fromEmail" label={t("bulletins.fields.fromEmail")} values={values} errors={errors} type="email" hint={t("bulletins.fields.senderHint", { email: props.senderEmail })} disabled={props.disabled} />
        <TextField name="replyTo" label={t("bulletins.fields.replyTo")} values={values} errors={errors} type="email" disabled={props.disabled} />
      </div>
      <div className="field">
        <label htmlFor="bulletin-bodyMarkdown">
          {t("bulletins.fields.body")}
          <span aria-hidden="true"> *</span>
        </label>
        <textarea
          id="bulletin-bodyMarkdown"
          name="bodyMarkdown"
          className="bl-body"
          rows={16}
          defaultValue={values.bodyMarkdown ?? ""}
          disabled={props.disabled}
          aria-invalid={errors.bodyMarkdown ? true : undefined}
          aria-describedby="bulletin-body-help"
        />
        <div className="hint muted" id="bulletin-body-help">
          <p>{t("bulletins.fields.bodyHelp")}</p>
          <p>{t("bulletins.fields.mergeHelp")}</p>
          <ul className="bl-tags">
            {MERGE_TAGS.map((tag) => (
              <li key={tag}>
                <code>{tag}</code>
              </li>
            ))}
          </ul>
        </div>
        {errors.bodyMarkdown ? <p className="field-error">{t(errors.bodyMarkdown)}</p> : null}
      </div>
      {props.disabled ? null : (
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={props.busy}>
            {props.submitLabel}
          </button>
        </div>
      )}
    </Form>
  );
}
