import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, INTL_LOCALE, makeT, type Locale } from "./index";

type RootData = { locale: Locale; timeZone: string } | undefined;

export function useLocale(): Locale {
  return (useRouteLoaderData("root") as RootData)?.locale ?? DEFAULT_LOCALE;
}

export function useT() {
  return makeT(useLocale());
}

/** Formats a UTC instant in the viewer's time zone and language. */
export function useFormatDate() {
  const data = useRouteLoaderData("root") as RootData;
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const timeZone = data?.timeZone ?? "America/Mexico_City";
  return (value: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }) =>
    new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone, ...options }).format(new Date(value));
}
