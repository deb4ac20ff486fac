import { FilterBar, FilterSearch, FilterSelect, Field, type FilterChip } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { countryName } from "~/lib/format";
import { EVENT_KINDS, EVENT_STATUSES, type EventFilter } from "~/modules/events";
import { subdivisionName } from "~/modules/geo";
import { REPORT_PARTS } from "~/modules/reports";

type Options = {
  countries: readonly string[];
  states: ReadonlyArray<{ country: string; state: string }>;
  staff: ReadonlyArray<{ id: string; name: string }>;
  partners: ReadonlyArray<{ id: string; name: string }>;
};

/** The events list's filters (a GET form, closed on phones) with one removable chip per filter in use. */
export function EventFilters({ filter, options }: { filter: EventFilter; options: Options }) {
  const t = useT();
  const locale = useLocale();
  const states = filter.country ? options.states.filter((s) => s.country === filter.country) : options.states;
  const choices = {
    kind: EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) })),
    status: EVENT_STATUSES.map((s) => ({ value: s, label: t(`events.status.${s}`) })),
    country: (filter.country && !options.countries.includes(filter.country) ? [filter.country, ...options.countries] : options.countries).map((c) => ({ value: c, label: countryName(c, locale) })),
    state: [...(filter.state && !states.some((s) => s.state === filter.state) ? [{ state: filter.state }] : []), ...states].map((s) => ({ value: s.state, label: subdivisionName(s.state) })),
    staff: options.staff.map((u) => ({ value: u.id, label: u.name })),
    partner: options.partners.map((p) => ({ value: p.id, label: p.name })),
    reportPart: REPORT_PARTS.map((p) => ({ value: p, label: t(`reportPart.${p}`) })),
  };
  const labels = {
    q: t("events.filters.q"),
    kind: t("events.filters.kind"),
    status: t("events.filters.status"),
    country: t("events.filters.country"),
    state: t("events.filters.state"),
    from: t("events.filters.from"),
    to: t("events.filters.to"),
    staff: t("events.filters.staff"),
    partner: t("events.filters.partner"),
    reportPart: t("events.filters.reportPart"),
  };
  const chips: FilterChip[] = (Object.keys(labels) as Array<keyof typeof labels>).flatMap((param) => {
    const value = filter[param];
    if (!value) return [];
    const shown = param in choices ? (choices[param as keyof typeof choices].find((c) => c.value === value)?.label ?? value) : value;
    return [{ param, label: `${labels[param]}: ${shown}` }];
  });
  const select = (name: keyof typeof choices) => <FilterSelect name={name} id={`events-${name}`} label={labels[name]} anyLabel={t("events.filters.any")} defaultValue={filter[name]} options={choices[name]} />;
  return (
    <FilterBar label={t("events.filters.label")} submitLabel={t("events.filters.apply")} chips={chips}>
      <FilterSearch name="q" id="events-q" label={labels.q} defaultValue={filter.q} />
      {select("kind")}
      {select("status")}
      {select("country")}
      {select("state")}
      <Field name="from" id="events-from" type="date" label={labels.from} defaultValue={filter.from ?? ""} />
      <Field name="to" id="events-to" type="date" label={labels.to} defaultValue={filter.to ?? ""} />
      {select("staff")}
      {select("partner")}
      {select("reportPart")}
    </FilterBar>
  );
}
