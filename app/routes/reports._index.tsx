import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { useFormatDate, useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/session.server";
import { getSettings } from "~/modules/settings/settings.server";
import { monthOf, parseMonthParam, shiftMonth } from "~/modules/reports/month";
import { listReportMonths } from "~/modules/reports/reports.server";

export const meta = pageTitle("reports.title");

/** ?month=2017-11 opens that month's report; without it, the list and the month picker. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:report");
  const url = new URL(request.url);
  const raw = url.searchParams.get("month");
  const month = parseMonthParam(raw);
  if (month) throw redirect(`/reports/${month}`);
  const { timeZone } = await getSettings();
  return { months: await listReportMonths(), suggested: shiftMonth(monthOf(new Date(), timeZone), -1), invalid: raw !== null };
}

export default function ReportsIndex() {
  const { months, suggested, invalid } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <>
      <header className="page-header">
        <h1>{t("reports.title")}</h1>
        <p className="muted">{t("reports.intro")}</p>
      </header>
      <Form method="get" className="filters" noValidate>
        <div className="field">
          <label htmlFor="report-month">{t("reports.chooseMonth")}</label>
          <input id="report-month" name="month" type="month" defaultValue={suggested} aria-invalid={invalid || undefined} aria-describedby={invalid ? "report-month-error" : undefined} />
          {invalid ? (
            <p className="field-error" id="report-month-error">
              {t("reports.errors.month")}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--primary">
          {t("reports.open")}
        </button>
      </Form>
      <h2>{t("reports.existing")}</h2>
      {months.length === 0 ? (
        <p className="empty-state">{t("reports.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("reports.month")}</th>
                <th scope="col">{t("reports.version")}</th>
                <th scope="col">{t("reports.state")}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">
                    <Link to={`/reports/${m.month}`}>{m.month}</Link>
                  </th>
                  <td>{m.version}</td>
                  <td>
                    <span className={`report-state report-state--${m.state}`}>{t(`reports.states.${m.state}`)}</span>
                    {m.approvedAt ? ` ${formatDate(m.approvedAt, { dateStyle: "medium" })}` : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
