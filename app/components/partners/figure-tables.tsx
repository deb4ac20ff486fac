import { Link } from "@remix-run/react";
import { DataTable, TableMore, useFormatNumber, type Column } from "~/components/ui";
import { TABLE_HEAD_ROWS } from "~/lib/table-slice";
import { useT } from "~/i18n/use-t";

type Counts = { activities: number; peopleReached: number; itemsDistributed: number; bulletinRecipients: number };
type Figures = {
  byKind: Array<Counts & { kind: string; institutions: number }>;
  byReportPart: Array<Counts & { reportPart: string }>;
  /** The first rows the loader sent (the page's order) and how many institutions there are in all. */
  byPartner: { rows: Array<Counts & { partnerId: string; name: string; acronym: string | null; kind: string }>; count: number };
  totals: Counts;
};

/** The four counted columns every table of the page ends with. */
function useCountColumns<R extends Counts>(): Column<R>[] {
  const t = useT();
  const n = useFormatNumber();
  return (["activities", "peopleReached", "itemsDistributed", "bulletinRecipients"] as const).map((key) => ({
    key,
    header: t(`partners.figures.${key}`),
    align: "end" as const,
    cell: (r: R) => n(r[key]),
  }));
}

/** The month's activities by kind of institution (with totals), by part of the report, and by institution. */
export function FigureTables({ figures }: { figures: Figures }) {
  const t = useT();
  const n = useFormatNumber();
  const counts = useCountColumns<Counts>();
  const totals = Object.fromEntries([["kind", t("partners.figures.total")], ...counts.map((c) => [c.key, n(figures.totals[c.key as keyof Counts])])]);
  return (
    <>
      <h2>{t("partners.figures.byKind")}</h2>
      <DataTable
        label={t("partners.figures.byKind")}
        className="partner-figures"
        rows={figures.byKind}
        rowKey={(k) => k.kind}
        rowAttrs={(k) => ({ "data-kind": k.kind, "data-activities": String(k.activities), "data-institutions": String(k.institutions) })}
        totals={totals}
        columns={[
          { key: "kind", header: t("partners.fields.kind"), primary: true, cell: (k) => t(`partners.kind.${k.kind}`) },
          { key: "institutions", header: t("partners.figures.institutions"), align: "end", cell: (k) => n(k.institutions) },
          ...counts,
        ]}
      />
      <h2>{t("partners.figures.byReportPart")}</h2>
      <DataTable
        label={t("partners.figures.byReportPart")}
        className="partner-figures"
        rows={figures.byReportPart}
        rowKey={(r) => r.reportPart}
        rowAttrs={(r) => ({ "data-report-part": r.reportPart })}
        columns={[{ key: "reportPart", header: t("partners.activity.reportPart"), primary: true, cell: (r) => t(`reportPart.${r.reportPart}`) }, ...counts]}
      />
      <h2 id="byPartner">{t("partners.figures.byPartner")}</h2>
      <p className="muted">{t("partners.figures.byPartnerNote")}</p>
      <DataTable
        label={t("partners.figures.byPartner")}
        className="partner-figures"
        rows={figures.byPartner.rows}
        rowKey={(p) => p.partnerId}
        rowAttrs={(p) => ({ "data-partner": p.partnerId, "data-activities": String(p.activities) })}
        empty={{ message: t("partners.figures.empty") }}
        columns={[
          { key: "name", header: t("partners.fields.name"), primary: true, cell: (p) => <Link to={`/partners/${p.partnerId}`}>{p.acronym ? `${p.name} (${p.acronym})` : p.name}</Link> },
          { key: "kind", header: t("partners.fields.kind"), cell: (p) => t(`partners.kind.${p.kind}`) },
          ...counts,
        ]}
      />
      <TableMore
        table="byPartner"
        shown={figures.byPartner.rows.length}
        count={figures.byPartner.count}
        limit={TABLE_HEAD_ROWS}
        showAll={t("partners.figures.showAll", { count: n(figures.byPartner.count) })}
        showFirst={t("partners.figures.showFirst", { limit: TABLE_HEAD_ROWS })}
      />
    </>
  );
}
