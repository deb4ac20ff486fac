import { pageTitle } from "~/i18n/meta";
import { formBody } from "~/lib/params";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthCard, AuthForm } from "~/components/auth/auth-card";
import { Field } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, getSession, passRetryAfter, rateLimitRefusal, safeRedirectTo, secondFactorSchema, verifyLogin } from "~/modules/auth/index.server";

/** URL /login/two-factor: the second step of logging in (file name keeps it out of login.tsx's layout). */

export const meta = pageTitle("auth.twoFactor.title");

export const headers: HeadersFunction = passRetryAfter;

/** Below this many unused recovery codes, the person is reminded to make new ones. */
const FEW_RECOVERY_CODES = 3;

async function requirePendingSession(request: Request, redirectTo: string) {
  const session = await getSession(request);
  if (!session) throw redirect(redirectTo === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo })}`);
  if (!session.mfaPending) throw redirect(redirectTo);
  return session;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectTo(new URL(request.url).searchParams.get("redirectTo"));
  const session = await requirePendingSession(request, redirectTo);
  return { email: session.user.email };
}

type Mode = "totp" | "recovery";

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await formBody(request));
  const redirectTo = safeRedirectTo(form.redirectTo);
  const session = await requirePendingSession(request, redirectTo);
  const mode: Mode = form.mode === "recovery" ? "recovery" : "totp";
  const parsed = secondFactorSchema.safeParse(form);
  if (!parsed.success) {
    return data({ errors: fieldErrors(parsed.error), formError: null, mode, code: String(form.code ?? "") }, { status: 400 });
  }
  const result = await verifyLogin(session.id, session.user.id, parsed.data.code, { ip: clientIp(request) });
  if (!result.ok) {
    if (result.error === "rateLimited") {
      const seconds = result.retryAfterSeconds ?? 900;
      return data(
        { errors: {}, formError: rateLimitRefusal("auth.twoFactor.login.rateLimited", seconds), mode, code: parsed.data.code },
        { status: 429, headers: { "Retry-After": String(seconds) } },
      );
    }
    if (result.error === "invalidCode") {
      const key = parsed.data.mode === "recovery" ? "auth.twoFactor.login.invalidRecovery" : "auth.twoFactor.login.invalidCode";
      return data({ errors: { code: key }, formError: null, mode, code: parsed.data.code }, { status: 401 });
    }
    // The session ended or two-factor authentication was turned off meanwhile: start again.
    throw redirect("/login");
  }
  if (result.method === "recovery" && result.recoveryCodesLeft <= FEW_RECOVERY_CODES) {
    return redirectWithToast(redirectTo, { kind: "info", message: "auth.twoFactor.login.fewRecoveryCodes", params: { count: result.recoveryCodesLeft } });
  }
  return redirect(redirectTo);
}

/** The code field of each mode: six digits from the app, or a longer recovery code typed as given. */
const CODE_FIELD = {
  totp: { label: "auth.twoFactor.fields.code", hint: "auth.twoFactor.fields.codeHint", input: { inputMode: "numeric", autoComplete: "one-time-code", maxLength: 9 } },
  recovery: { label: "auth.twoFactor.fields.recoveryCode", hint: "auth.twoFactor.fields.recoveryCodeHint", input: { autoComplete: "off", autoCapitalize: "none", spellCheck: false, maxLength: 20 } },
} as const;

export default function TwoFactorLoginPage() {
  const t = useT();
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "/";
  const mode: Mode = actionData?.mode ?? (searchParams.get("mode") === "recovery" ? "recovery" : "totp");
  const errors: Record<string, string> = actionData?.errors ?? {};
  const otherMode: Mode = mode === "totp" ? "recovery" : "totp";
  const switchParams = new URLSearchParams({ redirectTo, ...(otherMode === "recovery" ? { mode: "recovery" } : {}) });
  const field = CODE_FIELD[mode];
  return (
    <AuthCard title={t("auth.twoFactor.login.title")} intro={t(mode === "totp" ? "auth.twoFactor.login.intro" : "auth.twoFactor.login.introRecovery", { email })} error={actionData?.formError}>
      <AuthForm key={mode} submit={t("auth.twoFactor.login.submit")} submitting={t("auth.twoFactor.login.submitting")}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <input type="hidden" name="mode" value={mode} />
        <Field id="code" name="code" label={t(field.label)} hint={t(field.hint)} {...field.input} autoFocus required defaultValue={actionData?.code} error={errors.code} />
      </AuthForm>
      <p className="auth-card__footer">
        <Link to={`?${switchParams.toString()}`} replace>
          {t(mode === "totp" ? "auth.twoFactor.login.useRecovery" : "auth.twoFactor.login.useApp")}
        </Link>
      </p>
      <Form method="post" action="/logout" className="auth-card__footer">
        <button type="submit" className="link-button">
          {t("auth.twoFactor.login.cancel")}
        </button>
      </Form>
    </AuthCard>
  );
}
