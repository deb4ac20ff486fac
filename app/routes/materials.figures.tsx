import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Card, DataTable, LinkButton, PageHeader, TableMore, type Column } from "~/components/ui";
import { countryName } from "~/components/contacts/labels";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatQty } from "~/components/materials/labels";
import { useLocale, useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";
import { latestDistributionMonth, materialFiguresForMonth, type DestinationLine } from "~/modules/materials/index.server";
import { parseMonth } from "~/modules/materials";
import { monthParam } from "~/lib/params";
import { formatDate } from "~/lib/format";
import { sliceRows, tablesShownInFull, TABLE_HEAD_ROWS } from "~/lib/table-slice";

export const meta = pageTitle("materials.figures.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:material");
  const asked = parseMonth(monthParam(request, new URL(request.url).searchParams.get("month")));
  const { year, month } = asked ?? (await latestDistributionMonth());
  const f = await materialFiguresForMonth(year, month);
  // The module's figures as they are; the page is sent the first rows of the three long tables (in
  // the module's order: largest first, the partner-reported ones by date) and only the columns it
  // renders. ?all=byMaterial (etc.) sends a table whole. Totals are the module's, over all rows.
  const all = tablesShownInFull(new URL(request.url).searchParams);
  const byMaterial = sliceRows(f.byMaterial, all.has("byMaterial"));
  const byDestination = sliceRows(f.byDestination, all.has("byDestination"));
  const byActivity = sliceRows(f.partnerReported.byActivity, all.has("partnerReported"));
  return {
    figures: {
      month: f.month,
      totals: f.totals,
      handedOutAtEvents: f.handedOutAtEvents,
      byMaterial: { count: byMaterial.count, rows: byMaterial.rows.map(({ materialId, name, eventsAbroad, eventsMexico, eventsOnline, partners, foreignServicePosts, total }) => ({ materialId, name, eventsAbroad, eventsMexico, eventsOnline, partners, foreignServicePosts, total })) },
      byKind: f.byKind.map(({ kind, total }) => ({ kind, total })),
      byCountry: f.byCountry,
      byDestination: { count: byDestination.count, rows: byDestination.rows },
      partnerReported: { total: f.partnerReported.total, count: byActivity.count, byActivity: byActivity.rows.map(({ activityId, date, institutions, summary, quantity }) => ({ activityId, date, institutions, summary, quantity })) },
    },
  };
}

// DESTINATION_LINES (figures.server) and their sum; the component cannot import server code.
const SPLIT = ["eventsAbroad", "eventsMexico", "eventsOnline", "partners", "foreignServicePosts", "total"] as const satisfies ReadonlyArray<DestinationLine | "total">;

