import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { meetingColumns } from "~/components/meetings/meeting-columns";
import meetingsStylesHref from "~/components/meetings/meetings.css?url";
import { DataTable, Field, FilterBar, FilterSelect, KeysetPager, LinkButton, PageHeader, type FilterChip } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { formatMonth } from "~/lib/format";
import { enumParam, monthParam } from "~/lib/params";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { MEETING_KINDS } from "~/modules/meetings";
import { listMeetings } from "~/modules/meetings/index.server";
import { REPORT_PARTS } from "~/modules/reports";

export const meta = pageTitle("meetings.list.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  const params = new URL(request.url).searchParams;
  const filter = {
    month: monthParam(request, params.get("month")),
    kind: enumParam(params.get("kind"), MEETING_KINDS),
    reportPart: enumParam(params.get("part"), REPORT_PARTS),
  };
  const list = await listMeetings(filter, params.get("cursor"));
  return { filter, ...list, canEdit: can(user.role, "edit:partner") };
}

export default function MeetingsPage() {
  const { filter, rows, nextCursor, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const chips: FilterChip[] = [
    ...(filter.month ? [{ param: "month", label: `${t("meetings.filters.month")}: ${formatMonth(filter.month, locale)}` }] : []),
    ...(filter.kind ? [{ param: "kind", label: `${t("meetings.fields.kind")}: ${t(`meetings.kind.${filter.kind}`)}` }] : []),
    ...(filter.reportPart ? [{ param: "part", label: `${t("meetings.fields.reportPart")}: ${t(`reportPart.${filter.reportPart}`)}` }] : []),
  ];
  return (
    <>
      <PageHeader
        title={t("meetings.list.title")}
        description={t("meetings.list.intro")}
        actions={
          <>
            <LinkButton to="/meetings/agreements">{t("meetings.actions.agreements")}</LinkButton>
            {canEdit ? (
              <LinkButton to="/meetings/new" primary>{t("meetings.actions.new")}</LinkButton>
            ) : null}
          </>
        }
      />
      <FilterBar label={t("meetings.filters.label")} submitLabel={t("meetings.filters.apply")} chips={chips}>
        <Field name="month" type="month" idPrefix="meetings" label={t("meetings.filters.month")} defaultValue={filter.month ?? ""} />
        <FilterSelect name="kind" id="meetings-kind" label={t("meetings.fields.kind")} anyLabel={t("meetings.filters.any")} defaultValue={filter.kind} options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))} />
        <FilterSelect name="part" id="meetings-part" label={t("meetings.fields.reportPart")} anyLabel={t("meetings.filters.any")} defaultValue={filter.reportPart} options={REPORT_PARTS.map((p) => ({ value: p, label: t(`reportPart.${p}`) }))} />
      </FilterBar>
      <DataTable
        label={t("meetings.list.title")}
        className="meeting-table"
        columns={meetingColumns(t, locale)}
        rows={rows}
        rowKey={(m) => m.id}
        rowAttrs={(m) => ({ "data-meeting": m.id })}
        empty={{ message: chips.length ? t("meetings.list.emptyFiltered") : t("meetings.list.empty") }}
      />
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
