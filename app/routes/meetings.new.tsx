import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EMPTY_MEETING_FORM, MeetingForm } from "~/components/meetings/meeting-form";
import meetingsStylesHref from "~/components/meetings/meetings.css?url";
import { PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { formBody, idQuery } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { handleMeetingForm, partnersByIds } from "~/modules/meetings/index.server";

export const meta = pageTitle("meetings.form.newTitle");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesHref }];

/** ?partner=<id> starts the form with that institution chosen (from the institution's page). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:partner");
  const partner = idQuery(request, new URL(request.url).searchParams.get("partner"), "key");
  return { chosen: partner ? await partnersByIds([partner]) : [] };
}

/** «Buscar» answers with the form as typed and the matches (200); «Guardar» creates or answers 400. */
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:partner");
  const result = await handleMeetingForm(actor, await formBody(request));
  if (result.ok) return redirectWithToast(`/meetings/${result.id}`, { kind: "success", message: "meetings.form.created" });
  return data(result, { status: result.intent === "save" ? 400 : 200 });
}

export default function NewMeetingPage() {
  const { chosen } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader back={{ to: "/meetings", label: t("meetings.backToList") }} title={t("meetings.form.newTitle")} />
      <MeetingForm
        key={answer?.nonce ?? "new"}
        values={answer?.values ?? { ...EMPTY_MEETING_FORM, partnerIds: chosen.map((p) => p.id) }}
        errors={answer?.errors ?? {}}
        chosen={answer?.chosen ?? chosen}
        found={answer?.found ?? null}
        query={answer?.query ?? ""}
        busy={busy}
        submitLabel={t("meetings.form.create")}
        cancelHref="/meetings"
      />
    </>
  );
}
