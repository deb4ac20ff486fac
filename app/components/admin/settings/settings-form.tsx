/**
 * The organisation's settings form (admin.settings.tsx, intent "settings"): institution, senders,
 * kiosks, the complaint rate that pauses a bulletin (typed in percent) and the office's time zone, chosen by city under its country (never typed).
 */
import { Form } from "@remix-run/react";
import { Card, Field, FormActions, FormErrorSummary, TimeZoneField, ZONES_BY_COUNTRY, type CountryChoice } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { getFormProps, useAppForm, type SubmissionResult } from "~/lib/forms";
import { COMPLAINT_PAUSE_PERCENT, complaintPausePercent, settingsSchema } from "~/modules/settings";

type Settings = Record<"institutionName" | "postalAddress" | "bulkSenderName" | "bulkSenderEmail" | "transactionalSenderName" | "transactionalSenderEmail" | "timeZone", string> & {
  replyTo: string | null;
  sendRatePerSecond: number;
  kioskMailsPerHour: number;
  complaintPauseRate: number;
};

/** The country whose zone list holds `zone` (its group comes first in the picker). */
function countryOfZone(zone: string): string | undefined {
  return Object.keys(ZONES_BY_COUNTRY).find((code) => ZONES_BY_COUNTRY[code]!.includes(zone));
}

export function SettingsForm({ settings, countries, reply, busy }: { settings: Settings; countries: readonly CountryChoice[]; reply?: SubmissionResult<string[]>; busy: boolean }) {
  const t = useT();
  const [form, fields] = useAppForm({ id: "settings", schema: settingsSchema, lastResult: reply, defaultValue: { ...settings, replyTo: settings.replyTo ?? "", sendRatePerSecond: String(settings.sendRatePerSecond), kioskMailsPerHour: String(settings.kioskMailsPerHour), complaintPauseRate: complaintPausePercent(settings.complaintPauseRate) } });
  const label = (name: keyof Settings) => t(`admin.settings.fields.${name}`);
  const errors = Object.fromEntries(Object.entries(form.allErrors).map(([name, keys]) => [name, keys[0]]));
  return (
    <Card title={t("admin.settings.general")}>
      <FormErrorSummary errors={errors} title={t("admin.settings.fixErrors")} idPrefix="settings" labels={Object.fromEntries(Object.keys(errors).map((n) => [n, label(n as keyof Settings)]))} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="settings" />
        <h3>{t("admin.settings.institution")}</h3>
        <div className="form-grid">
          <Field wide id="settings-institutionName" meta={fields.institutionName} label={label("institutionName")} />
          <Field wide id="settings-postalAddress" meta={fields.postalAddress} label={label("postalAddress")} hint={t("admin.settings.hints.postalAddress")} />
        </div>
        <h3>{t("admin.settings.senders")}</h3>
        <div className="form-grid">
          <Field id="settings-bulkSenderName" meta={fields.bulkSenderName} label={label("bulkSenderName")} />
          <Field id="settings-bulkSenderEmail" meta={fields.bulkSenderEmail} type="email" label={label("bulkSenderEmail")} />
          <Field id="settings-transactionalSenderName" meta={fields.transactionalSenderName} label={label("transactionalSenderName")} />
          <Field id="settings-transactionalSenderEmail" meta={fields.transactionalSenderEmail} type="email" label={label("transactionalSenderEmail")} />
          <Field id="settings-replyTo" meta={fields.replyTo} type="email" label={label("replyTo")} hint={t("admin.settings.hints.replyTo")} />
          <Field id="settings-sendRatePerSecond" meta={fields.sendRatePerSecond} type="number" min={1} max={1000} label={label("sendRatePerSecond")} hint={t("admin.settings.hints.sendRatePerSecond")} required />
          <Field
            id="settings-complaintPauseRate"
            meta={fields.complaintPauseRate}
            type="number"
            inputMode="decimal"
            min={COMPLAINT_PAUSE_PERCENT.min}
            max={COMPLAINT_PAUSE_PERCENT.max}
            step={0.01}
            label={label("complaintPauseRate")}
            hint={t("admin.settings.hints.complaintPauseRate", { default: String(COMPLAINT_PAUSE_PERCENT.default) })}
            required
          />
        </div>
        <h3>{t("admin.settings.kiosks")}</h3>
        <div className="form-grid">
          <Field id="settings-kioskMailsPerHour" meta={fields.kioskMailsPerHour} type="number" min={1} max={10000} label={label("kioskMailsPerHour")} hint={t("admin.settings.hints.kioskMailsPerHour")} required />
        </div>
        <h3>{t("admin.settings.regional")}</h3>
        <div className="form-grid">
          <TimeZoneField id="settings-timeZone" meta={fields.timeZone} countries={countries} country={countryOfZone(settings.timeZone)} label={label("timeZone")} hint={t("admin.settings.hints.timeZone")} />
        </div>
        <FormActions submitLabel={t("common.save")} busy={busy} />
      </Form>
    </Card>
  );
}
