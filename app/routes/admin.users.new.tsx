import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { TextField } from "~/components/admin/text-field";
import { LOCALES } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { ROLES } from "~/modules/auth";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { inviteUser, UserExistsError } from "~/modules/users/index.server";
import { INE_AREAS, inviteUserSchema } from "~/modules/users";
import { formBody } from "~/lib/params";

export const meta = adminTitle("admin.users.invite.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:user");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:user");
  const form = Object.fromEntries(await formBody(request));
  const values = {
    name: String(form.name ?? ""),
    email: String(form.email ?? ""),
    role: String(form.role ?? ""),
    locale: String(form.locale ?? ""),
    ineArea: String(form.ineArea ?? ""),
  };
  const parsed = inviteUserSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const result = await inviteUser({ userId: user.id, ip: clientIp(request), name: user.name }, parsed.data);
    return redirectWithToast(
      `/admin/users/${result.user.id}`,
      result.mailQueued
        ? { kind: "success", message: "admin.users.invite.sent", params: { email: result.user.email } }
        : { kind: "error", message: "admin.users.invite.mailFailed", params: { email: result.user.email } },
    );
  } catch (error) {
    if (error instanceof UserExistsError) {
      return data({ errors: { email: "admin.users.errors.emailTaken" } as Record<string, string>, values }, { status: 409 });
    }
    throw error;
  }
}

export default function InviteUserPage() {
  const t = useT();
  const locale = useLocale();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/admin/users">← {t("admin.users.backToList")}</Link>
        </p>
        <h1>{t("admin.users.invite.title")}</h1>
        <p className="muted">{t("admin.users.invite.intro")}</p>
      </header>
      <Form method="post" noValidate className="panel">
        <div className="form-grid">
          <TextField name="name" label={t("admin.users.fields.name")} defaultValue={values?.name} error={errors.name} required autoComplete="off" />
          <TextField name="email" type="email" label={t("admin.users.fields.email")} defaultValue={values?.email} error={errors.email} required autoComplete="off" />
          <div className="field">
            <label htmlFor="invite-role">{t("admin.users.fields.role")}</label>
            <select
              id="invite-role"
              name="role"
              defaultValue={values?.role ?? "COORDINATOR"}
              aria-invalid={errors.role ? true : undefined}
              aria-describedby={errors.role ? "invite-role-error" : undefined}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
            {errors.role ? (
              <p className="field-error" id="invite-role-error">
                {t(errors.role)}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="invite-area">{t("admin.users.fields.ineArea")}</label>
            <p className="hint" id="invite-area-hint">
              {t("admin.users.ineArea.hint")}
            </p>
            <select
              id="invite-area"
              name="ineArea"
              defaultValue={values?.ineArea ?? ""}
              aria-invalid={errors.ineArea ? true : undefined}
              aria-describedby={errors.ineArea ? "invite-area-hint invite-area-error" : "invite-area-hint"}
            >
              <option value="">{t("admin.users.ineArea.none")}</option>
              {INE_AREAS.map((area) => (
                <option key={area} value={area}>
                  {t(`ineArea.${area}`)}
                </option>
              ))}
            </select>
            {errors.ineArea ? (
              <p className="field-error" id="invite-area-error">
                {t(errors.ineArea)}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="invite-locale">{t("admin.users.fields.locale")}</label>
            <p className="hint" id="invite-locale-hint">
              {t("admin.users.invite.localeHint")}
            </p>
            <select
              id="invite-locale"
              name="locale"
              defaultValue={values?.locale ?? locale}
              aria-invalid={errors.locale ? true : undefined}
              aria-describedby={errors.locale ? "invite-locale-hint invite-locale-error" : "invite-locale-hint"}
            >
              {LOCALES.map((code) => (
                <option key={code} value={code}>
                  {t(`admin.locales.${code}`)}
                </option>
              ))}
            </select>
            {errors.locale ? (
              <p className="field-error" id="invite-locale-error">
                {t(errors.locale)}
              </p>
            ) : null}
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t("admin.users.invite.sending") : t("admin.users.invite.submit")}
          </button>
          <Link to="/admin/users" className="button">
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
