import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable, Field, FilterBar, FilterSelect, KeysetPager, PageHeader, type Column, type FilterChip } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate, formatMonth } from "~/lib/format";
import { refusalResponse } from "~/lib/http.server";
import { enumParam, monthParam } from "~/lib/params";
import { MEDIA_MEDIUMS, MEDIA_TONES } from "~/modules/communications";
import { listMediaNotes, mayEdit, requireCommunications } from "~/modules/communications/index.server";

export const meta = pageTitle("communications.media.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const access = await requireCommunications(request).catch(refusalResponse);
  const params = new URL(request.url).searchParams;
  const filter = { month: monthParam(request, params.get("month")), medium: enumParam(params.get("medium"), MEDIA_MEDIUMS), tone: enumParam(params.get("tone"), MEDIA_TONES) };
  const list = await listMediaNotes(filter, params.get("cursor"));
  // Adding: staff who edit, or the CNCS while its section of the month (or of this month) is open.
  const canAdd = access.kind === "staff" ? access.edit : await mayEdit(access, filter.month ?? new Date().toISOString().slice(0, 7), "MEDIA");
  return { filter, ...list, canAdd };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

export default function MediaLogPage() {
  const { filter, rows, nextCursor, canAdd } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const chips: FilterChip[] = [
    ...(filter.month ? [{ param: "month", label: `${t("communications.month.pick")}: ${formatMonth(filter.month, locale)}` }] : []),
    ...(filter.medium ? [{ param: "medium", label: `${t("communications.fields.medium")}: ${t(`communications.medium.${filter.medium}`)}` }] : []),
    ...(filter.tone ? [{ param: "tone", label: `${t("communications.fields.tone")}: ${t(`communications.tone.${filter.tone}`)}` }] : []),
  ];
  const columns: Column<Row>[] = [
    { key: "date", header: t("communications.fields.publishedOn"), className: "nowrap", cell: (r) => <time dateTime={r.publishedOn}>{formatDate(r.publishedOn, locale)}</time> },
    { key: "outlet", header: t("communications.fields.outlet"), primary: true, className: "comms-wrap", cell: (r) => <Link to={`/communications/media/${r.id}`}>{r.outlet}</Link> },
    { key: "title", header: t("communications.fields.title"), className: "comms-wrap", cell: (r) => r.title ?? "—" },
    { key: "medium", header: t("communications.fields.medium"), cell: (r) => t(`communications.medium.${r.medium}`) },
    { key: "type", header: t("communications.fields.type"), cell: (r) => t(`communications.type.${r.type}`) },
    { key: "tone", header: t("communications.fields.tone"), cell: (r) => t(`communications.tone.${r.tone}`) },
  ];
  return (
    <>
      <PageHeader
        title={t("communications.media.logTitle")}
        description={t("communications.media.intro")}
        actions={
          canAdd ? (
            <Link to={`/communications/media/new${filter.month ? `?month=${filter.month}` : ""}`} className="button button--primary">
              {t("communications.media.add")}
            </Link>
          ) : undefined
        }
      />
      <FilterBar label={t("communications.media.filters")} submitLabel={t("communications.media.apply")} chips={chips}>
        <Field name="month" id="media-month" type="month" label={t("communications.month.pick")} defaultValue={filter.month ?? ""} />
        <FilterSelect name="medium" id="media-medium" label={t("communications.fields.medium")} anyLabel={t("communications.media.any")} defaultValue={filter.medium} options={MEDIA_MEDIUMS.map((m) => ({ value: m, label: t(`communications.medium.${m}`) }))} />
        <FilterSelect name="tone" id="media-tone" label={t("communications.fields.tone")} anyLabel={t("communications.media.any")} defaultValue={filter.tone} options={MEDIA_TONES.map((m) => ({ value: m, label: t(`communications.tone.${m}`) }))} />
      </FilterBar>
      <DataTable label={t("communications.media.logTitle")} columns={columns} rows={rows} rowKey={(r) => r.id} rowAttrs={(r) => ({ "data-note": r.id })} empty={{ message: t(chips.length ? "communications.media.emptyFiltered" : "communications.media.empty") }} className="comms-table" />
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