export default function FiguresPage() {
  const { figures } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const reported = figures.partnerReported;
  const csv = (kind: string) => `/materials/export.csv?kind=${kind}&month=${figures.month}`;
  const qty = (header: string) => ({ key: "quantity", header, align: "end" as const });
  type Figures = typeof figures;
  const more = (table: string, shown: number, count: number) => (
    <TableMore table={table} shown={shown} count={count} limit={TABLE_HEAD_ROWS} showAll={t("materials.figures.showAll", { count: formatQty(count, locale) })} showFirst={t("materials.figures.showFirst", { limit: TABLE_HEAD_ROWS })} />
  );
  const byMaterial: Column<Figures["byMaterial"]["rows"][number]>[] = [
    { key: "material", header: t("materials.shipments.material"), primary: true, cell: (m) => <Link to={`/materials/${m.materialId}`}>{m.name}</Link> },
    ...SPLIT.map((k) => ({ key: k, header: t(`materials.figures.${k}`), align: "end" as const, cell: (m: Figures["byMaterial"]["rows"][number]) => formatQty(m[k], locale) })),
  ];
  const byKind: Column<Figures["byKind"][number]>[] = [
    { key: "kind", header: t("materials.fields.kind"), primary: true, cell: (k) => t(`materials.kind.${k.kind}`) },
    { ...qty(t("materials.shipments.quantity")), cell: (k) => formatQty(k.total, locale) },
  ];
  const byCountry: Column<Figures["byCountry"][number]>[] = [
    { key: "country", header: t("materials.figures.country"), primary: true, cell: (c) => (c.country ? countryName(c.country, locale) : t("materials.figures.noCountry")) },
    { ...qty(t("materials.shipments.quantity")), cell: (c) => formatQty(c.quantity, locale) },
  ];
  const byDestination: Column<Figures["byDestination"]["rows"][number]>[] = [
    { key: "destination", header: t("materials.figures.destination"), primary: true, cell: (d) => <Link to={d.kind === "EVENT" ? `/events/${d.id}` : `/materials/locations/${d.id}`}>{d.name}</Link> },
    { key: "line", header: t("materials.figures.line"), cell: (d) => t(`materials.figures.${d.line}`) },
    { key: "country", header: t("materials.figures.country"), cell: (d) => (d.country ? countryName(d.country, locale) : "—") },
    { ...qty(t("materials.shipments.quantity")), cell: (d) => formatQty(d.quantity, locale) },
  ];
  const byActivity: Column<(typeof reported.byActivity)[number]>[] = [
    {
      key: "activity",
      header: t("materials.figures.partnerReported.activity"),
      primary: true,
      cell: (a) => (
        <>
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
        </>
      ),
    },
    { ...qty(t("materials.figures.partnerReported.quantityShort")), cell: (a) => formatQty(a.quantity, locale) },
  ];
  return (
    <>
      <PageHeader
        title={t("materials.figures.title")}
        description={t("materials.figures.intro")}
        actions={
          <>
            <LinkButton to={csv("figures")} download>
              {t("materials.export.figures")}
            </LinkButton>
            <LinkButton to={csv("movements")} download>
              {t("materials.export.movements")}
            </LinkButton>
          </>
        }
      />
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
      <Card title={t("materials.figures.byMaterial")} id="byMaterial">
        <DataTable label={t("materials.figures.byMaterial")} columns={byMaterial} rows={figures.byMaterial.rows} rowKey={(m) => m.materialId} empty={{ message: t("materials.figures.none") }} className="mt-table" />
        {more("byMaterial", figures.byMaterial.rows.length, figures.byMaterial.count)}
      </Card>
      <div className="mt-grid">
        <Card title={t("materials.figures.byKind")}>
          <DataTable label={t("materials.figures.byKind")} columns={byKind} rows={figures.byKind} rowKey={(k) => k.kind} className="mt-table" />
        </Card>
        <Card title={t("materials.figures.byCountry")}>
          <DataTable label={t("materials.figures.byCountry")} columns={byCountry} rows={figures.byCountry} rowKey={(c) => c.country ?? "-"} className="mt-table" />
        </Card>
      </div>
      <Card title={t("materials.figures.byDestination")} id="byDestination">
        <DataTable label={t("materials.figures.byDestination")} columns={byDestination} rows={figures.byDestination.rows} rowKey={(d) => d.id} className="mt-table" />
        {more("byDestination", figures.byDestination.rows.length, figures.byDestination.count)}
      </Card>
      <Card title={t("materials.figures.partnerReported.title")} data-testid="partner-reported" id="partnerReported">
        <p className="muted">{t("materials.figures.partnerReported.intro")}</p>
        <DataTable
          label={t("materials.figures.partnerReported.title")}
          columns={byActivity}
          rows={reported.byActivity}
          rowKey={(a) => a.activityId}
          empty={{ message: t("materials.figures.partnerReported.none") }}
          totals={{ activity: t("materials.figures.partnerReported.total"), quantity: formatQty(reported.total, locale) }}
          className="mt-table"
        />
        {more("partnerReported", reported.byActivity.length, reported.count)}
      </Card>
    </>
  );
}
