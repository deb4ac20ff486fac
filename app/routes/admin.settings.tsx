import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { TextField } from "~/components/admin/text-field";
import { useFormatDate, useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { privacyNoticeSchema, settingsSchema } from "~/modules/settings";
import { settingsOverview, publishPrivacyNotice, updateSettings } from "~/modules/settings/index.server";
import { formBody } from "~/lib/params";

export const meta = adminTitle("admin.settings.title");

const NOTICE_LANGUAGES = ["es", "en"] as const;

const SETTINGS_FIELDS = [
  "institutionName",
  "postalAddress",
  "bulkSenderName",
  "bulkSenderEmail",
  "transactionalSenderName",
  "transactionalSenderEmail",
  "replyTo",
  "sendRatePerSecond",
  "kioskMailsPerHour",
  "timeZone",
] as const;

type SettingsValues = Record<(typeof SETTINGS_FIELDS)[number], string>;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:settings");
  return settingsOverview();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:settings");
  const form = Object.fromEntries(await formBody(request));
  const actor = { userId: user.id, ip: clientIp(request) };
  if (form.intent === "privacy") {
    const parsed = privacyNoticeSchema.safeParse(form);
    if (!parsed.success) {
      const language = form.language === "en" ? "en" : "es";
      return data({ intent: "privacy" as const, errors: fieldErrors(parsed.error), values: { text: String(form.text ?? ""), language } }, { status: 400 });
    }
    const notice = await publishPrivacyNotice(actor, parsed.data.text, parsed.data.language);
    return redirectWithToast(`/admin/settings#privacy-${notice.language}`, {
      kind: "success",
      message: `admin.settings.privacy.published.${parsed.data.language}`,
      params: { version: notice.version },
    });
  }
  const parsed = settingsSchema.safeParse(form);
  if (!parsed.success) {
    const values = Object.fromEntries(SETTINGS_FIELDS.map((name) => [name, String(form[name] ?? "")])) as SettingsValues;
    return data({ intent: "settings" as const, errors: fieldErrors(parsed.error), values }, { status: 400 });
  }
  await updateSettings(actor, parsed.data);
  return redirectWithToast("/admin/settings", { kind: "success", message: "admin.settings.saved" });
}

