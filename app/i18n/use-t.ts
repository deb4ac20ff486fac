import { useRouteLoaderData } from "@remix-run/react";
import { formatInstant } from "~/lib/format";
import { DEFAULT_LOCALE, makeT, provideMessages, type Locale, type T } from "./index";

type RootData = { locale: Locale; timeZone: string; messages?: Record<string, string> } | undefined;

export function useLocale(): Locale {
  return (useRouteLoaderData("root") as RootData)?.locale ?? DEFAULT_LOCALE;
}

export function useT(): T {
  const data = useRouteLoaderData("root") as RootData;
  const locale = data?.locale ?? DEFAULT_LOCALE;
  // root.tsx already poured these in; repeating it is cheap and covers a component rendered first.
  provideMessages(locale, data?.messages);
  return makeT(locale);
}

/** The viewer's time zone (the root loader's), for pages that print instants. */
export function useTimeZone(): string {
  return (useRouteLoaderData("root") as RootData)?.timeZone ?? "America/Mexico_City";
}

/** Formats a UTC instant in the viewer's time zone and language (app/lib/format.ts). */
export function useFormatDate() {
  const data = useRouteLoaderData("root") as RootData;
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const timeZone = data?.timeZone ?? "America/Mexico_City";
  return (value: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }) =>
    formatInstant(value, locale, timeZone, options);
}
