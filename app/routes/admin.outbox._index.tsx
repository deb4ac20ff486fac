import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { KeysetPager } from "~/components/admin/pager";
import { useFormatDate, useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";
import { outboxQuerySchema } from "~/modules/mail";
import { listOutbox } from "~/modules/mail/index.server";
import { idQuery } from "~/lib/params";

export const meta = adminTitle("admin.outbox.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox");
  const url = new URL(request.url);
  const cursor = idQuery(request, url.searchParams.get("cursor"), "bigint");
  const query = outboxQuerySchema.parse(Object.fromEntries(url.searchParams));
  const page = await listOutbox({ to: query.to, cursor: cursor ? BigInt(cursor) : undefined });
  return { ...page, query };
}

export default function OutboxPage() {
  const { messages, nextCursor, query } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <>
      <header className="page-header">
        <h1>{t("admin.outbox.title")}</h1>
        <p className="muted">{t("admin.outbox.intro")}</p>
      </header>

      <Form method="get" className="filters" role="search" aria-label={t("admin.outbox.filters")}>
        <div className="field">
          <label htmlFor="outbox-to">{t("admin.outbox.fields.recipient")}</label>
          <input id="outbox-to" name="to" type="email" defaultValue={query.to ?? ""} placeholder="nombre@ejemplo.org" />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t("common.filter")}
          </button>
          {query.to ? (
            <Link to="/admin/outbox" className="button">
              {t("common.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      {messages.length === 0 ? (
        <div className="empty-state">
          <p>{query.to ? t("admin.outbox.emptyFiltered", { email: query.to }) : t("admin.outbox.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("admin.outbox.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.outbox.fields.date")}</th>
                <th scope="col">{t("admin.outbox.fields.subject")}</th>
                <th scope="col">{t("admin.outbox.fields.to")}</th>
                <th scope="col">{t("admin.outbox.fields.from")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td className="nowrap">{formatDate(message.receivedAt, { dateStyle: "medium", timeStyle: "medium" })}</td>
                  <td>
                    <Link to={`/admin/outbox/${message.id}`}>{message.subject || t("admin.outbox.noSubject")}</Link>
                  </td>
                  <td>{message.to.join(", ")}</td>
                  <td>{message.from}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
