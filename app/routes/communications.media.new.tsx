import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { MEDIA_FORM_FIELDS, MediaNoteForm, type MediaNoteValues } from "~/components/communications/media-note-form";
import { pageTitle } from "~/components/contact-detail/meta";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { formBody, monthParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp } from "~/modules/auth/session.server";
import { forbidden, mayEdit, requireCommunications } from "~/modules/communications/access.server";
import { createMediaNote } from "~/modules/communications/media.server";
import { mediaNoteSchema } from "~/modules/communications/schema";

export const meta = pageTitle("communications.media.add");

export async function loader({ request }: LoaderFunctionArgs) {
  const access = await requireCommunications(request);
  if (access.kind === "staff" && !access.edit) throw forbidden();
  const month = monthParam(request, new URL(request.url).searchParams.get("month"));
  return { publishedOn: month ? `${month}-01` : "" };
}

type ActionResult = { errors: Record<string, string>; values: MediaNoteValues };

export async function action({ request }: ActionFunctionArgs) {
  const access = await requireCommunications(request);
  if (access.kind === "staff" && !access.edit) throw forbidden();
  const form = await formBody(request);
  const values = Object.fromEntries(MEDIA_FORM_FIELDS.map((k) => [k, String(form.get(k) ?? "")])) as MediaNoteValues;
  const parsed = mediaNoteSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const month = parsed.data.publishedOn.slice(0, 7);
  if (!(await mayEdit(access, month, "MEDIA"))) return data<ActionResult>({ errors: { _form: "communications.errors.monthClosed" }, values }, { status: 403 });
  await createMediaNote({ userId: access.user.id, ip: clientIp(request) }, parsed.data);
  return redirectWithToast(`/communications/media?month=${month}`, { kind: "success", message: "communications.media.added" });
}

export default function NewMediaNotePage() {
  const { publishedOn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/communications/media">← {t("communications.media.back")}</Link>
        </p>
        <h1>{t("communications.media.add")}</h1>
      </header>
      <MediaNoteForm values={actionData?.values ?? { publishedOn, outlet: "", medium: "INTERNET", type: "NOTE", tone: "NEUTRAL", title: "", link: "" }} errors={actionData?.errors ?? {}} submitLabel={t("communications.media.add")} busy={busy} />
    </>
  );
}
