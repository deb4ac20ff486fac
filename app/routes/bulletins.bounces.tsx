/**
 * /bulletins/bounces — every ingested bounce and complaint report (files, SMTP replies, the
 * providers' webhooks, the mailbox): what was read, where from, what it did. A suppression a
 * misread report caused can be undone here (decision 034).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { DataTable, FilterBar, FilterSelect, KeysetPager, PageHeader, StatusBadge, type Column, type FilterChip } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormatDate, useT } from "~/i18n/use-t";
import { handleIntents } from "~/lib/intents.server";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requireActor } from "~/lib/actor.server";
import { requirePermission } from "~/modules/auth/index.server";
import { BOUNCE_SOURCES } from "~/modules/bulletins";
import { listBounceReports, undoBounceSuppression } from "~/modules/bulletins/index.server";

export const meta = pageTitle("bulletins.bounces.title");

const KINDS = ["HARD", "SOFT", "COMPLAINT"] as const;
const KIND_TONES = { HARD: "danger", SOFT: "warning", COMPLAINT: "danger" } as const;

function readFilter(url: URL) {
  const kind = KINDS.find((k) => k === url.searchParams.get("kind"));
  const source = BOUNCE_SOURCES.find((s) => s === url.searchParams.get("source"));
  return { kind, source, cursor: url.searchParams.get("cursor") };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:bulletin");
  const filter = readFilter(new URL(request.url));
  const page = await listBounceReports(filter);
  return { ...page, filter: { kind: filter.kind ?? null, source: filter.source ?? null }, canUndo: can(user.role, "edit:contact") };
}

const undoSchema = z.object({ reportId: z.string().regex(/^\d{1,19}$/) });

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:contact");
  return handleIntents(request, {
    undo: {
      schema: undoSchema,
      run: async (value) => {
        await undoBounceSuppression(actor, BigInt(value.reportId));
        const url = new URL(request.url);
        return redirectWithToast(`${url.pathname}${url.search}`, { kind: "success", message: "bulletins.bounces.undone" });
      },
    },
  });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

export default function BouncesPage() {
  const { rows, nextCursor, filter, canUndo } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  const busy = useNavigation().state !== "idle";
  const columns: Column<Row>[] = [
    { key: "received", header: t("bulletins.bounces.col.received"), className: "nowrap", cell: (r) => formatDate(r.receivedAt) },
    { key: "recipient", header: t("bulletins.bounces.col.recipient"), primary: true, className: "bl-reason", cell: (r) => (r.contactId ? <Link to={`/contacts/${r.contactId}`}>{r.recipient ?? `#${r.contactId}`}</Link> : (r.recipient ?? "—")) },
    { key: "kind", header: t("bulletins.bounces.col.kind"), cell: (r) => <StatusBadge tone={KIND_TONES[r.kind]} label={t(`bulletins.bounces.kind.${r.kind}`)} /> },
    { key: "source", header: t("bulletins.bounces.col.source"), cell: (r) => t(`bulletins.bounces.source.${r.source}`) },
    { key: "reason", header: t("bulletins.bounces.col.reason"), className: "bl-reason", cell: (r) => [r.status, r.diagnostic].filter(Boolean).join(" · ") || "—" },
    { key: "bulletin", header: t("bulletins.bounces.col.bulletin"), cell: (r) => (r.bulletinId ? <Link to={`/bulletins/${r.bulletinId}`}>{t("bulletins.bounces.open")}</Link> : "—") },
    {
      key: "outcome",
      header: t("bulletins.bounces.col.outcome"),
      cell: (r) =>
        r.undoneAt ? (
          <StatusBadge tone="info" label={t("bulletins.bounces.outcome.undone")} />
        ) : r.undoable && canUndo ? (
          <Form method="post" className="bl-undo">
            <span>{t(`bulletins.bounces.outcome.${r.outcome ?? "unknownContact"}`)}</span>{" "}
            <input type="hidden" name="reportId" value={r.id} />
            <button type="submit" name="intent" value="undo" className="button" disabled={busy}>
              {t("bulletins.bounces.undo")}
            </button>
          </Form>
        ) : (
          t(`bulletins.bounces.outcome.${r.outcome ?? "unknownContact"}`)
        ),
    },
  ];
  const chips: FilterChip[] = [
    ...(filter.kind ? [{ param: "kind", label: `${t("bulletins.bounces.col.kind")}: ${t(`bulletins.bounces.kind.${filter.kind}`)}` }] : []),
    ...(filter.source ? [{ param: "source", label: `${t("bulletins.bounces.col.source")}: ${t(`bulletins.bounces.source.${filter.source}`)}` }] : []),
  ];
  return (
    <>
      <PageHeader title={t("bulletins.bounces.title")} description={t("bulletins.bounces.intro")} back={{ to: "/bulletins", label: t("bulletins.title") }} />
      <FilterBar label={t("bulletins.bounces.filters")} chips={chips}>
        <FilterSelect name="kind" label={t("bulletins.bounces.col.kind")} anyLabel={t("bulletins.bounces.any")} defaultValue={filter.kind} options={KINDS.map((k) => ({ value: k, label: t(`bulletins.bounces.kind.${k}`) }))} />
        <FilterSelect name="source" label={t("bulletins.bounces.col.source")} anyLabel={t("bulletins.bounces.any")} defaultValue={filter.source} options={BOUNCE_SOURCES.map((s) => ({ value: s, label: t(`bulletins.bounces.source.${s}`) }))} />
      </FilterBar>
      <DataTable label={t("bulletins.bounces.title")} columns={columns} rows={rows} rowKey={(r) => r.id} empty={{ message: t("bulletins.bounces.empty") }} />
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
