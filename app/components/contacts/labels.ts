import { INTL_LOCALE, type Locale, type T } from "~/i18n";
import type { FilterChip } from "~/components/ui";
import { countryName } from "~/lib/format";
import { subdivisionName } from "~/modules/geo";

/**
 * The filter fields a chip names. Declared here, not imported from ~/modules/contacts: other
 * areas' pages use these labels, and the contacts barrel would put its schemas (and their message
 * keys) in their bundles.
 */
type FilterFields = { q?: string; country?: string; state?: string; language?: string; tag?: string; source?: string; consent?: string; subscription?: string };

export { countryName };

/** "US-TX" → "Texas"; a free-text state (outside the United States, Canada and Mexico) as stored. */
export function stateName(value: string): string {
  return subdivisionName(value);
}

/** "es" → "español"; anything that is not a language tag is shown as stored. */
export function languageName(value: string, locale: Locale): string {
  if (!/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(value)) return value;
  try {
    return new Intl.DisplayNames([INTL_LOCALE[locale]], { type: "language" }).of(value) ?? value;
  } catch {
    return value;
  }
}

export function contactName(row: { givenName: string | null; familyName: string | null }): string {
  return [row.givenName, row.familyName].filter(Boolean).join(" ");
}

/** A filter as removable chips («País: México»), one per parameter set; the sort is not a filter. */
export function filterChips(filter: FilterFields, t: T, locale: Locale, nameOf: (code: string) => string = (c) => countryName(c, locale)): Array<FilterChip & { label: string }> {
  const chips: Array<FilterChip & { label: string }> = [];
  const add = (param: keyof FilterFields, label: string, value: string) => chips.push({ param, label: `${label}: ${value}` });
  if (filter.q) add("q", t("contacts.filters.q"), `«${filter.q}»`);
  if (filter.country) add("country", t("contacts.filters.country"), nameOf(filter.country));
  if (filter.state) add("state", t("contacts.filters.state"), stateName(filter.state));
  if (filter.language) add("language", t("contacts.filters.language"), languageName(filter.language, locale));
  if (filter.tag) add("tag", t("contacts.filters.tag"), filter.tag);
  if (filter.source) add("source", t("contacts.filters.source"), t(`contacts.source.${filter.source}`));
  if (filter.consent) add("consent", t("contacts.filters.consent"), t(`contacts.consent.${filter.consent}`));
  if (filter.subscription) add("subscription", t("contacts.filters.subscription"), t(`contacts.subscription.${filter.subscription}`));
  return chips;
}

/** A filter as short "label: value" items, for the segments list and confirmations. */
export function filterSummary(filter: FilterFields, t: T, locale: Locale): string[] {
  return filterChips(filter, t, locale).map((chip) => chip.label);
}

