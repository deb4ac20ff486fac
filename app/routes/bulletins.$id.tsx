import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { BulletinForm, type BulletinFormValues } from "~/components/bulletins/bulletin-form";
import { ConfirmStep, type Confirm } from "~/components/bulletins/confirm-step";
import { BulletinProgress } from "~/components/bulletins/progress";
import { BulletinStatusBadge } from "~/components/bulletins/status-badge";
import { makeT } from "~/i18n";
import { useFormatDate, useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { formatDateTime } from "~/lib/format";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth/permissions";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import {
  audienceCount,
  BulletinError,
  bulletinReport,
  cancelBulletin,
  getBulletin,
  pauseBulletin,
  previewBulletin,
  queueTestSend,
  resumeBulletin,
  scheduleBulletin,
  segmentChoices,
  sendBulletin,
  sendConfirmation,
  updateBulletin,
} from "~/modules/bulletins/bulletins.server";
import { bulletinInputSchema, confirmationSchema, scheduleSchema, testSendSchema } from "~/modules/bulletins/schema";
import { utcToZonedLocal, zonedLocalToUtc } from "~/modules/bulletins/time";
import { readingZone } from "~/lib/time";
import { getSettings } from "~/modules/settings/settings.server";
import { badRequest, formBody, idParam, idQuery, notFound } from "~/lib/params";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: "es" | "en" } | undefined;
  return [{ title: `Alcance — ${loaderData?.bulletin.name ?? makeT(root?.locale ?? "es")("bulletins.title")}` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:bulletin");
  const bulletin = await getBulletin(idParam(request, params.id, "key"));
  if (!bulletin) throw notFound(request);
  const previewContact = idQuery(request, new URL(request.url).searchParams.get("contact"), "int") ?? null;
  const [segments, settings, report, count, zone, preview] = await Promise.all([
    segmentChoices(),
    getSettings(),
    bulletinReport(bulletin.id),
    // A deleted segment reaches nobody (the bulletin refuses to send until another is chosen).
    bulletin.status === "DRAFT" || bulletin.status === "SCHEDULED" ? (bulletin.segmentName && !bulletin.segmentId ? Promise.resolve(0) : audienceCount(bulletin.segmentId).catch(() => 0)) : Promise.resolve(null),
    getSettings().then((s) => readingZone(user.timeZone, s.timeZone)),
    previewBulletin(bulletin.id, previewContact),
  ]);
  return {
    bulletin: {
      id: bulletin.id,
      name: bulletin.name,
      subject: bulletin.subject,
      preheader: bulletin.preheader,
      bodyMarkdown: bulletin.bodyMarkdown,
      language: bulletin.language,
      fromName: bulletin.fromName,
      fromEmail: bulletin.fromEmail,
      replyTo: bulletin.replyTo,
      segmentId: bulletin.segmentId,
      segmentName: bulletin.segmentName,
      status: bulletin.status,
      scheduledAt: bulletin.scheduledAt,
      startedAt: bulletin.startedAt,
      finishedAt: bulletin.finishedAt,
      pausedReason: bulletin.pausedReason,
      version: bulletin.version,
    },
    report: report!,
    preview: { subject: preview?.subject ?? "", html: preview?.html ?? "", text: preview?.text ?? "" },
    audience: count,
    segments,
    senderEmail: settings.bulkSenderEmail,
    zone,
    scheduleDefault: utcToZonedLocal(bulletin.scheduledAt ?? new Date(Date.now() + 3_600_000), zone),
    canEdit: can(user.role, "edit:bulletin"),
  };
}

const intentSchema = z.enum(["save", "test", "confirm-send", "send", "confirm-schedule", "schedule", "unschedule", "pause", "resume", "cancel"]);

type ActionData = { intent: string; errors: Record<string, string>; values?: BulletinFormValues; confirm?: Confirm };

const STALE = new Set(["audienceChanged", "changedSinceConfirm"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:bulletin");
  const actor = { userId: user.id, ip: clientIp(request) };
  const id = idParam(request, params.id, "key");
  const form = Object.fromEntries(await formBody(request));
  const intent = intentSchema.safeParse(form.intent);
  if (!intent.success) throw badRequest(request);
  const here = `/bulletins/${id}`;
  const fail = (errors: Record<string, string>, extra: Partial<ActionData> = {}) => data<ActionData>({ intent: intent.data, errors, ...extra }, { status: 400 });
  // Counted now, by the same rule the send snapshots with; a stale confirmation is asked again with the new figures.
  const confirmStep = async (step: Omit<Confirm, "subject" | "recipients" | "version">, status = 200) => {
    const now = await sendConfirmation(id);
    return data<ActionData>({ intent: intent.data, errors: {}, confirm: { ...step, subject: now.subject, recipients: now.recipients, version: now.version } }, { status });
  };
  const confirmed = confirmationSchema.safeParse(form);
  const confirmation = confirmed.success ? { recipients: confirmed.data.confirmedRecipients, version: confirmed.data.confirmedVersion } : null;
  const stale = (error: unknown) => (error instanceof BulletinError && STALE.has(error.code) ? error : null);
  try {
    switch (intent.data) {
      case "save": {
        const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)])) as BulletinFormValues;
        const parsed = bulletinInputSchema.safeParse(form);
        if (!parsed.success) return fail(fieldErrors(parsed.error), { values });
        const { changed } = await updateBulletin(actor, id, parsed.data);
        return redirectWithToast(here, { kind: changed ? "success" : "info", message: changed ? "bulletins.saved" : "bulletins.unchanged" });
      }
      case "test": {
        const parsed = testSendSchema.safeParse(form);
        if (!parsed.success) return fail(fieldErrors(parsed.error));
        await queueTestSend(actor, id, parsed.data.to, parsed.data.contactId);
        return redirectWithToast(here, { kind: "success", message: "bulletins.test.queued", params: { count: parsed.data.to.length } });
      }
      case "confirm-send":
      case "send": {
        // Without the figures the person confirmed, a send only shows what it would do.
        if (intent.data === "confirm-send" || !confirmation) return await confirmStep({ kind: "send" });
        try {
          const result = await sendBulletin(actor, id, { confirmed: confirmation });
          return redirectWithToast(here, result.alreadyStarted ? { kind: "info", message: "bulletins.send.already" } : { kind: "success", message: "bulletins.send.started", params: { count: result.recipients } });
        } catch (error) {
          const refused = stale(error);
          if (!refused) throw error;
          return await confirmStep({ kind: "send", notice: refused.messageKey, noticeParams: { before: confirmation.recipients } }, 409);
        }
      }
      case "confirm-schedule":
      case "schedule": {
        const parsed = scheduleSchema.safeParse(form);
        if (!parsed.success) return fail(fieldErrors(parsed.error));
        const zone = readingZone(user.timeZone, (await getSettings()).timeZone);
        const at = zonedLocalToUtc(parsed.data.scheduledAt, zone);
        if (!at) return fail({ scheduledAt: "bulletins.errors.scheduleInvalid" });
        if (at.getTime() <= Date.now()) return fail({ scheduledAt: "bulletins.errors.scheduleInPast" });
        const formatted = formatDateTime(at, user.locale === "en" ? "en" : "es", zone, { dateStyle: "long", zoneName: true });
        const step = { kind: "schedule" as const, scheduledAt: parsed.data.scheduledAt, atLabel: formatted };
        if (intent.data === "confirm-schedule" || !confirmation) return await confirmStep(step);
        try {
          await scheduleBulletin(actor, id, at, new Date(), confirmation);
        } catch (error) {
          const refused = stale(error);
          if (!refused) throw error;
          return await confirmStep({ ...step, notice: refused.messageKey, noticeParams: { before: confirmation.recipients } }, 409);
        }
        return redirectWithToast(here, { kind: "success", message: "bulletins.schedule.done", params: { at: formatted } });
      }
      case "unschedule":
      case "cancel": {
        const result = await cancelBulletin(actor, id);
        return redirectWithToast(here, { kind: "success", message: result.status === "DRAFT" ? "bulletins.schedule.cancelled" : "bulletins.control.cancelled" });
      }
      case "pause":
        await pauseBulletin(actor, id);
        return redirectWithToast(here, { kind: "success", message: "bulletins.control.paused" });
      case "resume":
        await resumeBulletin(actor, id);
        return redirectWithToast(here, { kind: "success", message: "bulletins.control.resumed" });
    }
  } catch (error) {
    if (error instanceof BulletinError) {
      if (error.code === "notFound") throw notFound(request);
      return data<ActionData>({ intent: intent.data, errors: { _form: error.messageKey } }, { status: 409 });
    }
    throw error;
  }
}

