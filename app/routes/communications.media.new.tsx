import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { MediaNoteForm } from "~/components/communications/media-note-form";
import { PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { actorOf } from "~/lib/actor.server";
import { parseForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { monthParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { mediaNoteSchema } from "~/modules/communications";
import { createMediaNote, mayEdit, requireCommunications, requireThat } from "~/modules/communications/index.server";

export const meta = pageTitle("communications.media.add");

export async function loader({ request }: LoaderFunctionArgs) {
  const access = await requireCommunications(request).catch(refusalResponse);
  await requireThat(access.kind !== "staff" || access.edit).catch(refusalResponse);
  const month = monthParam(request, new URL(request.url).searchParams.get("month"));
  return { publishedOn: month ? `${month}-01` : "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const access = await requireCommunications(request).catch(refusalResponse);
  await requireThat(access.kind !== "staff" || access.edit).catch(refusalResponse);
  const parsed = await parseForm(request, mediaNoteSchema);
  if (!parsed.ok) return data(parsed.reply, { status: 400 });
  const month = parsed.value.publishedOn.slice(0, 7);
  // The CNCS adds notes only to a month whose section it may still edit.
  if (!(await mayEdit(access, month, "MEDIA"))) return data(parsed.reply({ formErrors: ["communications.errors.monthClosed"] }), { status: 403 });
  await createMediaNote(actorOf(request, access.user), parsed.value);
  return redirectWithToast(`/communications/media?month=${month}`, { kind: "success", message: "communications.media.added" });
}

export default function NewMediaNotePage() {
  const { publishedOn } = useLoaderData<typeof loader>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader title={t("communications.media.add")} back={{ to: "/communications/media", label: t("communications.media.back") }} />
      <MediaNoteForm values={{ publishedOn, outlet: "", medium: "INTERNET", type: "NOTE", tone: "NEUTRAL", title: "", link: "" }} lastResult={useActionData<typeof action>()} submitLabel={t("communications.media.add")} busy={busy} />
    </>
  );
}
