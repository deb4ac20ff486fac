import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { ArcoRequestFields } from "~/components/contact-detail/arco-request-fields";
import { ArcoStateBadge, DeadlineBadge } from "~/components/contact-detail/badges";
import { postedValues } from "~/components/contact-detail/contact-fields";
import { useFormatCalendarDate } from "~/components/contact-detail/dates";
import { pageTitle } from "~/components/contact-detail/meta";
import { contactDetailLinks } from "~/components/contact-detail/styles";
import { useFormatDate, useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { ArcoRequestError, createArcoRequest, listArcoRequests } from "~/modules/contacts/index.server";
import { ARCO_DEADLINE_BUSINESS_DAYS, DUE_SOON_BUSINESS_DAYS } from "~/modules/contacts/index.server";
import { arcoRequestSchema } from "~/modules/contacts/index.server";
import { findContact } from "~/modules/contacts/index.server";
import { formBody, idQuery } from "~/lib/params";

export const meta = pageTitle("contacts.arco.title");
export const links = contactDetailLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:contact");
  const url = new URL(request.url);
  const list = await listArcoRequests({ closedCursor: url.searchParams.get("closed") });
  const contactId = idQuery(request, url.searchParams.get("contactId"), "int");
  const contact = contactId ? await findContact(contactId) : null;
  const prefill = contact ? { id: contact.id, email: contact.email, givenName: contact.givenName, familyName: contact.familyName } : null;
  return { ...list, canEdit: can(user.role, "edit:contact"), prefill };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:contact");
  const form = Object.fromEntries(await formBody(request));
  const values = postedValues(form);
  const parsed = arcoRequestSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const created = await createArcoRequest({ userId: user.id, ip: clientIp(request) }, parsed.data);
    return redirectWithToast(`/contacts/arco/${created.id}`, { kind: "success", message: "contacts.arco.created" });
  } catch (error) {
    if (error instanceof ArcoRequestError) {
      const field = error.code === "contactNotFound" ? "contactId" : "receivedOn";
      return data({ errors: { [field]: error.messageKey } as Record<string, string>, values }, { status: 400 });
    }
    throw error;
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["open"][number];

function RequestsTable({ rows, caption, open }: { rows: Row[]; caption: string; open: boolean }) {
  const t = useT();
  const formatDay = useFormatCalendarDate();
  const formatDate = useFormatDate();
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{open ? t("contacts.arco.fields.dueOn") : t("contacts.arco.fields.receivedOn")}</th>
            <th scope="col">{t("contacts.arco.fields.kind")}</th>
            <th scope="col">{t("contacts.arco.fields.requesterName")}</th>
            <th scope="col">{open ? t("contacts.arco.fields.receivedOn") : t("contacts.arco.fields.resolvedAt")}</th>
            <th scope="col">{t("contacts.arco.fields.state")}</th>
            <th scope="col">{t("contacts.arco.fields.contact")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                {open ? (
                  <>
                    <span className="cd-nowrap">{formatDay(r.dueOn)}</span> <DeadlineBadge deadline={r.deadline} />
                  </>
                ) : (
                  <span className="cd-nowrap">{formatDay(r.receivedOn)}</span>
                )}
              </td>
              <td>
                <Link to={`/contacts/arco/${r.id}`}>{t(`contacts.arco.kind.${r.kind}`)}</Link>
              </td>
              <td>{r.requesterName}</td>
              <td className="cd-nowrap">{open ? formatDay(r.receivedOn) : r.resolvedAt ? formatDate(r.resolvedAt, { dateStyle: "medium" }) : t("common.none")}</td>
              <td>
                <ArcoStateBadge state={r.state} />
              </td>
              <td>
                {r.contactId === null ? (
                  t("common.none")
                ) : r.contactExists ? (
                  <Link to={`/contacts/${r.contactId}`}>#{r.contactId}</Link>
                ) : (
                  <span className="muted">{t("contacts.arco.contactGone", { id: r.contactId })}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ArcoRequestsPage() {
  const { open, closed, nextClosedCursor, today, canEdit, prefill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const location = useLocation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values ?? { receivedOn: today, contactId: prefill ? String(prefill.id) : "", requesterEmail: prefill?.email ?? "", requesterName: [prefill?.givenName, prefill?.familyName].filter(Boolean).join(" ") };
  const overdue = open.filter((r) => r.deadline?.state === "overdue").length;
  const dueSoon = open.filter((r) => r.deadline?.state === "dueSoon").length;
  const closedParams = new URLSearchParams(location.search);
  const onFirstClosedPage = !closedParams.has("closed");
  closedParams.delete("closed");
  const nextParams = new URLSearchParams(closedParams);
  if (nextClosedCursor) nextParams.set("closed", nextClosedCursor);
  return (
    <>
      <header className="page-header">
        <p className="cd-back">
          <Link to="/contacts">← {t("contacts.detail.backToList")}</Link>
        </p>
        <h1>{t("contacts.arco.title")}</h1>
        <p className="muted">{t("contacts.arco.intro", { days: ARCO_DEADLINE_BUSINESS_DAYS, soon: DUE_SOON_BUSINESS_DAYS })}</p>
      </header>

      <section className="panel" aria-labelledby="arco-open">
        <h2 id="arco-open">{t("contacts.arco.open", { count: open.length })}</h2>
        {overdue > 0 || dueSoon > 0 ? (
          <p role="status">
            {overdue > 0 ? <span className="badge badge--off">{t("contacts.arco.overdueCount", { count: overdue })}</span> : null}{" "}
            {dueSoon > 0 ? <span className="badge badge--warn">{t("contacts.arco.dueSoonCount", { count: dueSoon })}</span> : null}
          </p>
        ) : null}
        {open.length === 0 ? <p className="cd-note">{t("contacts.arco.noneOpen")}</p> : <RequestsTable rows={open} caption={t("contacts.arco.open", { count: open.length })} open />}
      </section>

      {canEdit ? (
        <section className="panel" aria-labelledby="new-request-title" id="new-request">
          <h2 id="new-request-title">{t("contacts.arco.new")}</h2>
          {prefill ? <p className="cd-note">{t("contacts.arco.prefilled", { email: prefill.email, id: prefill.id })}</p> : null}
          <Form method="post" noValidate aria-labelledby="new-request-title">
            {Object.keys(errors).length > 0 ? (
              <p className="form-error" role="alert">
                {t("contacts.form.errors.fix")}
              </p>
            ) : null}
            <ArcoRequestFields values={values} errors={errors} today={today} />
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("contacts.arco.create")}
            </button>
          </Form>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="arco-closed">
        <h2 id="arco-closed">{t("contacts.arco.closed")}</h2>
        {closed.length === 0 ? <p className="cd-note">{t("contacts.arco.noneClosed")}</p> : <RequestsTable rows={closed} caption={t("contacts.arco.closed")} open={false} />}
        {!onFirstClosedPage || nextClosedCursor ? (
          <nav className="cd-pager" aria-label={t("contacts.arco.closed")}>
            {onFirstClosedPage ? <span /> : <Link to={closedParams.toString() ? `?${closedParams}` : location.pathname}>{t("common.first")}</Link>}
            {nextClosedCursor ? (
              <Link to={`?${nextParams}`} rel="next">
                {t("common.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
