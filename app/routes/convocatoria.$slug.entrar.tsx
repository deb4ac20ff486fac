import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useParams, useSearchParams } from "@remix-run/react";
import { Field, FormActions, FormError, PageHeader } from "~/components/ui";
import { Honeypot } from "~/components/portal/honeypot";
import { retryAfterHeaders } from "~/components/portal/retry-after";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { applicantSessionCookie, getApplicant, portalRedirectTo } from "~/lib/applicant-session.server";
import { parseForm, useAppForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { formBody } from "~/lib/params";
import { clientIp } from "~/modules/auth/index.server";
import { loginSchema, PortalError } from "~/modules/portal";
import { callBySlug, logIn } from "~/modules/portal/index.server";

export const headers = retryAfterHeaders;
export const meta = pageTitle("portal.login.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  if (await getApplicant(request)) throw redirect(`/convocatoria/${call.slug}/solicitud`);
  return null;
}

/** Public: applicant sign-in, limited per client IP and per address. */
export async function action({ request, params }: ActionFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const form = await formBody(request);
  const parsed = await parseForm(form, loginSchema);
  if (!parsed.ok) return data({ result: parsed.reply, params: {} }, { status: 400 });
  try {
    const accountId = await logIn(parsed.value, { ip: clientIp(request) });
    const cookie = await applicantSessionCookie(accountId, request);
    return redirect(portalRedirectTo(form.get("redirectTo"), call.slug), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    const minutes = Math.max(1, Math.ceil(Number(error.params.seconds ?? 60) / 60));
    const headers: HeadersInit = error.code === "rateLimited" ? { "Retry-After": String(error.params.seconds ?? 60) } : {};
    return data({ result: parsed.reply({ formErrors: [error.code === "rateLimited" ? "portal.errors.rateLimitedMinutes" : error.messageKey] }), params: { minutes } }, { status: error.status === 429 ? 429 : 400, headers });
  }
}

export default function LoginPage() {
  const t = useT();
  const { slug } = useParams();
  const [search] = useSearchParams();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useAppForm({ schema: loginSchema, lastResult: answer?.result });
  return (
    <div className="portal-narrow">
      <PageHeader title={t("portal.login.title")} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormError error={form.errors?.[0]} params={answer?.params} />
        <input type="hidden" name="redirectTo" value={search.get("redirectTo") ?? ""} />
        <Field meta={fields.email} type="email" label={t("portal.fields.email")} autoComplete="username" required />
        <Field meta={fields.password} type="password" label={t("portal.fields.password")} autoComplete="current-password" required />
        <FormActions submitLabel={t("portal.login.submit")} busy={busy} />
      </Form>
      <section aria-labelledby="magic-heading" className="portal-magic">
        <h2 id="magic-heading">{t("portal.login.magicTitle")}</h2>
        <p>{t("portal.login.magicIntro")}</p>
        <Form method="post" action={`/convocatoria/${slug}/enlace`}>
          <Field idPrefix="magic" name="email" type="email" label={t("portal.fields.email")} autoComplete="username" required />
          <Honeypot idPrefix="magic" />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t("portal.login.magicSubmit")}
            </button>
          </div>
        </Form>
      </section>
      <p>
        <Link to={`/convocatoria/${slug}/recuperar`}>{t("portal.login.forgot")}</Link>
      </p>
      <p>
        <Link to={`/convocatoria/${slug}/registro`}>{t("portal.login.noAccount")}</Link>
      </p>
    </div>
  );
}
