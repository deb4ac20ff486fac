import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AgreementDetail } from "~/components/meetings/agreement-detail";
import { AgreementForm } from "~/components/meetings/agreement-form";
import { AGREEMENT_STATUS_TONES } from "~/components/meetings/labels";
import { RecordHeader, useRecordAnswer } from "~/components/meetings/record-actions";
import meetingsStylesHref from "~/components/meetings/meetings.css?url";
import { ConfirmDialog, FormError, PageHeader, StatusBadge } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { handleIntents } from "~/lib/intents.server";
import { notFound, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { agreementDeletionImpact, agreementExists, deleteAgreement, getAgreement, handleAgreementForm, MeetingError, sessionChoices, type AgreementFormAnswer } from "~/modules/meetings/index.server";

export const meta = pageTitle("meetings.agreements.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  const agreement = await getAgreement(requireParam(params, "id", "key"));
  if (!agreement) throw notFound(request);
  const canEdit = can(user.role, "edit:partner");
  const editing = canEdit && new URL(request.url).searchParams.get("edit") === "1";
  return { agreement, canEdit, editing, sessions: editing ? await sessionChoices() : [] };
}

type Confirm = { ok: false; intent: "delete"; impact: Awaited<ReturnType<typeof agreementDeletionImpact>>; stale: boolean; refusal?: string };
type Answer = (AgreementFormAnswer & { sessions: Awaited<ReturnType<typeof sessionChoices>> }) | Confirm;

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:partner");
  const id = requireParam(params, "id", "key");
  if (!(await agreementExists(id))) throw notFound(request);
  // The first post changes nothing: it says how many jurors lose their designation (decision 023).
  const ask = async (stale: boolean, refusal?: string) => data<Answer>({ ok: false, intent: "delete", impact: await agreementDeletionImpact(id), stale, refusal }, { status: stale || refusal ? 409 : 200 });
  return handleIntents(request, {
    save: {
      schema: z.object({}),
      run: async (_, { formData }) => {
        const result = await handleAgreementForm(actor, formData, id);
        if (result.ok) return redirectWithToast(`/meetings/agreements/${id}`, { kind: "success", message: "meetings.agreements.saved" });
        return data<Answer>({ ...result, sessions: await sessionChoices() }, { status: 400 });
      },
    },
    delete: { schema: z.object({}), run: () => ask(false) },
    confirmDelete: {
      schema: z.object({ jurors: z.string().regex(/^\d{1,9}$/, "common.errors.invalid").transform(Number) }),
      run: async (seen) => {
        try {
          if (!(await deleteAgreement(actor, id, seen)).deleted) return ask(true);
        } catch (error) {
          if (error instanceof MeetingError && error.code === "agreementInUse") return ask(false, error.messageKey);
          throw error;
        }
        return redirectWithToast("/meetings/agreements", { kind: "success", message: "meetings.agreements.deleted" });
      },
    },
  });
}

export default function AgreementPage() {
  const { agreement: a, canEdit, editing, sessions } = useLoaderData<typeof loader>();
  const { busy, formAnswer, confirm } = useRecordAnswer<Answer>();
  const t = useT();

  if (editing || formAnswer) {
    return (
      <>
        <PageHeader back={{ to: `/meetings/agreements/${a.id}`, label: a.number }} title={t("meetings.agreements.editTitle")} />
        <AgreementForm
          values={formAnswer?.values ?? { number: a.number, adoptedOn: a.adoptedOn, title: a.title, status: a.status, ownerArea: a.ownerArea ?? "", vote: a.vote ?? "", meetingId: a.meetingId ?? "" }}
          errors={formAnswer?.errors ?? {}}
          sessions={formAnswer?.sessions ?? sessions}
          busy={busy}
          submitLabel={t("meetings.agreements.save")}
          cancelHref={`/meetings/agreements/${a.id}`}
        />
      </>
    );
  }

  return (
    <>
      <RecordHeader
        back={{ to: "/meetings/agreements", label: t("meetings.agreements.backToList") }}
        title={a.number}
        day={a.adoptedOn}
        actions={canEdit ? { editLabel: t("meetings.agreements.edit"), deleteLabel: t("meetings.agreements.delete"), busy } : null}
      >
        <StatusBadge tone={AGREEMENT_STATUS_TONES(a.status)} label={t(`meetings.agreements.status.${a.status}`)} />
      </RecordHeader>
      {confirm?.refusal ? <FormError error={confirm.refusal} /> : null}
      {confirm && !confirm.refusal ? (
        <ConfirmDialog
          title={t("meetings.agreements.confirmTitle")}
          intent="confirmDelete"
          fields={{ jurors: confirm.impact.jurors }}
          confirmLabel={t("meetings.delete.confirm")}
          cancelTo={`/meetings/agreements/${a.id}`}
          notice={confirm.stale ? t("meetings.delete.stale") : undefined}
          busy={busy}
        >
          {t("meetings.agreements.confirmBody", { number: confirm.impact.number, jurors: confirm.impact.jurors })}
        </ConfirmDialog>
      ) : null}
      <AgreementDetail agreement={a} />
    </>
  );
}
