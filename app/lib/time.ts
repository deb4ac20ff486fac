/**
 * The one time library (decision 022): wall-clock times in an IANA zone <-> UTC instants, calendar
 * days and months in a zone, and whose zone a person reads in. Pure and client-safe (Intl only).
 *
 * The rule for the two nights a year a wall-clock time is ambiguous, applied by `zonedToUtc` and
 * by nothing else (events, bulletins, contests and reports all come here):
 * - a REPEATED time (fall back: 2026-11-01 01:30 in Los Angeles happens at 08:30Z and at 09:30Z)
 *   is its FIRST occurrence, the earlier instant (08:30Z);
 * - a SKIPPED time (spring forward: 2026-03-08 02:30 in Los Angeles never happens) is read with
 *   the offset in force before the change, so it moves forward by the gap, as the clocks did
 *   (03:30 PDT = 10:30Z).
 * This is Temporal's `disambiguation: "compatible"` (and what RFC 5545 says for calendars).
 */

/** "YYYY-MM-DDTHH:mm" — the value of an <input type="datetime-local">. */
export type LocalDateTime = string;

/** The zone used when neither the person nor the office names a valid one. */
export const FALLBACK_ZONE = "America/Mexico_City";

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

/** Zones already accepted: every request asks for the reader's (a formatter costs ~0.3 ms to build). */
const validZones = new Set<string>();

export function isValidTimeZone(zone: string | null | undefined): zone is string {
  if (!zone || zone.length > 64) return false;
  if (validZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    return false;
  }
  validZones.add(zone); // bounded: only names the runtime knows get here
  return true;
}

/**
 * The zone a person reads (and types) times in: their own when it is a valid zone, else the
 * office's (Settings.timeZone), else FALLBACK_ZONE. The one answer to "which zone does this user
 * read in" — server loaders, exports, mails and "today" for deadlines all ask here.
 */
export function readingZone(userZone: string | null | undefined, officeZone: string | null | undefined): string {
  if (isValidTimeZone(userZone)) return userZone;
  if (isValidTimeZone(officeZone)) return officeZone;
  return FALLBACK_ZONE;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClock(instant: Date, zone: string): Wall {
  const out: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(instant)) {
    if (part.type !== "literal") out[part.type] = Number(part.value);
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

/** The zone's offset from UTC at that instant, in minutes (Chicago in November: -360). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const w = wallClock(instant, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

export function isLocalDateTime(value: string): boolean {
  const m = LOCAL_RE.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && y >= 1900 && y <= 2200;
}

/** The wall-clock time ("YYYY-MM-DDTHH:mm") of an instant in a zone. */
export function utcToZoned(instant: Date, zone: string): LocalDateTime {
  const w = wallClock(instant, zone);
  const pad = (n: number, len = 2) => String(n).padStart(len, "0");
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The UTC instant of a wall-clock time in a zone; a repeated time is its first occurrence and a
 * skipped time moves forward by the gap (the rule in the module header). Throws on a bad value.
 */
export function zonedToUtc(local: LocalDateTime, zone: string): Date {
  const m = LOCAL_RE.exec(local);
  if (!m || !isLocalDateTime(local)) throw new RangeError(`Invalid local date-time: ${local}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // Zones change offset at most once in a day: the offsets a day before and a day after are the
  // only candidates. Both match on a repeated hour; neither matches in a gap.
  const before = zoneOffsetMinutes(new Date(naive - DAY_MS), zone);
  const after = zoneOffsetMinutes(new Date(naive + DAY_MS), zone);
  const matches = [before, after].map((offset) => naive - offset * 60_000).filter((candidate) => utcToZoned(new Date(candidate), zone) === local);
  if (matches.length > 0) return new Date(Math.min(...matches));
  return new Date(naive - before * 60_000);
}

/** Like zonedToUtc, but null for a value that is not "YYYY-MM-DDTHH:mm" (form input). */
export function parseZoned(local: string, zone: string): Date | null {
  return isLocalDateTime(local) && isValidTimeZone(zone) ? zonedToUtc(local, zone) : null;
}

/** The calendar date ("YYYY-MM-DD") of an instant in a zone ("today" there, with `new Date()`). */
export function zonedDate(instant: Date, zone: string): string {
  return utcToZoned(instant, zone).slice(0, 10);
}

/** The month ("YYYY-MM") an instant falls in, in a zone ("2017-12-01T03:00Z" in Mexico City → "2017-11"). */
export function zonedMonth(instant: Date, zone: string): string {
  return utcToZoned(instant, zone).slice(0, 7);
}

/** "YYYY-MM-DD" plus (or minus) whole calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a calendar day starts in a zone (midnight, or the first minute after a gap). */
export function startOfZonedDay(date: string, zone: string): Date {
  return zonedToUtc(`${date}T00:00`, zone);
}

/** The instant a calendar day ends in a zone: its last millisecond (a deadline typed as a date). */
export function endOfZonedDay(date: string, zone: string): Date {
  return new Date(startOfZonedDay(addDays(date, 1), zone).getTime() - 1);
}

/** A month ("YYYY-MM") in a zone as [from, to): its first instant and the next month's. */
export function zonedMonthRange(month: string, zone: string): { from: Date; to: Date } {
  return { from: zonedToUtc(`${month}-01T00:00`, zone), to: zonedToUtc(`${shiftMonth(month, 1)}-01T00:00`, zone) };
}

/** Every IANA zone the runtime knows, for the form's list. */
export function timeZoneNames(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.("timeZone") ?? ["America/Mexico_City", "America/Chicago", "America/Los_Angeles", "America/New_York", "Europe/Madrid", "UTC"];
}

/** "2017-11" → the first day, and the first day of the next month. */
export function monthBounds(month: string): { first: string; next: string } {
  return { first: `${month}-01`, next: `${shiftMonth(month, 1)}-01` };
}

export function isMonth(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && Number(value.slice(0, 4)) >= 1900 && Number(value.slice(0, 4)) <= 2200;
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every calendar date from `from` to `to` inclusive ("YYYY-MM-DD"), at most `cap` of them. */
export function datesBetween(from: string, to: string, cap = 62): string[] {
  const out: string[] = [];
  let t = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  while (t <= end && out.length < cap) {
    out.push(new Date(t).toISOString().slice(0, 10));
    t += DAY_MS;
  }
  return out;
}
