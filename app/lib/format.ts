/**
 * The one place numbers, dates, times and country names become text, on the server, in the
 * browser and in documents (decision 022). Pure and client-safe: Intl only, no environment.
 * Always with the reader's locale: a bare `toLocaleString()` takes the machine's, so the server
 * and the browser can disagree ("1,234" vs "1.234") and the page flickers on hydration.
 *
 * Two kinds of value, never mixed up:
 * - a calendar date ("2017-12-08", or a @db.Date read as midnight UTC): printed as that day,
 *   with no zone at all (shifting it would move it to the 7th west of Greenwich);
 * - an instant (a UTC timestamp): printed in a zone, and when its time is shown the zone's name
 *   is given as an offset ("GMT-8") in every language, so Spanish and English agree.
 *
 * CSV gets machine forms: a date as "YYYY-MM-DD", an instant as ISO 8601 UTC ("…Z").
 */
import { INTL_LOCALE, type Locale } from "~/i18n";
import { countryName as geoCountryName, subdivisionName } from "~/modules/geo/regions";

export type DateStyle = "medium" | "long" | "full";

/**
 * Intl formatters are slow to build and pages format thousands of values: each (locale, options)
 * is built once. The cache is emptied when it grows past `limit` (options vary little, so rarely).
 */
function cachedFormats<O, F>(limit: number, make: (locale: string, options: O) => F): (locale: Locale, options: O) => F {
  const cache = new Map<string, F>();
  return (locale, options) => {
    const key = `${locale}|${JSON.stringify(options)}`;
    let f = cache.get(key);
    if (!f) {
      f = make(INTL_LOCALE[locale], options);
      if (cache.size > limit) cache.clear();
      cache.set(key, f);
    }
    return f;
  };
}

const formatter = cachedFormats(500, (locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options));

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as a Date at midnight UTC (how Prisma reads @db.Date). */
function dayInstant(day: string | Date): Date {
  if (day instanceof Date) return day;
  return new Date(DAY_RE.test(day) ? `${day}T00:00:00Z` : day);
}

/** A calendar date: "8 dic 2017" / "Dec 8, 2017" (long: "8 de diciembre de 2017"). Never shifted by a zone. */
export function formatDate(day: string | Date, locale: Locale, style: DateStyle = "medium"): string {
  return formatter(locale, { dateStyle: style, timeZone: "UTC" }).format(dayInstant(day));
}

/** The day an instant falls on in a zone: "9 nov 2017". */
export function formatInstantDate(instant: string | Date, locale: Locale, zone: string, style: DateStyle = "medium"): string {
  return formatter(locale, { dateStyle: style, timeZone: zone }).format(new Date(instant));
}

/** The zone's name at that instant, the same style in every language: "GMT-8", "GMT-6", "GMT". */
export function formatZone(instant: string | Date, zone: string, locale: Locale): string {
  const part = formatter(locale, { timeZone: zone, timeZoneName: "shortOffset" })
    .formatToParts(new Date(instant))
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? zone;
}

export type InstantOptions = { dateStyle?: DateStyle; seconds?: boolean; zoneName?: boolean };

/** An instant with its time in a zone: "9 nov 2017, 3:18 p.m." (+ " GMT-8" with zoneName). */
export function formatDateTime(instant: string | Date, locale: Locale, zone: string, options: InstantOptions = {}): string {
  const at = new Date(instant);
  const text = formatter(locale, { dateStyle: options.dateStyle ?? "medium", timeStyle: options.seconds ? "medium" : "short", timeZone: zone }).format(at);
  return options.zoneName ? `${text} ${formatZone(at, zone, locale)}` : text;
}

/** Only the time of an instant in a zone: "3:18 p.m." (+ " GMT-8" with zoneName). */
export function formatTime(instant: string | Date, locale: Locale, zone: string, options: { zoneName?: boolean } = {}): string {
  const at = new Date(instant);
  const text = formatter(locale, { timeStyle: "short", timeZone: zone }).format(at);
  return options.zoneName ? `${text} ${formatZone(at, zone, locale)}` : text;
}

