import { RegionFields } from "~/components/geo/region-fields";
import { Field, SearchPicker, SelectField, TextareaField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { PARTNER_KINDS, PARTNER_STATUSES, type PartnerOwnFields } from "~/modules/partners";

export type PartnerFormValues = Partial<Record<string, string | null>>;

/** The institution's own fields, shared by the new and edit forms (ids `field-<name>`). */
export function PartnerFields({
  values,
  errors,
  parent,
  selfId,
  countries,
}: {
  values: PartnerFormValues;
  errors: Record<string, string | undefined>;
  /** The stored parent (the picker's starting choice). */
  parent?: { id: string; name: string; acronym: string | null } | null;
  /** The institution being edited (left out of the parent picker). */
  selfId?: string;
  /** From the loader (countryChoices). */
  countries: ReadonlyArray<{ code: string; name: string }>;
}) {
  const t = useT();
  const v = (name: string) => values[name] ?? "";
  return (
    <div className="form-grid">
      <Field name="name" label={t("partners.fields.name")} defaultValue={v("name")} error={errors.name} required wide maxLength={200} />
      <Field name="acronym" label={t("partners.fields.acronym")} defaultValue={v("acronym")} error={errors.acronym} maxLength={40} />
      <SelectField
        name="kind"
        label={t("partners.fields.kind")}
        defaultValue={v("kind")}
        error={errors.kind}
        required
        placeholder={t("partners.form.choose")}
        options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kind.${k}`) }))}
      />
      <SearchPicker
        name="parentId"
        label={t("partners.fields.parent")}
        source="/partners/options"
        params={selfId ? { exclude: selfId } : undefined}
        defaultValue={parent ? { id: parent.id, label: parent.acronym ? `${parent.name} (${parent.acronym})` : parent.name } : null}
        echo={v("parentId") !== (parent?.id ?? "") ? v("parentId") : undefined}
        error={errors.parentId}
        placeholder={t("partners.form.noParent")}
      />
      <RegionFields
        countries={countries}
        country={v("country")}
        state={v("state")}
        errors={{ country: errors.country, state: errors.state }}
        labels={{ country: t("partners.fields.country"), state: t("partners.fields.state"), noCountry: t("partners.form.noCountry"), noState: "—" }}
      />
      <Field name="city" label={t("partners.fields.city")} defaultValue={v("city")} error={errors.city} maxLength={120} />
      <Field name="website" inputMode="url" label={t("partners.fields.website")} defaultValue={v("website")} error={errors.website} maxLength={300} />
      <Field name="tags" label={t("partners.fields.tags")} hint={t("partners.form.tagsHint")} defaultValue={v("tags")} error={errors.tags} wide />
      <SelectField
        name="status"
        label={t("partners.fields.status")}
        defaultValue={v("status") || "ACTIVE"}
        error={errors.status}
        options={PARTNER_STATUSES.map((s) => ({ value: s, label: t(`partners.status.${s}`) }))}
      />
      <TextareaField name="notes" label={t("partners.fields.notes")} defaultValue={v("notes")} error={errors.notes} wide />
    </div>
  );
}

export function partnerToFormValues(p: PartnerOwnFields): PartnerFormValues {
  return { ...p, tags: p.tags.join(", ") };
}
