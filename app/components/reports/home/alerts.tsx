/** The coordinator's two lists on the dashboard: follow-ups (and agreements) due, and low stock. */
import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "~/lib/format";
import type { HomeData } from "~/modules/reports/index.server";

type Coordinator = NonNullable<HomeData["coordinator"]>;

export function FollowUpAlerts({ c }: { c: Pick<Coordinator, "overdueFollowUps" | "followUps" | "agreementAlerts"> }) {
  const t = useT();
  const locale = useLocale();
  return (
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
  );
}

export function LowStockAlerts({ items }: { items: Coordinator["lowStock"] }) {
  const t = useT();
  return (
    <section className="dash-alerts" aria-labelledby="dash-stock">
      <h3 id="dash-stock">{t("reports.home.lowStock", { count: items.length })}</h3>
      {items.length === 0 ? (
        <p className="muted">{t("reports.home.noLowStock")}</p>
      ) : (
        <ul>
          {items.map((l, i) => (
            <li key={i}>{t("reports.home.lowStockItem", { name: l.name, location: l.location, quantity: l.quantity, threshold: l.threshold })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
