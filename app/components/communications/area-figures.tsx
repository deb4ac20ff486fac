import { Card, DataTable, StatusBadge, useFormatNumber, type Column } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { AreaFigures as Figures } from "~/modules/communications";

type Row = Figures["accounts"][number];
const SHOWN = ["posts", "impressions", "reach", "followers", "shares", "likes", "comments", "bestPostReach"] as const;

/** One owner area's accounts for the month, with the area's totals (cards on a phone). */
export function AreaFigures({ area, figures }: { area: string; figures: Pick<Figures, "accounts" | "totals" | "missing"> }) {
  const t = useT();
  const format = useFormatNumber();
  const num = (v: number | null | undefined) => (v === null || v === undefined ? "—" : format(v));
  const columns: Column<Row>[] = [
    {
      key: "account",
      header: t("communications.fields.account"),
      primary: true,
      cell: (x) => (
        <>
          {t(`communications.network.${x.network}`)} {x.handle} {x.source === "CSV" ? <StatusBadge tone="info" label={t("communications.source.CSV")} /> : null}
        </>
      ),
    },
    ...SHOWN.map((f): Column<Row> => ({ key: f, header: t(`communications.fields.${f}`), align: "end", cell: (x) => num(x[f]) })),
  ];
  const totals = { account: t("communications.month.total"), ...Object.fromEntries(SHOWN.filter((f) => f !== "bestPostReach").map((f) => [f, num(figures.totals[f])])) };
  return (
    <Card title={t(`communications.area.${area}`)}>
      {figures.accounts.length ? (
        <DataTable label={t(`communications.area.${area}`)} columns={columns} rows={figures.accounts} rowKey={(x) => x.accountId} rowAttrs={(x) => ({ id: `figures-${x.accountId}` })} totals={totals} className="comms-table" />
      ) : (
        <p className="muted">{t("communications.month.noFigures")}</p>
      )}
      {figures.missing.length ? <p className="muted">{t("communications.month.missing", { accounts: figures.missing.map((x) => `${t(`communications.network.${x.network}`)} ${x.handle}`).join(", ") })}</p> : null}
    </Card>
  );
}
