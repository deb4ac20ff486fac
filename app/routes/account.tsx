import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ProfilePanel, SessionsPanel, TwoFactorPanel } from "~/components/auth/account/account-panels";
import { PasswordForm } from "~/components/auth/account/password-form";
import { PreferencesForm } from "~/components/auth/account/preferences-form";
import { PageHeader } from "~/components/ui";
import { INTL_LOCALE } from "~/i18n";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { replyFor } from "~/lib/forms";
import { handleIntents } from "~/lib/intents.server";
import { redirectWithToast } from "~/lib/toast.server";
import { changePassword, changePasswordSchema, clientIp, endOtherSessions, getAccount, getSession, passRetryAfter, preferencesSchema, requireUser, setLocale, updatePreferences, waitMinutes } from "~/modules/auth/index.server";
import { countryChoices } from "~/modules/geo";

export const meta = pageTitle("auth.account.title");

export const headers: HeadersFunction = passRetryAfter;

/** The signed-in person and their session's id (to tell this session from the others). */
async function requireAccountSession(request: Request) {
  const user = await requireUser(request);
  const session = await getSession(request);
  if (!session) throw redirect("/login");
  return { user, sessionId: session.id };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireAccountSession(request);
  return { account: await getAccount(user.id, sessionId), countries: countryChoices(INTL_LOCALE[user.locale]) };
}

/** A refusal of the password form; passwords are never sent back. */
function passwordRefusal(error: Record<string, string[]>, status: number, extra: { minutes?: number; headers?: HeadersInit } = {}) {
  return data({ intent: "password", result: { status: "error" as const, error }, minutes: extra.minutes }, { status, headers: extra.headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, sessionId } = await requireAccountSession(request);
  const ip = clientIp(request);
  return handleIntents(request, {
    preferences: {
      schema: preferencesSchema,
      run: async (value) => {
        await updatePreferences(user.id, value, { ip });
        // Also remember the language in the browser, for the login page after logging out.
        const cookie = await setLocale(null, value.locale);
        return redirectWithToast("/account", { kind: "success", message: "auth.account.preferences.saved" }, { headers: { "Set-Cookie": cookie } });
      },
    },
    password: {
      schema: changePasswordSchema,
      run: async (value) => {
        const result = await changePassword(user.id, sessionId, value, { ip });
        if (result.ok) return redirectWithToast("/account", { kind: "success", message: "auth.account.password.changed" });
        if (result.error !== "rateLimited") return passwordRefusal({ currentPassword: ["auth.account.password.currentInvalid"] }, 400);
        return passwordRefusal({ "": ["auth.account.password.rateLimited"] }, 429, { minutes: waitMinutes(result.retryAfterSeconds), headers: { "Retry-After": String(result.retryAfterSeconds) } });
      },
    },
    endSessions: {
      schema: z.object({}),
      run: async () => {
        const count = await endOtherSessions(user.id, sessionId, { ip });
        if (count === 0) return redirectWithToast("/account", { kind: "info", message: "auth.account.sessions.none" });
        return redirectWithToast("/account", { kind: "success", message: "auth.account.sessions.ended", params: { count } });
      },
    },
  });
}

export default function AccountPage() {
  const t = useT();
  const { account, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const minutes = (actionData as { minutes?: number } | undefined)?.minutes;
  return (
    <>
      <PageHeader title={t("auth.account.title")} description={t("auth.account.intro")} />
      <ProfilePanel account={account} />
      <PreferencesForm locale={account.locale} timeZone={account.timeZone} officeZone={account.organisationTimeZone} countries={countries} reply={replyFor(actionData, "preferences")} busy={busy} />
      <PasswordForm email={account.email} reply={replyFor(actionData, "password")} minutes={minutes} busy={busy} />
      <TwoFactorPanel enabled={account.totpEnabled} recoveryCodesLeft={account.recoveryCodesLeft} />
      <SessionsPanel otherSessions={account.otherSessions} busy={busy} />
    </>
  );
}
