/** The dashboard's figure cards: this month's value against the previous month's, with the change. */
import { useLocale, useT } from "~/i18n/use-t";
import { formatNumber } from "~/lib/format";
import type { Comparison } from "~/modules/reports/index.server";

export function Figures({ items, prefix, previousLabel }: { items: readonly Comparison[]; prefix: string; previousLabel: string }) {
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
            {f.atLeast ? (
              // A bounded count: no exact value, so no change is shown either.
              <>
                <span className="dash-card__value">{t("reports.home.moreThan", { n: n(f.current) })}</span>
                <span className="dash-card__delta muted">{t("reports.home.vsPrevious", { previous: f.previous >= f.current ? t("reports.home.moreThan", { n: n(f.previous) }) : n(f.previous), month: previousLabel })}</span>
              </>
            ) : (
              <>
                <span className="dash-card__value">{n(f.current)}</span>
                <span className="dash-card__delta muted">
                  {t("reports.home.vsPrevious", { previous: n(f.previous), month: previousLabel })} {delta > 0 ? `▲ ${n(delta)}` : delta < 0 ? `▼ ${n(-delta)}` : "="}
                </span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
