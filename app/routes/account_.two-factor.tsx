import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CodeForm, type CodeFormState } from "~/components/auth/two-factor/code-form";
import { RecoveryCodes } from "~/components/auth/two-factor/recovery-codes";
import { TwoFactorStateBadge } from "~/components/auth/account/account-panels";
import { Card, IntentButton, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import type { SubmissionResult } from "~/lib/forms";
import { handleIntents } from "~/lib/intents.server";
import { redirectWithToast } from "~/lib/toast.server";
import { beginSetup, clientIp, confirmSetup, disable, rateLimitRefusal, regenerateRecoveryCodes, requireUser, totpCodeSchema, TwoFactorAlreadyEnabledError, twoFactorState, type MfaFailure } from "~/modules/auth/index.server";

/**
 * URL /account/two-factor (the file name keeps it out of account.tsx's layout). An ADMIN without
 * two-factor authentication is sent here from every page by requireUser(), which lets this path through.
 */

const PATH = "/account/two-factor";

export const meta = pageTitle("auth.twoFactor.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { state: await twoFactorState(user.id, { ip: clientIp(request) }) };
}

const disableSchema = z.object({ code: z.string().trim().min(1, "auth.twoFactor.errors.codeRequired").max(64, "auth.twoFactor.errors.codeFormat") });

type Intent = "confirm" | "restart" | "disable" | "regenerate";
type Answer = { intent: Intent; result?: SubmissionResult<string[]>; formError?: { key: string; params?: Record<string, number> }; recoveryCodes?: string[] };

const answer = (body: Answer, status = 200) => data(body, { status });
const wrongCode = (intent: Intent, code: string, key: string) => answer({ intent, result: { status: "error", initialValue: { code }, error: { code: [key] } } }, 400);

function failure(intent: Intent, failed: MfaFailure, code: string) {
  switch (failed.error) {
    case "rateLimited":
      return answer({ intent, formError: rateLimitRefusal("auth.twoFactor.rateLimited", failed.retryAfterSeconds ?? 900) }, 429);
    case "adminRequired":
      return answer({ intent, formError: { key: "auth.twoFactor.disable.adminRequired" } }, 403);
    case "invalidCode":
      return wrongCode(intent, code, intent === "disable" ? "auth.twoFactor.errors.invalidCodeOrRecovery" : "auth.twoFactor.errors.invalidCode");
    default:
      throw redirect(PATH);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ip = clientIp(request);
  return handleIntents(request, {
    restart: {
      schema: z.object({}),
      run: async () => {
        await beginSetup(user.id, { fresh: true, ip }).catch((error: unknown) => {
          if (!(error instanceof TwoFactorAlreadyEnabledError)) throw error;
        });
        return redirectWithToast(PATH, { kind: "info", message: "auth.twoFactor.setup.restarted" });
      },
    },
    disable: {
      schema: disableSchema,
      run: async ({ code }) => {
        const result = await disable(user.id, code, { ip });
        return result.ok ? redirectWithToast(PATH, { kind: "success", message: "auth.twoFactor.disable.done" }) : failure("disable", result, code);
      },
    },
    confirm: {
      schema: totpCodeSchema,
      run: async ({ code }) => {
        const result = await confirmSetup(user.id, code, { ip });
        if (result.ok) return answer({ intent: "confirm", recoveryCodes: result.recoveryCodes });
        if (result.error === "notPending") throw redirect(PATH);
        return wrongCode("confirm", code, "auth.twoFactor.errors.invalidCode");
      },
    },
    regenerate: {
      schema: totpCodeSchema,
      run: async ({ code }) => {
        const result = await regenerateRecoveryCodes(user.id, code, { ip });
        return result.ok ? answer({ intent: "regenerate", recoveryCodes: result.recoveryCodes }) : failure("regenerate", result, code);
      },
    },
  });
}

export default function TwoFactorAccountPage() {
  const t = useT();
  const { state } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as Answer | undefined;
  const busy = useNavigation().state === "submitting";
  const stateFor = (intent: Intent): CodeFormState => {
    if (actionData?.intent !== intent) return {};
    const typed = actionData.result?.initialValue?.code;
    return { error: actionData.result?.error?.code?.[0], code: typeof typed === "string" ? typed.slice(0, 64) : undefined, formError: actionData.formError };
  };
  const codeField = { label: t("auth.twoFactor.fields.code"), hint: t("auth.twoFactor.fields.codeHint") };
  return (
    <>
      <PageHeader title={t("auth.twoFactor.title")} description={t("auth.twoFactor.intro")} back={state.enabled || !state.mustSetUp ? { to: "/account", label: t("auth.account.backToAccount") } : undefined} />
      {actionData?.recoveryCodes ? <RecoveryCodes codes={actionData.recoveryCodes} afterSetup={actionData.intent === "confirm"} /> : null}
      {state.enabled ? (
        <>
          <Card
            title={
              <>
                {t("auth.twoFactor.status.title")} <TwoFactorStateBadge enabled />
              </>
            }
          >
            <p>{t("auth.twoFactor.status.recoveryLeft", { count: state.recoveryCodesLeft })}</p>
          </Card>
          <Card title={t("auth.twoFactor.regenerate.title")}>
            <p>{t("auth.twoFactor.regenerate.intro")}</p>
            <CodeForm key={actionData?.recoveryCodes ? "regenerated" : "regenerate"} intent="regenerate" state={stateFor("regenerate")} busy={busy} {...codeField} submit={t("auth.twoFactor.regenerate.submit")} />
          </Card>
          <Card title={t("auth.twoFactor.disable.title")}>
            {state.canDisable ? (
              <>
                <p>{t("auth.twoFactor.disable.intro")}</p>
                <CodeForm intent="disable" state={stateFor("disable")} busy={busy} numeric={false} tone="danger" label={t("auth.twoFactor.fields.codeOrRecovery")} hint={t("auth.twoFactor.fields.codeOrRecoveryHint")} submit={t("auth.twoFactor.disable.submit")} />
              </>
            ) : (
              <p>{t("auth.twoFactor.disable.adminRequired")}</p>
            )}
          </Card>
        </>
      ) : (
        <>
          {state.mustSetUp ? (
            <section className="panel" role="note" aria-labelledby="required-title">
              <h2 id="required-title">{t("auth.twoFactor.required.title")}</h2>
              <p>{t("auth.twoFactor.required.body")}</p>
            </section>
          ) : null}
          <Card title={t("auth.twoFactor.setup.title")}>
            <ol>
              <li>{t("auth.twoFactor.setup.step1")}</li>
              <li>
                {t("auth.twoFactor.setup.step2")}
                <div>
                  <img src={state.setup.qrDataUrl} alt={t("auth.twoFactor.setup.qrAlt")} width={200} height={200} />
                </div>
                <p>
                  {t("auth.twoFactor.setup.manual")} <code aria-label={t("auth.twoFactor.setup.manualLabel")}>{state.setup.secret}</code>
                </p>
              </li>
              <li>{t("auth.twoFactor.setup.step3")}</li>
            </ol>
            <CodeForm intent="confirm" state={stateFor("confirm")} busy={busy} tone="primary" {...codeField} submit={t("auth.twoFactor.setup.submit")} />
          </Card>
          <Card title={t("auth.twoFactor.setup.restartTitle")}>
            <p>{t("auth.twoFactor.setup.restartIntro")}</p>
            <IntentButton intent="restart" busy={busy}>
              {t("auth.twoFactor.setup.restart")}
            </IntentButton>
          </Card>
        </>
      )}
    </>
  );
}
