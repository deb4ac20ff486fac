import { Link } from "@remix-run/react";
import { StatusBadge, type Column, type FilterChip } from "~/components/ui";
import type { Locale, T } from "~/i18n";
import { countryName, stateName } from "~/lib/format";
import type { PartnerFilter } from "~/modules/partners";
import { formatDay, PARTNER_STATUS_TONES, placeOf } from "./labels";

export type PartnerRow = {
  id: string;
  name: string;
  acronym: string | null;
  parentName: string | null;
  kind: string;
  status: string;
  city: string | null;
  state: string | null;
  country: string | null;
  openFollowUps: number;
  overdueFollowUps: number;
  lastActivityOn: string | null;
};

/** The institutions list as column definitions (the kit's DataTable; cards under 640 px). */
export function partnerColumns(t: T, locale: Locale): Column<PartnerRow>[] {
  return [
    {
      key: "name",
      header: t("partners.fields.name"),
      primary: true,
      cell: (r) => (
        <>
          <Link to={`/partners/${r.id}`}>{r.name}</Link>
          {r.acronym ? <span className="muted"> ({r.acronym})</span> : null}
          {r.parentName ? <div className="muted">{r.parentName}</div> : null}
        </>
      ),
    },
    { key: "kind", header: t("partners.fields.kind"), cell: (r) => t(`partners.kind.${r.kind}`) },
    { key: "place", header: t("partners.list.place"), cell: (r) => placeOf(r, locale) || "—" },
    { key: "status", header: t("partners.fields.status"), cell: (r) => <StatusBadge tone={PARTNER_STATUS_TONES(r.status)} label={t(`partners.status.${r.status}`)} /> },
    {
      key: "followUps",
      header: t("partners.list.followUps"),
      cell: (r) =>
        r.overdueFollowUps > 0 ? (
          <StatusBadge tone="danger" label={t("partners.list.overdueCount", { count: r.overdueFollowUps })} />
        ) : r.openFollowUps > 0 ? (
          t("partners.list.openCount", { count: r.openFollowUps })
        ) : (
          "—"
        ),
    },
    { key: "lastActivity", header: t("partners.list.lastActivity"), cell: (r) => (r.lastActivityOn ? formatDay(r.lastActivityOn, locale) : "—") },
  ];
}

/** One removable chip per active filter («Tipo: Universidad»). */
export function partnerChips(filter: PartnerFilter, t: T, locale: Locale): FilterChip[] {
  const chips: FilterChip[] = [];
  if (filter.q) chips.push({ param: "q", label: `${t("partners.filters.qLabel")}: ${filter.q}` });
  if (filter.kind) chips.push({ param: "kind", label: `${t("partners.fields.kind")}: ${t(`partners.kind.${filter.kind}`)}` });
  if (filter.country) chips.push({ param: "country", label: `${t("partners.fields.country")}: ${countryName(filter.country, locale)}` });
  if (filter.state) chips.push({ param: "state", label: `${t("partners.fields.state")}: ${stateName(filter.state, locale)}` });
  if (filter.tag) chips.push({ param: "tag", label: `${t("partners.fields.tags")}: ${filter.tag}` });
  if (filter.status) chips.push({ param: "status", label: `${t("partners.fields.status")}: ${t(`partners.status.${filter.status}`)}` });
  if (filter.overdue) chips.push({ param: "overdue", label: t("partners.filters.overdue") });
  return chips;
}
