import { Field } from "~/components/contact-detail/field";
import { RegionFields } from "~/components/geo/region-fields";
import { useT } from "~/i18n/use-t";
import { PARTNER_KINDS, PARTNER_STATUSES } from "~/modules/partners/fields";

export type PartnerFormValues = Partial<Record<string, string | null>>;

function Select({
  name,
  label,
  value,
  error,
  required,
  children,
}: {
  name: string;
  label: string;
  value: string;
  error?: string;
  required?: boolean;
  children: React.ReactNode;
}) {
  const t = useT();
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select id={id} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {children}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** The institution's own fields, shared by the new and edit forms. */
export function PartnerFields({
  values,
  errors,
  parents,
  countries,
}: {
  values: PartnerFormValues;
  errors: Record<string, string>;
  parents: Array<{ id: string; name: string; acronym: string | null }>;
  /** From the loader (countryChoices). */
  countries: ReadonlyArray<{ code: string; name: string }>;
}) {
  const t = useT();
  const v = (name: string) => values[name] ?? "";
  return (
    <div className="form-grid">
      <Field name="name" label={t("partners.fields.name")} defaultValue={v("name")} error={errors.name} required wide maxLength={200} />
      <Field name="acronym" label={t("partners.fields.acronym")} defaultValue={v("acronym")} error={errors.acronym} maxLength={40} />
      <Select name="kind" label={t("partners.fields.kind")} value={v("kind")} error={errors.kind} required>
        <option value="">{t("partners.form.choose")}</option>
        {PARTNER_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`partners.kind.${k}`)}
          </option>
        ))}
      </Select>
      <Select name="parentId" label={t("partners.fields.parent")} value={v("parentId")} error={errors.parentId}>
        <option value="">{t("partners.form.noParent")}</option>
        {parents.map((p) => (
          <option key={p.id} value={p.id}>
            {p.acronym ? `${p.name} (${p.acronym})` : p.name}
          </option>
        ))}
      </Select>
      <RegionFields
        countries={countries}
        country={v("country")}
        state={v("state")}
        errors={{ country: errors.country, state: errors.state }}
        labels={{ country: t("partners.fields.country"), state: t("partners.fields.state"), noCountry: t("partners.form.noCountry"), noState: "—" }}
      />
      <Field name="city" label={t("partners.fields.city")} defaultValue={v("city")} error={errors.city} maxLength={120} />
      <Field name="website" label={t("partners.fields.website")} defaultValue={v("website")} error={errors.website} maxLength={300} />
      <Field name="tags" label={t("partners.fields.tags")} hint={t("partners.form.tagsHint")} defaultValue={v("tags")} error={errors.tags} wide />
      <Select name="status" label={t("partners.fields.status")} value={v("status") || "ACTIVE"} error={errors.status}>
        {PARTNER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`partners.status.${s}`)}
          </option>
        ))}
      </Select>
      <Field name="notes" label={t("partners.fields.notes")} defaultValue={v("notes")} error={errors.notes} multiline wide />
    </div>
  );
}

export function partnerToFormValues(p: {
  name: string;
  acronym: string | null;
  kind: string;
  parentId: string | null;
  country: string | null;
  state: string | null;
  city: string | null;
  website: string | null;
  tags: string[];
  status: string;
  notes: string | null;
}): PartnerFormValues {
  return { ...p, tags: p.tags.join(", ") };
}
