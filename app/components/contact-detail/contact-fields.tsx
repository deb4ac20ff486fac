import { Link } from "@remix-run/react";
import { RegionFields } from "~/components/geo/region-fields";
import { useT } from "~/i18n/use-t";
import { Field, TextareaField } from "~/components/ui";
import { contactFieldLabel, type ContactFieldsFor, type ContactValues } from "~/modules/contacts";
import type { ComponentProps } from "react";

export type ContactFormValues = Partial<Record<string, string | null>>;

/** The contact's own fields, shared by the new-contact and edit forms. */
export function ContactFields({
  values,
  errors,
  countries,
}: {
  values: ContactFormValues;
  errors: Record<string, string>;
  countries: ReadonlyArray<{ code: string; name: string }>;
}) {
  const t = useT();
  const v = (name: string) => values[name] ?? "";
  // Every text field of the form is wired the same way: its label, value, error, no autofill.
  const text = (name: ContactFieldsFor<"form">, props: Partial<ComponentProps<typeof Field>> = {}) => (
    <Field name={name} label={t(contactFieldLabel(name))} defaultValue={v(name)} error={errors[name]} autoComplete="off" {...props} />
  );
  return (
    <>
      <div className="form-grid">
        {text("email", { type: "email", required: true, wide: true })}
        {text("givenName")}
        {text("familyName")}
        <RegionFields
          countries={countries}
          country={v("country")}
          state={v("state")}
          errors={{ country: errors.country, state: errors.state }}
          labels={{
            country: t("contacts.form.fields.country"),
            state: t("contacts.form.fields.state"),
            noCountry: t("contacts.form.noCountry"),
            noState: t("contacts.form.noState"),
            stateHint: t("contacts.form.hints.state"),
          }}
        />
        {text("city")}
        {text("language", { hint: t("contacts.form.hints.language"), list: "contact-languages" })}
        {text("phone", { type: "tel" })}
        {text("tags", { hint: t("contacts.form.hints.tags"), wide: true })}
        {text("sourceDetail", { hint: t("contacts.form.hints.sourceDetail"), wide: true })}
        <TextareaField name="notes" label={t("contacts.form.fields.notes")} defaultValue={v("notes")} error={errors.notes} wide />
      </div>
      <datalist id="contact-languages">
        <option value="es">{t("contacts.form.languages.es")}</option>
        <option value="en">{t("contacts.form.languages.en")}</option>
      </datalist>
    </>
  );
}

/**
 * The alert above the new-contact and edit forms: the e-mail belongs to another contact (with a
 * link to it), is on the suppression list, or some field needs fixing.
 */
export function ContactFormAlert({ existingId, errors }: { existingId?: number | null; errors: Record<string, string> }) {
  const t = useT();
  if (existingId) {
    return (
      <p className="form-error" role="alert">
        {t("contacts.form.errors.emailTaken")} <Link to={`/contacts/${existingId}`}>{t("contacts.form.openExisting")}</Link>
      </p>
    );
  }
  if (Object.keys(errors).length === 0) return null;
  return (
    <p className="form-error" role="alert">
      {t(errors.email === "contacts.form.errors.emailSuppressed" ? "contacts.form.errors.emailSuppressed" : "contacts.form.errors.fix")}
    </p>
  );
}

/** The form's values as strings, from a stored contact (tags joined as they are typed). */
export function contactToFormValues(contact: Pick<ContactValues, ContactFieldsFor<"form">>): ContactFormValues {
  return { ...contact, tags: contact.tags.join(", ") };
}

/** What was posted, echoed back into the form after an error. */
export function postedValues(form: Record<string, FormDataEntryValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) if (typeof value === "string") out[key] = value;
  return out;
}
