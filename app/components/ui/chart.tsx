/**
 * Small SVG charts of our own (no chart library): grouped bars and lines. Each chart carries its
 * numbers as a table (for screen readers and anyone who would rather read) and as a CSV download.
 * Axis numbers follow the reader's locale; category labels wrap onto two lines (never «septiembre
 * de…») — pass short labels (e.g. «sept 2026») when there are many categories.
 *
 *   <BarChart title={t("reports.home.charts.materialsByKind")} firstColumn={t("reports.home.charts.month")}
 *     labels={months} series={[{ name: "Folletos", values: [3, 5] }]}
 *     tableLabel={t("reports.home.chartTable")} csvLabel={t("reports.home.chartCsv")} csvName="materials"
 *     emptyLabel={t("reports.home.chartEmpty")} />
 */
import { useId } from "react";
import { INTL_LOCALE } from "~/i18n";
import { useLocale } from "~/i18n/use-t";
import { csvLine, UTF8_BOM } from "~/lib/csv";

export type ChartSeries = { name: string; values: number[] };
export type ChartProps = {
  title: string;
  labels: string[];
  series: ChartSeries[];
  /** Formats a number for the axis and the table. */
  format?: (n: number) => string;
  tableLabel: string;
  csvLabel: string;
  csvName: string;
  emptyLabel: string;
  firstColumn: string;
};

const COLORS = ["#8a1538", "#0b5cad", "#2f7d32", "#b26a00", "#6a1b9a", "#00838f", "#5d4037", "#455a64", "#c2185b"];
const W = 560;
const H = 270;
const PAD = { top: 12, right: 16, bottom: 92, left: 64 };
const LINE = 13;

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const pow = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * pow >= max) ?? 10;
  return step * pow;
}

/**
 * The chart's numbers as the CSV download: the same quoting and formula neutraliser as every
 * server export (a label such as "=HYPERLINK(…)" comes from an event's or partner's name).
 */
export function csvOf(firstColumn: string, labels: string[], series: ChartSeries[]): string {
  let csv = UTF8_BOM + csvLine([firstColumn, ...series.map((s) => s.name)]);
  labels.forEach((l, i) => (csv += csvLine([l, ...series.map((s) => s.values[i] ?? 0)])));
  return csv;
}

/**
 * A category label as at most two lines of about `width` characters, split at spaces; only a label
 * that cannot fit in two lines is shortened (the full text stays in the table and the tooltip).
 */
export function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if ((line + " " + word).length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines.map((l) => (l.length > width + 3 ? `${l.slice(0, width + 2)}…` : l));
  const second = lines.slice(1).join(" ");
  return [lines[0]!, second.length > width + 3 ? `${second.slice(0, width + 2)}…` : second];
}

function Frame({ props, children }: { props: ChartProps; children: (geo: { x0: number; plotW: number; plotH: number; y: (v: number) => number; max: number }) => React.ReactNode }) {
  const id = useId();
  const locale = INTL_LOCALE[useLocale()];
  const fmt = props.format ?? ((n: number) => new Intl.NumberFormat(locale).format(n));
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  const max = niceMax(Math.max(0, ...props.series.flatMap((s) => s.values)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const empty = props.labels.length === 0 || props.series.every((s) => s.values.every((v) => v === 0));
  const csv = csvOf(props.firstColumn, props.labels, props.series);
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <strong>{props.title}</strong>
      </figcaption>
      {empty ? (
        <p className="muted">{props.emptyLabel}</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} overflow="visible" role="img" aria-labelledby={`${id}-title`} width={W} height={H}>
          {[0, 0.25, 0.5, 0.75, 1].map((f) => (
            <g key={f}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} stroke="#d5d9e0" />
              <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" fontSize="11" fill="#525a66">
                {compact.format(max * f)}
              </text>
            </g>
          ))}
          {children({ x0: PAD.left, plotW, plotH, y, max })}
          {props.labels.map((l, i) => {
            const slot = plotW / props.labels.length;
            const x = PAD.left + slot * (i + 0.5);
            const y0 = H - PAD.bottom + 16;
            if (slot < 64) {
              // Narrow slots: one slanted line of up to 20 characters (a whole «septiembre de 2026»).
              const text = l.length > 20 ? `${l.slice(0, 19)}…` : l;
              return (
                <text key={i} x={x} y={y0} textAnchor="end" fontSize="11" fill="#1b1f24" transform={`rotate(-40 ${x} ${y0})`}>
                  <title>{l}</title>
                  {text}
                </text>
              );
            }
            const lines = wrapLabel(l, Math.floor(slot / 6.5));
            return (
              <text key={i} x={x} y={y0} textAnchor="middle" fontSize="11" fill="#1b1f24">
                <title>{l}</title>
                {lines.map((line, k) => (
                  <tspan key={k} x={x} dy={k === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
            );
          })}
        </svg>
      )}
      {!empty && props.series.length > 1 ? (
        <ul className="chart-legend" aria-hidden="true">
          {props.series.map((s, i) => (
            <li key={s.name}>
              <span className="chart-legend__swatch" style={{ background: COLORS[i % COLORS.length] }} />
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary>{props.tableLabel}</summary>
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{props.firstColumn}</th>
                {props.series.map((s) => (
                  <th key={s.name} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.labels.map((l, i) => (
                <tr key={i}>
                  <th scope="row">{l}</th>
                  {props.series.map((s) => (
                    <td key={s.name}>{fmt(s.values[i] ?? 0)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`} download={`${props.csvName}.csv`}>
        {props.csvLabel}
      </a>
    </figure>
  );
}

export function BarChart(props: ChartProps) {
  return (
    <Frame props={props}>
      {({ x0, plotW, y }) => {
        const groupW = plotW / Math.max(1, props.labels.length);
        const barW = Math.max(2, (groupW * 0.8) / Math.max(1, props.series.length));
        return props.labels.map((_, i) =>
          props.series.map((s, j) => {
            const v = s.values[i] ?? 0;
            const x = x0 + groupW * i + groupW * 0.1 + barW * j;
            return (
              <rect key={`${i}-${j}`} x={x} y={y(v)} width={barW - 1} height={Math.max(0, y(0) - y(v))} fill={COLORS[j % COLORS.length]}>
                <title>{`${props.labels[i]} — ${s.name}: ${(props.format ?? String)(v)}`}</title>
              </rect>
            );
          }),
        );
      }}
    </Frame>
  );
}

export function LineChart(props: ChartProps) {
  return (
    <Frame props={props}>
      {({ x0, plotW, y }) => {
        const step = plotW / Math.max(1, props.labels.length);
        return props.series.map((s, j) => {
          const points = s.values.map((v, i) => `${x0 + step * (i + 0.5)},${y(v)}`).join(" ");
          return (
            <g key={s.name}>
              <polyline points={points} fill="none" stroke={COLORS[j % COLORS.length]} strokeWidth="2" />
              {s.values.map((v, i) => (
                <circle key={i} cx={x0 + step * (i + 0.5)} cy={y(v)} r="3" fill={COLORS[j % COLORS.length]}>
                  <title>{`${props.labels[i]}: ${(props.format ?? String)(v)}`}</title>
                </circle>
              ))}
            </g>
          );
        });
      }}
    </Frame>
  );
}
