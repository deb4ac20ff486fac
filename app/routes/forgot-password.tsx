import { pageTitle } from "~/i18n/meta";
import type { ActionFunctionArgs, HeadersFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { AuthCard, AuthForm, BackToLogin } from "~/components/auth/auth-card";
import { Field } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { forgotPasswordSchema, passRetryAfter, rateLimitRefusal, requestPasswordReset } from "~/modules/auth/index.server";
import { formBody } from "~/lib/params";

export const meta = pageTitle("auth.forgot.title");

export const headers: HeadersFunction = passRetryAfter;

// Public page: anyone may ask for a link; the answer never says whether the account exists.
export async function loader() {
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await formBody(request));
  const email = String(form.email ?? "").slice(0, 320);
  const parsed = forgotPasswordSchema.safeParse(form);
  if (!parsed.success) {
    return data({ sent: false, errors: fieldErrors(parsed.error), formError: null, email }, { status: 400 });
  }
  const result = await requestPasswordReset(parsed.data.email, request);
  if (!result.ok) {
    return data(
      { sent: false, errors: {}, formError: rateLimitRefusal("auth.forgot.rateLimited", result.retryAfterSeconds), email },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return data({ sent: true, errors: {}, formError: null, email: parsed.data.email });
}

export default function ForgotPasswordPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  if (actionData?.sent) {
    return (
      <AuthCard title={t("auth.forgot.sentTitle")} footer={<BackToLogin />}>
        <p role="status">{t("auth.forgot.sent", { email: actionData.email })}</p>
        <p className="muted">{t("auth.forgot.sentHint")}</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("auth.forgot.title")} intro={t("auth.forgot.intro")} error={actionData?.formError} footer={<BackToLogin />}>
      <AuthForm submit={t("auth.forgot.submit")} submitting={t("auth.forgot.submitting")}>
        <Field id="email" name="email" type="email" autoComplete="username" required label={t("auth.fields.email")} defaultValue={actionData?.email} error={errors.email} />
      </AuthForm>
    </AuthCard>
  );
}
