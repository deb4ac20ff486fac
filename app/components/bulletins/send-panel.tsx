import { Form } from "@remix-run/react";
import { Card, ConfirmDialog, DateTimeField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { BulletinConfirm } from "~/modules/bulletins";

/** Send now or at a time (each asks first), or take a scheduled bulletin back to draft. */
export function SendPanel({ audience, zone, scheduleDefault, scheduled, scheduleError, busy }: { audience: number; zone: string; scheduleDefault: string; scheduled: boolean; scheduleError?: string; busy: boolean }) {
  const t = useT();
  return (
    <Card title={t("bulletins.send.title")}>
      <div className="bl-grid">
        <Form method="post">
          <input type="hidden" name="intent" value="confirm-send" />
          <p>{t("bulletins.send.confirm", { count: audience })}</p>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("bulletins.send.now")}
          </button>
        </Form>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="confirm-schedule" />
          <DateTimeField name="scheduledAt" idPrefix="bulletin" label={t("bulletins.schedule.at", { zone })} defaultValue={scheduleDefault} error={scheduleError} required />
          <button type="submit" className="button" disabled={busy}>
            {t("bulletins.schedule.submit")}
          </button>
        </Form>
        {scheduled ? (
          <Form method="post">
            <input type="hidden" name="intent" value="unschedule" />
            <button type="submit" className="button button--danger" disabled={busy}>
              {t("bulletins.schedule.cancel")}
            </button>
          </Form>
        ) : null}
      </div>
      <p className="hint muted">{t("bulletins.audience.countHint")}</p>
    </Card>
  );
}

/** The second step of a send or a schedule: what, when, to how many; posts back the figures seen. */
export function SendConfirm({ confirm, busy, cancelTo }: { confirm: BulletinConfirm; busy: boolean; cancelTo: string }) {
  const t = useT();
  const count = confirm.recipients;
  const send = confirm.kind === "send";
  return (
    <ConfirmDialog
      key={`${confirm.kind}-${count}-${confirm.version}`}
      title={t(send ? "bulletins.confirm.sendTitle" : "bulletins.confirm.scheduleTitle")}
      intent={confirm.kind}
      fields={{ scheduledAt: confirm.scheduledAt, confirmedRecipients: count, confirmedVersion: confirm.version }}
      confirmLabel={t(send ? "bulletins.confirm.sendButton" : "bulletins.confirm.scheduleButton", { count })}
      cancelLabel={t("bulletins.confirm.cancel")}
      cancelTo={cancelTo}
      danger={send}
      busy={busy}
      notice={confirm.notice ? t(confirm.notice, { ...confirm.noticeParams, count }) : undefined}
      testId="bulletin-confirm"
    >
      {send ? t("bulletins.confirm.send", { subject: confirm.subject, count }) : t("bulletins.confirm.schedule", { subject: confirm.subject, at: confirm.atLabel ?? "", count })}
    </ConfirmDialog>
  );
}
