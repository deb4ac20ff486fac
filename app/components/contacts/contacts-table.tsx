import { Link } from "@remix-run/react";
import { DataTable, type Column } from "~/components/ui";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { ConsentBadge, SubscriptionBadge } from "~/components/contact-detail/badges";
import type { ContactListRow } from "~/modules/contacts";
import { contactName, languageName, stateName } from "./labels";

export type ContactRow = ContactListRow<string | Date>;

/** The id of the bulk form the row checkboxes post with. */
export const BULK_FORM_ID = "contacts-bulk";

/** The contacts list as kit columns; row checkboxes when the reader may act in bulk. */
export function ContactsTable({ rows, caption, selectable, nameOf, empty }: { rows: readonly ContactRow[]; caption: string; selectable: boolean; nameOf: (code: string) => string; empty: string }) {
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const none = t("common.none");
  const columns: Column<ContactRow>[] = [
    {
      key: "name",
      header: t("contacts.fields.name"),
      primary: true,
      cell: (row) => <Link to={`/contacts/${row.id}`}>{contactName(row) || <span className="muted">{t("contacts.noName")}</span>}</Link>,
    },
    { key: "email", header: t("contacts.fields.email"), className: "email", cell: (row) => row.email },
    {
      key: "place",
      header: t("contacts.fields.placeAndLanguage"),
      cell: (row) => (
        <span>
          {row.country ? nameOf(row.country) : none}
          {row.state ? <span className="muted contacts-state">{stateName(row.state)}</span> : null}
          <span className="muted contacts-language">{row.language ? languageName(row.language, locale) : none}</span>
        </span>
      ),
    },
    {
      key: "tags",
      header: t("contacts.fields.tags"),
      cell: (row) =>
        row.tags.length ? (
          <ul className="tag-list">
            {row.tags.map((tag) => (
              <li key={tag} className="badge">
                {tag}
              </li>
            ))}
          </ul>
        ) : (
          none
        ),
    },
    {
      // Consent and subscription side by side in one column: the list fits 1366 px without scrolling.
      key: "status",
      header: t("contacts.fields.status"),
      cell: (row) => (
        <span className="contacts-status">
          <ConsentBadge status={row.consentStatus} />
          <SubscriptionBadge status={row.subscriptionStatus} />
        </span>
      ),
    },
    {
      key: "createdAt",
      header: t("contacts.fields.createdAt"),
      className: "nowrap",
      cell: (row) => <time dateTime={new Date(row.createdAt).toISOString()}>{formatDate(row.createdAt, { dateStyle: "medium" })}</time>,
    },
  ];
  return (
    <DataTable
      label={caption}
      columns={columns}
      rows={rows}
      rowKey={(row) => String(row.id)}
      className="contacts-table"
      empty={{ message: empty }}
      selection={
        selectable
          ? { form: BULK_FORM_ID, name: "id", value: (row) => String(row.id), label: (row) => t("contacts.select.row", { name: contactName(row) || row.email }) }
          : undefined
      }
    />
  );
}
