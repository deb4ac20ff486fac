import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { REPORT_STATE_TONES } from "~/components/reports/labels";
import { DataTable, Field, PageHeader, StatusBadge, type Column } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { formatMonth } from "~/lib/format";
import { listReportMonths, monthOf, parseMonthParam, shiftMonth } from "~/modules/reports/index.server";
import { getSettings } from "~/modules/settings/index.server";

export const meta = pageTitle("reports.title");

/** ?month=2017-11 opens that month's report; without it, the list and the month picker. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "read:report");
  const raw = new URL(request.url).searchParams.get("month");
  const month = parseMonthParam(raw);
  if (month) throw redirect(`/reports/${month}`);
  const { timeZone } = await getSettings();
  return { months: await listReportMonths(), suggested: shiftMonth(monthOf(new Date(), timeZone), -1), invalid: raw !== null };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["months"][number];

export default function ReportsIndex() {
  const { months, suggested, invalid } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const columns: Column<Row>[] = [
    { key: "month", header: t("reports.month"), primary: true, cell: (m) => <Link to={`/reports/${m.month}`}>{formatMonth(m.month, locale)}</Link> },
    { key: "version", header: t("reports.version"), align: "end", cell: (m) => m.version },
    {
      key: "state",
      header: t("reports.state"),
      cell: (m) => (
        <>
          <StatusBadge tone={REPORT_STATE_TONES(m.state)} label={t(`reports.states.${m.state}`)} />
          {m.approvedAt ? ` ${formatDate(m.approvedAt, { dateStyle: "medium" })}` : null}
        </>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t("reports.title")} description={t("reports.intro")} />
      <Form method="get" className="filters" noValidate>
        <Field name="month" id="report-month" type="month" label={t("reports.chooseMonth")} defaultValue={suggested} error={invalid ? "reports.errors.month" : undefined} />
        <button type="submit" className="button button--primary">
          {t("reports.open")}
        </button>
      </Form>
      <h2>{t("reports.existing")}</h2>
      <DataTable label={t("reports.existing")} columns={columns} rows={months} rowKey={(m) => m.month} empty={{ message: t("reports.none") }} />
    </>
  );
}
