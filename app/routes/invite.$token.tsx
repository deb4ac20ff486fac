import { titleText } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard, AuthForm, BackToLogin } from "~/components/auth/auth-card";
import { NewPasswordFields } from "~/components/auth/fields";
import { Field } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { redirectWithToast } from "~/lib/toast.server";
import { acceptInvitation, findInvitation, linkToken, setPasswordFromLink } from "~/modules/auth/index.server";
import { formBody } from "~/lib/params";

export const meta: MetaFunction = ({ matches }) => [{ title: titleText(matches, "auth.meta.invite") }, { name: "referrer", content: "no-referrer" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const token = linkToken(params.token);
  return { invitation: token ? await findInvitation(token) : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const result = await setPasswordFromLink(params.token, Object.fromEntries(await formBody(request)), (token, password) => acceptInvitation(token, password, request));
  if (!result.ok) return data({ tokenInvalid: result.tokenInvalid, errors: result.errors }, { status: result.status });
  const headers = { "Set-Cookie": result.cookie };
  if (result.mfaPending) return redirect("/login/two-factor", { headers });
  // Home; an administrator is then taken to set up two-factor authentication.
  return redirectWithToast("/", { kind: "success", message: "auth.invite.welcome" }, { headers });
}

export default function InvitePage() {
  const t = useT();
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!invitation || actionData?.tokenInvalid) {
    return (
      <AuthCard title={t("auth.invite.invalidTitle")} footer={<BackToLogin />}>
        <p>{t("auth.invite.invalid")}</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("auth.invite.title", { name: invitation.name })} intro={t("auth.invite.intro")}>
      <AuthForm submit={t("auth.invite.submit")} submitting={t("auth.invite.submitting")}>
        <Field id="email" name="username" type="email" autoComplete="username" label={t("auth.fields.email")} value={invitation.email} readOnly />
        <NewPasswordFields errors={actionData?.errors ?? {}} />
      </AuthForm>
    </AuthCard>
  );
}
