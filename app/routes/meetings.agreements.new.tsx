import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AgreementForm } from "~/components/meetings/agreement-form";
import { meetingsTitle } from "~/components/meetings/labels";
import meetingsStylesHref from "~/components/meetings/meetings.css?url";
import { useT } from "~/i18n/use-t";
import { formBody, idQuery } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { sessionChoices } from "~/modules/meetings/agreements.server";
import { handleAgreementForm } from "~/modules/meetings/form.server";

export const meta = meetingsTitle("meetings.agreements.newTitle");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesHref }];

/** ?meeting=<id> (from a session's page) starts the form at that session and its date. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:partner");
  const meetingId = idQuery(request, new URL(request.url).searchParams.get("meeting"), "key");
  const sessions = await sessionChoices();
  const session = sessions.find((s) => s.id === meetingId) ?? null;
  return { sessions, session };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:partner");
  const result = await handleAgreementForm({ userId: user.id, ip: clientIp(request) }, await formBody(request));
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
      <header className="page-header">
        <p>
          <Link to={back}>← {session ? session.subject : t("meetings.agreements.backToList")}</Link>
        </p>
        <h1>{t("meetings.agreements.newTitle")}</h1>
      </header>
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
