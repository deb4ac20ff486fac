import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Card, Field, FormActions, FormError, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { applicantSessionCookie } from "~/lib/applicant-session.server";
import { parseForm, useAppForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { formBody } from "~/lib/params";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth";
import { clientIp } from "~/modules/auth/index.server";
import { PortalError, resetSchema } from "~/modules/portal";
import { callBySlug, resetPassword, tokenUsable } from "~/modules/portal/index.server";

export const meta = pageTitle("portal.reset.title");

export async function loader({ params }: LoaderFunctionArgs) {
  await callBySlug(params.slug ?? "").catch(refusalResponse);
  return { usable: await tokenUsable(params.token ?? "", "RESET") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const parsed = await parseForm(await formBody(request), resetSchema);
  if (!parsed.ok) return data({ result: parsed.reply }, { status: 400 });
  try {
    const accountId = await resetPassword(params.token ?? "", parsed.value.password, clientIp(request));
    return redirect(`/convocatoria/${call.slug}/solicitud`, { headers: { "Set-Cookie": await applicantSessionCookie(accountId, request) } });
  } catch (error) {
    if (error instanceof PortalError) return data({ result: parsed.reply({ formErrors: [error.messageKey] }) }, { status: 400 });
    throw error;
  }
}

export default function ResetPage() {
  const t = useT();
  const { usable } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useAppForm({ schema: resetSchema, lastResult: answer?.result });
  if (!usable && !answer) {
    return (
      <Card title={t("portal.reset.title")}>
        <p role="alert">{t("portal.errors.tokenInvalid")}</p>
      </Card>
    );
  }
  return (
    <div className="portal-narrow">
      <PageHeader title={t("portal.reset.title")} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormError error={form.errors?.[0]} />
        <Field meta={fields.password} type="password" label={t("portal.fields.newPassword")} hint={t("portal.fields.passwordHint", { min: PASSWORD_MIN_LENGTH })} autoComplete="new-password" required />
        <FormActions submitLabel={t("portal.reset.submit")} busy={busy} />
      </Form>
    </div>
  );
}
