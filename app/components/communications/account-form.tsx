import { Form } from "@remix-run/react";
import { CheckboxField, Field, FormActions, FormErrorSummary, SelectField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { getFormProps, useAppForm, type SubmissionResult } from "~/lib/forms";
import { accountSchema, NETWORKS, OWNER_AREAS } from "~/modules/communications";

export type AccountValues = { network?: string; ownerArea?: string; handle?: string; name?: string | null; active?: boolean };

/** A social account: network, owner area, handle, name and (when editing) whether it is active. */
export function AccountForm({ values, lastResult, submitLabel, busy, withActive }: { values: AccountValues; lastResult?: SubmissionResult<string[]>; submitLabel: string; busy: boolean; withActive?: boolean }) {
  const t = useT();
  const [form, fields] = useAppForm({ schema: accountSchema, lastResult, id: "account" });
  const initial = (name: "network" | "ownerArea" | "handle" | "name", fallback: string) => (typeof fields[name].initialValue === "string" ? fields[name].initialValue : fallback);
  const errors = Object.fromEntries(Object.entries(form.allErrors).map(([name, keys]) => [name || "_form", keys[0]]));
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrorSummary errors={errors} idPrefix="account" />
      <div className="form-grid">
        <SelectField name="network" idPrefix="account" label={t("communications.fields.network")} defaultValue={initial("network", values.network ?? "FACEBOOK")} error={fields.network.errors?.[0]} options={NETWORKS.map((n) => ({ value: n, label: t(`communications.network.${n}`) }))} />
        <SelectField name="ownerArea" idPrefix="account" label={t("communications.fields.ownerArea")} defaultValue={initial("ownerArea", values.ownerArea ?? "VMRE_OFFICE")} error={fields.ownerArea.errors?.[0]} options={OWNER_AREAS.map((a) => ({ value: a, label: t(`communications.area.${a}`) }))} />
        <Field name="handle" idPrefix="account" label={t("communications.fields.handle")} defaultValue={initial("handle", values.handle ?? "")} error={fields.handle.errors?.[0]} required />
        <Field name="name" idPrefix="account" label={t("communications.fields.name")} defaultValue={initial("name", values.name ?? "")} error={fields.name.errors?.[0]} />
      </div>
      {withActive ? <CheckboxField name="active" idPrefix="account" label={t("communications.accounts.activeLabel")} hint={t("communications.accounts.activeHint")} defaultChecked={lastResult ? fields.active.initialValue === "on" : values.active} /> : <input type="hidden" name="active" value="on" />}
      <FormActions submitLabel={submitLabel} busy={busy} />
    </Form>
  );
}
