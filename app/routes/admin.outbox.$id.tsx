import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { useFormatDate, useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";
import { getOutboxMessage } from "~/modules/mail/index.server";
import { idParam, notFound } from "~/lib/params";

export const meta = adminTitle("admin.outbox.message");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox");
  const message = await getOutboxMessage(BigInt(idParam(request, params.id, "bigint")));
  if (!message) throw notFound(request);
  return { message };
}

export default function OutboxMessagePage() {
  const { message } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/admin/outbox">← {t("admin.outbox.backToList")}</Link>
        </p>
        <h1>{message.subject || t("admin.outbox.noSubject")}</h1>
      </header>

      <section className="panel" aria-labelledby="message-headers">
        <h2 id="message-headers">{t("admin.outbox.headers")}</h2>
        <dl className="details-list">
          <dt>{t("admin.outbox.fields.from")}</dt>
          <dd>{message.from}</dd>
          <dt>{t("admin.outbox.fields.to")}</dt>
          <dd>{message.to.join(", ")}</dd>
          <dt>{t("admin.outbox.fields.subject")}</dt>
          <dd>{message.subject || t("admin.outbox.noSubject")}</dd>
          <dt>{t("admin.outbox.fields.date")}</dt>
          <dd>
            <time dateTime={new Date(message.receivedAt).toISOString()}>{formatDate(message.receivedAt, { dateStyle: "full", timeStyle: "medium" })}</time>
          </dd>
          {message.messageId ? (
            <>
              <dt>{t("admin.outbox.fields.messageId")}</dt>
              <dd className="code-inline">{message.messageId}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="panel" aria-labelledby="message-html">
        <h2 id="message-html">{t("admin.outbox.htmlPreview")}</h2>
        {message.html ? (
          <>
            <p className="muted">{t("admin.outbox.htmlHint")}</p>
            {/* An empty sandbox: no scripts, no forms, no same-origin access. */}
            <iframe sandbox="" srcDoc={message.html} title={t("admin.outbox.htmlFrameTitle", { subject: message.subject })} className="mail-preview" />
          </>
        ) : (
          <p className="muted">{t("admin.outbox.noHtml")}</p>
        )}
      </section>

      <section className="panel" aria-labelledby="message-text">
        <h2 id="message-text">{t("admin.outbox.plainText")}</h2>
        {message.text ? <pre className="code">{message.text}</pre> : <p className="muted">{t("admin.outbox.noText")}</p>}
      </section>

      <section className="panel" aria-labelledby="message-raw">
        <h2 id="message-raw">{t("admin.outbox.rawSource")}</h2>
        <pre className="code raw-source">{message.raw}</pre>
      </section>
    </>
  );
}
