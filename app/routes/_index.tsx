import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { BarChart, LineChart } from "~/components/charts/charts";
import reportsStylesHref from "~/components/reports/reports.css?url";
import { useLocale, useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/session.server";
import { can, navFor } from "~/modules/auth/permissions";
import { homeDashboard, type Comparison } from "~/modules/reports/home.server";
import { monthParam } from "~/lib/params";
import { formatDate, formatInteger, formatMonth, formatNumber } from "~/lib/format";

export const meta: MetaFunction = () => [{ title: "Alcance" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportsStylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.role === "JUROR") throw redirect("/jury");
  // A contributor's home is their sections (decision 025).
  if (user.role === "CONTRIBUTOR") throw redirect("/contribute");
  if (!can(user.role, "read:home")) throw new Response("Forbidden", { status: 403 });
  const month = monthParam(request, new URL(request.url).searchParams.get("month")) ?? null;
  return {
    name: user.name,
    role: user.role,
    canReport: can(user.role, "read:report"),
    areas: navFor(user.role).filter((a) => a.to !== "/").map(({ to, label }) => ({ to, label })),
    dashboard: await homeDashboard(user, month),
  };
}

function Figures({ items, prefix, previousLabel }: { items: Comparison[]; prefix: string; previousLabel: string }) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <ul className="dash-grid">
      {items.map((f) => {
        const delta = f.current - f.previous;
        return (
          <li key={f.key} className="dash-card" data-figure={f.key}>
            <span className="muted">{t(`${prefix}.${f.key}`)}</span>
            <span className="dash-card__value">{n(f.current)}</span>
            <span className="dash-card__delta muted">
              {t("reports.home.vsPrevious", { previous: n(f.previous), month: previousLabel })} {delta > 0 ? `▲ ${n(delta)}` : delta < 0 ? `▼ ${n(-delta)}` : "="}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export default function Home() {
  const { name, role, areas, dashboard: d, canReport } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatInteger(v, locale);
  const monthLabel = (m: string) => formatMonth(m, locale);
  const chartText = { tableLabel: t("reports.home.chartTable"), csvLabel: t("reports.home.chartCsv"), emptyLabel: t("reports.home.chartEmpty"), format: n };
  const c = d.coordinator;
  const m = d.communications;
  return (
    <>
      <header className="page-header">
        <h1>{t("home.greeting", { name })}</h1>
        <p className="muted">{t(`home.intro.${role}`)}</p>
      </header>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="home-month">{t("reports.home.month")}</label>
          <input id="home-month" name="month" type="month" defaultValue={d.month} />
        </div>
        <button type="submit" className="button">
          {t("reports.home.show")}
        </button>
        {canReport ? (
          <Link to={`/reports/${d.month}`} className="button">
            {t("reports.home.openReport")}
          </Link>
        ) : null}
      </Form>
      <p className="muted">{t("reports.home.comparing", { month: monthLabel(d.month), previous: monthLabel(d.previous) })}</p>

      {c ? (
        <section aria-labelledby="dash-coordination">
          <h2 id="dash-coordination">{t("reports.home.coordination")}</h2>
          <Figures items={c.figures} prefix="reports.home.figures" previousLabel={monthLabel(d.previous)} />
          <div className="chart-grid">
            <section className="dash-alerts" aria-labelledby="dash-followups">
              <h3 id="dash-followups">{t("reports.home.followUps", { count: c.overdueFollowUps })}</h3>
              {c.followUps.length === 0 ? (
                <p className="muted">{t("reports.home.noFollowUps")}</p>
              ) : (
                <ul>
                  {c.followUps.map((f) => (
                    <li key={f.id}>
                      <Link to={`/partners/${f.partnerId}`}>{f.partner}</Link>: {f.title} — <time dateTime={String(f.dueOn).slice(0, 10)}>{formatDate(f.dueOn, locale)}</time>
                      {f.overdue ? <strong> ({t("reports.home.overdue")})</strong> : null}
                    </li>
                  ))}
                </ul>
              )}
              {c.agreementAlerts.length > 0 ? (
                <>
                  <h3>{t("reports.home.agreements")}</h3>
                  <ul>
                    {c.agreementAlerts.map((a) => (
                      <li key={a.id}>
                        <Link to={`/partners/${a.partnerId}`}>{a.partner}</Link>: {a.title}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
            <section className="dash-alerts" aria-labelledby="dash-stock">
              <h3 id="dash-stock">{t("reports.home.lowStock", { count: c.lowStock.length })}</h3>
              {c.lowStock.length === 0 ? (
                <p className="muted">{t("reports.home.noLowStock")}</p>
              ) : (
                <ul>
                  {c.lowStock.map((l, i) => (
                    <li key={i}>{t("reports.home.lowStockItem", { name: l.name, location: l.location, quantity: l.quantity, threshold: l.threshold })}</li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <div className="chart-grid">
            <BarChart
              {...chartText}
              title={t("reports.home.charts.materialsByKind")}
              firstColumn={t("reports.home.charts.month")}
              csvName={`materiales-por-tipo-${d.month}`}
              labels={c.charts.materialsByKind.labels.map(monthLabel)}
              series={c.charts.materialsByKind.series.map((s) => ({ name: t(`materials.kind.${s.key}`), values: s.values }))}
            />
            <BarChart
              {...chartText}
              title={t("reports.home.charts.outcomesPerEvent")}
              firstColumn={t("reports.home.charts.event")}
              csvName={`resultados-por-evento-${d.month}`}
              labels={c.charts.outcomesPerEvent.labels}
              series={c.charts.outcomesPerEvent.series.map((s) => ({ name: t(`reports.home.figures.${s.key}`), values: s.values }))}
            />
            {c.charts.contestFunnel && c.contest ? (
              <BarChart
                {...chartText}
                title={t("reports.home.charts.contestFunnel", { name: c.contest.name })}
                firstColumn={t("reports.home.charts.stage")}
                csvName={`concurso-embudo-${d.month}`}
                labels={c.charts.contestFunnel.labels.map((l) => t(`reports.home.funnel.${l}`))}
                series={[{ name: t("reports.home.charts.projects"), values: c.charts.contestFunnel.series[0]!.values }]}
              />
            ) : null}
          </div>
        </section>
      ) : null}

      {m ? (
        <section aria-labelledby="dash-communications">
          <h2 id="dash-communications">{t("reports.home.communications")}</h2>
          <Figures items={m.contacts} prefix="reports.home.contacts" previousLabel={monthLabel(d.previous)} />
          <Figures items={m.bulletins} prefix="reports.home.bulletins" previousLabel={monthLabel(d.previous)} />
          <LineChart
            {...chartText}
            title={t("reports.home.charts.contactsGrowth")}
            firstColumn={t("reports.home.charts.month")}
            csvName={`contactos-${d.month}`}
            labels={m.charts.contactsGrowth.labels.map(monthLabel)}
            series={[{ name: t("reports.home.contacts.total"), values: m.charts.contactsGrowth.series[0]!.values }]}
          />
        </section>
      ) : null}

      <section aria-labelledby="areas-title">
        <h2 id="areas-title">{t("home.areas")}</h2>
        <ul className="card-grid">
          {areas.map((area) => (
            <li key={area.to} className="card">
              <Link to={area.to} className="card__link">
                <strong>{t(area.label)}</strong>
                <span className="muted">{t(`${area.label}.description`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
