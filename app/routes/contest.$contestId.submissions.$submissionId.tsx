import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { pageTitle } from "~/components/contest/meta";
import { CorrectionsPanel } from "~/components/contest/submission/corrections-panel";
import { SubmissionDataPanel } from "~/components/contest/submission/data-panel";
import { DocumentsPanel } from "~/components/contest/submission/documents-panel";
import { ReviewPanel } from "~/components/contest/submission/review-panel";
import { StatusPanel } from "~/components/contest/submission/status-panel";
import type { ActionResult } from "~/components/contest/submission/types";
import { ContestHeader, contestLinks, StatusBadge } from "~/components/contest/ui";
import { StatusBadge as KitBadge } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { refusalResponse } from "~/lib/http.server";
import { env } from "~/lib/env.server";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { isMultipart, parseUpload } from "~/lib/upload.server";
import { actorOf } from "~/lib/actor.server";
import { requirePermission } from "~/modules/auth/index.server";
import { submissionFrame, zoneFor, answerCorrection, cancelCorrection, cancelCorrectionSchema, defaultDeadline, requestCorrection, acceptLate, addDocuments, getSubmission, moveSubmission, saveChecks } from "~/modules/contest/index.server";
import { ContestError, manualMovesFrom, OPEN_REVIEW_STATUSES, answerSchema, correctionFormSchema, lateAcceptSchema, moveSchema, parseChecks } from "~/modules/contest";
import { utcToZoned } from "~/lib/time";
import { UploadRejected } from "~/modules/files/index.server";
import { formBody, notFound, readBody, routeParams } from "~/lib/params";

export const meta = pageTitle("contest.submission.pageTitle");
export const links = contestLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  const { contestId, submissionId } = routeParams(request, params, { contestId: "key", submissionId: "key" });
  const [{ submission, ...frame }, zone] = await Promise.all([submissionFrame(contestId, submissionId).catch(refusalResponse), zoneFor(user)]);
  return {
    ...frame,
    canEdit: true,
    submission,
    isAdmin: user.role === "ADMIN",
    moves: manualMovesFrom(submission.status, user.role).map((m) => ({ to: m.to, reasonRequired: m.reasonRequired })),
    defaultDeadline: utcToZoned(defaultDeadline(frame.contest.correctionDays), zone),
    timeZone: zone,
    maxMb: Math.round(env().UPLOAD_MAX_BYTES / 1048576),
  };
}

