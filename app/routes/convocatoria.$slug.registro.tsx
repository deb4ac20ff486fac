import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useParams } from "@remix-run/react";
import { Card, Field, FormActions, FormError, PageHeader } from "~/components/ui";
import { Honeypot } from "~/components/portal/honeypot";
import { retryAfterHeaders } from "~/components/portal/retry-after";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { getApplicant } from "~/lib/applicant-session.server";
import { parseForm, useAppForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { formBody, requestLocale } from "~/lib/params";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth";
import { clientIp } from "~/modules/auth/index.server";
import { signUpSchema } from "~/modules/portal";
import { callBySlug, signUp } from "~/modules/portal/index.server";

export const headers = retryAfterHeaders;
export const meta = pageTitle("portal.signUp.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  if (await getApplicant(request)) throw redirect(`/convocatoria/${call.slug}/solicitud`);
  return null;
}

/** Public: the same answer whether the address is new, known or typed by a robot. */
export async function action({ request, params }: ActionFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const form = await formBody(request);
  const parsed = await parseForm(form, signUpSchema);
  if (!parsed.ok) return data({ result: parsed.reply, sent: false, minutes: 0 }, { status: 400 });
  const answer = await signUp(parsed.value, Object.fromEntries(form), call.slug, requestLocale(request), { ip: clientIp(request) });
  if (answer.status === "rateLimited") {
    const minutes = Math.max(1, Math.ceil(answer.retryAfterSeconds / 60));
    return data({ result: parsed.reply({ formErrors: ["portal.errors.rateLimitedMinutes"] }), sent: false, minutes }, { status: 429, headers: { "Retry-After": String(answer.retryAfterSeconds) } });
  }
  return data({ result: parsed.reply({ resetForm: true }), sent: true, minutes: 0 });
}

export default function SignUpPage() {
  const t = useT();
  const { slug } = useParams();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useAppForm({ schema: signUpSchema, lastResult: answer?.result });
  if (answer?.sent) {
    return (
      <Card title={t("portal.signUp.sentTitle")}>
        <p role="status">{t("portal.signUp.sent")}</p>
        <p className="muted">{t("portal.signUp.sentHint")}</p>
      </Card>
    );
  }
  return (
    <div className="portal-narrow">
      <PageHeader title={t("portal.signUp.title")} description={t("portal.signUp.intro")} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormError error={form.errors?.[0]} params={{ minutes: answer?.minutes ?? 0 }} />
        <Field meta={fields.email} type="email" label={t("portal.fields.email")} autoComplete="email" required />
        <Field meta={fields.password} type="password" label={t("portal.fields.password")} hint={t("portal.fields.passwordHint", { min: PASSWORD_MIN_LENGTH })} autoComplete="new-password" required />
        <Honeypot idPrefix="signup" />
        <FormActions submitLabel={t("portal.signUp.submit")} busy={busy} />
      </Form>
      <p>
        <Link to={`/convocatoria/${slug}/entrar`}>{t("portal.signUp.haveAccount")}</Link>
      </p>
    </div>
  );
}
