import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { Card, Facts, PageHeader, type Fact } from "~/components/ui";
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
  const subject = message.subject || t("admin.outbox.noSubject");
  const facts: Fact[] = [
    { label: t("admin.outbox.fields.from"), value: message.from },
    { label: t("admin.outbox.fields.to"), value: message.to.join(", ") },
    { label: t("admin.outbox.fields.subject"), value: subject },
    { label: t("admin.outbox.fields.date"), value: <time dateTime={new Date(message.receivedAt).toISOString()}>{formatDate(message.receivedAt, { dateStyle: "full", timeStyle: "medium" })}</time> },
    { label: t("admin.outbox.fields.messageId"), value: message.messageId, className: "code-inline" },
  ];
  return (
    <>
      <PageHeader title={subject} back={{ to: "/admin/outbox", label: t("admin.outbox.backToList") }} />
      <Card title={t("admin.outbox.headers")}>
        <Facts items={facts} />
      </Card>
      <Card title={t("admin.outbox.htmlPreview")}>
        {message.html ? (
          <>
            <p className="muted">{t("admin.outbox.htmlHint")}</p>
            {/* An empty sandbox: no scripts, no forms, no same-origin access. */}
            <iframe sandbox="" srcDoc={message.html} title={t("admin.outbox.htmlFrameTitle", { subject: message.subject })} className="mail-preview" />
          </>
        ) : (
          <p className="muted">{t("admin.outbox.noHtml")}</p>
        )}
      </Card>
      <Card title={t("admin.outbox.plainText")}>{message.text ? <pre className="code">{message.text}</pre> : <p className="muted">{t("admin.outbox.noText")}</p>}</Card>
      <Card title={t("admin.outbox.rawSource")}>
        <pre className="code raw-source">{message.raw}</pre>
      </Card>
    </>
  );
}
