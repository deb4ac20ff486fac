import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable, FilterBar, FilterSearch, FilterSelect, KeysetPager, LinkButton, PageHeader, StatusBadge, type Column, type FilterChip } from "~/components/ui";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatQty, LowStockPanel } from "~/components/materials/labels";
import { useLocale, useT } from "~/i18n/use-t";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { listMaterials, lowStockAlerts } from "~/modules/materials/index.server";
import { MATERIAL_KINDS } from "~/modules/materials";
import { z } from "zod";
import { searchParam } from "~/lib/params";

export const meta = pageTitle("materials.list.title");

const filterSchema = z.object({
  q: z.string().optional().transform((v) => v?.trim().slice(0, 200) || undefined),
  kind: z.enum(MATERIAL_KINDS).optional().catch(undefined),
  active: z.enum(["active", "retired", "all"]).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:material");
  const url = new URL(request.url);
  const filter = filterSchema.parse({ q: searchParam(url.searchParams.get("q")), kind: url.searchParams.get("kind") ?? undefined, active: url.searchParams.get("active") ?? undefined });
  const [list, alerts] = await Promise.all([listMaterials(filter, url.searchParams.get("cursor")), lowStockAlerts(20)]);
  return { filter, rows: list.rows, nextCursor: list.nextCursor, alerts, canEdit: can(user.role, "edit:material") };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

/** The reference list page of the UI kit (docs/decisions/026-ui-kit.md): header, filters, columns, pager. */
export default function MaterialsPage() {
  const { filter, rows, nextCursor, alerts, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const chips: FilterChip[] = [
    ...(filter.q ? [{ param: "q", label: `${t("materials.list.q")}: ${filter.q}` }] : []),
    ...(filter.kind ? [{ param: "kind", label: `${t("materials.fields.kind")}: ${t(`materials.kind.${filter.kind}`)}` }] : []),
    ...(filter.active && filter.active !== "active" ? [{ param: "active", label: `${t("materials.list.state")}: ${t(filter.active === "retired" ? "materials.list.retiredOnly" : "materials.list.all")}` }] : []),
  ];
  const columns: Column<Row>[] = [
    { key: "code", header: t("materials.fields.code"), cell: (m) => m.code },
    {
      key: "name",
      header: t("materials.fields.name"),
      primary: true,
      cell: (m) => (
        <>
          <Link to={`/materials/${m.id}`}>{m.name}</Link>
          {!m.active ? <StatusBadge tone="danger" label={t("materials.list.retired")} /> : null}
        </>
      ),
    },
    { key: "kind", header: t("materials.fields.kind"), cell: (m) => t(`materials.kind.${m.kind}`) },
    { key: "audience", header: t("materials.fields.audience"), cell: (m) => (m.audience ? t(`materials.audience.${m.audience}`) : "—") },
    { key: "inWarehouses", header: t("materials.list.inWarehouses"), align: "end", className: (m) => (m.lowWarehouses > 0 ? "mt-low" : undefined), cell: (m) => formatQty(m.inWarehouses, locale) },
    { key: "elsewhere", header: t("materials.list.elsewhere"), align: "end", cell: (m) => formatQty(m.elsewhere, locale) },
  ];
  return (
    <>
      <PageHeader
        title={t("materials.list.title")}
        description={t("materials.list.intro")}
        actions={
          <>
            <LinkButton to="/materials/export.csv?kind=stock" download>
              {t("materials.export.stock")}
            </LinkButton>
            {canEdit ? (
              <LinkButton to="/materials/new" primary>
                {t("materials.actions.new")}
              </LinkButton>
            ) : null}
          </>
        }
      />
      {alerts.length ? <LowStockPanel alerts={alerts} /> : null}
      <FilterBar label={t("materials.list.filters")} submitLabel={t("materials.list.apply")} chips={chips}>
        <FilterSearch name="q" id="materials-q" label={t("materials.list.q")} defaultValue={filter.q} />
        <FilterSelect name="kind" id="materials-kind" label={t("materials.fields.kind")} anyLabel={t("materials.list.any")} defaultValue={filter.kind} options={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`materials.kind.${k}`) }))} />
        <FilterSelect
          name="active"
          id="materials-active"
          label={t("materials.list.state")}
          defaultValue={filter.active ?? "active"}
          options={[
            { value: "active", label: t("materials.list.activeOnly") },
            { value: "retired", label: t("materials.list.retiredOnly") },
            { value: "all", label: t("materials.list.all") },
          ]}
        />
      </FilterBar>
      <DataTable label={t("materials.list.title")} columns={columns} rows={rows} rowKey={(m) => m.id} rowAttrs={(m) => ({ "data-material": m.code })} empty={{ message: t("materials.list.empty") }} className="mt-table" />
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
