import type { MetaFunction } from "@remix-run/node";
import { countryName, formatDate, formatNumber } from "~/lib/format";
import { DEFAULT_LOCALE, INTL_LOCALE, isLocale, makeT, type Locale } from "~/i18n";

export { countryName };
export { stateName } from "~/components/contacts/labels";

/** A page title in the reader's language (the root loader knows it). */
export function partnersTitle(key: string): MetaFunction {
  return ({ matches }) => {
    const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
    const t = makeT(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE);
    return [{ title: `${t(key)} — Alcance` }];
  };
}

/** A calendar date ("2017-11-30") in the reader's language, without any time-zone shift. */
export function formatDay(day: string, locale: Locale, style: "medium" | "long" = "medium"): string {
  return formatDate(day, locale, style);
}

export { formatNumber };

/** Every country, by its localised name. */
export function countryOptions(codes: readonly string[], locale: Locale): Array<{ code: string; name: string }> {
  return codes.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => a.name.localeCompare(b.name, INTL_LOCALE[locale]));
}
