import { Form } from "@remix-run/react";
import { Card, FormActions, EmptyState, Field, FormError, SelectField, TextareaField } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "~/lib/format";
import { SESSION_KINDS } from "~/modules/jury";
import type { IntentState, SetupView } from "./state";

/** The jury's sessions (installation, deliberation, results) with their signed record. */
export function SessionsCard({ sessions, busy, state }: { sessions: SetupView["sessions"]; busy: boolean; state: IntentState }) {
  const t = useT();
  const locale = useLocale();
  const { errors, values } = state;
  return (
    <Card title={t("jury.setup.sessionsTitle")} className="jy-section">
      {sessions.length === 0 ? (
        <EmptyState message={t("jury.setup.noSessions")} />
      ) : (
        <ul className="jy-list">
          {sessions.map((s) => (
            <li key={s.id} className="jy-item">
              <div>
                <div className="jy-item__title">
                  {t(`jury.session.${s.kind}`)} · {formatDate(s.heldAt, locale, "long")}
                </div>
                {s.attendees ? <div className="jy-item__meta">{t("jury.setup.attendeesShort", { attendees: s.attendees })}</div> : null}
                {s.minutes ? <p className="jy-prewrap">{s.minutes}</p> : null}
              </div>
              {s.fileSha256 ? <a href={`/files/${s.fileSha256}?name=${encodeURIComponent(s.fileName ?? "acta.pdf")}`}>{s.fileName ?? t("jury.setup.signedDocument")}</a> : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("jury.setup.addSession")}</h3>
      <Form method="post" encType="multipart/form-data" noValidate className="form-grid">
        <input type="hidden" name="intent" value="session" />
        <SelectField name="kind" idPrefix="session" label={t("jury.setup.sessionKind")} options={SESSION_KINDS.map((k) => ({ value: k, label: t(`jury.session.${k}`) }))} defaultValue={values.kind ?? "INSTALLATION"} error={errors.kind} />
        <Field name="heldAt" idPrefix="jy" type="date" label={t("jury.setup.heldAt")} defaultValue={values.heldAt} error={errors.heldAt} required />
        <TextareaField name="attendees" idPrefix="jy" label={t("jury.setup.attendees")} defaultValue={values.attendees} error={errors.attendees} />
        <TextareaField name="minutes" idPrefix="jy" label={t("jury.setup.minutes")} defaultValue={values.minutes} error={errors.minutes} />
        <Field name="file" idPrefix="session" type="file" accept="application/pdf,image/png,image/jpeg" label={t("jury.setup.signedDocument")} error={errors.file} />
        <FormError error={errors._form} />
        <FormActions submitLabel={t("jury.setup.saveSession")} busy={busy} />
      </Form>
    </Card>
  );
}
