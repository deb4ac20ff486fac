import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { Field, PageHeader, SelectField } from "~/components/ui";
import { LOCALES } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { getFormProps, parseForm, useAppForm } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { ROLES } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { INE_AREAS, inviteUserSchema } from "~/modules/users";
import { inviteUser, UserExistsError } from "~/modules/users/index.server";

export const meta = adminTitle("admin.users.invite.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:user");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, "manage:user");
  const parsed = await parseForm(request, inviteUserSchema);
  if (!parsed.ok) return data(parsed.reply, { status: 400 });
  try {
    const { user: invited, mailQueued } = await inviteUser({ ...actor, name: user.name }, parsed.value);
    const params = { email: invited.email };
    return redirectWithToast(`/admin/users/${invited.id}`, mailQueued ? { kind: "success", message: "admin.users.invite.sent", params } : { kind: "error", message: "admin.users.invite.mailFailed", params });
  } catch (error) {
    if (error instanceof UserExistsError) return data(parsed.reply({ fieldErrors: { email: ["admin.users.errors.emailTaken"] } }), { status: 409 });
    throw error;
  }
}

export default function InviteUserPage() {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useAppForm({ schema: inviteUserSchema, lastResult: useActionData<typeof action>() });
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader back={{ to: "/admin/users", label: t("admin.users.backToList") }} title={t("admin.users.invite.title")} description={t("admin.users.invite.intro")} />
      <Form method="post" className="panel" {...getFormProps(form)}>
        <div className="form-grid">
          <Field meta={fields.name} label={t("admin.users.fields.name")} autoComplete="off" />
          <Field meta={fields.email} type="email" label={t("admin.users.fields.email")} autoComplete="off" />
          <SelectField meta={fields.role} label={t("admin.users.fields.role")} defaultValue={fields.role.initialValue ?? "COORDINATOR"} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          <SelectField
            meta={fields.ineArea}
            label={t("admin.users.fields.ineArea")}
            hint={t("admin.users.ineArea.hint")}
            placeholder={t("admin.users.ineArea.none")}
            options={INE_AREAS.map((a) => ({ value: a, label: t(`ineArea.${a}`) }))}
          />
          <SelectField
            meta={fields.locale}
            label={t("admin.users.fields.locale")}
            hint={t("admin.users.invite.localeHint")}
            defaultValue={fields.locale.initialValue ?? locale}
            options={LOCALES.map((code) => ({ value: code, label: t(`admin.locales.${code}`) }))}
          />
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
