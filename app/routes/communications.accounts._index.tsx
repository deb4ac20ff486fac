import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { pageTitle } from "~/components/contact-detail/meta";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { formBody } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp } from "~/modules/auth/session.server";
import { forbidden, mayManageAccounts, requireCommunications } from "~/modules/communications/access.server";
import { CommunicationsError, createAccount, listAccounts } from "~/modules/communications/accounts.server";
import { accountSchema } from "~/modules/communications/schema";
import { NETWORKS, OWNER_AREAS } from "~/modules/communications/shapes";

export const meta = pageTitle("communications.accounts.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const access = await requireCommunications(request);
  if (access.kind !== "staff") throw forbidden();
  return { accounts: await listAccounts(), canEdit: mayManageAccounts(access) };
}

type ActionResult = { errors: Record<string, string>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const access = await requireCommunications(request);
  if (!mayManageAccounts(access)) throw forbidden();
  const form = await formBody(request);
  const values = Object.fromEntries(["network", "ownerArea", "handle", "name"].map((k) => [k, String(form.get(k) ?? "")]));
  const parsed = accountSchema.safeParse({ ...values, active: "on" });
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const { id } = await createAccount({ userId: access.user.id, ip: clientIp(request) }, parsed.data);
    return redirectWithToast(`/communications/accounts/${id}`, { kind: "success", message: "communications.accounts.created" });
  } catch (error) {
    if (error instanceof CommunicationsError && error.code === "duplicateHandle") return data<ActionResult>({ errors: { handle: "communications.errors.duplicateHandle" }, values }, { status: 409 });
    throw error;
  }
}

export default function AccountsPage() {
  const { accounts, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  return (
    <>
      <header className="page-header">
        <h1>{t("communications.accounts.title")}</h1>
        <p className="muted">{t("communications.accounts.intro")}</p>
      </header>
      {accounts.length === 0 ? (
        <div className="empty-state">
          <p>{t("communications.accounts.empty")}</p>
        </div>
      ) : (
        <ul className="panel" style={{ listStyle: "none" }} aria-label={t("communications.accounts.title")}>
          {accounts.map((a) => (
            <li key={a.id} data-account={a.id} style={{ padding: "0.4rem 0" }}>
              <Link to={`/communications/accounts/${a.id}`}>
                {t(`communications.network.${a.network}`)} {a.handle}
              </Link>{" "}
              <span className="badge">{t(`communications.area.${a.ownerArea}`)}</span>{" "}
              {a.active ? null : <span className="badge badge--off">{t("communications.accounts.inactive")}</span>}
              <br />
              <span className="muted">{a.months ? t("communications.accounts.months", { count: a.months, last: a.lastMonth ?? "" }) : t("communications.accounts.noMonths")}</span>
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <section className="panel" aria-labelledby="new-account">
          <h2 id="new-account">{t("communications.accounts.new")}</h2>
          <Form method="post" noValidate>
            {Object.keys(errors).length ? (
              <p className="form-error" role="alert">
                {t("communications.errors.fix")}
              </p>
            ) : null}
            <div className="form-grid">
              <div className="field">
                <label htmlFor="account-network">{t("communications.fields.network")}</label>
                <select id="account-network" name="network" defaultValue={values.network ?? "FACEBOOK"} aria-invalid={errors.network ? true : undefined}>
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
                <select id="account-ownerArea" name="ownerArea" defaultValue={values.ownerArea ?? "VMRE_OFFICE"} aria-invalid={errors.ownerArea ? true : undefined}>
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
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("communications.accounts.create")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
