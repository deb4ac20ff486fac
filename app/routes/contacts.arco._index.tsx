import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ArcoRequestFields } from "~/components/contact-detail/arco-request-fields";
import { ArcoRequestsTable } from "~/components/contact-detail/arco-requests-table";
import { postedValues } from "~/components/contact-detail/contact-fields";
import { contactDetailLinks } from "~/components/contact-detail/styles";
import { Card, KeysetPager, PageHeader, StatusBadge } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { fieldErrors } from "~/lib/forms";
import { domainErrorAnswer } from "~/lib/http.server";
import { formBody, idQuery } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { arcoRequestSchema, createArcoRequest, findContact, listArcoRequests } from "~/modules/contacts/index.server";
import { ARCO_DEADLINE_BUSINESS_DAYS, DUE_SOON_BUSINESS_DAYS } from "~/modules/contacts";

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
  const { actor } = await requireActor(request, "edit:contact");
  const form = Object.fromEntries(await formBody(request));
  const values = postedValues(form);
  const parsed = arcoRequestSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const created = await createArcoRequest(actor, parsed.data);
    return redirectWithToast(`/contacts/arco/${created.id}`, { kind: "success", message: "contacts.arco.created" });
  } catch (error) {
    return domainErrorAnswer(error, values);
  }
}

export default function ArcoRequestsPage() {
  const { open, closed, nextClosedCursor, today, canEdit, prefill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values ?? { receivedOn: today, contactId: prefill ? String(prefill.id) : "", requesterEmail: prefill?.email ?? "", requesterName: [prefill?.givenName, prefill?.familyName].filter(Boolean).join(" ") };
  const overdue = open.filter((r) => r.deadline?.state === "overdue").length;
  const dueSoon = open.filter((r) => r.deadline?.state === "dueSoon").length;
  return (
    <>
      <PageHeader
        title={t("contacts.arco.title")}
        back={{ to: "/contacts", label: t("contacts.detail.backToList") }}
        description={t("contacts.arco.intro", { days: ARCO_DEADLINE_BUSINESS_DAYS, soon: DUE_SOON_BUSINESS_DAYS })}
      />

      <Card title={t("contacts.arco.open", { count: open.length })}>
        {overdue > 0 || dueSoon > 0 ? (
          <p role="status">
            {overdue > 0 ? <StatusBadge tone="danger" label={t("contacts.arco.overdueCount", { count: overdue })} /> : null}{" "}
            {dueSoon > 0 ? <StatusBadge tone="warning" label={t("contacts.arco.dueSoonCount", { count: dueSoon })} /> : null}
          </p>
        ) : null}
        <ArcoRequestsTable rows={open} caption={t("contacts.arco.open", { count: open.length })} open empty={t("contacts.arco.noneOpen")} />
      </Card>

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

      <Card title={t("contacts.arco.closed")}>
        <ArcoRequestsTable rows={closed} caption={t("contacts.arco.closed")} open={false} empty={t("contacts.arco.noneClosed")} />
        <KeysetPager nextCursor={nextClosedCursor} param="closed" />
      </Card>
    </>
  );
}
