import { Form, useNavigation } from "@remix-run/react";
import { Field, SelectField } from "~/components/ui";
import type { Locale, T } from "~/i18n";
import { countryName } from "~/lib/format";
import { COMMON_COUNTRIES, HONEYPOT_FIELD } from "~/modules/events";

type Notice = { version: number | string; text: string; language: string; fallback: boolean };

/**
 * The kiosk's sign-up form. Text comes from `t` (the kiosk's own language, `?lang=`), so errors are
 * passed to the kit fields already translated. Countries by name, the United States first.
 */
export function KioskSignupForm({ t, lang, notice, values, errors, error }: { t: T; lang: Locale; notice: Notice; values: Record<string, string>; errors: Record<string, string>; error?: string }) {
  const busy = useNavigation().state === "submitting";
  const countries = [...COMMON_COUNTRIES].sort((a, b) => (a === "US" ? -1 : b === "US" ? 1 : countryName(a, lang).localeCompare(countryName(b, lang), lang)));
  const common = (name: string) => ({ name, idPrefix: "kiosk", defaultValue: values[name] ?? "", error: errors[name] ? t(errors[name]) : undefined });
  return (
    <Form method="post" noValidate className="panel">
      <h2>{t("events.kiosk.title")}</h2>
      <p>{t("events.kiosk.intro")}</p>
      {error ? (
        <p className="form-error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="noticeVersion" value={notice.version} />
      <Field {...common("givenName")} label={t("events.kiosk.givenName")} autoComplete="given-name" maxLength={120} required />
      <Field {...common("familyName")} label={t("events.kiosk.familyName")} autoComplete="family-name" maxLength={120} />
      <Field {...common("email")} label={t("events.kiosk.email")} type="email" inputMode="email" autoComplete="email" autoCapitalize="none" spellCheck={false} maxLength={320} required />
      <SelectField {...common("country")} label={t("events.kiosk.country")} placeholder={t("events.kiosk.countryChoose")} options={countries.map((c) => ({ value: c, label: countryName(c, lang) }))} />
      <Field {...common("state")} label={t("events.kiosk.state")} autoComplete="address-level1" maxLength={120} />
      <fieldset className="ev-fieldset">
        <legend>{t("events.kiosk.languagePreference")}</legend>
        <label className="ev-check-row">
          <input type="radio" name="language" value="es" defaultChecked={(values.language ?? lang) === "es"} /> Español
        </label>
        <label className="ev-check-row">
          <input type="radio" name="language" value="en" defaultChecked={(values.language ?? lang) === "en"} /> English
        </label>
        {errors.language ? <p className="field-error">{t(errors.language)}</p> : null}
      </fieldset>
      <div className="kiosk-hp" aria-hidden="true">
        <label htmlFor={`kiosk-${HONEYPOT_FIELD}`}>{t("events.kiosk.honeypot")}</label>
        <input id={`kiosk-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <h3 id="kiosk-notice-title">{t("events.kiosk.noticeTitle", { version: notice.version })}</h3>
      {notice.fallback ? (
        <p className="kiosk-notice-language" id="kiosk-notice-language">
          {t("events.kiosk.noticeSpanishOnly")}{" "}
          <a href={`/k/notice/${notice.version}?lang=${lang}`} target="_blank" rel="noreferrer">
            {t("events.kiosk.noticeOpen")}
          </a>
        </p>
      ) : null}
      <div className="kiosk-notice" role="region" aria-labelledby="kiosk-notice-title" tabIndex={0} lang={notice.language === "en" ? "en" : "es-MX"} data-notice-language={notice.language}>
        {notice.text}
      </div>
      <label className="kiosk-consent">
        <input
          type="checkbox"
          name="consent"
          value="on"
          aria-invalid={errors.consent ? true : undefined}
          aria-describedby={[errors.consent ? "kiosk-consent-error" : null, notice.fallback ? "kiosk-notice-language" : null].filter(Boolean).join(" ") || undefined}
        />
        <span>{t(notice.fallback ? "events.kiosk.consentSpanishNotice" : "events.kiosk.consent")}</span>
      </label>
      {errors.consent ? (
        <p className="field-error" id="kiosk-consent-error">
          {t(errors.consent)}
        </p>
      ) : null}
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {t("events.kiosk.submit")}
      </button>
      <p className="muted">{t("events.kiosk.afterSubmit")}</p>
    </Form>
  );
}
