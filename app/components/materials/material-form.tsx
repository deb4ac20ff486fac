import { Form, Link } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { useT } from "~/i18n/use-t";
import { MATERIAL_AUDIENCES, MATERIAL_KINDS } from "~/modules/materials";

export type MaterialFormValues = Record<"code" | "name" | "kind" | "audience" | "language" | "unit" | "lowStockThreshold", string> & { active: boolean };

export const EMPTY_MATERIAL: MaterialFormValues = { code: "", name: "", kind: "LEAFLET", audience: "", language: "es", unit: "pieza", lowStockThreshold: "0", active: true };

/** The material form (new and edit); keeps what was typed and shows each field's error. */
export function MaterialForm({ values, errors, submitLabel, cancelTo, busy }: { values: MaterialFormValues; errors: Record<string, string>; submitLabel: string; cancelTo: string; busy: boolean }) {
  const t = useT();
  return (
    <Form method="post" noValidate className="panel">
      {Object.keys(errors).length > 0 ? (
        <p className="form-error" role="alert">
          {t(errors._form ?? "materials.errors.fix")}
        </p>
      ) : null}
      <div className="form-grid">
        <Field name="code" label={t("materials.fields.code")} defaultValue={values.code} error={errors.code} required maxLength={40} hint={t("materials.fields.codeHint")} />
        <Field name="name" label={t("materials.fields.name")} defaultValue={values.name} error={errors.name} required maxLength={200} />
        <div className="field">
          <label htmlFor="material-kind">{t("materials.fields.kind")}</label>
          <select id="material-kind" name="kind" defaultValue={values.kind} aria-invalid={errors.kind ? true : undefined}>
            {MATERIAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`materials.kind.${k}`)}
              </option>
            ))}
          </select>
          {errors.kind ? <p className="field-error">{t(errors.kind)}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="material-audience">{t("materials.fields.audience")}</label>
          <select id="material-audience" name="audience" defaultValue={values.audience} aria-invalid={errors.audience ? true : undefined}>
            <option value="">{t("materials.fields.noAudience")}</option>
            {MATERIAL_AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {t(`materials.audience.${a}`)}
              </option>
            ))}
          </select>
          {errors.audience ? <p className="field-error">{t(errors.audience)}</p> : null}
        </div>
        <Field name="language" label={t("materials.fields.language")} defaultValue={values.language} error={errors.language} maxLength={2} hint={t("materials.fields.languageHint")} />
        <Field name="unit" label={t("materials.fields.unit")} defaultValue={values.unit} error={errors.unit} maxLength={40} />
        <Field name="lowStockThreshold" label={t("materials.fields.lowStockThreshold")} defaultValue={values.lowStockThreshold} error={errors.lowStockThreshold} hint={t("materials.fields.lowStockHint")} />
      </div>
      <p className="ev-check-row">
        <input id="material-active" type="checkbox" name="active" defaultChecked={values.active} />
        <label htmlFor="material-active">{t("materials.fields.active")}</label>
      </p>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        <Link to={cancelTo} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}

export function materialFormValues(form: FormData): MaterialFormValues {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  return { code: text("code"), name: text("name"), kind: text("kind"), audience: text("audience"), language: text("language"), unit: text("unit"), lowStockThreshold: text("lowStockThreshold"), active: form.get("active") === "on" };
}
