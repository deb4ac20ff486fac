import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ConflictCheck } from "~/components/jury/conflict-check";
import { PageHeader } from "~/components/ui";
import { ErrorSummary, EvaluationForm, PeerScores, ProjectDetails, SubmitConfirmation } from "~/components/jury/evaluation";
import { Deadline, pageTitle } from "~/components/jury/ui";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { loadRubric } from "~/modules/contest/index.server";
import { JuryError, conflictSchema, parseEvaluationForm } from "~/modules/jury";
import { juryActor, confirmNoConflict, conflictCheckView, declareConflict, evaluationView, requireJurorProject, reviewSubmission, saveDraft, submitEvaluation, unscoredCriteria } from "~/modules/jury/index.server";
import { badRequest, formBody, routeParams } from "~/lib/params";
import { domainErrorAnswer, refusalResponse } from "~/lib/http.server";

export const meta = pageTitle("jury.evaluation.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "evaluate:jury");
  const { contestId, submissionId } = routeParams(request, params, { contestId: "key", submissionId: "key" });
  try {
    return { step: "evaluate" as const, view: await evaluationView(user.id, contestId, submissionId), check: null };
  } catch (error) {
    if (error instanceof JuryError && error.code === "conflictUnconfirmed") {
      return { step: "confirm" as const, view: null, check: await conflictCheckView(user.id, contestId, submissionId) };
    }
    return refusalResponse(error);
  }
}

function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string" && k !== "intent" && k !== "confirmed") out[k] = v;
  return out;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "evaluate:jury");
  const { contestId, submissionId } = routeParams(request, params, { contestId: "key", submissionId: "key" });
  const actor = juryActor(user, request);
  const form = await formBody(request);
  const intent = String(form.get("intent") ?? "");
  const values = formValues(form);
  try {
    if (intent === "confirm") {
      await confirmNoConflict(actor, contestId, submissionId);
      return redirect(`/jury/${contestId}/p/${submissionId}`);
    }
    if (intent === "conflict") {
      const parsed = conflictSchema.safeParse(values);
      if (!parsed.success) return data({ ok: false as const, errors: fieldErrors(parsed.error), params: {}, values }, { status: 400 });
      await declareConflict(actor, contestId, submissionId, parsed.data.reason);
      return redirectWithToast(`/jury/${contestId}`, { kind: "success", message: "jury.conflict.declared" });
    }
    if (intent === "draft" || intent === "submit") {
      await requireJurorProject(user.id, contestId, submissionId);
      const rubric = await loadRubric(contestId);
      const parsed = parseEvaluationForm(form, rubric);
      if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors, params: {}, values }, { status: 400 });
      if (intent === "draft") {
        const saved = await saveDraft(actor, contestId, submissionId, parsed.draft);
        return data({ ok: true as const, savedAt: saved.savedAt.toISOString(), errors: {} as Record<string, string>, params: {}, values });
      }
      // Only the confirmation step's own button (confirmed=1) locks; a plain submit asks first.
      if (form.get("confirmed") === "1" && rubric.length > 0 && unscoredCriteria(rubric, parsed.draft).length === 0) {
        await submitEvaluation(actor, contestId, submissionId, parsed.draft);
        return redirectWithToast(`/jury/${contestId}/p/${submissionId}`, { kind: "success", message: "jury.evaluation.submitted" });
      }
      const review = await reviewSubmission(actor, contestId, submissionId, parsed.draft);
      if (review.total === 0) return data({ ok: false as const, errors: { _form: "jury.errors.incomplete" } as Record<string, string>, params: {}, values }, { status: 409 });
      if (review.missing.length > 0) {
        const errors = Object.fromEntries(review.missing.map((c) => [`score.${c.id}`, "jury.errors.scoreMissing"]));
        return data({ ok: false as const, errors, params: {}, values, draftSaved: true }, { status: 400 });
      }
      return data({ ok: true as const, errors: {} as Record<string, string>, params: {}, values, review: { project: review.project, scored: review.scored, total: review.total } });
    }
    throw badRequest(request);
  } catch (error) {
    return domainErrorAnswer(error, values);
  }
}

export default function EvaluationPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  if (loaderData.step === "confirm") {
    return <ConflictCheck check={loaderData.check} errors={actionData?.errors ?? {}} reason={actionData?.values?.reason} />;
  }
  const view = loaderData.view;
  const review = actionData && "review" in actionData ? actionData.review : null;
  return (
    <>
      <PageHeader title={`${view.project.folio} · ${view.project.title}`} back={{ to: `/jury/${view.contest.id}`, label: view.contest.name }} />
      <Deadline endsAt={view.contest.evaluationEndsAt} refusal={view.evaluation?.state === "SUBMITTED" ? null : view.refusal} />
      {review && view.editable ? (
        <SubmitConfirmation review={review} rubric={view.rubric} values={actionData?.values ?? {}} cancelTo={`/jury/${view.contest.id}/p/${view.project.id}`} />
      ) : (
        <>
          {actionData && !actionData.ok ? <ErrorSummary rubric={view.rubric} errors={actionData.errors} draftSaved={"draftSaved" in actionData && actionData.draftSaved === true} /> : null}
          <ProjectDetails project={view.project} />
          <EvaluationForm view={view} actionData={actionData ?? null} />
        </>
      )}
      {view.peers ? <PeerScores peers={view.peers} rubric={view.rubric} /> : null}
      {view.evaluation?.state === "SUBMITTED" && !view.contest.discussionOpen ? <p className="muted">{t("jury.evaluation.peersWaiting")}</p> : null}
    </>
  );
}
