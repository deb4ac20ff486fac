import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { countryName, stateName } from "~/lib/format";
import { partnerChips, partnerColumns } from "~/components/partners/partner-columns";
import partnersStylesHref from "~/components/partners/partners.css?url";
import { CheckboxField, DataTable, FilterBar, FilterSearch, FilterSelect, KeysetPager, LinkButton, PageHeader, ResultSummary } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { isPartnerFiltered, PARTNER_KINDS, PARTNER_STATUSES } from "~/modules/partners";
import { isoDay, listPartners, partnerFilterFromSearchParams, partnerFilterOptions, partnerFilterToSearchParams } from "~/modules/partners/index.server";

export const meta = pageTitle("partners.list.title");
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

export default function PartnersPage() {
  const { filter, filterQuery, rows, nextCursor, options, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const exportHref = (extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(filterQuery);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return `/partners/export.csv${params.size ? `?${params}` : ""}`;
  };
  const states = [...new Set(options.states.filter((s) => !filter.country || s.country === filter.country).map((s) => s.state))];
  if (filter.state && !states.includes(filter.state)) states.unshift(filter.state);
  return (
    <>
      <PageHeader
        title={t("partners.list.title")}
        description={t("partners.list.intro")}
        actions={
          <>
            <LinkButton to="/follow-ups">{t("partners.myFollowUps.title")}</LinkButton>
            <LinkButton to="/partners/figures">{t("partners.figures.title")}</LinkButton>
            {canEdit ? (
              <>
                <LinkButton to="/partners/import">{t("partners.actions.import")}</LinkButton>
                <LinkButton to="/partners/new" primary>{t("partners.actions.new")}</LinkButton>
              </>
            ) : null}
          </>
        }
      />
      <FilterBar label={t("partners.filters.label")} submitLabel={t("partners.filters.apply")} chips={partnerChips(filter, t, locale)}>
        <FilterSearch name="q" id="partners-q" label={t("partners.filters.qLabel")} defaultValue={filter.q} />
        <FilterSelect name="kind" id="partners-kind" label={t("partners.fields.kind")} anyLabel={t("partners.filters.any")} defaultValue={filter.kind} options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kind.${k}`) }))} />
        <FilterSelect name="country" id="partners-country" label={t("partners.fields.country")} anyLabel={t("partners.filters.any")} defaultValue={filter.country} options={options.countries.map((c) => ({ value: c, label: countryName(c, locale) }))} />
        <FilterSelect name="state" id="partners-state" label={t("partners.fields.state")} anyLabel={t("partners.filters.any")} defaultValue={filter.state} options={states.map((s) => ({ value: s, label: stateName(s, locale) }))} />
        <FilterSelect name="tag" id="partners-tag" label={t("partners.fields.tags")} anyLabel={t("partners.filters.any")} defaultValue={filter.tag} options={options.tags.map((tag) => ({ value: tag, label: tag }))} />
        <FilterSelect name="status" id="partners-status" label={t("partners.fields.status")} anyLabel={t("partners.filters.any")} defaultValue={filter.status} options={PARTNER_STATUSES.map((s) => ({ value: s, label: t(`partners.status.${s}`) }))} />
        <CheckboxField name="overdue" idPrefix="partners" value="1" label={t("partners.filters.overdue")} defaultChecked={!!filter.overdue} />
      </FilterBar>
      <ResultSummary
        exports={[
          { href: exportHref(), label: t("partners.actions.export") },
          { href: exportHref({ delimiter: ";" }), label: t("partners.actions.exportSemicolon") },
        ]}
      />
      <DataTable
        label={t("partners.list.title")}
        columns={partnerColumns(t, locale)}
        rows={rows}
        rowKey={(r) => r.id}
        rowAttrs={(r) => ({ "data-partner": r.id })}
        empty={{ message: isPartnerFiltered(filter) ? t("partners.list.emptyFiltered") : t("partners.list.empty") }}
      />
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
