import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Card, Field, FormActions, FormError, PageHeader } from "~/components/ui";
import { retryAfterHeaders } from "~/components/portal/retry-after";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { applicantSessionCookie } from "~/lib/applicant-session.server";
import { parseForm, useAppForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { formBody } from "~/lib/params";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth";
import { clientIp } from "~/modules/auth/index.server";
import { PortalError, resetSchema } from "~/modules/portal";
import { acceptInvitation, callBySlug, invitationView } from "~/modules/portal/index.server";

export const headers = retryAfterHeaders;
export const meta = pageTitle("portal.invitation.title");

/**
 * A member's invitation (decision 029). Opening the link spends nothing (mail scanners fetch it);
 * the button does: a new account sets its password, an existing one is linked, and either is
 * signed in to the inviting organisation.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  await callBySlug(params.slug ?? "").catch(refusalResponse);
  return invitationView(params.token ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const token = params.token ?? "";
  const view = await invitationView(token);
  const form = await formBody(request);
  const parsed = await parseForm(form, resetSchema);
  if (view.usable && view.needsPassword && !parsed.ok) return data({ result: parsed.reply, refused: null, minutes: 0 }, { status: 400 });
  try {
    const accountId = await acceptInvitation(token, parsed.ok ? parsed.value.password : null, { ip: clientIp(request) });
    return redirect(`/convocatoria/${call.slug}/solicitud`, { headers: { "Set-Cookie": await applicantSessionCookie(accountId, request) } });
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    if (error.code === "rateLimited") {
      const seconds = Number(error.params.seconds ?? 60);
      return data({ result: null, refused: "portal.errors.rateLimitedMinutes", minutes: Math.max(1, Math.ceil(seconds / 60)) }, { status: 429, headers: { "Retry-After": String(seconds) } });
    }
    return data({ result: null, refused: error.messageKey, minutes: 0 }, { status: error.code === "tokenInvalid" ? 410 : 409 });
  }
}

export default function InvitationPage() {
  const t = useT();
  const view = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useAppForm({ schema: resetSchema, lastResult: answer?.result ?? undefined });
  if (!view.usable) {
    return (
      <Card title={t("portal.invitation.title")}>
        <p role="alert">{t("portal.invitation.invalid")}</p>
      </Card>
    );
  }
  if (view.otherOrganisation) {
    return (
      <Card title={t("portal.invitation.title")}>
        <p role="alert">{t("portal.errors.otherOrganisation")}</p>
      </Card>
    );
  }
  return (
    <div className="portal-narrow">
      <PageHeader title={t("portal.invitation.title")} description={t("portal.invitation.intro", { organisation: view.organisation, email: view.email })} />
      {view.needsPassword ? (
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <FormError error={answer?.refused ?? form.errors?.[0]} params={{ minutes: answer?.minutes ?? 0 }} />
          <Field meta={fields.password} type="password" label={t("portal.fields.newPassword")} hint={t("portal.fields.passwordHint", { min: PASSWORD_MIN_LENGTH })} autoComplete="new-password" required />
          <FormActions submitLabel={t("portal.invitation.submit")} busy={busy} />
        </Form>
      ) : (
        <Form method="post">
          <FormError error={answer?.refused} params={{ minutes: answer?.minutes ?? 0 }} />
          <p>{t("portal.invitation.linkExisting")}</p>
          <FormActions submitLabel={t("portal.invitation.submit")} busy={busy} />
        </Form>
      )}
    </div>
  );
}
