import { pageTitle } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/auth/fields";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requireUser, beginSetup, confirmSetup, disable, regenerateRecoveryCodes, totpCodeSchema, TwoFactorAlreadyEnabledError, twoFactorState, type MfaFailure } from "~/modules/auth/index.server";
import { badRequest, formBody } from "~/lib/params";

/**
 * URL /account/two-factor (the file name keeps it out of account.tsx's layout). An ADMIN without
 * two-factor authentication is sent here from every page by requireUser(), which lets this path through.
 */

const PATH = "/account/two-factor";

export const meta = pageTitle("auth.twoFactor.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const state = await twoFactorState(user.id, { ip: clientIp(request) });
  return { state };
}

const intentSchema = z.object({ intent: z.enum(["confirm", "restart", "disable", "regenerate"]) });
const disableSchema = z.object({
  code: z.string().trim().min(1, "auth.twoFactor.errors.codeRequired").max(64, "auth.twoFactor.errors.codeFormat"),
});

type Intent = z.infer<typeof intentSchema>["intent"];
type ActionResult = {
  intent: Intent;
  errors: Record<string, string>;
  formError: { key: string; params?: Record<string, number> } | null;
  code: string;
  recoveryCodes: string[] | null;
};

function reply(intent: Intent, patch: Partial<ActionResult>, status = 200) {
  const body: ActionResult = { intent, errors: {}, formError: null, code: "", recoveryCodes: null, ...patch };
  return data(body, { status });
}

function failure(intent: Intent, failed: MfaFailure, code: string) {
  switch (failed.error) {
    case "rateLimited":
      return reply(intent, { formError: { key: "auth.twoFactor.rateLimited", params: { minutes: Math.max(1, Math.ceil((failed.retryAfterSeconds ?? 900) / 60)) } }, code }, 429);
    case "adminRequired":
      return reply(intent, { formError: { key: "auth.twoFactor.disable.adminRequired" } }, 403);
    case "invalidCode":
      return reply(intent, { errors: { code: intent === "disable" ? "auth.twoFactor.errors.invalidCodeOrRecovery" : "auth.twoFactor.errors.invalidCode" }, code }, 400);
    default:
      throw redirect(PATH);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ip = clientIp(request);
  const form = Object.fromEntries(await formBody(request));
  const intentParsed = intentSchema.safeParse(form);
  if (!intentParsed.success) throw badRequest(request);
  const { intent } = intentParsed.data;
  const typed = String(form.code ?? "").slice(0, 64);

  if (intent === "restart") {
    try {
      await beginSetup(user.id, { fresh: true, ip });
    } catch (error) {
      if (!(error instanceof TwoFactorAlreadyEnabledError)) throw error;
    }
    return redirectWithToast(PATH, { kind: "info", message: "auth.twoFactor.setup.restarted" });
  }

  if (intent === "disable") {
    const parsed = disableSchema.safeParse(form);
    if (!parsed.success) return reply(intent, { errors: fieldErrors(parsed.error), code: typed }, 400);
    const result = await disable(user.id, parsed.data.code, { ip });
    if (!result.ok) return failure(intent, result, typed);
    return redirectWithToast(PATH, { kind: "success", message: "auth.twoFactor.disable.done" });
  }

  const parsed = totpCodeSchema.safeParse(form);
  if (!parsed.success) return reply(intent, { errors: fieldErrors(parsed.error), code: typed }, 400);

  if (intent === "confirm") {
    const result = await confirmSetup(user.id, parsed.data.code, { ip });
    if (!result.ok) {
      if (result.error === "notPending") throw redirect(PATH);
      return reply(intent, { errors: { code: "auth.twoFactor.errors.invalidCode" }, code: typed }, 400);
    }
    return reply(intent, { recoveryCodes: result.recoveryCodes });
  }

  const result = await regenerateRecoveryCodes(user.id, parsed.data.code, { ip });
  if (!result.ok) return failure(intent, result, typed);
  return reply(intent, { recoveryCodes: result.recoveryCodes });
}

function FormError({ error }: { error: ActionResult["formError"] }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {t(error.key, error.params)}
    </p>
  );
}

