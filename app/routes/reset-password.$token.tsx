import { titleText } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard, AuthForm, BackToLogin } from "~/components/auth/auth-card";
import { NewPasswordFields } from "~/components/auth/fields";
import { LinkButton } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, isResetTokenValid, linkToken, resetPassword, setPasswordFromLink } from "~/modules/auth/index.server";
import { formBody } from "~/lib/params";

export const meta: MetaFunction = ({ matches }) => [{ title: titleText(matches, "auth.meta.reset") }, { name: "referrer", content: "no-referrer" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const token = linkToken(params.token);
  return { valid: token !== null && (await isResetTokenValid(token)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const result = await setPasswordFromLink(params.token, Object.fromEntries(await formBody(request)), (token, password) => resetPassword(token, password, { ip: clientIp(request) }));
  if (!result.ok) return data({ tokenInvalid: result.tokenInvalid, errors: result.errors }, { status: result.status });
  return redirectWithToast("/login", { kind: "success", message: "auth.reset.done" });
}

export default function ResetPasswordPage() {
  const t = useT();
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!valid || actionData?.tokenInvalid) {
    return (
      <AuthCard title={t("auth.reset.invalidTitle")} footer={<BackToLogin />}>
        <p>{t("auth.reset.invalid")}</p>
        <p>
          <LinkButton to="/forgot-password" primary>
            {t("auth.reset.askAgain")}
          </LinkButton>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("auth.reset.title")} intro={t("auth.reset.intro")}>
      <AuthForm submit={t("auth.reset.submit")} submitting={t("auth.reset.submitting")}>
        <NewPasswordFields errors={actionData?.errors ?? {}} />
      </AuthForm>
    </AuthCard>
  );
}
