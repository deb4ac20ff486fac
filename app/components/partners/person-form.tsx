import { Field } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { PageForm, type Errors, type Values } from "./form-parts";

/** A person at an institution (linked to a contact by e-mail, or a name of their own); `personId` corrects one. */
export function PersonForm({ values, errors, busy, personId, idPrefix = "person" }: { values: Values; errors: Errors; busy: boolean; personId?: string; idPrefix?: string }) {
  const t = useT();
  return (
    <PageForm intent="person" record={{ name: "personId", id: personId }} errors={errors} idPrefix={idPrefix} submitLabel={personId ? t("partners.person.update") : t("partners.person.save")} busy={busy}>
      <div className="form-grid">
        <Field
          idPrefix={idPrefix}
          name="contactEmail"
          type="email"
          label={t("partners.person.contactEmail")}
          hint={t("partners.person.contactEmailHint")}
          defaultValue={values.contactEmail}
          error={errors.contactEmail}
          wide
        />
        <Field idPrefix={idPrefix} name="name" label={t("partners.person.name")} defaultValue={values.name} error={errors.name} />
        <Field idPrefix={idPrefix} name="position" label={t("partners.person.position")} defaultValue={values.position} error={errors.position} />
        <Field idPrefix={idPrefix} name="email" type="email" label={t("partners.person.email")} defaultValue={values.email} error={errors.email} />
        <Field idPrefix={idPrefix} name="phone" type="tel" label={t("partners.person.phone")} defaultValue={values.phone} error={errors.phone} />
      </div>
    </PageForm>
  );
}
