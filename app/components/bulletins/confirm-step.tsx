import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/i18n/use-t";

/** The confirmation step, rendered by the server: what will happen, to how many, and the figures to post back. */
export type Confirm = {
  kind: "send" | "schedule";
  subject: string;
  recipients: number;
  version: number;
  scheduledAt?: string;
  atLabel?: string;
  notice?: string;
  noticeParams?: Record<string, number>;
};

/**
 * The step between the click and the send: states what will happen, when and to how many, and posts
 * those figures back so the server can refuse if they moved. Works without JavaScript; with it, focus
 * lands on the statement.
 */
export function ConfirmStep({ confirm, busy, cancelTo }: { confirm: Confirm; busy: boolean; cancelTo: string }) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [confirm]);
  const count = confirm.recipients;
  return (
    <section ref={ref} className="panel bl-confirm" aria-labelledby="bl-confirm-title" tabIndex={-1} autoFocus data-testid="bulletin-confirm">
      <h2 id="bl-confirm-title">{t(confirm.kind === "send" ? "bulletins.confirm.sendTitle" : "bulletins.confirm.scheduleTitle")}</h2>
      {confirm.notice ? (
        <p className="form-error" role="alert">
          {t(confirm.notice, { ...confirm.noticeParams, count })}
        </p>
      ) : null}
      <p className="bl-confirm__what">
        {confirm.kind === "send"
          ? t("bulletins.confirm.send", { subject: confirm.subject, count })
          : t("bulletins.confirm.schedule", { subject: confirm.subject, at: confirm.atLabel ?? "", count })}
      </p>
      <Form method="post" className="bl-actions">
        <input type="hidden" name="intent" value={confirm.kind} />
        {confirm.scheduledAt ? <input type="hidden" name="scheduledAt" value={confirm.scheduledAt} /> : null}
        <input type="hidden" name="confirmedRecipients" value={count} />
        <input type="hidden" name="confirmedVersion" value={confirm.version} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t(confirm.kind === "send" ? "bulletins.confirm.sendButton" : "bulletins.confirm.scheduleButton", { count })}
        </button>
        <Link to={cancelTo} className="button">
          {t("bulletins.confirm.cancel")}
        </Link>
      </Form>
    </section>
  );
}
