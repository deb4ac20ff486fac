/**
 * The audit log's columns (admin.audit.tsx): when, who (name, address, IP), what (label and code),
 * on what (a link to the record when it still exists) and the changes, folded.
 */
import { Link } from "@remix-run/react";
import { DataTable, type Column } from "~/components/ui";
import { hasKey } from "~/i18n";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { actionKey, entityKey, type ActorView } from "~/modules/audit";

export type AuditEntry = {
  id: string;
  at: string | Date;
  action: string;
  entity: string | null;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  who: ActorView;
  link: { href: string | null; exists: boolean | null };
};

const json = (value: unknown) => JSON.stringify(value, null, 2);
const present = (value: unknown) => value !== null && value !== undefined;

function Who({ who }: { who: ActorView }) {
  const t = useT();
  return (
    <>
      {who.kind === "user" ? (
        <>
          {who.name}
          <br />
          <span className="muted">{who.email}</span>
        </>
      ) : who.kind === "applicant" ? (
        <>
          {t("admin.audit.actor.applicant")}
          <br />
          <span className="muted">{who.email}</span>
        </>
      ) : (
        <span className="muted">{t(who.key)}</span>
      )}
      {who.ip ? (
        <>
          <br />
          <span className="muted code-inline" data-testid="audit-ip">
            {who.ip}
          </span>
        </>
      ) : null}
    </>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  const t = useT();
  if (!present(entry.before) && !present(entry.after)) return <>{t("common.none")}</>;
  return (
    <details className="audit-changes">
      <summary>{t("admin.audit.showChanges")}</summary>
      {present(entry.before) ? (
        <>
          <h3>{t("admin.audit.before")}</h3>
          <pre className="code">{json(entry.before)}</pre>
        </>
      ) : null}
      {present(entry.after) ? (
        <>
          <h3>{t("admin.audit.after")}</h3>
          <pre className="code">{json(entry.after)}</pre>
        </>
      ) : null}
    </details>
  );
}

export function AuditTable({ entries, emptyMessage }: { entries: readonly AuditEntry[]; emptyMessage: string }) {
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const label = (key: string) => (hasKey(locale, key) ? t(key) : null);
  const columns: Column<AuditEntry>[] = [
    {
      key: "at",
      header: t("admin.audit.fields.at"),
      primary: true,
      cell: (e) => <time dateTime={new Date(e.at).toISOString()}>{formatDate(e.at, { dateStyle: "medium", timeStyle: "medium" })}</time>,
    },
    { key: "actor", header: t("admin.audit.fields.actor"), cell: (e) => <Who who={e.who} /> },
    {
      key: "action",
      header: t("admin.audit.fields.action"),
      cell: (e) => {
        const text = label(actionKey(e.action));
        return text ? (
          <>
            {text}
            <br />
            <span className="code-inline muted" title={t("admin.audit.actionCode", { code: e.action })}>
              {e.action}
            </span>
          </>
        ) : (
          <span className="code-inline">{e.action}</span>
        );
      },
    },
    {
      key: "entity",
      header: t("admin.audit.fields.entity"),
      cell: (e) => {
        if (!e.entity) return t("common.none");
        const text = label(entityKey(e.entity)) ?? e.entity;
        return (
          <>
            {e.link.href ? <Link to={e.link.href}>{text}</Link> : text}
            {e.entityId ? (
              <>
                <br />
                <span className="code-inline muted audit-id">{e.entityId}</span>
                {e.link.exists === false ? <span className="muted"> · {t("admin.audit.entityGone")}</span> : null}
              </>
            ) : null}
          </>
        );
      },
    },
    { key: "changes", header: t("admin.audit.fields.changes"), cell: (e) => <Changes entry={e} /> },
  ];
  return <DataTable label={t("admin.audit.title")} columns={columns} rows={entries} rowKey={(e) => e.id} empty={{ message: emptyMessage }} className="audit-table" />;
}
