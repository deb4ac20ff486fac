import { Form } from "@remix-run/react";
import { Field, FormActions, FormError, SelectField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { MATERIAL_AUDIENCES, MATERIAL_KINDS } from "~/modules/materials";

export type MaterialFormValues = Record<"code" | "name" | "kind" | "audience" | "language" | "unit" | "lowStockThreshold", string> & { active: boolean };

export const EMPTY_MATERIAL: MaterialFormValues = { code: "", name: "", kind: "LEAFLET", audience: "", language: "es", unit: "pieza", lowStockThreshold: "0", active: true };

/** The material form (new and edit); keeps what was typed and shows each field's error. */
export function MaterialForm({ values, errors, submitLabel, cancelTo, busy }: { values: MaterialFormValues; errors: Record<string, string>; submitLabel: string; cancelTo: string; busy: boolean }) {
  const t = useT();
  return (
    <Form method="post" noValidate className="panel">
      <FormError error={Object.keys(errors).length > 0 ? (errors._form ?? "materials.errors.fix") : null} />
      <div className="form-grid">
        <Field name="code" label={t("materials.fields.code")} defaultValue={values.code} error={errors.code} required maxLength={40} hint={t("materials.fields.codeHint")} />
        <Field name="name" label={t("materials.fields.name")} defaultValue={values.name} error={errors.name} required maxLength={200} />
        <SelectField name="kind" id="material-kind" label={t("materials.fields.kind")} defaultValue={values.kind} error={errors.kind} options={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`materials.kind.${k}`) }))} />
        <SelectField
          name="audience"
          id="material-audience"
          label={t("materials.fields.audience")}
          placeholder={t("materials.fields.noAudience")}
          defaultValue={values.audience}
          error={errors.audience}
          options={MATERIAL_AUDIENCES.map((a) => ({ value: a, label: t(`materials.audience.${a}`) }))}
        />
        <Field name="language" label={t("materials.fields.language")} defaultValue={values.language} error={errors.language} maxLength={2} hint={t("materials.fields.languageHint")} />
        <Field name="unit" label={t("materials.fields.unit")} defaultValue={values.unit} error={errors.unit} maxLength={40} />
        <Field name="lowStockThreshold" label={t("materials.fields.lowStockThreshold")} defaultValue={values.lowStockThreshold} error={errors.lowStockThreshold} hint={t("materials.fields.lowStockHint")} />
      </div>
      <p className="ev-check-row">
        <input id="material-active" type="checkbox" name="active" defaultChecked={values.active} />
        <label htmlFor="material-active">{t("materials.fields.active")}</label>
      </p>
      <FormActions submitLabel={submitLabel} busy={busy} cancelTo={cancelTo} />
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
