/** The coordinator's part of the dashboard: figures, alerts and the three charts. */
import { BarChart } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatInteger, formatMonth } from "~/lib/format";
import type { HomeData } from "~/modules/reports/index.server";
import { FollowUpAlerts, LowStockAlerts } from "./alerts";
import { Figures } from "./figures";

export function useChartText() {
  const t = useT();
  const locale = useLocale();
  return { tableLabel: t("reports.home.chartTable"), csvLabel: t("reports.home.chartCsv"), emptyLabel: t("reports.home.chartEmpty"), format: (v: number) => formatInteger(v, locale) };
}

export function Coordination({ c, month, previous }: { c: NonNullable<HomeData["coordinator"]>; month: string; previous: string }) {
  const t = useT();
  const locale = useLocale();
  const monthLabel = (m: string) => formatMonth(m, locale);
  const chartText = useChartText();
  return (
    <section aria-labelledby="dash-coordination">
      <h2 id="dash-coordination">{t("reports.home.coordination")}</h2>
      <Figures items={c.figures} prefix="reports.home.figures" previousLabel={monthLabel(previous)} />
      <div className="chart-grid">
        <FollowUpAlerts c={c} />
        <LowStockAlerts items={c.lowStock} />
      </div>
      <div className="chart-grid">
        <BarChart
          {...chartText}
          title={t("reports.home.charts.materialsByKind")}
          firstColumn={t("reports.home.charts.month")}
          csvName={`materiales-por-tipo-${month}`}
          labels={c.charts.materialsByKind.labels.map(monthLabel)}
          series={c.charts.materialsByKind.series.map((s) => ({ name: t(`materials.kind.${s.key}`), values: s.values }))}
        />
        <BarChart
          {...chartText}
          title={t("reports.home.charts.outcomesPerEvent")}
          firstColumn={t("reports.home.charts.event")}
          csvName={`resultados-por-evento-${month}`}
          labels={c.charts.outcomesPerEvent.labels}
          series={c.charts.outcomesPerEvent.series.map((s) => ({ name: t(`reports.home.figures.${s.key}`), values: s.values }))}
        />
        {c.charts.contestFunnel && c.contest ? (
          <BarChart
            {...chartText}
            title={t("reports.home.charts.contestFunnel", { name: c.contest.name })}
            firstColumn={t("reports.home.charts.stage")}
            csvName={`concurso-embudo-${month}`}
            labels={c.charts.contestFunnel.labels.map((l) => t(`reports.home.funnel.${l}`))}
            series={[{ name: t("reports.home.charts.projects"), values: c.charts.contestFunnel.series[0]!.values }]}
          />
        ) : null}
      </div>
    </section>
  );
}
