import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { KeysetPager } from "~/components/admin/pager";
import { countryName, formatDay, partnersTitle, stateName } from "~/components/partners/labels";
import partnersStylesHref from "~/components/partners/partners.css?url";
import { useLocale, useT } from "~/i18n/use-t";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/session.server";
import { isoDay } from "~/modules/partners/dates";
import { PARTNER_KINDS, PARTNER_STATUSES } from "~/modules/partners/fields";
import { isPartnerFiltered, partnerFilterFromSearchParams, partnerFilterToSearchParams } from "~/modules/partners/filter";
import { listPartners, partnerFilterOptions } from "~/modules/partners/query.server";

export const meta = partnersTitle("partners.list.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: partnersStylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  const url = new URL(request.url);
  const filter = partnerFilterFromSearchParams(url.searchParams);
  const [list, options] = await Promise.all([listPartners(filter, url.searchParams.get("cursor")), partnerFilterOptions()]);
  return {
    filter,
    filterQuery: partnerFilterToSearchParams(filter).toString(),
    rows: list.rows.map((r) => ({ ...r, lastActivityOn: r.lastActivityOn ? isoDay(new Date(r.lastActivityOn)) : null })),
    nextCursor: list.nextCursor,
    options,
    canEdit: can(user.role, "edit:partner"),
  };
}

function FilterSelect({ name, label, value, children }: { name: string; label: string; value: string | undefined; children: React.ReactNode }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={`partners-${name}`}>{label}</label>
      <select id={`partners-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t("partners.filters.any")}</option>
        {children}
      </select>
    </div>
  );
}

export default function PartnersPage() {
  const { filter, filterQuery, rows, nextCursor, options, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const filtered = isPartnerFiltered(filter);
  const exportHref = (extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(filterQuery);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return `/partners/export.csv${params.size ? `?${params}` : ""}`;
  };
  const states = [...new Set(options.states.filter((s) => !filter.country || s.country === filter.country).map((s) => s.state))];
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("partners.list.title")}</h1>
          <p className="muted">{t("partners.list.intro")}</p>
        </div>
        <div className="form-actions">
          <Link to="/follow-ups" className="button">
            {t("partners.myFollowUps.title")}
          </Link>
          <Link to="/partners/figures" className="button">
            {t("partners.figures.title")}
          </Link>
          {canEdit ? (
            <>
              <Link to="/partners/import" className="button">
                {t("partners.actions.import")}
              </Link>
              <Link to="/partners/new" className="button button--primary">
                {t("partners.actions.new")}
              </Link>
            </>
          ) : null}
        </div>
      </header>

      <Form method="get" className="filters" role="search" aria-label={t("partners.filters.label")}>
        <div className="field">
          <label htmlFor="partners-q">{t("partners.filters.q")}</label>
          <input id="partners-q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder={t("partners.filters.qPlaceholder")} maxLength={200} />
        </div>
        <FilterSelect name="kind" label={t("partners.fields.kind")} value={filter.kind}>
          {PARTNER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`partners.kind.${k}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="country" label={t("partners.fields.country")} value={filter.country}>
          {options.countries.map((c) => (
            <option key={c} value={c}>
              {countryName(c, locale)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="state" label={t("partners.fields.state")} value={filter.state}>
          {filter.state && !states.includes(filter.state) ? <option value={filter.state}>{stateName(filter.state)}</option> : null}
          {states.map((s) => (
            <option key={s} value={s}>
              {stateName(s)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="tag" label={t("partners.fields.tags")} value={filter.tag}>
          {options.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="status" label={t("partners.fields.status")} value={filter.status}>
          {PARTNER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`partners.status.${s}`)}
            </option>
          ))}
        </FilterSelect>
        <div className="field">
          <label>
            <input type="checkbox" name="overdue" value="1" defaultChecked={!!filter.overdue} /> {t("partners.filters.overdue")}
          </label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t("partners.filters.apply")}
          </button>
          {filtered ? (
            <Link to="/partners" className="button">
              {t("partners.filters.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <div className="form-actions partner-list-actions">
        <a href={exportHref()} className="button" download>
          {t("partners.actions.export")}
        </a>
        <a href={exportHref({ delimiter: ";" })} className="button" download>
          {t("partners.actions.exportSemicolon")}
        </a>
      </div>

      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{filtered ? t("partners.list.emptyFiltered") : t("partners.list.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("partners.list.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("partners.fields.name")}</th>
                <th scope="col">{t("partners.fields.kind")}</th>
                <th scope="col">{t("partners.list.place")}</th>
                <th scope="col">{t("partners.fields.status")}</th>
                <th scope="col">{t("partners.list.followUps")}</th>
                <th scope="col">{t("partners.list.lastActivity")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/partners/${r.id}`}>{r.name}</Link>
                    {r.acronym ? <span className="muted"> ({r.acronym})</span> : null}
                    {r.parentName ? <div className="muted">{r.parentName}</div> : null}
                  </td>
                  <td>{t(`partners.kind.${r.kind}`)}</td>
                  <td>{[r.city, r.state ? stateName(r.state) : null, r.country ? countryName(r.country, locale) : null].filter(Boolean).join(", ")}</td>
                  <td>
                    <span className={r.status === "ACTIVE" ? "badge badge--ok" : r.status === "INACTIVE" ? "badge badge--off" : "badge"}>
                      {t(`partners.status.${r.status}`)}
                    </span>
                  </td>
                  <td>
                    {r.overdueFollowUps > 0 ? (
                      <span className="badge badge--off">{t("partners.list.overdueCount", { count: r.overdueFollowUps })}</span>
                    ) : r.openFollowUps > 0 ? (
                      t("partners.list.openCount", { count: r.openFollowUps })
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{r.lastActivityOn ? formatDay(r.lastActivityOn, locale) : "—"}</td>
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
