import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { BulletinForm } from "~/components/bulletins/bulletin-form";
import { BulletinHeader } from "~/components/bulletins/bulletin-header";
import { PreviewPanel } from "~/components/bulletins/preview-panel";
import { BulletinProgress } from "~/components/bulletins/progress";
import { formErrorOf, replyError } from "~/components/bulletins/replies";
import { BulletinReportPanel } from "~/components/bulletins/report";
import { SendControls } from "~/components/bulletins/send-controls";
import { SendConfirm, SendPanel } from "~/components/bulletins/send-panel";
import { TestSend } from "~/components/bulletins/test-send";
import { FormError } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { titleText } from "~/i18n/meta";
import { requireActor } from "~/lib/actor.server";
import { replyFor } from "~/lib/forms";
import { handleIntents } from "~/lib/intents.server";
import { idQuery, notFound, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { bulletinInputSchema, scheduleSendSchema, sendSchema, testSendSchema, type BulletinConfirm } from "~/modules/bulletins";
import { bulletinPage, cancelBulletin, pauseBulletin, queueTestSend, resumeBulletin, scheduleStep, sendStep, updateBulletin } from "~/modules/bulletins/index.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [{ title: loaded ? titleText(matches, "bulletins.pageTitle", { name: loaded.bulletin.name }) : titleText(matches, "bulletins.title") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:bulletin");
  const contact = idQuery(request, new URL(request.url).searchParams.get("contact"), "int") ?? null;
  const page = await bulletinPage(user, requireParam(params, "id", "key"), contact);
  if (!page) throw notFound(request);
  return { ...page, canEdit: can(user.role, "edit:bulletin") };
}

const none = z.object({});
const confirmAnswer = (confirm: BulletinConfirm, stale: boolean) => data({ intent: "confirm", confirm }, { status: stale ? 409 : 200 });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, "edit:bulletin");
  const id = requireParam(params, "id", "key");
  const here = `/bulletins/${id}`;
  const done = (kind: "success" | "info", message: string, toastParams?: Record<string, string | number>) => redirectWithToast(here, { kind, message, params: toastParams });
  const sendAnswer = async (value: { confirmedRecipients?: number; confirmedVersion?: number }) => {
    const step = await sendStep(actor, id, value);
    if ("ask" in step) return confirmAnswer(step.ask, step.stale);
    return step.done.alreadyStarted ? done("info", "bulletins.send.already") : done("success", "bulletins.send.started", { count: step.done.recipients });
  };
  const scheduleAnswer = async (value: { scheduledAt: string; confirmedRecipients?: number; confirmedVersion?: number }) => {
    const step = await scheduleStep(actor, user, id, value);
    return "ask" in step ? confirmAnswer(step.ask, step.stale) : done("success", "bulletins.schedule.done", { at: step.done.atLabel });
  };
  const stop = async () => done("success", (await cancelBulletin(actor, id)).status === "DRAFT" ? "bulletins.schedule.cancelled" : "bulletins.control.cancelled");
  return handleIntents(request, {
    save: { schema: bulletinInputSchema, run: async (value) => ((await updateBulletin(actor, id, value)).changed ? done("success", "bulletins.saved") : done("info", "bulletins.unchanged")) },
    test: { schema: testSendSchema, run: async (value) => (await queueTestSend(actor, id, value.to, value.contactId), done("success", "bulletins.test.queued", { count: value.to.length })) },
    // The «confirm-» intents only ask: what will happen, when and to how many.
    "confirm-send": { schema: none, run: () => sendAnswer({}) },
    send: { schema: sendSchema, run: sendAnswer },
    "confirm-schedule": { schema: scheduleSendSchema, run: (value) => scheduleAnswer({ scheduledAt: value.scheduledAt }) },
    schedule: { schema: scheduleSendSchema, run: scheduleAnswer },
    unschedule: { schema: none, run: stop },
    cancel: { schema: none, run: stop },
    pause: { schema: none, run: async () => (await pauseBulletin(actor, id), done("success", "bulletins.control.paused")) },
    resume: { schema: none, run: async () => (await resumeBulletin(actor, id), done("success", "bulletins.control.resumed")) },
  });
}

export default function BulletinPage() {
  const { bulletin, report, preview, audience, segments, senderEmail, zone, scheduleDefault, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const contact = useSearchParams()[0].get("contact") ?? "";
  // A send or a schedule waiting for its second step (the action answered with what it would do).
  const confirm = (actionData as { confirm?: BulletinConfirm } | undefined)?.confirm ?? null;
  const editable = bulletin.status === "DRAFT" || bulletin.status === "SCHEDULED";
  const started = bulletin.status === "CANCELLED" ? bulletin.startedAt !== null : !editable;
  const finished = started && (bulletin.status === "SENT" || bulletin.status === "CANCELLED" || bulletin.status === "PAUSED");
  const scheduleError = replyError(actionData, ["confirm-schedule", "schedule"], "scheduledAt");
  const formError = formErrorOf(actionData, ["save"]);
  const { name, subject, bodyMarkdown, language, fromName, fromEmail } = bulletin;
  const values = { name, subject, bodyMarkdown, language, fromName, fromEmail, preheader: bulletin.preheader ?? "", replyTo: bulletin.replyTo ?? "", segmentId: bulletin.segmentId ?? "" };
  return (
    <>
      <BulletinHeader bulletin={bulletin} audience={audience} zone={zone} />
      <FormError error={formError} />
      {canEdit && (bulletin.status === "SENDING" || bulletin.status === "PAUSED") ? <SendControls status={bulletin.status} pending={report.pending + report.sending} busy={busy} /> : null}
      {started ? <BulletinProgress bulletinId={bulletin.id} initial={report} /> : null}
      {finished ? <BulletinReportPanel report={report} /> : null}
      {canEdit && editable && confirm ? <SendConfirm confirm={confirm} busy={busy} cancelTo={`/bulletins/${bulletin.id}`} /> : null}
      {canEdit && editable && !confirm ? <SendPanel audience={audience ?? 0} zone={zone} scheduleDefault={scheduleDefault} scheduled={bulletin.status === "SCHEDULED"} scheduleError={scheduleError} busy={busy} /> : null}
      <PreviewPanel bulletinId={bulletin.id} contact={contact} preview={preview} />
      {canEdit ? <TestSend contact={contact} error={replyError(actionData, ["test"], "to")} busy={busy} /> : null}
      <section aria-labelledby="bl-edit-title">
        <h2 id="bl-edit-title">{t("bulletins.edit.title")}</h2>
        {!editable ? <p className="muted">{t("bulletins.edit.locked")}</p> : null}
        <BulletinForm values={values} lastResult={replyFor(actionData, "save")} segments={segments} senderEmail={senderEmail} submitLabel={t("bulletins.save")} busy={busy} disabled={!editable || !canEdit} />
      </section>
    </>
  );
}
