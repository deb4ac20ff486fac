/** Language and time zone of the signed-in person (account.tsx, intent "preferences"). */
import { Form } from "@remix-run/react";
import { Card, SelectField, TimeZoneField, zoneCity, zoneOffset, ZONES_BY_COUNTRY, type CountryChoice } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { SubmissionResult } from "~/lib/forms";

const countryOf = (zone: string) => Object.keys(ZONES_BY_COUNTRY).find((code) => ZONES_BY_COUNTRY[code]!.includes(zone));

export function PreferencesForm({ locale, timeZone, officeZone, countries, reply, busy }: { locale: string; timeZone: string | null; officeZone: string; countries: readonly CountryChoice[]; reply?: SubmissionResult<string[]>; busy: boolean }) {
  const t = useT();
  // Checked on the server only: the schema's zone rule lives with the settings (admin messages).
  const typed = reply?.initialValue as { locale?: string; timeZone?: string } | undefined;
  const error = (name: string) => reply?.error?.[name]?.[0];
  return (
    <Card title={t("auth.account.preferences.title")}>
      {/* Keyed by the saved values so a save (redirect) shows them, not the previous defaults. */}
      <Form method="post" noValidate key={`${locale}-${timeZone ?? ""}`}>
        <input type="hidden" name="intent" value="preferences" />
        <div className="form-grid">
          <SelectField
            id="locale"
            name="locale"
            defaultValue={typed?.locale ?? locale}
            error={error("locale")}
            label={t("auth.account.preferences.locale")}
            options={[
              { value: "es", label: "Español" },
              { value: "en", label: "English" },
            ]}
          />
          <TimeZoneField
            id="timeZone"
            name="timeZone"
            defaultValue={typed?.timeZone ?? timeZone ?? ""}
            error={error("timeZone")}
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
