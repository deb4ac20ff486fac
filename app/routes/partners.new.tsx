import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PartnerForm } from "~/components/partners/partner-form";
import { PageHeader } from "~/components/ui";
import { INTL_LOCALE } from "~/i18n";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { parseForm } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { countryChoices } from "~/modules/geo";
import { createPartner, PartnerError, partnerFormSchema } from "~/modules/partners/index.server";

export const meta = pageTitle("partners.form.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:partner");
  return { countries: countryChoices(INTL_LOCALE[user.locale]) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:partner");
  const parsed = await parseForm(request, partnerFormSchema);
  if (!parsed.ok) return data(parsed.reply, { status: 400 });
  try {
    const partner = await createPartner(actor, parsed.value);
    return redirectWithToast(`/partners/${partner.id}`, { kind: "success", message: "partners.form.created" });
  } catch (error) {
    if (!(error instanceof PartnerError)) throw error;
    return data(parsed.reply(error.field === "_form" ? { formErrors: [error.messageKey] } : { fieldErrors: { [error.field]: [error.messageKey] } }), { status: 400 });
  }
}

export default function NewPartnerPage() {
  const { countries } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader back={{ to: "/partners", label: t("partners.backToList") }} title={t("partners.form.newTitle")} />
      <PartnerForm lastResult={useActionData<typeof action>()} defaults={{}} countries={countries} submitLabel={t("partners.form.create")} cancelTo="/partners" />
    </>
  );
}
