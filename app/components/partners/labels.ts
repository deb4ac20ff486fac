/** Text helpers and badge tones of the partners area (client-safe). */
import { toneMap } from "~/components/ui";
import { countryName, formatDate, stateName } from "~/lib/format";
import type { Locale } from "~/i18n";

/** A calendar date ("2017-11-30") in the reader's language, without any time-zone shift. */
export function formatDay(day: string, locale: Locale, style: "medium" | "long" = "medium"): string {
  return formatDate(day, locale, style);
}

/** «Ciudad, Estado, País» of an institution (empty when none is known). */
export function placeOf(p: { city: string | null; state: string | null; country: string | null }, locale: Locale): string {
  return [p.city, p.state ? stateName(p.state, locale) : null, p.country ? countryName(p.country, locale) : null].filter(Boolean).join(", ");
}

export const PARTNER_STATUS_TONES = toneMap({ ACTIVE: "success", INACTIVE: "danger" });
export const FOLLOW_UP_TONES = toneMap({ DONE: "success", CANCELLED: "neutral", OPEN: "info" });
