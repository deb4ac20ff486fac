import { pageTitle } from "~/i18n/meta";
import type { ActionFunctionArgs, HeadersFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/auth/fields";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { forgotPasswordSchema, requestPasswordReset } from "~/modules/auth/index.server";
import { formBody } from "~/lib/params";

export const meta = pageTitle("auth.forgot.title");

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

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
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return data(
      { sent: false, errors: {}, formError: { key: "auth.forgot.rateLimited", params: { minutes } }, email },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return data({ sent: true, errors: {}, formError: null, email: parsed.data.email });
}

export default function ForgotPasswordPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  if (actionData?.sent) {
    return (
      <div className="auth-card">
        <h1>{t("auth.forgot.sentTitle")}</h1>
        <p role="status">{t("auth.forgot.sent", { email: actionData.email })}</p>
        <p className="muted">{t("auth.forgot.sentHint")}</p>
        <p className="auth-card__footer">
          <Link to="/login">{t("auth.backToLogin")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="auth-card">
      <h1>{t("auth.forgot.title")}</h1>
      <p className="muted">{t("auth.forgot.intro")}</p>
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {t(actionData.formError.key, actionData.formError.params)}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <Field
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          label={t("auth.fields.email")}
          defaultValue={actionData?.email}
          error={errors.email}
        />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? t("auth.forgot.submitting") : t("auth.forgot.submit")}
        </button>
      </Form>
      <p className="auth-card__footer">
        <Link to="/login">{t("auth.backToLogin")}</Link>
      </p>
    </div>
  );
}
