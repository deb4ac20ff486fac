/**
 * The bounce mailbox on the settings page (admin.settings.tsx, intents "mailbox", "mailboxTest",
 * "mailboxRemove"; decision 034): where bounces and complaints arrive by mail, how often the worker
 * reads them, and how the last run went. The password is never sent to the browser: only whether
 * one is saved.
 */
import { Form } from "@remix-run/react";
import { Card, CheckboxField, ConfirmDialog, Facts, Field, FormActions, FormErrorSummary, StatusBadge } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { getFormProps, useAppForm, type SubmissionResult } from "~/lib/forms";
import { MAILBOX_DEFAULTS, mailboxSchema, type MailboxFailure, type MailboxRunCounts } from "~/modules/bulletins";

type Overview = {
  host: string;
  port: number;
  tls: boolean;
  username: string;
  folder: string;
  processedFolder: string;
  intervalMinutes: number;
  enabled: boolean;
  lastRunAt: string | Date | null;
  lastRunCounts: MailboxRunCounts | null;
  lastRunError: string | null;
  passwordReadable: boolean;
} | null;

export type MailboxTestOutcome = { ok: true; messages: number } | { ok: false; failure: MailboxFailure; detail: string | null };

/** The «Probar conexión» answer in the action's data, if that is what the action answered. */
export function mailboxTestOf(actionData: unknown): MailboxTestOutcome | undefined {
  if (!actionData || typeof actionData !== "object") return undefined;
  const reply = actionData as { intent?: unknown; test?: MailboxTestOutcome };
  return reply.intent === "mailboxTest" ? reply.test : undefined;
}

type FieldName = "host" | "port" | "tls" | "username" | "password" | "folder" | "processedFolder" | "intervalMinutes" | "enabled";