/**
 * An instant with any other Intl fields (a weekday, say), in a zone. A zone name, if asked for,
 * is always the offset style, so this can never bring back "PST" next to "GMT-8".
 */
export function formatInstant(instant: string | Date, locale: Locale, zone: string, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  const { timeZoneName, timeZone, ...rest } = options;
  // A caller asking for UTC on a calendar date keeps it; otherwise the viewer's zone.
  const text = formatter(locale, { ...rest, timeZone: timeZone ?? zone }).format(new Date(instant));
  return timeZoneName ? `${text} ${formatZone(instant, timeZone ?? zone, locale)}` : text;
}

/** "noviembre de 2017" / "November 2017" for "2017-11". */
export function formatMonth(month: string, locale: Locale): string {
  return formatter(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T12:00:00Z`));
}

/** The zone said once on a page: "America/Mexico_City (GMT-6)". */
export function zoneLabel(zone: string, locale: Locale, at: string | Date = new Date()): string {
  return `${zone} (${formatZone(at, zone, locale)})`;
}

/** "YYYY-MM-DD" of an instant in a zone (the calendar day it falls on there). */
export function zonedDay(instant: string | Date, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Whether an instant is the last millisecond of its day in a zone (a deadline typed as a date). */
export function isEndOfDay(instant: string | Date, zone: string): boolean {
  const at = new Date(instant);
  const next = new Date(at.getTime() + 1);
  return zonedDay(next, zone) !== zonedDay(at, zone) && next.getTime() % 60_000 === 0;
}

/** A deadline: as a date when it is the end of a day in its zone, else as date and time. */
export function formatDeadline(instant: string | Date, locale: Locale, zone: string, options: InstantOptions = {}): string {
  if (isEndOfDay(instant, zone)) return formatInstantDate(instant, locale, zone, options.dateStyle ?? "medium");
  return formatDateTime(instant, locale, zone, options);
}

/** CSV: a calendar date as "YYYY-MM-DD" (a @db.Date read as midnight UTC keeps its day). */
export function csvDate(day: string | Date | null | undefined): string {
  if (day === null || day === undefined || day === "") return "";
  if (typeof day === "string" && DAY_RE.test(day)) return day;
  return dayInstant(day).toISOString().slice(0, 10);
}

/** CSV: an instant as ISO 8601 in UTC, to the millisecond ("2017-11-09T16:00:00.000Z"). */
export function csvDateTime(instant: string | Date | null | undefined): string {
  if (instant === null || instant === undefined || instant === "") return "";
  return new Date(instant).toISOString();
}

const numberFormat = cachedFormats(200, (locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options));

export type NumberOptions = { maxDecimals?: number; minDecimals?: number };

/** A count or measure: "23,000", "21.7" (at most 3 decimals unless told). */
export function formatNumber(value: number, locale: Locale, options: NumberOptions = {}): string {
  return numberFormat(locale, { maximumFractionDigits: options.maxDecimals ?? 3, minimumFractionDigits: options.minDecimals ?? 0 }).format(value);
}

/** A whole number, rounded: "23,000". */
export function formatInteger(value: number, locale: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A percentage already in points (12.5 → "12.5 %"), at most two decimals; the space is the SI/RAE usage. */
export function formatPercent(points: number, locale: Locale, maxDecimals = 2): string {
  return `${formatNumber(points, locale, { maxDecimals })} %`;
}

/** An amount of money with its cents: "1,500.00" (the currency code is the caller's). */
export function formatAmount(value: number, locale: Locale): string {
  return formatNumber(value, locale, { minDecimals: 2, maxDecimals: 2 });
}

/** A country by its ISO 3166 code, in the reader's language ("US" → "Estados Unidos"); other text as stored. */
export function countryName(code: string | null | undefined, locale: Locale): string {
  return geoCountryName(code, INTL_LOCALE[locale]);
}

/** A state by its ISO 3166-2 code ("US-NY" → "Nueva York" / "New York"); free text as stored. */
export function stateName(code: string | null | undefined, locale: Locale): string {
  return subdivisionName(code, INTL_LOCALE[locale]);
}
