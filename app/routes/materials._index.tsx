import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { KeysetPager } from "~/components/admin/pager";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatQty, LowStockPanel } from "~/components/materials/labels";
import { useLocale, useT } from "~/i18n/use-t";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/session.server";
import { listMaterials } from "~/modules/materials/catalogue.server";
import { MATERIAL_KINDS } from "~/modules/materials/fields";
import { lowStockAlerts } from "~/modules/materials/figures.server";
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

export default function MaterialsPage() {
  const { filter, rows, nextCursor, alerts, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("materials.list.title")}</h1>
          <p className="muted">{t("materials.list.intro")}</p>
        </div>
        <div className="form-actions">
          <a href="/materials/export.csv?kind=stock" className="button" download>
            {t("materials.export.stock")}
          </a>
          {canEdit ? (
            <Link to="/materials/new" className="button button--primary">
              {t("materials.actions.new")}
            </Link>
          ) : null}
        </div>
      </header>
      {alerts.length ? <LowStockPanel alerts={alerts} /> : null}
      <Form method="get" className="filters" role="search" aria-label={t("materials.list.filters")}>
        <div className="field">
          <label htmlFor="materials-q">{t("materials.list.q")}</label>
          <input id="materials-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="materials-kind">{t("materials.fields.kind")}</label>
          <select id="materials-kind" name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">{t("materials.list.any")}</option>
            {MATERIAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`materials.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="materials-active">{t("materials.list.state")}</label>
          <select id="materials-active" name="active" defaultValue={filter.active ?? "active"}>
            <option value="active">{t("materials.list.activeOnly")}</option>
            <option value="retired">{t("materials.list.retiredOnly")}</option>
            <option value="all">{t("materials.list.all")}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t("materials.list.apply")}
        </button>
      </Form>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t("materials.list.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="mt-table">
            <thead>
              <tr>
                <th scope="col">{t("materials.fields.code")}</th>
                <th scope="col">{t("materials.fields.name")}</th>
                <th scope="col">{t("materials.fields.kind")}</th>
                <th scope="col">{t("materials.fields.audience")}</th>
                <th scope="col" className="num">
                  {t("materials.list.inWarehouses")}
                </th>
                <th scope="col" className="num">
                  {t("materials.list.elsewhere")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id} data-material={m.code}>
                  <td>{m.code}</td>
                  <td>
                    <Link to={`/materials/${m.id}`}>{m.name}</Link>
                    {!m.active ? <span className="badge badge--off"> {t("materials.list.retired")}</span> : null}
                  </td>
                  <td>{t(`materials.kind.${m.kind}`)}</td>
                  <td>{m.audience ? t(`materials.audience.${m.audience}`) : "—"}</td>
                  <td className={m.lowWarehouses > 0 ? "num mt-low" : "num"} data-col="inWarehouses">
                    {formatQty(m.inWarehouses, locale)}
                  </td>
                  <td className="num">{formatQty(m.elsewhere, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager nextCursor={nextCursor ?? undefined} />
    </>
  );
}
