import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AgreementForm } from "~/components/meetings/agreement-form";
import meetingsStylesHref from "~/components/meetings/meetings.css?url";
import { PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { formBody, idQuery } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { handleAgreementForm, sessionChoices } from "~/modules/meetings/index.server";

export const meta = pageTitle("meetings.agreements.newTitle");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesHref }];

/** ?meeting=<id> (from a session's page) starts the form at that session and its date. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:partner");
  const meetingId = idQuery(request, new URL(request.url).searchParams.get("meeting"), "key");
  const sessions = await sessionChoices();
  return { sessions, session: sessions.find((s) => s.id === meetingId) ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:partner");
  const result = await handleAgreementForm(actor, await formBody(request));
  if (result.ok) return redirectWithToast(`/meetings/agreements/${result.id}`, { kind: "success", message: "meetings.agreements.created" });
  return data(result, { status: 400 });
}

export default function NewAgreementPage() {
  const { sessions, session } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const back = session ? `/meetings/${session.id}` : "/meetings/agreements";
  return (
    <>
      <PageHeader back={{ to: back, label: session ? session.subject : t("meetings.agreements.backToList") }} title={t("meetings.agreements.newTitle")} />
      <AgreementForm
        values={answer?.values ?? (session ? { meetingId: session.id, adoptedOn: session.heldOn, status: "APPROVED" } : { status: "APPROVED" })}
        errors={answer?.errors ?? {}}
        sessions={sessions}
        busy={busy}
        submitLabel={t("meetings.agreements.save")}
        cancelHref={back}
      />
    </>
  );
}
