import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { postedValues } from "~/components/contact-detail/contact-fields";
import { partnersTitle } from "~/components/partners/labels";
import { PartnerFields, partnerToFormValues } from "~/components/partners/partner-fields";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { INTL_LOCALE } from "~/i18n";
import { countryChoices } from "~/modules/geo/regions";
import { getPartner, PartnerError, updatePartner } from "~/modules/partners/partner.server";
import { partnerChoices } from "~/modules/partners/query.server";
import { partnerFormSchema } from "~/modules/partners/schema";
import { formBody, idParam, notFound } from "~/lib/params";

export const meta = partnersTitle("partners.form.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:partner");
  const partner = await getPartner(idParam(request, params.id, "key"));
  if (!partner) throw notFound(request);
  const parents = (await partnerChoices()).filter((p) => p.id !== partner.id);
  return { partner: { id: partner.id, name: partner.name }, values: partnerToFormValues(partner), parents, countries: countryChoices(INTL_LOCALE[user.locale]) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:partner");
  const id = idParam(request, params.id, "key");
  const form = await formBody(request);
  const values = postedValues(Object.fromEntries(form));
  const parsed = partnerFormSchema.safeParse({ ...Object.fromEntries(form), tags: form.get("tags") ?? "" });
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    await updatePartner({ userId: user.id, ip: clientIp(request) }, id, parsed.data);
    return redirectWithToast(`/partners/${id}`, { kind: "success", message: "partners.form.saved" });
  } catch (error) {
    if (error instanceof PartnerError && error.code === "notFound") throw notFound(request);
    if (error instanceof PartnerError) return data({ errors: { [error.field]: error.messageKey } as Record<string, string>, values }, { status: 400 });
    throw error;
  }
}

export default function EditPartnerPage() {
  const { partner, values, parents, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <>
      <header className="page-header">
        <p>
          <Link to={`/partners/${partner.id}`}>← {partner.name}</Link>
        </p>
        <h1>{t("partners.form.editTitle")}</h1>
      </header>
      <Form method="post" noValidate className="panel">
        {Object.keys(errors).length ? (
          <p className="form-error" role="alert">
            {errors._form ? t(errors._form) : t("partners.form.fix")}
          </p>
        ) : null}
        <PartnerFields values={actionData?.values ?? values} errors={errors} parents={parents} countries={countries} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("partners.form.save")}
          </button>
          <Link to={`/partners/${partner.id}`} className="button">
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
