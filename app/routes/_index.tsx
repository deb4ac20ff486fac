import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Coordination, useChartText } from "~/components/reports/home/coordination";
import { Figures } from "~/components/reports/home/figures";
import reportsStylesHref from "~/components/reports/reports.css?url";
import { Field, LineChart, PageHeader } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatMonth } from "~/lib/format";
import { monthParam } from "~/lib/params";
import { can, navFor } from "~/modules/auth";
import { requireUser } from "~/modules/auth/index.server";
import { homeDashboard } from "~/modules/reports/index.server";

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

export default function Home() {
  const { name, role, areas, dashboard: d, canReport } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const monthLabel = (m: string) => formatMonth(m, locale);
  const chartText = useChartText();
  const m = d.communications;
  return (
    <>
      <PageHeader title={t("home.greeting", { name })} description={t(`home.intro.${role}`)} />
      <Form method="get" className="filters">
        <Field name="month" id="home-month" type="month" label={t("reports.home.month")} defaultValue={d.month} />
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
      {d.coordinator ? <Coordination c={d.coordinator} month={d.month} previous={d.previous} /> : null}
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
            series={[{ name: t("reports.home.contacts.created"), values: m.charts.contactsGrowth.series[0]!.values }]}
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
