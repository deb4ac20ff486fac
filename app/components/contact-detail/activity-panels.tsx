import { Link } from "@remix-run/react";
import { Card, DataTable, KeysetPager, type Column } from "~/components/ui";
import { hasKey } from "~/i18n";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";

type Delivery = { id: string | number; bulletinId: string | number; bulletinName: string; subject: string; status: string; sentAt: string | Date | null; outcomeUnknown: boolean };

/** The bulletins sent to the contact, newest first, a page at a time. */
export function BulletinsPanel({ rows, nextCursor }: { rows: readonly Delivery[]; nextCursor: string | null }) {
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <Card title={t("contacts.detail.bulletins.title")}>
      {rows.length === 0 ? (
        <p className="cd-note">{t("contacts.detail.bulletins.none")}</p>
      ) : (
        <ul className="cd-list">
          {rows.map((d) => (
            <li key={d.id}>
              <Link to={`/bulletins/${d.bulletinId}`}>{d.bulletinName}</Link> · {d.subject}
              <br />
              <span className="muted">
                {t(`contacts.detail.bulletins.status.${d.status}`)}
                {d.sentAt ? ` · ${formatDate(d.sentAt)}` : ""}
                {d.outcomeUnknown ? ` · ${t("contacts.detail.bulletins.outcomeUnknown")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <Link to={`?deliveries=${nextCursor}`} className="button-secondary">
          {t("contacts.detail.bulletins.more")}
        </Link>
      ) : null}
    </Card>
  );
}

function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  if (before == null && after == null) return <span className="muted">{t("common.none")}</span>;
  return (
    <details className="cd-changes">
      <summary>{t("contacts.detail.audit.showChanges")}</summary>
      {before != null ? (
        <>
          <h3>{t("contacts.detail.audit.before")}</h3>
          <pre>{JSON.stringify(before, null, 2)}</pre>
        </>
      ) : null}
      {after != null ? (
        <>
          <h3>{t("contacts.detail.audit.after")}</h3>
          <pre>{JSON.stringify(after, null, 2)}</pre>
        </>
      ) : null}
    </details>
  );
}

type AuditEntry = { id: string | number; at: string | Date; action: string; actor: { name: string } | null; actorId: string | null; before: unknown; after: unknown };

const ACTION_PREFIX = "contacts.detail.audit.actions.";

/** What happened to the contact (the audit log), a page at a time. */
export function AuditPanel({ entries, nextCursor }: { entries: readonly AuditEntry[]; nextCursor?: string | null }) {
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const columns: Column<AuditEntry>[] = [
    { key: "at", header: t("contacts.detail.audit.at"), primary: true, className: "cd-nowrap", cell: (e) => formatDate(e.at) },
    { key: "action", header: t("contacts.detail.audit.action"), cell: (e) => (hasKey(locale, `${ACTION_PREFIX}${e.action}`) ? t(`${ACTION_PREFIX}${e.action}`) : e.action) },
    { key: "by", header: t("contacts.detail.audit.by"), cell: (e) => (e.actor ? e.actor.name : e.actorId ? t("contacts.detail.consent.formerUser") : t("contacts.detail.consent.system")) },
    { key: "changes", header: t("contacts.detail.audit.changes"), cell: (e) => <AuditChanges before={e.before} after={e.after} /> },
  ];
  return (
    <Card title={t("contacts.detail.audit.title")} data-section="audit">
      <DataTable label={t("contacts.detail.audit.title")} columns={columns} rows={entries} rowKey={(e) => String(e.id)} empty={{ message: t("contacts.detail.audit.none") }} />
      <KeysetPager nextCursor={nextCursor} param="audit" />
    </Card>
  );
}
