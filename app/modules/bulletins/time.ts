/**
 * A bulletin's send time, typed as a wall-clock time in the reader's zone. The conversions and the
 * rule for daylight-saving nights (a repeated time is its first occurrence, a skipped time moves
 * forward by the gap) are app/lib/time.ts's, the same as events'; these names stay for callers.
 */
import { isValidTimeZone, parseZoned, utcToZoned } from "~/lib/time";

/** "2026-12-01T09:30" read in timeZone → the UTC instant, or null for a value that is not one. */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  return parseZoned(local, timeZone);
}

/** The UTC instant as "YYYY-MM-DDTHH:mm" in timeZone (for <input type="datetime-local">). */
export const utcToZonedLocal = utcToZoned;

export const isTimeZone = (value: string): boolean => isValidTimeZone(value);