const bad = (intent: string, errors: Record<string, string>, extra: Partial<ActionResult> = {}, status = 400) => data<ActionResult>({ intent, errors, ...extra }, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  const { contestId, submissionId } = routeParams(request, params, { contestId: "key", submissionId: "key" });
  const here = `/contest/${contestId}/submissions/${submissionId}`;
  const actor = { ...actorOf(request, user), role: user.role };
  const maxMb = Math.round(env().UPLOAD_MAX_BYTES / 1048576);
  let intent = "";
  try {
    if (isMultipart(request)) {
      const upload = await readBody(request, () => parseUpload(request));
      intent = String(upload.form.get("intent") ?? "");
      if (upload.tooLarge) return bad(intent, { files: "files.errors.tooLarge" }, { params: { max: maxMb } }, 413);
      if (intent === "answer") {
        const parsed = answerSchema.safeParse({ note: upload.form.get("note") ?? undefined });
        if (!parsed.success) return bad(intent, fieldErrors(parsed.error));
        const requestId = String(upload.form.get("requestId") ?? "");
        if (upload.files.length === 0 && !parsed.data.note) return bad(intent, { files: "contest.errors.answerEmpty" });
        await answerCorrection(actor, contestId, submissionId, requestId, parsed.data, upload.files);
        return redirectWithToast(here, { kind: "success", message: "contest.corrections.answered" });
      }
      intent = "upload";
      if (upload.files.length === 0) return bad(intent, { files: "contest.errors.fileRequired" });
      const requirementId = String(upload.form.get("requirementId") ?? "") || null;
      await addDocuments(actor, contestId, submissionId, upload.files, { requirementId });
      return redirectWithToast(here, { kind: "success", message: "contest.documents.uploaded", params: { count: upload.files.length } });
    }
    const form = await formBody(request);
    intent = String(form.get("intent") ?? "");
    switch (intent) {
      case "move": {
        const parsed = moveSchema.safeParse({ to: form.get("to") ?? undefined, reason: form.get("reason") ?? undefined });
        if (!parsed.success) return bad(intent, fieldErrors(parsed.error));
        await moveSubmission(actor, contestId, submissionId, parsed.data.to, parsed.data.reason);
        return redirectWithToast(here, { kind: "success", message: `contest.moved.${parsed.data.to}` });
      }
      case "acceptLate": {
        const parsed = lateAcceptSchema.safeParse({ reason: form.get("reason") ?? undefined });
        if (!parsed.success) return bad(intent, fieldErrors(parsed.error));
        await acceptLate(actor, contestId, submissionId, parsed.data.reason);
        return redirectWithToast(here, { kind: "success", message: "contest.late.acceptedDone" });
      }
      case "checks": {
        const submission = await getSubmission(contestId, submissionId);
        if (!submission) throw notFound(request);
        const { checks, errors } = parseChecks(form, submission.review.map((r) => r.requirement.id));
        const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v)]));
        if (Object.keys(errors).length) return bad(intent, errors, { values });
        await saveChecks(actor, contestId, submissionId, checks);
        return redirectWithToast(here, { kind: "success", message: "contest.review.saved" });
      }
      case "correction": {
        const parsed = correctionFormSchema(await zoneFor(user)).safeParse({ items: form.getAll("items"), message: form.get("message") ?? undefined, deadline: form.get("deadline") ?? undefined });
        if (!parsed.success) return bad(intent, fieldErrors(parsed.error));
        await requestCorrection(actor, contestId, submissionId, parsed.data);
        return redirectWithToast(here, { kind: "success", message: "contest.corrections.sent" });
      }
      case "cancelCorrection": {
        const values = { requestId: String(form.get("requestId") ?? ""), reason: String(form.get("reason") ?? "") };
        const parsed = cancelCorrectionSchema.safeParse(values);
        if (!parsed.success) return bad(intent, fieldErrors(parsed.error), { values });
        await cancelCorrection(actor, contestId, submissionId, parsed.data);
        return redirectWithToast(here, { kind: "success", message: "contest.corrections.cancelled" });
      }
      default:
        return bad(intent, { _form: "contest.errors.invalid" });
    }
  } catch (error) {
    if (error instanceof ContestError) {
      if (error.code === "submissionNotFound") throw notFound(request);
      if (error.code === "adminOnly" || error.code === "roleNotAllowed") return bad(intent, { _form: error.messageKey }, {}, 403);
      return bad(intent, { [error.field]: error.messageKey }, { params: error.params });
    }
    if (error instanceof UploadRejected) return bad(intent, { files: error.messageKey }, { params: { max: maxMb } });
    throw error;
  }
}

export default function SubmissionPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { submission: s, contest, moves, isAdmin, defaultDeadline, timeZone, maxMb } = loaderData;
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errorsFor = (intent: string): Record<string, string> => (actionData?.intent === intent ? actionData.errors : {});
  const base = `/contest/${contest.id}/submissions/${s.id}`;
  const reviewOpen = (OPEN_REVIEW_STATUSES as readonly string[]).includes(s.status);
  const panel = { s, busy, actionData, errorsFor };
  return (
    <>
      <ContestHeader frame={loaderData} title={s.title} />
      <p className="ct-header__meta" data-testid="submission-meta">
        <span>
          {t("contest.list.folio")}: <strong>{s.folio}</strong>
        </span>
        <StatusBadge status={s.status} />
        <KitBadge tone={s.origin === "PORTAL" ? "accent" : "neutral"} label={`${t("portal.origin.label")}: ${t(`portal.origin.${s.origin}`)}`} data-testid="submission-origin" />
        {s.late ? <KitBadge tone={s.lateAcceptedById ? "neutral" : "warning"} label={t(s.lateAcceptedById ? "contest.late.accepted" : "contest.late.flag")} /> : null}
        {s.corrections.find((c) => c.state === "OPEN")?.overdue ? <KitBadge tone="danger" label={t("contest.corrections.overdue")} /> : null}
        {reviewOpen ? <Link to={`${base}/edit`}>{t("contest.submission.edit")}</Link> : null}
        <Link to={`/contest/${contest.id}`}>← {t("contest.backToList")}</Link>
      </p>
      <div className="ct-grid">
        <SubmissionDataPanel s={s} />
        <StatusPanel {...panel} moves={moves} isAdmin={isAdmin} reviewOpen={reviewOpen} />
      </div>
      <ReviewPanel {...panel} reviewOpen={reviewOpen} />
      <CorrectionsPanel {...panel} base={base} correctionDays={contest.correctionDays} defaultDeadline={defaultDeadline} timeZone={timeZone} />
      <DocumentsPanel {...panel} base={base} maxMb={maxMb} />
    </>
  );
}
