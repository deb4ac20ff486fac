import type { MetaFunction } from "@remix-run/node";
import { formatDate } from "~/lib/format";
import { DEFAULT_LOCALE, INTL_LOCALE, isLocale, makeT, type Locale } from "~/i18n";

export { countryName, stateName } from "~/components/contacts/labels";

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

export function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(INTL_LOCALE[locale]);
}

/** Every country, by its localised name. */
export function countryOptions(codes: readonly string[], locale: Locale): Array<{ code: string; name: string }> {
  const names = new Intl.DisplayNames([INTL_LOCALE[locale]], { type: "region" });
  return codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, INTL_LOCALE[locale]));
}
