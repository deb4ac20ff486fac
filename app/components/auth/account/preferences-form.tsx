/** Language and time zone of the signed-in person (account.tsx, intent "preferences"). */
import { Form } from "@remix-run/react";
import { Card, SelectField, TimeZoneField, zoneCity, zoneOffset, ZONES_BY_COUNTRY, type CountryChoice } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { getFormProps, useAppForm, type SubmissionResult } from "~/lib/forms";
import { preferencesSchema } from "~/modules/auth";

const countryOf = (zone: string) => Object.keys(ZONES_BY_COUNTRY).find((code) => ZONES_BY_COUNTRY[code]!.includes(zone));

export function PreferencesForm({ locale, timeZone, officeZone, countries, reply, busy }: { locale: string; timeZone: string | null; officeZone: string; countries: readonly CountryChoice[]; reply?: SubmissionResult<string[]>; busy: boolean }) {
  const t = useT();
  const [form, fields] = useAppForm({ id: "preferences", schema: preferencesSchema, lastResult: reply, defaultValue: { locale, timeZone: timeZone ?? "" } });
  return (
    <Card title={t("auth.account.preferences.title")}>
      {/* Keyed by the saved values so a save (redirect) shows them, not the previous defaults. */}
      <Form method="post" {...getFormProps(form)} noValidate key={`${locale}-${timeZone ?? ""}`}>
        <input type="hidden" name="intent" value="preferences" />
        <div className="form-grid">
          <SelectField
            id="locale"
            meta={fields.locale}
            label={t("auth.account.preferences.locale")}
            options={[
              { value: "es", label: "Español" },
              { value: "en", label: "English" },
            ]}
          />
          <TimeZoneField
            id="timeZone"
            meta={fields.timeZone}
            countries={countries}
            country={countryOf(timeZone ?? officeZone)}
            label={t("auth.account.preferences.timeZone")}
            hint={t("auth.account.preferences.timeZoneHint")}
            placeholder={t("auth.account.preferences.officeZone", { city: zoneCity(officeZone), offset: zoneOffset(officeZone) })}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("auth.account.preferences.submit")}
        </button>
      </Form>
    </Card>
  );
}
