import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { postedValues } from "~/components/contact-detail/contact-fields";
import { partnersTitle } from "~/components/partners/labels";
import { PartnerFields } from "~/components/partners/partner-fields";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { INTL_LOCALE } from "~/i18n";
import { countryChoices } from "~/modules/geo/regions";
import { createPartner, PartnerError } from "~/modules/partners/partner.server";
import { partnerChoices } from "~/modules/partners/query.server";
import { partnerFormSchema } from "~/modules/partners/schema";
import { formBody } from "~/lib/params";

export const meta = partnersTitle("partners.form.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:partner");
  return { parents: await partnerChoices(), countries: countryChoices(INTL_LOCALE[user.locale]) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:partner");
  const form = await formBody(request);
  const values = postedValues(Object.fromEntries(form));
  const parsed = partnerFormSchema.safeParse({ ...Object.fromEntries(form), tags: form.get("tags") ?? "" });
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const partner = await createPartner({ userId: user.id, ip: clientIp(request) }, parsed.data);
    return redirectWithToast(`/partners/${partner.id}`, { kind: "success", message: "partners.form.created" });
  } catch (error) {
    if (error instanceof PartnerError) return data({ errors: { [error.field]: error.messageKey } as Record<string, string>, values }, { status: 400 });
    throw error;
  }
}

export default function NewPartnerPage() {
  const { parents, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/partners">← {t("partners.backToList")}</Link>
        </p>
        <h1>{t("partners.form.newTitle")}</h1>
      </header>
      <Form method="post" noValidate className="panel">
        {Object.keys(errors).length ? (
          <p className="form-error" role="alert">
            {errors._form ? t(errors._form) : t("partners.form.fix")}
          </p>
        ) : null}
        <PartnerFields values={actionData?.values ?? {}} errors={errors} parents={parents} countries={countries} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("partners.form.create")}
          </button>
          <Link to="/partners" className="button">
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
