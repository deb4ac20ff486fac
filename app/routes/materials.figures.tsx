import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { countryName } from "~/components/contacts/labels";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatQty } from "~/components/materials/labels";
import { useLocale, useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";
import { latestDistributionMonth, materialFiguresForMonth, type DestinationLine } from "~/modules/materials/index.server";
import { parseMonth } from "~/modules/materials";
import { monthParam } from "~/lib/params";
import { formatDate } from "~/lib/format";

export const meta = pageTitle("materials.figures.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:material");
  const asked = parseMonth(monthParam(request, new URL(request.url).searchParams.get("month")));
  const { year, month } = asked ?? (await latestDistributionMonth());
  return { figures: await materialFiguresForMonth(year, month) };
}

// DESTINATION_LINES (figures.server) and their sum; the component cannot import server code.
const SPLIT = ["eventsAbroad", "eventsMexico", "eventsOnline", "partners", "foreignServicePosts", "total"] as const satisfies ReadonlyArray<DestinationLine | "total">;

export default function FiguresPage() {
  const { figures } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const reported = figures.partnerReported;
  const csv = (kind: string) => `/materials/export.csv?kind=${kind}&month=${figures.month}`;
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("materials.figures.title")}</h1>
          <p className="muted">{t("materials.figures.intro")}</p>
        </div>
        <div className="form-actions">
          <a href={csv("figures")} className="button" download>
            {t("materials.export.figures")}
          </a>
          <a href={csv("movements")} className="button" download>
            {t("materials.export.movements")}
          </a>
        </div>
      </header>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="fig-month">{t("materials.figures.month")}</label>
          <input id="fig-month" name="month" type="month" defaultValue={figures.month} />
        </div>
        <button type="submit" className="button">
          {t("materials.list.apply")}
        </button>
      </Form>
      <h2 className="sr-only">{t("materials.figures.totals")}</h2>
      <p className="muted" data-testid="ledger-label">
        <strong>{t("materials.figures.ledgerLabel")}</strong>
      </p>
      <dl className="mt-figures" aria-label={t("materials.figures.totals")} data-testid="material-totals">
        {SPLIT.map((k) => (
          <div key={k} data-figure={k}>
            <dt>{t(`materials.figures.${k}`)}</dt>
            <dd>{formatQty(figures.totals[k], locale)}</dd>
          </div>
        ))}
        <div data-figure="handedOutAtEvents">
          <dt>{t("materials.figures.handedOutAtEvents")}</dt>
          <dd>{formatQty(figures.handedOutAtEvents, locale)}</dd>
        </div>
      </dl>
      <p className="muted">{t("materials.figures.definition")}</p>
      <p className="muted">{t("materials.figures.onlineDefinition")}</p>
      <section className="panel" aria-labelledby="fig-material">
        <h2 id="fig-material">{t("materials.figures.byMaterial")}</h2>
        {figures.byMaterial.length === 0 ? (
          <p className="muted">{t("materials.figures.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="mt-table">
              <thead>
                <tr>
                  <th scope="col">{t("materials.shipments.material")}</th>
                  {SPLIT.map((k) => (
                    <th key={k} scope="col" className="num">
                      {t(`materials.figures.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {figures.byMaterial.map((m) => (
                  <tr key={m.materialId}>
                    <td>
                      <Link to={`/materials/${m.materialId}`}>{m.name}</Link>
                    </td>
                    {SPLIT.map((k) => (
                      <td key={k} className="num">
                        {formatQty(m[k], locale)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className="mt-grid">
        <section className="panel" aria-labelledby="fig-kind">
          <h2 id="fig-kind">{t("materials.figures.byKind")}</h2>
          <table className="mt-table">
            <tbody>
              {figures.byKind.map((k) => (
                <tr key={k.kind}>
                  <td>{t(`materials.kind.${k.kind}`)}</td>
                  <td className="num">{formatQty(k.total, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="panel" aria-labelledby="fig-country">
          <h2 id="fig-country">{t("materials.figures.byCountry")}</h2>
          <table className="mt-table">
            <tbody>
              {figures.byCountry.map((c) => (
                <tr key={c.country ?? "-"}>
                  <td>{c.country ? countryName(c.country, locale) : t("materials.figures.noCountry")}</td>
                  <td className="num">{formatQty(c.quantity, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section className="panel" aria-labelledby="fig-dest">
        <h2 id="fig-dest">{t("materials.figures.byDestination")}</h2>
        <div className="table-wrap">
          <table className="mt-table">
            <tbody>
              {figures.byDestination.map((d) => (
                <tr key={d.id}>
                  <td>{d.kind === "EVENT" ? <Link to={`/events/${d.id}`}>{d.name}</Link> : <Link to={`/materials/locations/${d.id}`}>{d.name}</Link>}</td>
                  <td>{t(`materials.figures.${d.line}`)}</td>
                  <td>{d.country ? countryName(d.country, locale) : "—"}</td>
                  <td className="num">{formatQty(d.quantity, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="fig-partner-reported" data-testid="partner-reported">
        <h2 id="fig-partner-reported">{t("materials.figures.partnerReported.title")}</h2>
        <p className="muted">{t("materials.figures.partnerReported.intro")}</p>
        {reported.byActivity.length === 0 ? (
          <p className="muted">{t("materials.figures.partnerReported.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="mt-table">
              <caption className="sr-only">{t("materials.figures.partnerReported.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("materials.figures.partnerReported.activity")}</th>
                  <th scope="col" className="num">
                    {t("materials.figures.partnerReported.quantityShort")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {reported.byActivity.map((a) => (
                  <tr key={a.activityId}>
                    <td>
                      <span className="muted">{formatDate(a.date, locale)}</span>
                      <br />
                      {a.institutions.map((p, i) => (
                        <span key={p.id}>
                          {i > 0 ? "; " : null}
                          <Link to={`/partners/${p.id}`}>{p.name}</Link>
                        </span>
                      ))}
                      <br />
                      <span className="muted">{a.summary}</span>
                    </td>
                    <td className="num">{formatQty(a.quantity, locale)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("materials.figures.partnerReported.total")}</th>
                  <td className="num" data-figure="partnerReported">
                    {formatQty(reported.total, locale)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
