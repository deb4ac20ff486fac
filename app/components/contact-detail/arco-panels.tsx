import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { Card, Field, FieldError } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { ArcoStateBadge, DeadlineBadge } from "./badges";
import { useFormatCalendarDate } from "./dates";
import type { DeadlineState } from "~/modules/contacts";

type OpenRequest = { id: string; kind: string; receivedOn: string };
type RequestItem = OpenRequest & { state: string; deadline: { state: DeadlineState; businessDaysLeft: number } | null };

/** The contact's ARCO requests, each with its state and legal deadline. */
export function ArcoRequestsPanel({ contactId, requests, canEdit }: { contactId: number; requests: readonly RequestItem[]; canEdit: boolean }) {
  const t = useT();
  const formatDay = useFormatCalendarDate();
  return (
    <Card title={t("contacts.detail.arcoRequests")}>
      {requests.length === 0 ? (
        <p className="cd-note">{t("contacts.detail.noArcoRequests")}</p>
      ) : (
        <ul>
          {requests.map((r) => (
            <li key={r.id}>
              <Link to={`/contacts/arco/${r.id}`}>{t(`contacts.arco.kind.${r.kind}`)}</Link> · {formatDay(r.receivedOn)} · <ArcoStateBadge state={r.state} /> <DeadlineBadge deadline={r.deadline} />
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <p>
          <Link to={`/contacts/arco?contactId=${contactId}#new-request`}>{t("contacts.detail.newArcoRequest")}</Link>
        </p>
      ) : null}
    </Card>
  );
}

/** «Link to an open request»: the export and the erasure may answer one (preselected by ?arco=). */
function RequestSelect({ id, name, requests, error }: { id: string; name: string; requests: readonly OpenRequest[]; error?: string }) {
  const t = useT();
  const formatDay = useFormatCalendarDate();
  const [searchParams] = useSearchParams();
  if (requests.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t("contacts.detail.arco.linkRequest")}</label>
      <select id={id} name={name} defaultValue={searchParams.get("arco") ?? ""}>
        <option value="">{t("contacts.detail.arco.noRequest")}</option>
        {requests.map((r) => (
          <option key={r.id} value={r.id}>
            {t(`contacts.arco.kind.${r.kind}`)} · {formatDay(r.receivedOn)}
          </option>
        ))}
      </select>
      <FieldError error={error} />
    </div>
  );
}

/** ARCO rights on the contact's data: download it (access) and erase it (cancellation). */
export function ArcoPanel({ contact, openRequests, canEdit, errors }: { contact: { id: number; email: string }; openRequests: readonly OpenRequest[]; canEdit: boolean; errors: Record<string, string> }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("contacts.detail.arco.title")}>
      <h3>{t("contacts.detail.arco.exportTitle")}</h3>
      <p className="cd-note">{t("contacts.detail.arco.exportHint")}</p>
      <Form method="get" reloadDocument className="cd-inline-form" action={`/contacts/${contact.id}/export.json`}>
        <RequestSelect id="export-arco" name="arco" requests={openRequests} />
        <button type="submit" className="button">
          {t("contacts.detail.arco.exportJson")}
        </button>
        <button type="submit" className="button" formAction={`/contacts/${contact.id}/export.csv`}>
          {t("contacts.detail.arco.exportCsv")}
        </button>
      </Form>
      {canEdit ? (
        <div className="cd-danger panel" id="erase">
          <h2>{t("contacts.detail.erase.title")}</h2>
          <p>{t("contacts.detail.erase.explain")}</p>
          <Form method="post" className="cd-inline-form">
            <input type="hidden" name="intent" value="erase" />
            <RequestSelect id="erase-arco" name="arcoRequestId" requests={openRequests} error={errors.arcoRequestId} />
            <Field idPrefix="erase" name="confirmEmail" type="email" label={t("contacts.detail.erase.typeEmail", { email: contact.email })} error={errors.confirmEmail} autoComplete="off" required />
            <button type="submit" className="button button--danger" disabled={busy}>
              {t("contacts.detail.erase.submit")}
            </button>
          </Form>
        </div>
      ) : null}
    </Card>
  );
}
