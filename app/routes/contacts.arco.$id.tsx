import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ArcoRequestFields } from "~/components/contact-detail/arco-request-fields";
import { ArcoStateBadge, DeadlineBadge } from "~/components/contact-detail/badges";
import { postedValues } from "~/components/contact-detail/contact-fields";
import { useFormatCalendarDate } from "~/components/contact-detail/dates";
import { contactDetailLinks } from "~/components/contact-detail/styles";
import { PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormatDate, useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { fieldErrors } from "~/lib/forms";
import { domainErrorAnswer } from "~/lib/http.server";
import { formBody, notFound, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { arcoRequestUpdateSchema, getArcoRequest, officeToday, updateArcoRequest } from "~/modules/contacts/index.server";

export const meta = pageTitle("contacts.arco.requestTitle");
export const links = contactDetailLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:contact");
  const found = await getArcoRequest(requireParam(params, "id", "key"));
  if (!found) throw notFound(request);
  return { ...found, today: await officeToday(), canEdit: can(user.role, "edit:contact") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:contact");
  const id = requireParam(params, "id", "key");
  const form = Object.fromEntries(await formBody(request));
  const values = postedValues(form);
  const parsed = arcoRequestUpdateSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const { changed } = await updateArcoRequest(actor, id, parsed.data);
    return redirectWithToast(`/contacts/arco/${encodeURIComponent(id)}`, changed ? { kind: "success", message: "contacts.arco.saved" } : { kind: "info", message: "contacts.form.unchanged" });
  } catch (error) {
    return domainErrorAnswer(error, values);
  }
}

export default function ArcoRequestPage() {
  const { request, contact, today, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const formatDate = useFormatDate();
  const formatDay = useFormatCalendarDate();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const open = request.state === "RECEIVED" || request.state === "IN_PROGRESS";
  const values = actionData?.values ?? {
    kind: request.kind,
    state: request.state,
    receivedOn: request.receivedOn,
    requesterName: request.requesterName,
    requesterEmail: request.requesterEmail,
    contactId: request.contactId === null ? "" : String(request.contactId),
    notes: request.notes,
  };
  return (
    <>
      <PageHeader title={`${t(`contacts.arco.kind.${request.kind}`)} · ${request.requesterName}`} back={{ to: "/contacts/arco", label: t("contacts.arco.backToList") }}>
        <p className="cd-header__meta">
          <ArcoStateBadge state={request.state} />
          <DeadlineBadge deadline={request.deadline} />
        </p>
      </PageHeader>

      <section className="panel" aria-labelledby="arco-details">
        <h2 id="arco-details">{t("contacts.arco.details")}</h2>
        <dl className="cd-details">
          <dt>{t("contacts.arco.fields.kind")}</dt>
          <dd>
            {t(`contacts.arco.kind.${request.kind}`)} — <span className="muted">{t(`contacts.arco.kindHelp.${request.kind}`)}</span>
          </dd>
          <dt>{t("contacts.arco.fields.receivedOn")}</dt>
          <dd>{formatDay(request.receivedOn)}</dd>
          <dt>{t("contacts.arco.fields.dueOn")}</dt>
          <dd>
            {formatDay(request.dueOn)} <DeadlineBadge deadline={request.deadline} />
          </dd>
          <dt>{t("contacts.arco.fields.requesterName")}</dt>
          <dd>{request.requesterName}</dd>
          <dt>{t("contacts.arco.fields.requesterEmail")}</dt>
          <dd>{request.requesterEmail ?? t("common.none")}</dd>
          <dt>{t("contacts.arco.fields.contact")}</dt>
          <dd>
            {contact ? (
              <Link to={`/contacts/${contact.id}`}>
                {contact.email} (#{contact.id})
              </Link>
            ) : request.contactId !== null ? (
              t("contacts.arco.contactGone", { id: request.contactId })
            ) : (
              t("common.none")
            )}
          </dd>
          <dt>{t("contacts.arco.fields.state")}</dt>
          <dd>
            <ArcoStateBadge state={request.state} />
          </dd>
          {request.resolvedAt ? (
            <>
              <dt>{t("contacts.arco.fields.resolvedAt")}</dt>
              <dd>{formatDate(request.resolvedAt)}</dd>
            </>
          ) : null}
          <dt>{t("contacts.arco.fields.notes")}</dt>
          <dd>{request.notes ?? t("common.none")}</dd>
        </dl>
      </section>

      {contact && open ? (
        <section className="panel" aria-labelledby="arco-actions">
          <h2 id="arco-actions">{t("contacts.arco.actions")}</h2>
          <p className="cd-note">{t("contacts.arco.actionsHint")}</p>
          <div className="cd-actions">
            <a className="button" href={`/contacts/${contact.id}/export.json?arco=${encodeURIComponent(request.id)}`} download>
              {t("contacts.detail.arco.exportJson")}
            </a>
            <a className="button" href={`/contacts/${contact.id}/export.csv?arco=${encodeURIComponent(request.id)}`} download>
              {t("contacts.detail.arco.exportCsv")}
            </a>
            {canEdit ? (
              <>
                <Link className="button" to={`/contacts/${contact.id}/edit`}>
                  {t("contacts.arco.rectify")}
                </Link>
                <Link className="button button--danger" to={`/contacts/${contact.id}?arco=${encodeURIComponent(request.id)}#erase`}>
                  {t("contacts.arco.goErase")}
                </Link>
              </>
            ) : null}
          </div>
        </section>
      ) : null}

      {canEdit ? (
        <section className="panel" aria-labelledby="arco-edit">
          <h2 id="arco-edit">{t("contacts.arco.update")}</h2>
          <Form method="post" noValidate>
            {Object.keys(errors).length > 0 ? (
              <p className="form-error" role="alert">
                {t("contacts.form.errors.fix")}
              </p>
            ) : null}
            <ArcoRequestFields values={values} errors={errors} today={today} withState />
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("common.save")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
