import { pageTitle } from "~/i18n/meta";
import { formBody } from "~/lib/params";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { login, loginSchema, getSession, safeRedirectTo } from "~/modules/auth/index.server";
import { fieldErrors } from "~/lib/forms";

export const meta = pageTitle("auth.login.title");

// Document POSTs take their headers from here: pass the limiter's Retry-After through.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  const headers = new Headers();
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

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
    const formError =
      result.error === "rateLimited"
        ? { key: "auth.login.rateLimited", params: { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) } as Record<string, number> }
        : { key: "auth.login.invalid", params: {} as Record<string, number> };
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
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="auth-card">
      <h1>{t("auth.login.title")}</h1>
      <p className="muted">{t("auth.login.subtitle")}</p>
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {t(actionData.formError.key, actionData.formError.params)}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <div className="field">
          <label htmlFor="email">{t("auth.fields.email")}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={actionData?.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "email-error" : undefined}
          />
          {errors.email ? (
            <p className="field-error" id="email-error">
              {t(errors.email)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="password">{t("auth.fields.password")}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? "password-error" : undefined}
          />
          {errors.password ? (
            <p className="field-error" id="password-error">
              {t(errors.password)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? t("auth.login.submitting") : t("auth.login.submit")}
        </button>
      </Form>
      <p className="auth-card__footer">
        <Link to="/forgot-password">{t("auth.login.forgot")}</Link>
      </p>
    </div>
  );
}
