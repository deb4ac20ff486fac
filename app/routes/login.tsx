import { pageTitle } from "~/i18n/meta";
import { formBody } from "~/lib/params";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { AuthCard, AuthForm } from "~/components/auth/auth-card";
import { Field } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { login, loginSchema, getSession, passRetryAfter, rateLimitRefusal, safeRedirectTo } from "~/modules/auth/index.server";
import { fieldErrors } from "~/lib/forms";

export const meta = pageTitle("auth.login.title");

export const headers: HeadersFunction = passRetryAfter;

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  if (session && !session.mfaPending) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await formBody(request));
  const parsed = loginSchema.safeParse(form);
  if (!parsed.success) {
    return data({ errors: fieldErrors(parsed.error), formError: null, email: String(form.email ?? "") }, { status: 400 });
  }
  const result = await login(parsed.data, request);
  if (!result.ok) {
    const status = result.error === "rateLimited" ? 429 : 401;
    const headers: HeadersInit = result.error === "rateLimited" ? { "Retry-After": String(result.retryAfterSeconds) } : {};
    const formError = result.error === "rateLimited" ? rateLimitRefusal("auth.login.rateLimited", result.retryAfterSeconds) : { key: "auth.login.invalid" };
    return data({ errors: {}, formError, email: parsed.data.email }, { status, headers });
  }
  const redirectTo = safeRedirectTo(parsed.data.redirectTo);
  const next = result.mfaPending ? `/login/two-factor?${new URLSearchParams({ redirectTo })}` : redirectTo;
  return redirect(next, { headers: { "Set-Cookie": result.cookie } });
}

export default function LoginPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <AuthCard title={t("auth.login.title")} intro={t("auth.login.subtitle")} error={actionData?.formError} footer={<Link to="/forgot-password">{t("auth.login.forgot")}</Link>}>
      <AuthForm submit={t("auth.login.submit")} submitting={t("auth.login.submitting")}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field id="email" name="email" type="email" autoComplete="username" required label={t("auth.fields.email")} defaultValue={actionData?.email} error={errors.email} />
        <Field id="password" name="password" type="password" autoComplete="current-password" required label={t("auth.fields.password")} error={errors.password} />
      </AuthForm>
    </AuthCard>
  );
}
