import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatNumber, partnersTitle } from "~/components/partners/labels";
import partnersStylesHref from "~/components/partners/partners.css?url";
import { formatMonth } from "~/lib/format";
import { useLocale, useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/session.server";
import { partnerFiguresForMonth } from "~/modules/partners/figures.server";
import { monthParam } from "~/lib/params";

export const meta = partnersTitle("partners.figures.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: partnersStylesHref }];

/** ?month=2017-11 (default: the current month). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:partner");
  const month = monthParam(request, new URL(request.url).searchParams.get("month"));
  const now = new Date();
  return month ? partnerFiguresForMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))) : partnerFiguresForMonth(now.getUTCFullYear(), now.getUTCMonth() + 1);
}

export default function PartnerFiguresPage() {
  const figures = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const monthValue = `${figures.year}-${String(figures.month).padStart(2, "0")}`;
  const monthName = formatMonth(monthValue, locale);
  const head = (
    <>
      <th scope="col">{t("partners.figures.activities")}</th>
      <th scope="col">{t("partners.figures.peopleReached")}</th>
      <th scope="col">{t("partners.figures.itemsDistributed")}</th>
      <th scope="col">{t("partners.figures.bulletinRecipients")}</th>
    </>
  );
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/partners">← {t("partners.backToList")}</Link>
        </p>
        <h1>{t("partners.figures.title")}</h1>
        <p className="muted">{t("partners.figures.intro", { month: monthName })}</p>
        <p className="muted" data-counting="once">
          {t("partners.figures.countingNote")}
        </p>
        <p>
          <a href={`/partners/figures.csv?month=${monthValue}`} download>
            {t("partners.figures.csv")}
          </a>
        </p>
      </header>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="figures-month">{t("partners.figures.month")}</label>
          <input id="figures-month" name="month" type="month" defaultValue={monthValue} />
        </div>
        <button type="submit" className="button button--primary">
          {t("partners.filters.apply")}
        </button>
      </Form>
      <h2>{t("partners.figures.byKind")}</h2>
      <div className="table-wrap">
        <table className="partner-figures" aria-label={t("partners.figures.byKind")}>
          <thead>
            <tr>
              <th scope="col">{t("partners.fields.kind")}</th>
              <th scope="col">{t("partners.figures.institutions")}</th>
              {head}
            </tr>
          </thead>
          <tbody>
            {figures.byKind.map((k) => (
              <tr key={k.kind} data-kind={k.kind} data-activities={k.activities} data-institutions={k.institutions}>
                <th scope="row">{t(`partners.kind.${k.kind}`)}</th>
                <td>{n(k.institutions)}</td>
                <td>{n(k.activities)}</td>
                <td>{n(k.peopleReached)}</td>
                <td>{n(k.itemsDistributed)}</td>
                <td>{n(k.bulletinRecipients)}</td>
              </tr>
            ))}
            <tr data-kind="total" data-activities={figures.totals.activities}>
              <th scope="row">{t("partners.figures.total")}</th>
              <td />
              <td>{n(figures.totals.activities)}</td>
              <td>{n(figures.totals.peopleReached)}</td>
              <td>{n(figures.totals.itemsDistributed)}</td>
              <td>{n(figures.totals.bulletinRecipients)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <h2>{t("partners.figures.byReportPart")}</h2>
      <div className="table-wrap">
        <table className="partner-figures" aria-label={t("partners.figures.byReportPart")}>
          <thead>
            <tr>
              <th scope="col">{t("partners.activity.reportPart")}</th>
              {head}
            </tr>
          </thead>
          <tbody>
            {figures.byReportPart.map((r) => (
              <tr key={r.reportPart} data-report-part={r.reportPart}>
                <th scope="row">{t(`reportPart.${r.reportPart}`)}</th>
                <td>{n(r.activities)}</td>
                <td>{n(r.peopleReached)}</td>
                <td>{n(r.itemsDistributed)}</td>
                <td>{n(r.bulletinRecipients)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("partners.figures.byPartner")}</h2>
      <p className="muted">{t("partners.figures.byPartnerNote")}</p>
      {figures.byPartner.length === 0 ? (
        <p className="empty-state">{t("partners.figures.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="partner-figures" aria-label={t("partners.figures.byPartner")}>
            <thead>
              <tr>
                <th scope="col">{t("partners.fields.name")}</th>
                <th scope="col">{t("partners.fields.kind")}</th>
                {head}
              </tr>
            </thead>
            <tbody>
              {figures.byPartner.map((p) => (
                <tr key={p.partnerId} data-partner={p.partnerId} data-activities={p.activities}>
                  <th scope="row">
                    <Link to={`/partners/${p.partnerId}`}>{p.acronym ? `${p.name} (${p.acronym})` : p.name}</Link>
                  </th>
                  <td>{t(`partners.kind.${p.kind}`)}</td>
                  <td>{n(p.activities)}</td>
                  <td>{n(p.peopleReached)}</td>
                  <td>{n(p.itemsDistributed)}</td>
                  <td>{n(p.bulletinRecipients)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
