import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { countryName } from "~/components/contacts/labels";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatNumber, monthLabel } from "~/components/events/labels";
import type { Locale, T } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
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

function FigureCells({ f, locale }: { f: Figures; locale: Locale }) {
  return (
    <>
      <td className="num">{formatNumber(f.events, locale)}</td>
      <td className="num">{formatNumber(f.attendance, locale)}</td>
      <td className="num">{formatNumber(f.appointments, locale)}</td>
      <td className="num">{formatNumber(f.registrationRequests, locale)}</td>
      <td className="num">{formatNumber(f.signups, locale)}</td>
      <td className="num">{formatNumber(f.handedOut, locale)}</td>
      <td className="num">{formatNumber(f.appointmentsPer1000, locale)}</td>
      <td className="num">{formatNumber(f.registrationRequestsPer1000, locale)}</td>
      <td className="num">{formatNumber(f.signupsPer1000, locale)}</td>
    </>
  );
}

function FigureHeads({ t }: { t: T }) {
  const keys = ["events", "attendance", "appointments", "registrationRequests", "signups", "handedOut", "appointmentsPer1000", "registrationRequestsPer1000", "signupsPer1000"];
  return (
    <>
      {keys.map((k) => (
        <th key={k} scope="col" className="num">
          {t(`events.figures.${k}`)}
        </th>
      ))}
    </>
  );
}

export default function ByCountryPage() {
  const { years, year, countries, months, totals } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const place = (c: string | null) => (c ? countryName(c, locale) : t("events.byCountry.noCountry"));
  return (
    <>
      <header className="page-header">
        <h1>{t("events.byCountry.title")}</h1>
        <p className="muted">{t("events.byCountry.intro")}</p>
      </header>
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
        <div className="empty-state">
          <p>{t("events.byCountry.empty", { year: String(year) })}</p>
        </div>
      ) : (
        <>
          <h2>{t("events.byCountry.perCountry", { year: String(year) })}</h2>
          <div className="table-wrap">
            <table className="ev-table" aria-label={t("events.byCountry.perCountry", { year: String(year) })}>
              <thead>
                <tr>
                  <th scope="col">{t("events.fields.country")}</th>
                  <FigureHeads t={t} />
                </tr>
              </thead>
              <tbody>
                {countries.map((row) => (
                  <tr key={row.country ?? "-"} data-country={row.country ?? ""}>
                    <th scope="row">{place(row.country)}</th>
                    <FigureCells f={row.figures} locale={locale} />
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("events.byCountry.total")}</th>
                  <FigureCells f={totals} locale={locale} />
                </tr>
              </tbody>
            </table>
          </div>
          <h2>{t("events.byCountry.perMonth")}</h2>
          <div className="table-wrap">
            <table className="ev-table" aria-label={t("events.byCountry.perMonth")}>
              <thead>
                <tr>
                  <th scope="col">{t("events.byCountry.month")}</th>
                  <th scope="col">{t("events.fields.country")}</th>
                  <FigureHeads t={t} />
                </tr>
              </thead>
              <tbody>
                {months.map((row) => (
                  <tr key={`${row.month}-${row.country ?? "-"}`}>
                    <td>{monthLabel(row.month, locale)}</td>
                    <th scope="row">{place(row.country)}</th>
                    <FigureCells f={row.figures} locale={locale} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{t("events.figures.per1000Hint")}</p>
        </>
      )}
    </>
  );
}
