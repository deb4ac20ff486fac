import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { eventColumns } from "~/components/events/list/event-columns";
import { EventFilters } from "~/components/events/list/event-filters";
import { DataTable, KeysetPager, LinkButton, PageHeader, ResultSummary } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { filterToSearchParams, isFiltered } from "~/modules/events";
import { eventFilterFromUrl, getEventFilterOptions, listEvents, viewerZone } from "~/modules/events/index.server";

export const meta = pageTitle("events.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:event");
  const url = new URL(request.url);
  const filter = eventFilterFromUrl(request, url);
  const zone = await viewerZone(user);
  const [list, options] = await Promise.all([listEvents(filter, url.searchParams.get("cursor"), zone), getEventFilterOptions()]);
  return { filter, filterQuery: filterToSearchParams(filter).toString(), rows: list.rows, nextCursor: list.nextCursor, count: list.count, options, canEdit: can(user.role, "edit:event") };
}

export default function EventsPage() {
  const { filter, filterQuery, rows, nextCursor, count, options, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const countText = count.exact ? t("events.list.count", { count: count.value }) : t("events.list.countEstimate", { count: count.value });
  const exportHref = (extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(filterQuery);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return `/events/export.csv${params.size ? `?${params}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title={t("events.title")}
        description={t("events.list.intro")}
        actions={
          canEdit ? (
            <LinkButton to="/events/new" primary>
              {t("events.actions.new")}
            </LinkButton>
          ) : undefined
        }
      />
      <EventFilters filter={filter} options={options} />
      <ResultSummary
        text={<span role="status">{countText}</span>}
        exports={[
          { href: exportHref(), label: t("events.actions.export") },
          { href: exportHref({ delimiter: ";" }), label: t("events.actions.exportSemicolon") },
        ]}
      />
      <DataTable
        label={`${t("events.title")}: ${countText}`}
        columns={eventColumns(t, locale)}
        rows={rows}
        rowKey={(row) => row.id}
        empty={{ message: isFiltered(filter) ? t("events.list.emptyFiltered") : t("events.list.empty") }}
        className="ev-table"
      />
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
