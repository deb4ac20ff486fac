import { CountryField, Field, type CountryChoice } from "~/components/ui";
import { useT } from "~/i18n/use-t";

type Values = { name?: unknown; country?: unknown; state?: unknown; city?: unknown };
const text = (v: unknown) => (typeof v === "string" ? v : v == null ? "" : String(v));

/** A location's name and place (country by name, state, city): the new-location and edit forms. */
export function LocationFields({ values, errors, countries }: { values: Values; errors: Record<string, string | undefined>; countries: readonly CountryChoice[] }) {
  const t = useT();
  return (
    <>
      <Field name="name" label={t("materials.fields.name")} defaultValue={text(values.name)} error={errors.name} required maxLength={200} idPrefix="loc" />
      <CountryField name="country" idPrefix="loc" label={t("materials.locations.country")} countries={countries} defaultValue={text(values.country)} error={errors.country} />
      <Field name="state" label={t("materials.locations.state")} defaultValue={text(values.state)} error={errors.state} idPrefix="loc" />
      <Field name="city" label={t("materials.locations.city")} defaultValue={text(values.city)} error={errors.city} idPrefix="loc" />
    </>
  );
}
