import { pageTitle } from "~/i18n/meta";
import { formBody } from "~/lib/params";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field } from "~/components/auth/fields";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, getSession, safeRedirectTo, secondFactorSchema, verifyLogin } from "~/modules/auth/index.server";

/** URL /login/two-factor: the second step of logging in (file name keeps it out of login.tsx's layout). */

export const meta = pageTitle("auth.twoFactor.title");

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

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
        { errors: {}, formError: { key: "auth.twoFactor.login.rateLimited", params: { minutes: Math.max(1, Math.ceil(seconds / 60)) } }, mode, code: parsed.data.code },
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

export default function TwoFactorLoginPage() {
  const t = useT();
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const redirectTo = searchParams.get("redirectTo") ?? "/";
  const mode: Mode = actionData?.mode ?? (searchParams.get("mode") === "recovery" ? "recovery" : "totp");
  const errors: Record<string, string> = actionData?.errors ?? {};
  const otherMode: Mode = mode === "totp" ? "recovery" : "totp";
  const switchParams = new URLSearchParams({ redirectTo, ...(otherMode === "recovery" ? { mode: "recovery" } : {}) });
  return (
    <div className="auth-card">
      <h1>{t("auth.twoFactor.login.title")}</h1>
      <p className="muted">{t(mode === "totp" ? "auth.twoFactor.login.intro" : "auth.twoFactor.login.introRecovery", { email })}</p>
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {t(actionData.formError.key, actionData.formError.params)}
        </p>
      ) : null}
      <Form method="post" noValidate key={mode}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <input type="hidden" name="mode" value={mode} />
        {mode === "totp" ? (
          <Field
            id="code"
            name="code"
            label={t("auth.twoFactor.fields.code")}
            hint={t("auth.twoFactor.fields.codeHint")}
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            required
            maxLength={9}
            defaultValue={actionData?.code}
            error={errors.code}
          />
        ) : (
          <Field
            id="code"
            name="code"
            label={t("auth.twoFactor.fields.recoveryCode")}
            hint={t("auth.twoFactor.fields.recoveryCodeHint")}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            required
            maxLength={20}
            defaultValue={actionData?.code}
            error={errors.code}
          />
        )}
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? t("auth.twoFactor.login.submitting") : t("auth.twoFactor.login.submit")}
        </button>
      </Form>
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
    </div>
  );
}
