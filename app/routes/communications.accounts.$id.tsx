import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { pageTitle } from "~/components/contact-detail/meta";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { formBody, idParam, notFound } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp } from "~/modules/auth/session.server";
import { forbidden, mayManageAccounts, requireCommunications } from "~/modules/communications/access.server";
import { CommunicationsError, getAccount, updateAccount } from "~/modules/communications/accounts.server";
import { accountSchema } from "~/modules/communications/schema";
import { NETWORKS, OWNER_AREAS } from "~/modules/communications/shapes";

export const meta = pageTitle("communications.accounts.edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCommunications(request);
  if (access.kind !== "staff") throw forbidden();
  const account = await getAccount(idParam(request, params.id, "key"));
  if (!account) throw notFound(request);
  return { account, canEdit: mayManageAccounts(access) };
}

type ActionResult = { errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCommunications(request);
  if (!mayManageAccounts(access)) throw forbidden();
  const id = idParam(request, params.id, "key");
  const form = await formBody(request);
  const values = Object.fromEntries(["network", "ownerArea", "handle", "name", "active"].map((k) => [k, String(form.get(k) ?? "")]));
  const parsed = accountSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const { changed } = await updateAccount({ userId: access.user.id, ip: clientIp(request) }, id, parsed.data);
    return redirectWithToast(`/communications/accounts/${id}`, changed ? { kind: "success", message: "communications.saved" } : { kind: "info", message: "communications.unchanged" });
  } catch (error) {
    if (error instanceof CommunicationsError && error.code === "notFound") throw notFound(request);
    if (error instanceof CommunicationsError && error.code === "duplicateHandle") return data<ActionResult>({ errors: { handle: "communications.errors.duplicateHandle" }, values }, { status: 409 });
    throw error;
  }
}

export default function AccountPage() {
  const { account, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? { network: account.network, ownerArea: account.ownerArea, handle: account.handle, name: account.name ?? "", active: account.active ? "on" : "" };
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/communications/accounts">← {t("communications.accounts.back")}</Link>
        </p>
        <h1>
          {t(`communications.network.${account.network}`)} {account.handle}
        </h1>
        <p className="muted">
          {t(`communications.area.${account.ownerArea}`)} · {account.active ? t("communications.accounts.active") : t("communications.accounts.inactive")} ·{" "}
          {account.months ? t("communications.accounts.monthsShort", { count: account.months }) : t("communications.accounts.noMonths")}
        </p>
      </header>
      {canEdit ? (
        <section className="panel">
          <Form method="post" noValidate>
            {Object.keys(errors).length ? (
              <p className="form-error" role="alert">
                {t("communications.errors.fix")}
              </p>
            ) : null}
            <div className="form-grid">
              <div className="field">
                <label htmlFor="account-network">{t("communications.fields.network")}</label>
                <select id="account-network" name="network" defaultValue={values.network}>
                  {NETWORKS.map((n) => (
                    <option key={n} value={n}>
                      {t(`communications.network.${n}`)}
                    </option>
                  ))}
                </select>
                {errors.network ? <p className="field-error">{t(errors.network)}</p> : null}
              </div>
              <div className="field">
                <label htmlFor="account-ownerArea">{t("communications.fields.ownerArea")}</label>
                <select id="account-ownerArea" name="ownerArea" defaultValue={values.ownerArea}>
                  {OWNER_AREAS.map((a) => (
                    <option key={a} value={a}>
                      {t(`communications.area.${a}`)}
                    </option>
                  ))}
                </select>
                {errors.ownerArea ? <p className="field-error">{t(errors.ownerArea)}</p> : null}
              </div>
              <Field name="handle" idPrefix="account" label={t("communications.fields.handle")} defaultValue={values.handle} error={errors.handle} required />
              <Field name="name" idPrefix="account" label={t("communications.fields.name")} defaultValue={values.name} error={errors.name} />
            </div>
            <div className="field">
              <label>
                <input type="checkbox" name="active" defaultChecked={values.active === "on"} /> {t("communications.accounts.activeLabel")}
              </label>
              <p className="hint">{t("communications.accounts.activeHint")}</p>
            </div>
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("communications.month.save")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
