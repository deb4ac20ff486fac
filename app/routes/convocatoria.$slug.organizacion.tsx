import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Field, FormActions, FormError, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireApplicant } from "~/lib/applicant-session.server";
import { parseForm, useAppForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { formBody } from "~/lib/params";
import { clientIp } from "~/modules/auth/index.server";
import { organisationSchema, PortalError } from "~/modules/portal";
import { callBySlug, createOrganisation } from "~/modules/portal/index.server";

export const meta = pageTitle("portal.organisation.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const applicant = await requireApplicant(request, call.slug);
  if (applicant.organisationId) throw redirect(`/convocatoria/${call.slug}/solicitud`);
  return null;
}

/** The account's organisation, once: matched against civil-society partners for the office to confirm. */
export async function action({ request, params }: ActionFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const applicant = await requireApplicant(request, call.slug);
  const parsed = await parseForm(await formBody(request), organisationSchema);
  if (!parsed.ok) return data({ result: parsed.reply }, { status: 400 });
  try {
    await createOrganisation(applicant, parsed.value, { ip: clientIp(request) });
  } catch (error) {
    if (error instanceof PortalError && error.code === "hasOrganisation") return redirect(`/convocatoria/${call.slug}/solicitud`);
    throw error;
  }
  return redirect(`/convocatoria/${call.slug}/solicitud`);
}

export default function OrganisationPage() {
  const t = useT();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useAppForm({ schema: organisationSchema, lastResult: answer?.result });
  return (
    <div className="portal-narrow">
      <PageHeader title={t("portal.organisation.title")} description={t("portal.organisation.intro")} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormError error={form.errors?.[0]} />
        <Field meta={fields.name} label={t("portal.fields.orgName")} autoComplete="organization" required />
        <Field meta={fields.taxId} label={t("portal.fields.taxId")} hint={t("portal.fields.taxIdHint")} />
        <Field meta={fields.state} label={t("portal.fields.state")} autoComplete="address-level1" />
        <Field meta={fields.city} label={t("portal.fields.city")} autoComplete="address-level2" />
        <Field meta={fields.contactName} label={t("portal.fields.contactName")} autoComplete="name" required />
        <Field meta={fields.phone} type="tel" label={t("portal.fields.phone")} autoComplete="tel" />
        <FormActions submitLabel={t("portal.organisation.submit")} busy={busy} />
      </Form>
    </div>
  );
}
