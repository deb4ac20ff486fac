import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { meetingsTitle } from "~/components/meetings/labels";
import { EMPTY_MEETING_FORM, MeetingForm } from "~/components/meetings/meeting-form";
import meetingsStylesHref from "~/components/meetings/meetings.css?url";
import { useT } from "~/i18n/use-t";
import { formBody, idQuery } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { handleMeetingForm } from "~/modules/meetings/form.server";
import { partnersByIds } from "~/modules/meetings/meeting.server";

export const meta = meetingsTitle("meetings.form.newTitle");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesHref }];

/** ?partner=<id> starts the form with that institution chosen (from the institution's page). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:partner");
  const partner = idQuery(request, new URL(request.url).searchParams.get("partner"), "key");
  return { chosen: partner ? await partnersByIds([partner]) : [] };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:partner");
  const result = await handleMeetingForm({ userId: user.id, ip: clientIp(request) }, await formBody(request));
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
      <header className="page-header">
        <p>
          <Link to="/meetings">← {t("meetings.backToList")}</Link>
        </p>
        <h1>{t("meetings.form.newTitle")}</h1>
      </header>
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
