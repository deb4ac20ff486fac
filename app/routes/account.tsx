import { pageTitle } from "~/i18n/meta";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, NewPasswordFields } from "~/components/auth/fields";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { changePassword, changePasswordSchema, endOtherSessions, getAccount, preferencesSchema, updatePreferences, setLocale, clientIp, getSession, requireUser } from "~/modules/auth/index.server";
import { badRequest, formBody } from "~/lib/params";

export const meta = pageTitle("auth.account.title");

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** The signed-in person and their session's id (to tell this session from the others). */
async function requireAccountSession(request: Request) {
  const user = await requireUser(request);
  const session = await getSession(request);
  if (!session) throw redirect("/login");
  return { user, sessionId: session.id };
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireAccountSession(request);
  const account = await getAccount(user.id, sessionId);
  return { account, timeZones: timeZones() };
}

const intentSchema = z.object({ intent: z.enum(["preferences", "password", "endSessions"]) });
type Intent = z.infer<typeof intentSchema>["intent"];

type ActionResult = {
  intent: Intent;
  errors: Record<string, string>;
  formError: { key: string; params?: Record<string, number> } | null;
  values: Record<string, string>;
};

function reply(intent: Intent, patch: Partial<ActionResult>, status: number, init: { headers?: HeadersInit } = {}) {
  const body: ActionResult = { intent, errors: {}, formError: null, values: {}, ...patch };
  return data(body, { status, headers: init.headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, sessionId } = await requireAccountSession(request);
  const ip = clientIp(request);
  const form = Object.fromEntries(await formBody(request));
  const intentParsed = intentSchema.safeParse(form);
  if (!intentParsed.success) throw badRequest(request);
  const { intent } = intentParsed.data;

  if (intent === "preferences") {
    const values = { locale: String(form.locale ?? ""), timeZone: String(form.timeZone ?? "").slice(0, 100) };
    const parsed = preferencesSchema.safeParse(form);
    if (!parsed.success) return reply(intent, { errors: fieldErrors(parsed.error), values }, 400);
    await updatePreferences(user.id, parsed.data, { ip });
    // Also remember the language in the browser, for the login page after logging out.
    const cookie = await setLocale(null, parsed.data.locale);
    return redirectWithToast("/account", { kind: "success", message: "auth.account.preferences.saved" }, { headers: { "Set-Cookie": cookie } });
  }

  if (intent === "password") {
    const parsed = changePasswordSchema.safeParse(form);
    if (!parsed.success) return reply(intent, { errors: fieldErrors(parsed.error) }, 400);
    const result = await changePassword(user.id, sessionId, parsed.data, { ip });
    if (!result.ok) {
      if (result.error === "rateLimited") {
        const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
        return reply(intent, { formError: { key: "auth.account.password.rateLimited", params: { minutes } } }, 429, {
          headers: { "Retry-After": String(result.retryAfterSeconds) },
        });
      }
      return reply(intent, { errors: { currentPassword: "auth.account.password.currentInvalid" } }, 400);
    }
    return redirectWithToast("/account", { kind: "success", message: "auth.account.password.changed" });
  }

  const count = await endOtherSessions(user.id, sessionId, { ip });
  if (count === 0) return redirectWithToast("/account", { kind: "info", message: "auth.account.sessions.none" });
  return redirectWithToast("/account", { kind: "success", message: "auth.account.sessions.ended", params: { count } });
}

export default function AccountPage() {
  const t = useT();
  const { account, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errorsFor = (intent: Intent): Record<string, string> => (actionData?.intent === intent ? actionData.errors : {});
  const prefErrors = errorsFor("preferences");
  const prefValues = actionData?.intent === "preferences" ? actionData.values : { locale: account.locale, timeZone: account.timeZone ?? "" };
  const passwordFormError = actionData?.intent === "password" ? actionData.formError : null;

  return (
    <>
      <header className="page-header">
        <h1>{t("auth.account.title")}</h1>
        <p className="muted">{t("auth.account.intro")}</p>
      </header>

      <section className="panel" aria-labelledby="profile-title">
        <h2 id="profile-title">{t("auth.account.profile.title")}</h2>
        <dl>
          <dt>{t("auth.account.profile.name")}</dt>
          <dd>{account.name}</dd>
          <dt>{t("auth.fields.email")}</dt>
          <dd>{account.email}</dd>
          <dt>{t("auth.account.profile.role")}</dt>
          <dd>{t(`roles.${account.role}`)}</dd>
        </dl>
        <p className="muted">{t("auth.account.profile.managedByAdmins")}</p>
      </section>

      <section className="panel" aria-labelledby="preferences-title">
        <h2 id="preferences-title">{t("auth.account.preferences.title")}</h2>
        <Form method="post" noValidate key={`preferences-${account.locale}-${account.timeZone ?? ""}`}>
          <input type="hidden" name="intent" value="preferences" />
          <div className="form-grid">
            <div className="field">
              <label htmlFor="locale">{t("auth.account.preferences.locale")}</label>
              <select
                id="locale"
                name="locale"
                defaultValue={prefValues.locale}
                aria-invalid={prefErrors.locale ? true : undefined}
                aria-describedby={prefErrors.locale ? "locale-error" : undefined}
              >
                <option value="es" lang="es">
                  Español
                </option>
                <option value="en" lang="en">
                  English
                </option>
              </select>
              {prefErrors.locale ? (
                <p className="field-error" id="locale-error">
                  {t(prefErrors.locale)}
                </p>
              ) : null}
            </div>
            <Field
              id="timeZone"
              name="timeZone"
              list="time-zones"
              autoComplete="off"
              spellCheck={false}
              label={t("auth.account.preferences.timeZone")}
              hint={t("auth.account.preferences.timeZoneHint", { timeZone: account.organisationTimeZone })}
              placeholder={account.organisationTimeZone}
              defaultValue={prefValues.timeZone}
              error={prefErrors.timeZone}
            />
            <datalist id="time-zones">
              {timeZones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("auth.account.preferences.submit")}
          </button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="password-title">
        <h2 id="password-title">{t("auth.account.password.title")}</h2>
        <p className="muted">{t("auth.account.password.intro")}</p>
        {passwordFormError ? (
          <p className="form-error" role="alert">
            {t(passwordFormError.key, passwordFormError.params)}
          </p>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="password" />
          <input type="text" name="username" autoComplete="username" value={account.email} readOnly hidden />
          <Field
            id="currentPassword"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            label={t("auth.fields.currentPassword")}
            error={errorsFor("password").currentPassword}
          />
          <NewPasswordFields errors={errorsFor("password")} />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("auth.account.password.submit")}
          </button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="twofactor-title">
        <h2 id="twofactor-title">
          {t("auth.twoFactor.title")}{" "}
          <span className={account.totpEnabled ? "badge badge--ok" : "badge badge--off"}>
            {t(account.totpEnabled ? "auth.twoFactor.status.on" : "auth.twoFactor.status.off")}
          </span>
        </h2>
        <p>
          {account.totpEnabled
            ? t("auth.twoFactor.status.recoveryLeft", { count: account.recoveryCodesLeft })
            : t("auth.account.twoFactor.offIntro")}
        </p>
        <Link className="button" to="/account/two-factor">
          {t(account.totpEnabled ? "auth.account.twoFactor.manage" : "auth.account.twoFactor.setUp")}
        </Link>
      </section>

      <section className="panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("auth.account.sessions.title")}</h2>
        <p>{account.otherSessions === 0 ? t("auth.account.sessions.none") : t("auth.account.sessions.count", { count: account.otherSessions })}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="endSessions" />
          <button type="submit" className="button" disabled={busy || account.otherSessions === 0}>
            {t("auth.account.sessions.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}
