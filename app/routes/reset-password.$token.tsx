import { titleText } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { NewPasswordFields } from "~/components/auth/fields";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { newPasswordPairSchema, isResetTokenValid, resetPassword, clientIp } from "~/modules/auth/index.server";
import { formBody } from "~/lib/params";

export const meta: MetaFunction = ({ matches }) => [{ title: titleText(matches, "auth.meta.reset") }, { name: "referrer", content: "no-referrer" }];

// The link's token is its credential (public page); a malformed one is simply not valid.
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,200}$/);

export async function loader({ params }: LoaderFunctionArgs) {
  const token = tokenSchema.safeParse(params.token);
  return { valid: token.success && (await isResetTokenValid(token.data)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = tokenSchema.safeParse(params.token);
  if (!token.success) return data({ tokenInvalid: true, errors: {} as Record<string, string> }, { status: 410 });
  const parsed = newPasswordPairSchema.safeParse(Object.fromEntries(await formBody(request)));
  if (!parsed.success) return data({ tokenInvalid: false, errors: fieldErrors(parsed.error) }, { status: 400 });
  const result = await resetPassword(token.data, parsed.data.password, { ip: clientIp(request) });
  if (!result.ok) return data({ tokenInvalid: true, errors: {} as Record<string, string> }, { status: 410 });
  return redirectWithToast("/login", { kind: "success", message: "auth.reset.done" });
}

export default function ResetPasswordPage() {
  const t = useT();
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  if (!valid || actionData?.tokenInvalid) {
    return (
      <div className="auth-card">
        <h1>{t("auth.reset.invalidTitle")}</h1>
        <p>{t("auth.reset.invalid")}</p>
        <p>
          <Link className="button button--primary" to="/forgot-password">
            {t("auth.reset.askAgain")}
          </Link>
        </p>
        <p className="auth-card__footer">
          <Link to="/login">{t("auth.backToLogin")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="auth-card">
      <h1>{t("auth.reset.title")}</h1>
      <p className="muted">{t("auth.reset.intro")}</p>
      <Form method="post" noValidate>
        <NewPasswordFields errors={actionData?.errors ?? {}} />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? t("auth.reset.submitting") : t("auth.reset.submit")}
        </button>
      </Form>
    </div>
  );
}
