/**
 * The privacy notice per language (admin.settings.tsx, intent "privacy"): the version in force,
 * a form to publish the next one, and every earlier version (published once, never edited).
 */
import { Form } from "@remix-run/react";
import { Card, EmptyState, TextareaField } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { getFormProps, useAppForm, type SubmissionResult } from "~/lib/forms";
import { privacyNoticeSchema } from "~/modules/settings";

type Notice = { version: number; language: string; text: string; publishedAt: string | Date; publisher: { name: string } | null };
type Language = "es" | "en";
const LANGUAGES: readonly Language[] = ["es", "en"];
const langAttr = (language: string) => (language === "en" ? "en" : "es-MX");

function Published({ notice }: { notice: Notice }) {
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <>
      {t("admin.settings.privacy.publishedOn", { date: formatDate(notice.publishedAt) })}
      {notice.publisher ? ` · ${t("admin.settings.privacy.publishedBy", { name: notice.publisher.name })}` : ""}
    </>
  );
}

function LanguageNotice({ language, notice, nextVersion, reply, busy }: { language: Language; notice: Notice | null; nextVersion: number; reply?: SubmissionResult<string[]>; busy: boolean }) {
  const t = useT();
  const [form, fields] = useAppForm({ id: `privacy-${language}-form`, schema: privacyNoticeSchema, lastResult: reply, defaultValue: { text: notice?.text ?? "", language } });
  const id = `privacy-${language}`;
  const languageName = t(`admin.settings.privacy.language.${language}`);
  return (
    <section id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(`admin.settings.privacy.in.${language}`)}</h3>
      {notice ? (
        <>
          <p>
            <strong>{t("admin.settings.privacy.currentVersion", { version: notice.version })}</strong>{" "}
            <span className="muted">
              <Published notice={notice} />
            </span>
          </p>
          <blockquote className="notice-text" lang={langAttr(language)}>
            {notice.text}
          </blockquote>
        </>
      ) : (
        <EmptyState message={t(language === "es" ? "admin.settings.privacy.none" : "admin.settings.privacy.noneEnglish")} />
      )}
      <details open={reply || !notice ? true : undefined}>
        <summary>{t("admin.settings.privacy.publishIn", { language: languageName })}</summary>
        <p className="muted">{t("admin.settings.privacy.publishHint")}</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="intent" value="privacy" />
          <input type="hidden" name="language" value={language} />
          <TextareaField id={`${id}-text`} meta={fields.text} rows={10} lang={langAttr(language)} label={t("admin.settings.privacy.textIn", { language: languageName })} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("admin.settings.privacy.publish", { version: nextVersion })}
            </button>
          </div>
        </Form>
      </details>
    </section>
  );
}

export function PrivacyNotices({ current, earlier, nextVersion, reply, busy }: { current: Record<Language, Notice | null>; earlier: readonly Notice[]; nextVersion: number; reply?: SubmissionResult<string[]>; busy: boolean }) {
  const t = useT();
  // Both languages post the intent "privacy": the reply belongs to the form whose language it carries.
  const replyLanguage = (reply?.initialValue as { language?: unknown } | undefined)?.language === "en" ? "en" : "es";
  return (
    <Card title={t("admin.settings.privacy.title")}>
      <p className="muted">{t("admin.settings.privacy.intro")}</p>
      <p className="muted">{t("admin.settings.privacy.languagesIntro")}</p>
      {LANGUAGES.map((language) => (
        <LanguageNotice key={language} language={language} notice={current[language]} nextVersion={nextVersion} reply={reply && replyLanguage === language ? reply : undefined} busy={busy} />
      ))}
      <h3>{t("admin.settings.privacy.earlier")}</h3>
      {earlier.length === 0 ? (
        <p className="muted">{t("admin.settings.privacy.noEarlier")}</p>
      ) : (
        <ul>
          {earlier.map((notice) => (
            <li key={notice.version}>
              <details>
                <summary>
                  {t("admin.settings.privacy.version", { version: notice.version })} · {t(`admin.settings.privacy.language.${notice.language === "en" ? "en" : "es"}`)} · <Published notice={notice} />
                </summary>
                <p className="notice-text" lang={langAttr(notice.language)}>
                  {notice.text}
                </p>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
