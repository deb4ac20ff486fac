import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AssignCard } from "~/components/jury/setup/assign-card";
import { ConflictsCard } from "~/components/jury/setup/conflicts-card";
import { JurorsCard } from "~/components/jury/setup/jurors-card";
import { LinkAgreementCard } from "~/components/jury/setup/link-card";
import { ReopenCard } from "~/components/jury/setup/reopen-card";
import { SessionsCard } from "~/components/jury/setup/sessions-card";
import { intentState } from "~/components/jury/setup/state";
import { StateCard } from "~/components/jury/setup/state-card";
import { pageTitle } from "~/components/jury/ui";
import { PageHeader } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { refusalResponse } from "~/lib/http.server";
import { handleIntents } from "~/lib/intents.server";
import { readBody, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { isMultipart, parseUpload } from "~/lib/upload.server";
import { requirePermission } from "~/modules/auth/index.server";
import { JuryError, adminConflictSchema, balancedSchema, designateSchema, optionsSchema, pairSchema, reopenSchema, sessionSchema } from "~/modules/jury";
import {
  addSession,
  assignAll,
  assignBalanced,
  designateJuror,
  juryActor,
  juryAdminView,
  recordConflict,
  removeJuror,
  reopenEvaluation,
  sendReminderNow,
  setAssignment,
  setContestFlags,
} from "~/modules/jury/index.server";
import { linkJurorsSchema } from "~/modules/meetings";
import { linkJurorsToAgreement } from "~/modules/meetings/index.server";

export const meta = pageTitle("jury.setup.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:jury");
  return juryAdminView(requireParam(params, "contestId")).catch(refusalResponse);
}

const none = z.object({});
const flag = (name: string) => z.object({ [name]: z.string().optional() }).transform((v) => v[name] === "1");
// The form posts its checkboxes as `userIds`; the meetings rule reads `memberIds`.
const linkSchema = z.preprocess((raw) => ({ agreementId: (raw as Record<string, unknown>).agreementId, memberIds: (raw as Record<string, unknown>).userIds }), linkJurorsSchema);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:jury");
  const contestId = requireParam(params, "contestId");
  const actor = juryActor(user, request);
  const upload = isMultipart(request) ? await readBody(request, () => parseUpload(request, "file")) : null;
  const back = (message: string, toastParams?: Record<string, string | number>, kind: "success" | "info" = "success") => redirectWithToast(`/jury/${contestId}/setup`, { kind, message, params: toastParams });
  const assign = (on: boolean) => async (v: z.output<typeof pairSchema>) => {
    await setAssignment(actor, contestId, v.submissionId, v.userId, on);
    return back("jury.setup.assignmentSaved");
  };
  return handleIntents(
    request,
    {
      designate: { schema: designateSchema, run: async (v) => back((await designateJuror(actor, contestId, v, user.locale)).invited ? "jury.setup.jurorInvited" : "jury.setup.jurorDesignated") },
      linkAgreement: { schema: linkSchema, run: async (v) => back("jury.setup.jurorsLinked", { count: (await linkJurorsToAgreement(actor, v.agreementId, { contestId, userIds: v.memberIds })).linked }) },
      removeJuror: { schema: z.object({ userId: z.string().default("") }), run: async (v) => (await removeJuror(actor, contestId, v.userId), back("jury.setup.jurorRemoved")) },
      session: {
        schema: sessionSchema,
        run: async (v) => {
          if (upload?.tooLarge) throw new JuryError("fileTooLarge", "file");
          await addSession(actor, contestId, v, upload?.files[0] ?? null);
          return back("jury.setup.sessionAdded");
        },
      },
      assignAll: { schema: none, run: async () => back("jury.setup.assignedAll", { count: (await assignAll(actor, contestId)).created }) },
      assignBalanced: {
        schema: balancedSchema,
        run: async (v) => {
          const plan = await assignBalanced(actor, contestId, v.k);
          return back(plan.short.length ? "jury.setup.assignedShort" : "jury.setup.assignedBalanced", { k: v.k, short: plan.short.length }, plan.short.length ? "info" : "success");
        },
      },
      assign: { schema: pairSchema, run: assign(true) },
      unassign: { schema: pairSchema, run: assign(false) },
      conflict: { schema: adminConflictSchema, run: async (v) => (await recordConflict(actor, contestId, v.submissionId, v.userId, v.reason), back("jury.setup.conflictRecorded")) },
      options: { schema: optionsSchema, run: async (v) => (await setContestFlags(actor, contestId, v), back("jury.setup.optionsSaved")) },
      discussion: { schema: flag("open"), run: async (open) => (await setContestFlags(actor, contestId, { discussionOpen: open }), back(open ? "jury.setup.discussionOpened" : "jury.setup.discussionClosed")) },
      close: { schema: flag("closed"), run: async (closed) => (await setContestFlags(actor, contestId, { juryClosed: closed }), back(closed ? "jury.setup.juryClosed" : "jury.setup.juryReopened")) },
      remind: { schema: none, run: async () => back("jury.setup.remindersSent", { count: await sendReminderNow(actor, contestId) }) },
      reopen: {
        schema: reopenSchema,
        run: async (v) => {
          const result = await reopenEvaluation(actor, contestId, v.evaluationId, v.reason);
          return back(result.mailQueued ? "jury.setup.reopened" : "jury.setup.reopenedNoMail", undefined, result.mailQueued ? "success" : "info");
        },
      },
    },
    { formData: upload?.form },
  );
}

export default function JurySetupPage() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const state = (intent: string) => intentState(actionData, intent);
  return (
    <>
      <PageHeader
        title={t("jury.setup.heading", { contest: view.contest.name })}
        back={{ to: "/jury", label: t("jury.title") }}
        actions={<Link to={`/jury/${view.contest.id}/results`}>{t("jury.nav.results")}</Link>}
      />
      <StateCard contest={view.contest} busy={busy} state={state} />
      <JurorsCard view={view} busy={busy} state={state} />
      <LinkAgreementCard view={view} busy={busy} state={state} />
      <SessionsCard sessions={view.sessions} busy={busy} state={state("session")} />
      <AssignCard view={view} busy={busy} state={state} />
      <ConflictsCard view={view} busy={busy} state={state("conflict")} />
      <ReopenCard view={view} busy={busy} state={state("reopen")} />
    </>
  );
}
