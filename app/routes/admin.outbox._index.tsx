import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { IgnoredFilters } from "~/components/admin/ignored-filters";
import { DataTable, FilterBar, FilterSearch, KeysetPager, PageHeader, type Column } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { parseFilters } from "~/lib/filters";
import { requirePermission } from "~/modules/auth/index.server";
import { listOutbox, outboxQuerySchema } from "~/modules/mail/index.server";

export const meta = adminTitle("admin.outbox.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox");
  const { value: query, ignored } = parseFilters(new URL(request.url).searchParams, outboxQuerySchema);
  const page = await listOutbox({ to: query.to, cursor: query.cursor ? BigInt(query.cursor) : undefined });
  return { ...page, query, ignored };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["messages"][number];

export default function OutboxPage() {
  const { messages, nextCursor, query, ignored } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  const recipient = t("admin.outbox.fields.recipient");
  const columns: Column<Row>[] = [
    { key: "date", header: t("admin.outbox.fields.date"), cell: (m) => formatDate(m.receivedAt, { dateStyle: "medium", timeStyle: "medium" }) },
    { key: "subject", header: t("admin.outbox.fields.subject"), primary: true, cell: (m) => <Link to={`/admin/outbox/${m.id}`}>{m.subject || t("admin.outbox.noSubject")}</Link> },
    { key: "to", header: t("admin.outbox.fields.to"), cell: (m) => m.to.join(", ") },
    { key: "from", header: t("admin.outbox.fields.from"), cell: (m) => m.from },
  ];
  return (
    <>
      <PageHeader title={t("admin.outbox.title")} description={t("admin.outbox.intro")} />
      <FilterBar label={t("admin.outbox.filters")} submitLabel={t("common.filter")} chips={query.to ? [{ param: "to", label: `${recipient}: ${query.to}` }] : []}>
        <FilterSearch id="outbox-to" name="to" label={recipient} defaultValue={query.to} placeholder="nombre@ejemplo.org" maxLength={320} />
      </FilterBar>
      <IgnoredFilters ignored={ignored} labels={{ to: recipient }} />
      <DataTable
        label={t("admin.outbox.title")}
        columns={columns}
        rows={messages}
        rowKey={(m) => m.id}
        empty={{ message: query.to ? t("admin.outbox.emptyFiltered", { email: query.to }) : t("admin.outbox.empty") }}
      />
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
