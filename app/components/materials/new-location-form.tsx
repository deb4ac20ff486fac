import { Form, useNavigation } from "@remix-run/react";
import { Card, SelectField, type CountryChoice } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { getFormProps, useAppForm, type SubmissionResult } from "~/lib/forms";
import { locationFormSchema, MANUAL_LOCATION_KINDS } from "~/modules/materials";
import { LocationFields } from "./location-fields";

/** «Nueva ubicación»: the reference form of decision 027 (parseForm on the server, useAppForm here). */
export function NewLocationForm({ lastResult, partners, countries }: { lastResult?: SubmissionResult<string[]>; partners: ReadonlyArray<{ id: string; name: string }>; countries: readonly CountryChoice[] }) {
  const [form, fields] = useAppForm({ schema: locationFormSchema, lastResult });
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const values = { name: fields.name.initialValue, country: fields.country.initialValue, state: fields.state.initialValue, city: fields.city.initialValue };
  const errors = { name: fields.name.errors?.[0], country: fields.country.errors?.[0], state: fields.state.errors?.[0], city: fields.city.errors?.[0] };
  return (
    <Card title={t("materials.locations.new")}>
      <Form method="post" {...getFormProps(form)}>
        <div className="form-grid">
          <LocationFields values={values} errors={errors} countries={countries} />
          <SelectField
            name="kind"
            id="loc-new-kind"
            label={t("materials.locations.kind")}
            defaultValue={typeof fields.kind.initialValue === "string" ? fields.kind.initialValue : "WAREHOUSE"}
            options={MANUAL_LOCATION_KINDS.map((k) => ({ value: k, label: t(`materials.locationKind.${k}`) }))}
          />
          <SelectField
            name="partnerId"
            id="loc-partner"
            label={t("materials.locations.partner")}
            placeholder={t("materials.locations.noPartner")}
            defaultValue={typeof fields.partnerId.initialValue === "string" ? fields.partnerId.initialValue : ""}
            error={fields.partnerId.errors?.[0]}
            options={partners.map((p) => ({ value: p.id, label: p.name }))}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("materials.locations.create")}
        </button>
      </Form>
    </Card>
  );
}