function RecoveryCodes({ codes, afterSetup }: { codes: string[]; afterSetup: boolean }) {
  const t = useT();
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(`Alcance\n\n${codes.join("\n")}\n`)}`;
  return (
    <section className="panel" aria-labelledby="codes-title">
      <h2 id="codes-title">{t("auth.twoFactor.codes.title")}</h2>
      <p>{t(afterSetup ? "auth.twoFactor.codes.introSetup" : "auth.twoFactor.codes.introRegenerated")}</p>
      <ul className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p className="muted">{t("auth.twoFactor.codes.once")}</p>
      <div className="form-actions">
        <a className="button" href={download} download="alcance-recovery-codes.txt">
          {t("auth.twoFactor.codes.download")}
        </a>
        <Link className="button button--primary" to="/">
          {t("auth.twoFactor.codes.continue")}
        </Link>
      </div>
    </section>
  );
}

export default function TwoFactorAccountPage() {
  const t = useT();
  const { state } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errorsFor = (intent: Intent): Record<string, string> => (actionData?.intent === intent ? actionData.errors : {});
  const codeFor = (intent: Intent) => (actionData?.intent === intent ? actionData.code : undefined);
  const formErrorFor = (intent: Intent) => (actionData?.intent === intent ? actionData.formError : null);

  return (
    <>
      <header className="page-header">
        {state.enabled || !state.mustSetUp ? (
          <p>
            <Link to="/account">{t("auth.account.backToAccount")}</Link>
          </p>
        ) : null}
        <h1>{t("auth.twoFactor.title")}</h1>
        <p className="muted">{t("auth.twoFactor.intro")}</p>
      </header>

      {actionData?.recoveryCodes ? <RecoveryCodes codes={actionData.recoveryCodes} afterSetup={actionData.intent === "confirm"} /> : null}

      {state.enabled ? (
        <>
          <section className="panel" aria-labelledby="status-title">
            <h2 id="status-title">
              {t("auth.twoFactor.status.title")} <span className="badge badge--ok">{t("auth.twoFactor.status.on")}</span>
            </h2>
            <p>{t("auth.twoFactor.status.recoveryLeft", { count: state.recoveryCodesLeft })}</p>
          </section>

          <section className="panel" aria-labelledby="regenerate-title">
            <h2 id="regenerate-title">{t("auth.twoFactor.regenerate.title")}</h2>
            <p>{t("auth.twoFactor.regenerate.intro")}</p>
            <FormError error={formErrorFor("regenerate")} />
            <Form method="post" noValidate key={actionData?.recoveryCodes ? "regenerated" : "regenerate"}>
              <input type="hidden" name="intent" value="regenerate" />
              <Field
                id="regenerate-code"
                name="code"
                label={t("auth.twoFactor.fields.code")}
                hint={t("auth.twoFactor.fields.codeHint")}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={9}
                required
                defaultValue={codeFor("regenerate")}
                error={errorsFor("regenerate").code}
              />
              <button type="submit" className="button" disabled={busy}>
                {t("auth.twoFactor.regenerate.submit")}
              </button>
            </Form>
          </section>

          <section className="panel" aria-labelledby="disable-title">
            <h2 id="disable-title">{t("auth.twoFactor.disable.title")}</h2>
            {state.canDisable ? (
              <>
                <p>{t("auth.twoFactor.disable.intro")}</p>
                <FormError error={formErrorFor("disable")} />
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="disable" />
                  <Field
                    id="disable-code"
                    name="code"
                    label={t("auth.twoFactor.fields.codeOrRecovery")}
                    hint={t("auth.twoFactor.fields.codeOrRecoveryHint")}
                    autoComplete="one-time-code"
                    maxLength={20}
                    required
                    defaultValue={codeFor("disable")}
                    error={errorsFor("disable").code}
                  />
                  <button type="submit" className="button button--danger" disabled={busy}>
                    {t("auth.twoFactor.disable.submit")}
                  </button>
                </Form>
              </>
            ) : (
              <p>{t("auth.twoFactor.disable.adminRequired")}</p>
            )}
          </section>
        </>
      ) : (
        <>
          {state.mustSetUp ? (
            <section className="panel" role="note" aria-labelledby="required-title">
              <h2 id="required-title">{t("auth.twoFactor.required.title")}</h2>
              <p>{t("auth.twoFactor.required.body")}</p>
            </section>
          ) : null}
          <section className="panel" aria-labelledby="setup-title">
            <h2 id="setup-title">{t("auth.twoFactor.setup.title")}</h2>
            <ol>
              <li>{t("auth.twoFactor.setup.step1")}</li>
              <li>
                {t("auth.twoFactor.setup.step2")}
                <div>
                  <img src={state.setup.qrDataUrl} alt={t("auth.twoFactor.setup.qrAlt")} width={200} height={200} />
                </div>
                <p>
                  {t("auth.twoFactor.setup.manual")}{" "}
                  <code aria-label={t("auth.twoFactor.setup.manualLabel")}>{state.setup.secret}</code>
                </p>
              </li>
              <li>{t("auth.twoFactor.setup.step3")}</li>
            </ol>
            <FormError error={formErrorFor("confirm")} />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="confirm" />
              <Field
                id="confirm-code"
                name="code"
                label={t("auth.twoFactor.fields.code")}
                hint={t("auth.twoFactor.fields.codeHint")}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={9}
                required
                defaultValue={codeFor("confirm")}
                error={errorsFor("confirm").code}
              />
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("auth.twoFactor.setup.submit")}
              </button>
            </Form>
          </section>
          <section className="panel" aria-labelledby="restart-title">
            <h2 id="restart-title">{t("auth.twoFactor.setup.restartTitle")}</h2>
            <p>{t("auth.twoFactor.setup.restartIntro")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="restart" />
              <button type="submit" className="button" disabled={busy}>
                {t("auth.twoFactor.setup.restart")}
              </button>
            </Form>
          </section>
        </>
      )}
    </>
  );
}