export default function SettingsPage() {
  const { settings, current, earlier, nextVersion, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const formatDate = useFormatDate();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const settingsErrors: Record<string, string> = actionData?.intent === "settings" ? actionData.errors : {};
  const privacyErrors =
    actionData?.intent === "privacy" ? { language: actionData.values.language, errors: actionData.errors as Record<string, string>, text: actionData.values.text } : { language: null, errors: {} as Record<string, string>, text: "" };
  const values = actionData?.intent === "settings" ? actionData.values : null;
  const value = (name: (typeof SETTINGS_FIELDS)[number]) => (values ? values[name] : (settings[name] ?? ""));
  const hasSettingsErrors = Object.keys(settingsErrors).length > 0;
  return (
    <>
      <header className="page-header">
        <h1>{t("admin.settings.title")}</h1>
        <p className="muted">{t("admin.settings.intro")}</p>
      </header>

      <section className="panel" aria-labelledby="settings-form-title">
        <h2 id="settings-form-title">{t("admin.settings.general")}</h2>
        {hasSettingsErrors ? (
          <p className="form-error" role="alert">
            {t("admin.settings.fixErrors")}
          </p>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="settings" />
          <h3>{t("admin.settings.institution")}</h3>
          <div className="form-grid">
            <TextField wide name="institutionName" label={t("admin.settings.fields.institutionName")} defaultValue={value("institutionName")} error={settingsErrors.institutionName} required />
            <TextField
              wide
              name="postalAddress"
              label={t("admin.settings.fields.postalAddress")}
              hint={t("admin.settings.hints.postalAddress")}
              defaultValue={value("postalAddress")}
              error={settingsErrors.postalAddress}
              required
            />
          </div>
          <h3>{t("admin.settings.senders")}</h3>
          <div className="form-grid">
            <TextField name="bulkSenderName" label={t("admin.settings.fields.bulkSenderName")} defaultValue={value("bulkSenderName")} error={settingsErrors.bulkSenderName} required />
            <TextField
              name="bulkSenderEmail"
              type="email"
              label={t("admin.settings.fields.bulkSenderEmail")}
              defaultValue={value("bulkSenderEmail")}
              error={settingsErrors.bulkSenderEmail}
              required
            />
            <TextField
              name="transactionalSenderName"
              label={t("admin.settings.fields.transactionalSenderName")}
              defaultValue={value("transactionalSenderName")}
              error={settingsErrors.transactionalSenderName}
              required
            />
            <TextField
              name="transactionalSenderEmail"
              type="email"
              label={t("admin.settings.fields.transactionalSenderEmail")}
              defaultValue={value("transactionalSenderEmail")}
              error={settingsErrors.transactionalSenderEmail}
              required
            />
            <TextField
              name="replyTo"
              type="email"
              label={t("admin.settings.fields.replyTo")}
              hint={t("admin.settings.hints.replyTo")}
              defaultValue={value("replyTo")}
              error={settingsErrors.replyTo}
            />
            <TextField
              name="sendRatePerSecond"
              type="number"
              min={1}
              max={1000}
              label={t("admin.settings.fields.sendRatePerSecond")}
              hint={t("admin.settings.hints.sendRatePerSecond")}
              defaultValue={value("sendRatePerSecond")}
              error={settingsErrors.sendRatePerSecond}
              required
            />
          </div>
          <h3>{t("admin.settings.kiosks")}</h3>
          <div className="form-grid">
            <TextField
              name="kioskMailsPerHour"
              type="number"
              min={1}
              max={10000}
              label={t("admin.settings.fields.kioskMailsPerHour")}
              hint={t("admin.settings.hints.kioskMailsPerHour")}
              defaultValue={value("kioskMailsPerHour")}
              error={settingsErrors.kioskMailsPerHour}
              required
            />
          </div>
          <h3>{t("admin.settings.regional")}</h3>
          <div className="form-grid">
            <TextField
              name="timeZone"
              label={t("admin.settings.fields.timeZone")}
              hint={t("admin.settings.hints.timeZone")}
              defaultValue={value("timeZone")}
              error={settingsErrors.timeZone}
              list="time-zones"
              autoComplete="off"
              required
            />
            <datalist id="time-zones">
              {timeZones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={submitting === "settings"}>
              {t("common.save")}
            </button>
          </div>
        </Form>
      </section>

      <section className="panel" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t("admin.settings.privacy.title")}</h2>
        <p className="muted">{t("admin.settings.privacy.intro")}</p>
        <p className="muted">{t("admin.settings.privacy.languagesIntro")}</p>
        {NOTICE_LANGUAGES.map((language) => {
          const notice = current[language];
          const errors = privacyErrors.language === language ? privacyErrors.errors : {};
          const text = privacyErrors.language === language ? privacyErrors.text : (notice?.text ?? "");
          const id = `privacy-${language}`;
          return (
            <section key={language} id={id} aria-labelledby={`${id}-title`}>
              <h3 id={`${id}-title`}>{t(`admin.settings.privacy.in.${language}`)}</h3>
              {notice ? (
                <>
                  <p>
                    <strong>{t("admin.settings.privacy.currentVersion", { version: notice.version })}</strong>{" "}
                    <span className="muted">
                      {t("admin.settings.privacy.publishedOn", { date: formatDate(notice.publishedAt) })}
                      {notice.publisher ? ` · ${t("admin.settings.privacy.publishedBy", { name: notice.publisher.name })}` : ""}
                    </span>
                  </p>
                  <blockquote className="notice-text" lang={language === "en" ? "en" : "es-MX"}>
                    {notice.text}
                  </blockquote>
                </>
              ) : (
                <p className="empty-state">{t(language === "es" ? "admin.settings.privacy.none" : "admin.settings.privacy.noneEnglish")}</p>
              )}
              <details open={Object.keys(errors).length > 0 || !notice ? true : undefined}>
                <summary>{t("admin.settings.privacy.publishIn", { language: t(`admin.settings.privacy.language.${language}`) })}</summary>
                <p className="muted">{t("admin.settings.privacy.publishHint")}</p>
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="privacy" />
                  <input type="hidden" name="language" value={language} />
                  <div className="field">
                    <label htmlFor={`${id}-text`}>{t("admin.settings.privacy.textIn", { language: t(`admin.settings.privacy.language.${language}`) })}</label>
                    <textarea
                      id={`${id}-text`}
                      name="text"
                      rows={10}
                      lang={language === "en" ? "en" : "es-MX"}
                      defaultValue={text}
                      aria-invalid={errors.text ? true : undefined}
                      aria-describedby={errors.text ? `${id}-text-error` : undefined}
                    />
                    {errors.text ? (
                      <p className="field-error" id={`${id}-text-error`}>
                        {t(errors.text)}
                      </p>
                    ) : null}
                  </div>
                  <div className="form-actions">
                    <button type="submit" className="button button--primary" disabled={submitting === "privacy"}>
                      {t("admin.settings.privacy.publish", { version: nextVersion })}
                    </button>
                  </div>
                </Form>
              </details>
            </section>
          );
        })}

        <h3>{t("admin.settings.privacy.earlier")}</h3>
        {earlier.length === 0 ? (
          <p className="muted">{t("admin.settings.privacy.noEarlier")}</p>
        ) : (
          <ul>
            {earlier.map((notice) => (
              <li key={notice.version}>
                <details>
                  <summary>
                    {t("admin.settings.privacy.version", { version: notice.version })} · {t(`admin.settings.privacy.language.${notice.language === "en" ? "en" : "es"}`)} ·{" "}
                    {t("admin.settings.privacy.publishedOn", { date: formatDate(notice.publishedAt) })}
                    {notice.publisher ? ` · ${t("admin.settings.privacy.publishedBy", { name: notice.publisher.name })}` : ""}
                  </summary>
                  <p className="notice-text" lang={notice.language === "en" ? "en" : "es-MX"}>
                    {notice.text}
                  </p>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
