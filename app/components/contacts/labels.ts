import { INTL_LOCALE, type Locale, type T } from "~/i18n";
import { CONTACT_SORTS, type ContactFilter } from "~/modules/contacts/filter";
import { countryName } from "~/lib/format";
import { subdivisionName } from "~/modules/geo/regions";

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

/** A filter as short "label: value" items, for the segments list and confirmations. */
export function filterSummary(filter: ContactFilter, t: T, locale: Locale): string[] {
  const items: string[] = [];
  if (filter.q) items.push(`${t("contacts.filters.q")}: «${filter.q}»`);
  if (filter.country) items.push(`${t("contacts.filters.country")}: ${countryName(filter.country, locale)}`);
  if (filter.state) items.push(`${t("contacts.filters.state")}: ${stateName(filter.state)}`);
  if (filter.language) items.push(`${t("contacts.filters.language")}: ${languageName(filter.language, locale)}`);
  if (filter.tag) items.push(`${t("contacts.filters.tag")}: ${filter.tag}`);
  if (filter.source) items.push(`${t("contacts.filters.source")}: ${t(`contacts.source.${filter.source}`)}`);
  if (filter.consent) items.push(`${t("contacts.filters.consent")}: ${t(`contacts.consent.${filter.consent}`)}`);
  if (filter.subscription) items.push(`${t("contacts.filters.subscription")}: ${t(`contacts.subscription.${filter.subscription}`)}`);
  return items;
}

export const SORT_OPTIONS = CONTACT_SORTS;
