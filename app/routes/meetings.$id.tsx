import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { MeetingAgreementsCard, MeetingFollowUpsCard, MeetingParticipantsCard } from "~/components/meetings/meeting-detail";
import { meetingFormValuesOf, MeetingForm } from "~/components/meetings/meeting-form";
import { RecordHeader, useRecordAnswer } from "~/components/meetings/record-actions";
import meetingsStylesHref from "~/components/meetings/meetings.css?url";
import { ConfirmDialog, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { handleIntents, type IntentContext } from "~/lib/intents.server";
import { notFound, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { deleteMeeting, getMeeting, handleMeetingForm, meetingDeletionImpact, meetingExists, type MeetingFormAnswer } from "~/modules/meetings/index.server";

export const meta = pageTitle("meetings.detail.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  const meeting = await getMeeting(requireParam(params, "id", "key"));
  if (!meeting) throw notFound(request);
  const canEdit = can(user.role, "edit:partner");
  return { meeting, canEdit, editing: canEdit && new URL(request.url).searchParams.get("edit") === "1" };
}

type Confirm = { ok: false; intent: "delete"; impact: Awaited<ReturnType<typeof meetingDeletionImpact>>; stale: boolean };
type Answer = MeetingFormAnswer | Confirm;

const count = z.string().regex(/^\d{1,9}$/, "common.errors.invalid").transform(Number);
const confirmDeleteSchema = z.object({ participants: count, agreements: count });

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:partner");
  const id = requireParam(params, "id", "key");
  if (!(await meetingExists(id))) throw notFound(request);
  const save = async (_: unknown, { formData }: IntentContext) => {
    const result = await handleMeetingForm(actor, formData, id);
    if (result.ok) return redirectWithToast(`/meetings/${id}`, { kind: "success", message: "meetings.form.saved" });
    return data<Answer>(result, { status: result.intent === "save" ? 400 : 200 });
  };
  // The first post changes nothing: it says what will go (decision 023); the second names the figures seen.
  const ask = async (stale: boolean) => data<Answer>({ ok: false, intent: "delete", impact: await meetingDeletionImpact(id), stale }, { status: stale ? 409 : 200 });
  return handleIntents(request, {
    save: { schema: z.object({}), run: save },
    findPartners: { schema: z.object({}), run: save },
    delete: { schema: z.object({}), run: () => ask(false) },
    confirmDelete: {
      schema: confirmDeleteSchema,
      run: async (seen) => ((await deleteMeeting(actor, id, seen)).deleted ? redirectWithToast("/meetings", { kind: "success", message: "meetings.delete.done" }) : ask(true)),
    },
  });
}

export default function MeetingPage() {
  const { meeting, canEdit, editing } = useLoaderData<typeof loader>();
  const { busy, formAnswer, confirm } = useRecordAnswer<Answer>();
  const t = useT();

  if (editing || formAnswer) {
    return (
      <>
        <PageHeader back={{ to: `/meetings/${meeting.id}`, label: meeting.subject }} title={t("meetings.form.editTitle")} />
        <MeetingForm
          key={formAnswer?.nonce ?? "edit"}
          values={formAnswer?.values ?? meetingFormValuesOf(meeting)}
          errors={formAnswer?.errors ?? {}}
          chosen={formAnswer?.chosen ?? meeting.participants.partners}
          found={formAnswer?.found ?? null}
          query={formAnswer?.query ?? ""}
          busy={busy}
          submitLabel={t("meetings.form.save")}
          cancelHref={`/meetings/${meeting.id}`}
        />
      </>
    );
  }

  return (
    <>
      <RecordHeader
        back={{ to: "/meetings", label: t("meetings.backToList") }}
        title={meeting.subject}
        day={meeting.heldOn}
        actions={canEdit ? { editLabel: t("meetings.actions.edit"), deleteLabel: t("meetings.actions.delete"), busy } : null}
      >
        <span>{t(`meetings.kind.${meeting.kind}`)}</span>
        <span>{t(`meetings.format.${meeting.format}`)}</span>
      </RecordHeader>
      {confirm ? (
        <ConfirmDialog
          title={t("meetings.delete.confirmTitle")}
          intent="confirmDelete"
          fields={{ participants: confirm.impact.participants, agreements: confirm.impact.agreements }}
          confirmLabel={t("meetings.delete.confirm")}
          cancelTo={`/meetings/${meeting.id}`}
          notice={confirm.stale ? t("meetings.delete.stale") : undefined}
          busy={busy}
        >
          {t("meetings.delete.confirmBody", { subject: confirm.impact.subject, participants: confirm.impact.participants, agreements: confirm.impact.agreements, followUps: confirm.impact.followUps })}
        </ConfirmDialog>
      ) : null}
      <MeetingParticipantsCard meeting={meeting} />
      {meeting.kind === "COMMISSION_SESSION" || meeting.agreements.length ? <MeetingAgreementsCard meeting={meeting} canEdit={canEdit} /> : null}
      <MeetingFollowUpsCard meeting={meeting} />
    </>
  );
}