export function BounceMailbox({ overview, reply, test, busy }: { overview: Overview; reply?: SubmissionResult<string[]>; test?: MailboxTestOutcome; busy: boolean }) {
  const t = useT();
  const formatDate = useFormatDate();
  const saved = overview !== null;
  const [form, fields] = useAppForm({
    id: "mailbox",
    schema: mailboxSchema,
    lastResult: reply,
    defaultValue: {
      host: overview?.host ?? "",
      port: String(overview?.port ?? MAILBOX_DEFAULTS.port),
      tls: (overview?.tls ?? MAILBOX_DEFAULTS.tls) ? "on" : "",
      username: overview?.username ?? "",
      folder: overview?.folder ?? MAILBOX_DEFAULTS.folder,
      processedFolder: overview?.processedFolder ?? MAILBOX_DEFAULTS.processedFolder,
      intervalMinutes: String(overview?.intervalMinutes ?? MAILBOX_DEFAULTS.intervalMinutes),
      enabled: overview?.enabled ? "on" : "",
    },
  });
  const label = (name: FieldName) => t(`admin.settings.mailbox.fields.${name}`);
  const errors = Object.fromEntries(Object.entries(form.allErrors).map(([name, keys]) => [name, keys[0]]));
  const counts = overview?.lastRunCounts;
  const state = !saved ? "off" : overview.enabled ? "on" : "paused";
  return (
    <Card title={t("admin.settings.mailbox.title")} data-section="bounce-mailbox">
      <div id="bounce-mailbox" className="bounce-mailbox">
        <p>{t("admin.settings.mailbox.intro")}</p>
        <Facts
          items={[
            {
              label: t("admin.settings.mailbox.status"),
              value: (
                <span data-mailbox-state={state}>
                  <StatusBadge tone={state === "on" ? "success" : "neutral"} label={t(`admin.settings.mailbox.state.${state}`, { count: overview?.intervalMinutes ?? 0 })} />
                </span>
              ),
            },
            {
              label: t("admin.settings.mailbox.lastRun"),
              value: overview?.lastRunAt ? (
                <span data-mailbox-last-run>
                  {formatDate(overview.lastRunAt)} —{" "}
                  {overview.lastRunError
                    ? t(`admin.settings.mailbox.failure.${overview.lastRunError}`)
                    : counts
                      ? t("admin.settings.mailbox.lastRunCounts", { polled: counts.polled, ingested: counts.ingested + counts.duplicate, left: counts.unattributed + counts.tooLarge })
                      : null}
                </span>
              ) : null,
            },
          ]}
        />
        {saved && !overview.passwordReadable ? (
          <p className="form-error" role="alert">
            {t("admin.settings.mailbox.passwordUnreadable")}
          </p>
        ) : null}
        {test ? (
          <p role="status" data-mailbox-test={test.ok ? "ok" : test.failure} className={test.ok ? undefined : "form-error"}>
            <StatusBadge tone={test.ok ? "success" : "danger"} label={t(test.ok ? "admin.settings.mailbox.test.ok" : "admin.settings.mailbox.test.failed")} />{" "}
            {test.ok ? t("admin.settings.mailbox.test.okDetail", { count: test.messages }) : t(`admin.settings.mailbox.failure.${test.failure}`)}
            {!test.ok && test.detail ? (
              <>
                {" "}
                <span className="muted">{t("admin.settings.mailbox.test.serverSaid", { detail: test.detail })}</span>
              </>
            ) : null}
          </p>
        ) : null}
        <FormErrorSummary errors={errors} title={t("admin.settings.fixErrors")} idPrefix="mailbox" labels={Object.fromEntries(Object.keys(errors).map((n) => [n, label(n as FieldName)]))} />
        <Form method="post" {...getFormProps(form)} noValidate>
          <div className="form-grid">
            <Field id="mailbox-host" meta={fields.host} label={label("host")} hint={t("admin.settings.mailbox.hints.host")} autoComplete="off" spellCheck={false} required />
            <Field id="mailbox-port" meta={fields.port} type="number" min={1} max={65535} label={label("port")} hint={t("admin.settings.mailbox.hints.port")} required />
            <CheckboxField id="mailbox-tls" meta={fields.tls} label={label("tls")} hint={t("admin.settings.mailbox.hints.tls")} />
            <Field id="mailbox-username" meta={fields.username} label={label("username")} autoComplete="off" spellCheck={false} required />
            {/* Never filled back: the saved password stays on the server. */}
            <Field
              id="mailbox-password"
              name="password"
              type="password"
              defaultValue=""
              autoComplete="new-password"
              label={label("password")}
              hint={t(saved ? "admin.settings.mailbox.hints.passwordKeep" : "admin.settings.mailbox.hints.password")}
              error={errors.password}
              required={!saved}
            />
            <Field id="mailbox-folder" meta={fields.folder} label={label("folder")} hint={t("admin.settings.mailbox.hints.folder")} required />
            <Field id="mailbox-processedFolder" meta={fields.processedFolder} label={label("processedFolder")} hint={t("admin.settings.mailbox.hints.processedFolder")} required />
            <Field id="mailbox-intervalMinutes" meta={fields.intervalMinutes} type="number" min={1} max={1440} label={label("intervalMinutes")} hint={t("admin.settings.mailbox.hints.intervalMinutes")} required />
            <CheckboxField id="mailbox-enabled" meta={fields.enabled} label={label("enabled")} hint={t("admin.settings.mailbox.hints.enabled")} />
          </div>
          <FormActions submitLabel={t("admin.settings.mailbox.save")} intent="mailbox" busy={busy}>
            <button type="submit" name="intent" value="mailboxTest" className="button" disabled={busy}>
              {t("admin.settings.mailbox.testButton")}
            </button>
          </FormActions>
        </Form>
        {saved ? (
          <ConfirmDialog trigger={t("admin.settings.mailbox.remove")} title={t("admin.settings.mailbox.removeTitle")} intent="mailboxRemove" confirmLabel={t("admin.settings.mailbox.removeConfirm")}>
            {t("admin.settings.mailbox.removeWhat")}
          </ConfirmDialog>
        ) : null}
      </div>
    </Card>
  );
}
