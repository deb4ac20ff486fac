import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BulletinForm } from "~/components/bulletins/bulletin-form";
import { PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { parseForm } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { bulletinInputSchema } from "~/modules/bulletins";
import { BulletinError, createBulletin, segmentChoices } from "~/modules/bulletins/index.server";
import { getSettings } from "~/modules/settings/index.server";

export const meta = pageTitle("bulletins.new");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:bulletin");
  const [segments, settings] = await Promise.all([segmentChoices(), getSettings()]);
  return { segments, senderEmail: settings.bulkSenderEmail };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:bulletin");
  const parsed = await parseForm(request, bulletinInputSchema);
  if (!parsed.ok) return data(parsed.reply, { status: 400 });
  try {
    const { id } = await createBulletin(actor, parsed.value);
    return redirectWithToast(`/bulletins/${id}`, { kind: "success", message: "bulletins.created", params: { name: parsed.value.name } });
  } catch (error) {
    // The only refusal of a new bulletin is its segment (gone since the page was loaded).
    if (error instanceof BulletinError) return data(parsed.reply({ fieldErrors: { segmentId: [error.messageKey] } }), { status: 400 });
    throw error;
  }
}

export default function NewBulletinPage() {
  const { segments, senderEmail } = useLoaderData<typeof loader>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader title={t("bulletins.new")} back={{ to: "/bulletins", label: t("bulletins.back") }} />
      <BulletinForm values={{ language: "es" }} lastResult={useActionData<typeof action>()} segments={segments} senderEmail={senderEmail} submitLabel={t("bulletins.create")} busy={busy} />
    </>
  );
}