export default function BulletinPage() {
  const { bulletin, report, preview, audience, segments, senderEmail, zone, scheduleDefault, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const formatDate = useFormatDate();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [searchParams] = useSearchParams();
  const previewContact = searchParams.get("contact") ?? "";
  const editable = bulletin.status === "DRAFT" || bulletin.status === "SCHEDULED";
  const started = !editable && bulletin.status !== "CANCELLED" ? true : bulletin.status === "CANCELLED" && bulletin.startedAt !== null;
  const previewQuery = previewContact ? `?contact=${encodeURIComponent(previewContact)}&` : "?";
  const scheduleError = actionData?.intent.endsWith("schedule") ? actionData.errors.scheduledAt : undefined;
  const formError = actionData && actionData.intent !== "save" && !scheduleError ? (actionData.errors._form ?? Object.values(actionData.errors)[0]) : null;
  const values: BulletinFormValues =
    actionData?.intent === "save" && actionData.values
      ? actionData.values
      : {
          name: bulletin.name,
          subject: bulletin.subject,
          preheader: bulletin.preheader ?? "",
          bodyMarkdown: bulletin.bodyMarkdown,
          language: bulletin.language,
          fromName: bulletin.fromName,
          fromEmail: bulletin.fromEmail,
          replyTo: bulletin.replyTo ?? "",
          segmentId: bulletin.segmentId ?? "",
        };
  const pausedDetail = bulletin.pausedReason?.startsWith("failureThreshold:") ? bulletin.pausedReason.slice("failureThreshold:".length) : null;

  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <p>
            <Link to="/bulletins">← {t("bulletins.back")}</Link>
          </p>
          <h1>{bulletin.name}</h1>
          <p>
            <BulletinStatusBadge status={bulletin.status} />{" "}
            <span className="muted">
              {bulletin.segmentId ? t("bulletins.audience.segment", { name: bulletin.segmentName ?? "" }) : bulletin.segmentName ? t("bulletins.audience.missing", { name: bulletin.segmentName }) : t("bulletins.audience.all")}
              {audience !== null ? ` · ${t("bulletins.audience.count", { count: audience })}` : null}
            </span>
          </p>
          {bulletin.status === "SCHEDULED" && bulletin.scheduledAt ? <p>{t("bulletins.schedule.for", { at: `${formatDate(bulletin.scheduledAt, { dateStyle: "long", timeStyle: "short" })} (${zone})` })}</p> : null}
          {bulletin.status === "PAUSED" && bulletin.pausedReason ? (
            <p className="form-error" role="status">
              {pausedDetail ? t("bulletins.paused.failureThreshold", { detail: pausedDetail }) : t(`bulletins.paused.${bulletin.pausedReason}`)}
            </p>
          ) : null}
          {bulletin.status === "DRAFT" && bulletin.pausedReason === "segmentMissing" ? <p className="form-error">{t("bulletins.paused.segmentMissing")}</p> : null}
        </div>
      </header>

      {formError ? (
        <p className="form-error" role="alert">
          {t(formError)}
        </p>
      ) : null}

      {canEdit && (bulletin.status === "SENDING" || bulletin.status === "PAUSED") ? (
        <div className="bl-actions panel">
          {bulletin.status === "SENDING" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="pause" />
              <button type="submit" className="button" disabled={busy}>
                {t("bulletins.control.pause")}
              </button>
            </Form>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="resume" />
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("bulletins.control.resume")}
              </button>
            </Form>
          )}
          <details>
            <summary>{t("bulletins.control.cancel")}</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="button button--danger" disabled={busy}>
                {t("bulletins.control.cancelConfirm")}
              </button>
            </Form>
          </details>
        </div>
      ) : null}

      {started ? <BulletinProgress bulletinId={bulletin.id} initial={report} /> : null}

      {started && (bulletin.status === "SENT" || bulletin.status === "CANCELLED" || bulletin.status === "PAUSED") ? (
        <section className="panel" aria-labelledby="bl-report-title">
          <h2 id="bl-report-title">{t("bulletins.report.title")}</h2>
          <dl className="bl-figures">
            <div>
              <dt>{t("bulletins.report.recipients")}</dt>
              <dd data-testid="report-recipients">{report.recipients.toLocaleString()}</dd>
            </div>
            <div>
              <dt>{t("bulletins.report.delivered")}</dt>
              <dd data-testid="report-delivered">{report.sent.toLocaleString()}</dd>
            </div>
            <div>
              <dt>{t("bulletins.report.failed")}</dt>
              <dd>{report.failed.toLocaleString()}</dd>
            </div>
            <div>
              <dt>{t("bulletins.report.bounced")}</dt>
              <dd>{report.bounced.toLocaleString()}</dd>
            </div>
            <div>
              <dt>{t("bulletins.report.complained")}</dt>
              <dd>{report.complained.toLocaleString()}</dd>
            </div>
            <div>
              <dt>{t("bulletins.report.unsubscribed")}</dt>
              <dd>{report.unsubscribedSince.toLocaleString()}</dd>
            </div>
            <div>
              <dt>{t("bulletins.report.unknown")}</dt>
              <dd>{report.outcomeUnknown.toLocaleString()}</dd>
            </div>
          </dl>
          <h3>{t("bulletins.report.reasons")}</h3>
          {report.failureReasons.length === 0 ? (
            <p className="muted">{t("bulletins.report.noFailures")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("bulletins.report.reason")}</th>
                    <th scope="col">{t("bulletins.report.count")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.failureReasons.map((r) => (
                    <tr key={r.reason}>
                      <td>{r.reason}</td>
                      <td>{r.count.toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}

      {canEdit && editable && actionData?.confirm ? <ConfirmStep confirm={actionData.confirm} busy={busy} cancelTo={`/bulletins/${bulletin.id}`} /> : null}

      {canEdit && editable && !actionData?.confirm ? (
        <section className="panel" aria-labelledby="bl-send-title">
          <h2 id="bl-send-title">{t("bulletins.send.title")}</h2>
          <div className="bl-grid">
            <Form method="post">
              <input type="hidden" name="intent" value="confirm-send" />
              <p>{t("bulletins.send.confirm", { count: audience ?? 0 })}</p>
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("bulletins.send.now")}
              </button>
            </Form>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="confirm-schedule" />
              <div className="field">
                <label htmlFor="bulletin-scheduledAt">{t("bulletins.schedule.at", { zone })}</label>
                <input
                  id="bulletin-scheduledAt"
                  name="scheduledAt"
                  type="datetime-local"
                  defaultValue={scheduleDefault}
                  required
                  aria-invalid={scheduleError ? true : undefined}
                  aria-describedby={scheduleError ? "bulletin-scheduledAt-error" : undefined}
                />
                {scheduleError ? (
                  <p className="field-error" id="bulletin-scheduledAt-error">
                    {t(scheduleError)}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="button" disabled={busy}>
                {t("bulletins.schedule.submit")}
              </button>
            </Form>
            {bulletin.status === "SCHEDULED" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="unschedule" />
                <button type="submit" className="button button--danger" disabled={busy}>
                  {t("bulletins.schedule.cancel")}
                </button>
              </Form>
            ) : null}
          </div>
          <p className="hint muted">{t("bulletins.audience.countHint")}</p>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="bl-preview-title">
        <h2 id="bl-preview-title">{t("bulletins.preview.title")}</h2>
        <Form method="get" className="bl-actions">
          <div className="field">
            <label htmlFor="preview-contact">{t("bulletins.preview.contact")}</label>
            <input id="preview-contact" name="contact" inputMode="numeric" pattern="[0-9]*" defaultValue={previewContact} aria-describedby="preview-contact-hint" />
            <p className="hint muted" id="preview-contact-hint">
              {t("bulletins.preview.contactHint")}
            </p>
          </div>
          <button type="submit" className="button">
            {t("bulletins.preview.show")}
          </button>
        </Form>
        <p>
          <strong>{t("bulletins.preview.subject", { subject: preview.subject })}</strong>
        </p>
        {/* srcDoc + an empty sandbox: the message renders with no script and no access to this page. */}
        <div className="bl-previews">
          <figure>
            <figcaption>
              {t("bulletins.preview.desktop")} ·{" "}
              <a href={`/bulletins/${bulletin.id}/preview${previewQuery}format=html`} target="_blank" rel="noreferrer">
                {t("bulletins.preview.open")}
              </a>
            </figcaption>
            <iframe title={t("bulletins.preview.desktop")} className="bl-frame bl-frame--desktop" srcDoc={preview.html} sandbox="" />
          </figure>
          <figure>
            <figcaption>{t("bulletins.preview.phone")}</figcaption>
            <iframe title={t("bulletins.preview.phone")} className="bl-frame bl-frame--phone" srcDoc={preview.html} sandbox="" />
          </figure>
          <figure>
            <figcaption>{t("bulletins.preview.text")}</figcaption>
            <pre className="bl-text" data-testid="preview-text">
              {preview.text}
            </pre>
          </figure>
        </div>
      </section>

      {canEdit ? (
        <section className="panel" aria-labelledby="bl-test-title">
          <h2 id="bl-test-title">{t("bulletins.test.title")}</h2>
          <Form method="post" noValidate className="bl-actions">
            <input type="hidden" name="intent" value="test" />
            {previewContact ? <input type="hidden" name="contactId" value={previewContact} /> : null}
            <div className="field">
              <label htmlFor="bulletin-test-to">{t("bulletins.test.to")}</label>
              <input id="bulletin-test-to" name="to" type="text" required aria-invalid={actionData?.intent === "test" ? true : undefined} />
              {actionData?.intent === "test" && actionData.errors.to ? <p className="field-error">{t(actionData.errors.to)}</p> : null}
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t("bulletins.test.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="bl-edit-title">
        <h2 id="bl-edit-title">{t("bulletins.edit.title")}</h2>
        {!editable ? <p className="muted">{t("bulletins.edit.locked")}</p> : null}
        <BulletinForm
          values={values}
          errors={actionData?.intent === "save" ? actionData.errors : {}}
          segments={segments}
          senderEmail={senderEmail}
          submitLabel={t("bulletins.save")}
          busy={busy}
          disabled={!editable || !canEdit}
        />
      </section>
    </>
  );
}
