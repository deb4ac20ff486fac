import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { countryName } from "~/components/contacts/labels";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatNumber, monthLabel } from "~/components/events/labels";
import type { Locale, T } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import { DataTable, EmptyState, PageHeader, type Column } from "~/components/ui";
import { requirePermission } from "~/modules/auth/index.server";
import type { Figures } from "~/modules/events";
import { eventYears, figuresByCountry } from "~/modules/events/index.server";
import { yearParam } from "~/lib/params";

export const meta = pageTitle("events.byCountry.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:event");
  const asked = yearParam(request, new URL(request.url).searchParams.get("year"));
  const { years, defaultYear } = await eventYears();
  const year = asked ?? defaultYear;
  return { years: years.includes(year) ? years : [year, ...years], ...(await figuresByCountry(year)) };
}

const FIGURE_KEYS = ["events", "attendance", "appointments", "registrationRequests", "signups", "handedOut", "appointmentsPer1000", "registrationRequestsPer1000", "signupsPer1000"] as const satisfies ReadonlyArray<keyof Figures>;

/** The nine figure columns both tables share, read from each row's `figures`. */
function figureColumns<Row extends { figures: Figures }>(t: T, locale: Locale): Column<Row>[] {
  return FIGURE_KEYS.map((k) => ({ key: k, header: t(`events.figures.${k}`), align: "end", cell: (row: Row) => formatNumber(row.figures[k], locale) }));
}

export default function ByCountryPage() {
  const { years, year, countries, months, totals } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const place = (c: string | null) => (c ? countryName(c, locale) : t("events.byCountry.noCountry"));
  type CountryRow = (typeof countries)[number];
  type MonthRow = (typeof months)[number];
  const countryColumn = { key: "country", header: t("events.fields.country"), cell: (row: { country: string | null }) => place(row.country) };
  const perCountry: Column<CountryRow>[] = [{ ...countryColumn, primary: true }, ...figureColumns<CountryRow>(t, locale)];
  // Month and country share a cell so the eleven figures fit a 1366 px screen beside the navigation.
  const monthColumn: Column<MonthRow> = {
    key: "month",
    header: `${t("events.byCountry.month")} · ${t("events.fields.country")}`,
    primary: true,
    cell: (row) => (
      <>
        <span className="ui-nowrap">{monthLabel(row.month, locale)}</span>
        <br />
        <span className="muted">{place(row.country)}</span>
      </>
    ),
  };
  const perMonth: Column<MonthRow>[] = [monthColumn, ...figureColumns<MonthRow>(t, locale)];
  const totalCells = Object.fromEntries(FIGURE_KEYS.map((k) => [k, formatNumber(totals[k], locale)]));
  return (
    <>
      <PageHeader title={t("events.byCountry.title")} description={t("events.byCountry.intro")} />
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="by-country-year">{t("events.byCountry.year")}</label>
          <select id="by-country-year" name="year" defaultValue={String(year)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("events.filters.apply")}
        </button>
      </Form>
      {countries.length === 0 ? (
        <EmptyState message={t("events.byCountry.empty", { year: String(year) })} />
      ) : (
        <>
          <h2>{t("events.byCountry.perCountry", { year: String(year) })}</h2>
          <DataTable
            label={t("events.byCountry.perCountry", { year: String(year) })}
            columns={perCountry}
            rows={countries}
            rowKey={(row) => row.country ?? "-"}
            rowAttrs={(row) => ({ "data-country": row.country ?? "" })}
            totals={{ country: t("events.byCountry.total"), ...totalCells }}
          />
          <h2>{t("events.byCountry.perMonth")}</h2>
          <DataTable label={t("events.byCountry.perMonth")} columns={perMonth} rows={months} rowKey={(row) => `${row.month}-${row.country ?? "-"}`} />
          <p className="muted">{t("events.figures.per1000Hint")}</p>
        </>
      )}
    </>
  );
}
