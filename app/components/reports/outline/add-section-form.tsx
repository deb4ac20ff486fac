/** Adding a section to the outline: title, kind, the computed part it shows (if any), parent, numbered. */
import { Form } from "@remix-run/react";
import { CheckboxField, Field, FormError, SelectField, Toolbar } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { EditorNode } from "~/modules/reports/index.server";
import { outlineLabel } from "./outline-row";

export type AddValues = { title: string; kind: string; computed: string; parent: string; numbered: boolean };

export const EMPTY_ADD: AddValues = { title: "", kind: "NARRATIVE", computed: "", parent: "", numbered: true };

export function AddSectionForm({ nodes, kinds, computedKeys, values, errors, busy }: { nodes: readonly EditorNode[]; kinds: readonly string[]; computedKeys: readonly string[]; values: AddValues; errors: Record<string, string>; busy: boolean }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="outline-add-title">
      <h2 id="outline-add-title">{t("admin.reportOutline.add.title")}</h2>
      <p className="muted">{t("admin.reportOutline.add.intro")}</p>
      <FormError error={Object.keys(errors).length ? "admin.reportOutline.errors.fix" : undefined} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="add" />
        <div className="form-grid">
          <Field wide name="title" label={t("admin.reportOutline.add.fields.title")} defaultValue={values.title} error={errors.title} required />
          <SelectField name="kind" label={t("admin.reportOutline.add.fields.kind")} defaultValue={values.kind} error={errors.kind} options={kinds.map((k) => ({ value: k, label: t(`admin.reportOutline.kind.${k}`) }))} />
          <SelectField
            name="computed"
            label={t("admin.reportOutline.add.fields.computed")}
            hint={t("admin.reportOutline.add.computedHint")}
            defaultValue={values.computed}
            error={errors.computed}
            placeholder={t("admin.reportOutline.add.noComputed")}
            options={computedKeys.map((k) => ({ value: k, label: t(`admin.reportOutline.computed.${k}`) }))}
          />
          <SelectField
            wide
            name="parent"
            label={t("admin.reportOutline.add.fields.parent")}
            defaultValue={values.parent}
            error={errors.parent}
            errorParams={{ max: 6 }}
            placeholder={t("admin.reportOutline.add.topLevel")}
            options={nodes.map((n) => ({ value: n.key, label: `${"\u00a0\u00a0".repeat(n.depth - 1)}${outlineLabel(n)}` }))}
          />
          <CheckboxField wide name="numbered" label={t("admin.reportOutline.add.fields.numbered")} defaultChecked={values.numbered} />
        </div>
        <Toolbar>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("admin.reportOutline.add.submit")}
          </button>
        </Toolbar>
      </Form>
    </section>
  );
}
