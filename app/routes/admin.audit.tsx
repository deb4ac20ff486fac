import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { KeysetPager } from "~/components/admin/pager";
import { hasKey } from "~/i18n";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { searchAudit } from "~/modules/audit/index.server";
import { actionKey, entityKey, auditQueryFromUrl } from "~/modules/audit";
import { requirePermission } from "~/modules/auth/index.server";
import { dateParam, idQuery } from "~/lib/params";

export const meta = adminTitle("admin.audit.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:audit");
  // A day that does not exist or a cursor past int8 is refused here; other mistyped filters are dropped.
  const url = new URL(request.url);
  dateParam(request, url.searchParams.get("from"));
  dateParam(request, url.searchParams.get("to"));
  idQuery(request, url.searchParams.get("cursor"), "bigint");
  const query = auditQueryFromUrl(url);
  const page = await searchAudit(query, user);
  return { ...page, query };
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export default function AuditPage() {
  const { entries, nextCursor, query, timeZone } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const { cursor: _cursor, ...filters } = query;
  const filterParams = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const filtered = filterParams.toString() !== "";
  const label = (key: string) => (hasKey(locale, key) ? t(key) : null);
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("admin.audit.title")}</h1>
          <p className="muted">{t("admin.audit.intro", { timeZone })}</p>
        </div>
        <a href={`/admin/audit.csv${filtered ? `?${filterParams}` : ""}`} className="button" download>
          {t("admin.audit.export")}
        </a>
      </header>

      <Form method="get" className="filters" role="search" aria-label={t("admin.audit.filters")}>
        <div className="field">
          <label htmlFor="audit-action">{t("admin.audit.fields.action")}</label>
          <input id="audit-action" name="action" defaultValue={query.action ?? ""} placeholder="user." aria-describedby="audit-action-hint" />
          <p className="hint" id="audit-action-hint">
            {t("admin.audit.actionHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t("admin.audit.fields.actorEmail")}</label>
          <input id="audit-actor" name="actor" type="email" defaultValue={query.actor ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-entity">{t("admin.audit.fields.entity")}</label>
          <input id="audit-entity" name="entity" defaultValue={query.entity ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-entity-id">{t("admin.audit.fields.entityId")}</label>
          <input id="audit-entity-id" name="entityId" defaultValue={query.entityId ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t("admin.audit.fields.from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={query.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("admin.audit.fields.to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={query.to ?? ""} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t("common.filter")}
          </button>
          {filtered ? (
            <Link to="/admin/audit" className="button">
              {t("common.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      {entries.length === 0 ? (
        <div className="empty-state">
          <p>{filtered ? t("admin.audit.emptyFiltered") : t("admin.audit.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="audit-table">
            <caption className="sr-only">{t("admin.audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.audit.fields.at")}</th>
                <th scope="col">{t("admin.audit.fields.actor")}</th>
                <th scope="col">{t("admin.audit.fields.action")}</th>
                <th scope="col">{t("admin.audit.fields.entity")}</th>
                <th scope="col">{t("admin.audit.fields.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const actionLabel = label(actionKey(entry.action));
                const entityLabel = entry.entity ? (label(entityKey(entry.entity)) ?? entry.entity) : null;
                const { who, link } = entry;
                const hasBefore = entry.before !== null && entry.before !== undefined;
                const hasAfter = entry.after !== null && entry.after !== undefined;
                return (
                  <tr key={entry.id}>
                    <td className="nowrap" data-label={t("admin.audit.fields.at")}>
                      <time dateTime={new Date(entry.at).toISOString()}>{formatDate(entry.at, { dateStyle: "medium", timeStyle: "medium" })}</time>
                    </td>
                    <td data-label={t("admin.audit.fields.actor")}>
                      {who.kind === "user" ? (
                        <>
                          {who.name}
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
                    </td>
                    <td data-label={t("admin.audit.fields.action")}>
                      {actionLabel ?? <span className="code-inline">{entry.action}</span>}
                      {actionLabel ? (
                        <>
                          <br />
                          <span className="code-inline muted" title={t("admin.audit.actionCode", { code: entry.action })}>
                            {entry.action}
                          </span>
                        </>
                      ) : null}
                    </td>
                    <td data-label={t("admin.audit.fields.entity")}>
                      {entityLabel ? (
                        <>
                          {link.href ? <Link to={link.href}>{entityLabel}</Link> : entityLabel}
                          {entry.entityId ? (
                            <>
                              <br />
                              <span className="code-inline muted audit-id">{entry.entityId}</span>
                              {link.exists === false ? <span className="muted"> · {t("admin.audit.entityGone")}</span> : null}
                            </>
                          ) : null}
                        </>
                      ) : (
                        t("common.none")
                      )}
                    </td>
                    <td data-label={t("admin.audit.fields.changes")}>
                      {hasBefore || hasAfter ? (
                        <details className="audit-changes">
                          <summary>{t("admin.audit.showChanges")}</summary>
                          {hasBefore ? (
                            <>
                              <h3>{t("admin.audit.before")}</h3>
                              <pre className="code">{json(entry.before)}</pre>
                            </>
                          ) : null}
                          {hasAfter ? (
                            <>
                              <h3>{t("admin.audit.after")}</h3>
                              <pre className="code">{json(entry.after)}</pre>
                            </>
                          ) : null}
                        </details>
                      ) : (
                        t("common.none")
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
