import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { partnerToFormValues } from "~/components/partners/partner-fields";
import { PartnerForm } from "~/components/partners/partner-form";
import { PageHeader } from "~/components/ui";
import { INTL_LOCALE } from "~/i18n";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { parseForm } from "~/lib/forms";
import { throwIfAccessRefusal } from "~/lib/http.server";
import { notFound, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { countryChoices } from "~/modules/geo";
import { getPartner, PartnerError, partnerFormSchema, updatePartner } from "~/modules/partners/index.server";

export const meta = pageTitle("partners.form.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:partner");
  const partner = await getPartner(requireParam(params, "id", "key"));
  if (!partner) throw notFound(request);
  return { partner: { id: partner.id, name: partner.name }, values: partnerToFormValues(partner), parent: partner.parent, countries: countryChoices(INTL_LOCALE[user.locale]) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:partner");
  const id = requireParam(params, "id", "key");
  const parsed = await parseForm(request, partnerFormSchema);
  if (!parsed.ok) return data(parsed.reply, { status: 400 });
  try {
    await updatePartner(actor, id, parsed.value);
    return redirectWithToast(`/partners/${id}`, { kind: "success", message: "partners.form.saved" });
  } catch (error) {
    if (!(error instanceof PartnerError)) throw error;
    throwIfAccessRefusal(error);
    return data(parsed.reply(error.field === "_form" ? { formErrors: [error.messageKey] } : { fieldErrors: { [error.field]: [error.messageKey] } }), { status: 400 });
  }
}

export default function EditPartnerPage() {
  const { partner, values, parent, countries } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader back={{ to: `/partners/${partner.id}`, label: partner.name }} title={t("partners.form.editTitle")} />
      <PartnerForm lastResult={useActionData<typeof action>()} defaults={values} parent={parent} selfId={partner.id} countries={countries} submitLabel={t("partners.form.save")} cancelTo={`/partners/${partner.id}`} />
    </>
  );
}
