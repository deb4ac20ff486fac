import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Card, Field, FormActions, FormError, PageHeader } from "~/components/ui";
import { Honeypot } from "~/components/portal/honeypot";
import { retryAfterHeaders } from "~/components/portal/retry-after";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { parseForm, useAppForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { formBody } from "~/lib/params";
import { clientIp } from "~/modules/auth/index.server";
import { forgotSchema } from "~/modules/portal";
import { callBySlug, requestMagicLink } from "~/modules/portal/index.server";

export const headers = retryAfterHeaders;
export const meta = pageTitle("portal.magic.title");

export async function loader({ params }: LoaderFunctionArgs) {
  await callBySlug(params.slug ?? "").catch(refusalResponse);
  return null;
}

/** Public: «send me a link», one answer whether or not an account has the address. */
export async function action({ request, params }: ActionFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const form = await formBody(request);
  const parsed = await parseForm(form, forgotSchema);
  if (!parsed.ok) return data({ result: parsed.reply, sent: false, minutes: 0 }, { status: 400 });
  const answer = await requestMagicLink(parsed.value, Object.fromEntries(form), call.slug, { ip: clientIp(request) });
  if (answer.status === "rateLimited") {
    const minutes = Math.max(1, Math.ceil(answer.retryAfterSeconds / 60));
    return data({ result: parsed.reply({ formErrors: ["portal.errors.rateLimitedMinutes"] }), sent: false, minutes }, { status: 429, headers: { "Retry-After": String(answer.retryAfterSeconds) } });
  }
  return data({ result: parsed.reply({ resetForm: true }), sent: true, minutes: 0 });
}

export default function MagicLinkPage() {
  const t = useT();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useAppForm({ schema: forgotSchema, lastResult: answer?.result });
  if (answer?.sent) {
    return (
      <Card title={t("portal.magic.sentTitle")}>
        <p role="status">{t("portal.magic.sent")}</p>
      </Card>
    );
  }
  return (
    <div className="portal-narrow">
      <PageHeader title={t("portal.magic.title")} description={t("portal.magic.intro")} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormError error={form.errors?.[0]} params={{ minutes: answer?.minutes ?? 0 }} />
        <Field meta={fields.email} type="email" label={t("portal.fields.email")} autoComplete="username" required />
        <Honeypot idPrefix="magic" />
        <FormActions submitLabel={t("portal.magic.submit")} busy={busy} />
      </Form>
    </div>
  );
}
