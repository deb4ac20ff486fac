import { Link } from "@remix-run/react";
import { DataTable, type Column } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import type { DeadlineState } from "~/modules/contacts";
import { ArcoStateBadge, DeadlineBadge } from "./badges";
import { useFormatCalendarDate } from "./dates";

export type ArcoRequestRow = {
  id: string;
  kind: string;
  state: string;
  requesterName: string;
  receivedOn: string;
  dueOn: string;
  resolvedAt: string | Date | null;
  contactId: number | null;
  contactExists: boolean;
  deadline: { state: DeadlineState; businessDaysLeft: number } | null;
};

/** Open requests by deadline (first column), closed ones by reception and resolution. */
export function ArcoRequestsTable({ rows, caption, open, empty }: { rows: readonly ArcoRequestRow[]; caption: string; open: boolean; empty: string }) {
  const t = useT();
  const formatDay = useFormatCalendarDate();
  const formatDate = useFormatDate();
  const columns: Column<ArcoRequestRow>[] = [
    {
      key: "kind",
      header: t("contacts.arco.fields.kind"),
      primary: true,
      cell: (r) => <Link to={`/contacts/arco/${r.id}`}>{t(`contacts.arco.kind.${r.kind}`)}</Link>,
    },
    open
      ? {
          key: "dueOn",
          header: t("contacts.arco.fields.dueOn"),
          cell: (r) => (
            <span>
              <span className="cd-nowrap">{formatDay(r.dueOn)}</span> <DeadlineBadge deadline={r.deadline} />
            </span>
          ),
        }
      : { key: "receivedOn", header: t("contacts.arco.fields.receivedOn"), className: "cd-nowrap", cell: (r) => formatDay(r.receivedOn) },
    { key: "requester", header: t("contacts.arco.fields.requesterName"), cell: (r) => r.requesterName },
    open
      ? { key: "receivedOn", header: t("contacts.arco.fields.receivedOn"), className: "cd-nowrap", cell: (r) => formatDay(r.receivedOn) }
      : { key: "resolvedAt", header: t("contacts.arco.fields.resolvedAt"), className: "cd-nowrap", cell: (r) => (r.resolvedAt ? formatDate(r.resolvedAt, { dateStyle: "medium" }) : t("common.none")) },
    { key: "state", header: t("contacts.arco.fields.state"), cell: (r) => (
        <span>
          <ArcoStateBadge state={r.state} />
        </span>
      ) },
    {
      key: "contact",
      header: t("contacts.arco.fields.contact"),
      cell: (r) =>
        r.contactId === null ? t("common.none") : r.contactExists ? <Link to={`/contacts/${r.contactId}`}>#{r.contactId}</Link> : <span className="muted">{t("contacts.arco.contactGone", { id: r.contactId })}</span>,
    },
  ];
  return <DataTable label={caption} columns={columns} rows={rows} rowKey={(r) => r.id} empty={{ message: empty }} />;
}
