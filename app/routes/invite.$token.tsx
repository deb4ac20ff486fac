import { titleText } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { NewPasswordFields } from "~/components/auth/fields";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { acceptInvitation, findInvitation, newPasswordPairSchema } from "~/modules/auth/index.server";
import { formBody } from "~/lib/params";

export const meta: MetaFunction = ({ matches }) => [{ title: titleText(matches, "auth.meta.invite") }, { name: "referrer", content: "no-referrer" }];

// The link's token is its credential (public page); a malformed one is simply not valid.
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,200}$/);

export async function loader({ params }: LoaderFunctionArgs) {
  const token = tokenSchema.safeParse(params.token);
  return { invitation: token.success ? await findInvitation(token.data) : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = tokenSchema.safeParse(params.token);
  if (!token.success) return data({ tokenInvalid: true, errors: {} as Record<string, string> }, { status: 410 });
  const parsed = newPasswordPairSchema.safeParse(Object.fromEntries(await formBody(request)));
  if (!parsed.success) return data({ tokenInvalid: false, errors: fieldErrors(parsed.error) }, { status: 400 });
  const result = await acceptInvitation(token.data, parsed.data.password, request);
  if (!result.ok) return data({ tokenInvalid: true, errors: {} as Record<string, string> }, { status: 410 });
  const headers = { "Set-Cookie": result.cookie };
  if (result.mfaPending) return redirect("/login/two-factor", { headers });
  // Home; an administrator is then taken to set up two-factor authentication.
  return redirectWithToast("/", { kind: "success", message: "auth.invite.welcome" }, { headers });
}

export default function InvitePage() {
  const t = useT();
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  if (!invitation || actionData?.tokenInvalid) {
    return (
      <div className="auth-card">
        <h1>{t("auth.invite.invalidTitle")}</h1>
        <p>{t("auth.invite.invalid")}</p>
        <p className="auth-card__footer">
          <Link to="/login">{t("auth.backToLogin")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="auth-card">
      <h1>{t("auth.invite.title", { name: invitation.name })}</h1>
      <p className="muted">{t("auth.invite.intro")}</p>
      <Form method="post" noValidate>
        <div className="field">
          <label htmlFor="email">{t("auth.fields.email")}</label>
          <input id="email" name="username" type="email" autoComplete="username" value={invitation.email} readOnly />
        </div>
        <NewPasswordFields errors={actionData?.errors ?? {}} />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? t("auth.invite.submitting") : t("auth.invite.submit")}
        </button>
      </Form>
    </div>
  );
}
