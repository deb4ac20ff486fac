import { RegionFields } from "~/components/geo/region-fields";
import { useT } from "~/i18n/use-t";
import { Field, TextareaField } from "~/components/ui";

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
  return (
    <>
      <div className="form-grid">
        <Field name="email" type="email" label={t("contacts.form.fields.email")} defaultValue={v("email")} error={errors.email} required autoComplete="off" wide />
        <Field name="givenName" label={t("contacts.form.fields.givenName")} defaultValue={v("givenName")} error={errors.givenName} autoComplete="off" />
        <Field name="familyName" label={t("contacts.form.fields.familyName")} defaultValue={v("familyName")} error={errors.familyName} autoComplete="off" />
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
        <Field name="city" label={t("contacts.form.fields.city")} defaultValue={v("city")} error={errors.city} autoComplete="off" />
        <Field
          name="language"
          label={t("contacts.form.fields.language")}
          hint={t("contacts.form.hints.language")}
          defaultValue={v("language")}
          error={errors.language}
          list="contact-languages"
          autoComplete="off"
        />
        <Field name="phone" type="tel" label={t("contacts.form.fields.phone")} defaultValue={v("phone")} error={errors.phone} autoComplete="off" />
        <Field
          name="tags"
          label={t("contacts.form.fields.tags")}
          hint={t("contacts.form.hints.tags")}
          defaultValue={v("tags")}
          error={errors.tags}
          autoComplete="off"
          wide
        />
        <Field
          name="sourceDetail"
          label={t("contacts.form.fields.sourceDetail")}
          hint={t("contacts.form.hints.sourceDetail")}
          defaultValue={v("sourceDetail")}
          error={errors.sourceDetail}
          autoComplete="off"
          wide
        />
        <TextareaField name="notes" label={t("contacts.form.fields.notes")} defaultValue={v("notes")} error={errors.notes} wide />
      </div>
      <datalist id="contact-languages">
        <option value="es">{t("contacts.form.languages.es")}</option>
        <option value="en">{t("contacts.form.languages.en")}</option>
      </datalist>
    </>
  );
}

/** The form's values as strings, from a stored contact (tags joined as they are typed). */
export function contactToFormValues(contact: {
  email: string;
  givenName: string | null;
  familyName: string | null;
  country: string | null;
  state: string | null;
  city: string | null;
  language: string | null;
  phone: string | null;
  tags: string[];
  notes: string | null;
  sourceDetail: string | null;
}): ContactFormValues {
  return { ...contact, tags: contact.tags.join(", ") };
}

/** What was posted, echoed back into the form after an error. */
export function postedValues(form: Record<string, FormDataEntryValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) if (typeof value === "string") out[key] = value;
  return out;
}
