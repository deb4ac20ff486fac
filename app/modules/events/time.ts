/**
 * Wall-clock time in an IANA zone <-> UTC instants, with Intl only (no date library).
 *
 * Events are typed in their own zone ("19 Nov 2017 10:00, America/Chicago") and stored as UTC
 * instants. Across a daylight-saving change a wall-clock time can be missing (spring forward:
 * 02:30 does not exist) or repeated (fall back: 01:30 happens twice): a missing time moves
 * forward by the gap (as the clocks did), a repeated time takes its first occurrence.
 */
import type { Locale } from "~/i18n";
import { formatDateTime } from "~/lib/format";

/** "YYYY-MM-DDTHH:mm" — the value of an <input type="datetime-local">. */
export type LocalDateTime = string;

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
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

/** The UTC instant of a wall-clock time in a zone (see the module note for DST gaps and overlaps). */
export function zonedToUtc(local: LocalDateTime, zone: string): Date {
  const m = LOCAL_RE.exec(local);
  if (!m || !isLocalDateTime(local)) throw new RangeError(`Invalid local date-time: ${local}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // Candidate instants for the offsets in force a day before and a day after.
  const offsets = new Set([zoneOffsetMinutes(new Date(naive - 86_400_000), zone), zoneOffsetMinutes(new Date(naive + 86_400_000), zone)]);
  const matches: number[] = [];
  for (const offset of offsets) {
    const candidate = naive - offset * 60_000;
    if (utcToZoned(new Date(candidate), zone) === local) matches.push(candidate);
  }
  if (matches.length > 0) return new Date(Math.min(...matches));
  // A wall-clock time skipped by the change: as the clocks did, move forward by the gap.
  const before = zoneOffsetMinutes(new Date(naive - 86_400_000), zone);
  return new Date(naive - before * 60_000);
}

/** The wall-clock time ("YYYY-MM-DDTHH:mm") of an instant in a zone. */
export function utcToZoned(instant: Date, zone: string): LocalDateTime {
  const w = wallClock(instant, zone);
  const pad = (n: number, len = 2) => String(n).padStart(len, "0");
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The calendar date ("YYYY-MM-DD") of an instant in a zone. */
export function zonedDate(instant: Date, zone: string): string {
  return utcToZoned(instant, zone).slice(0, 10);
}

/** The instant a calendar day starts in a zone (midnight, or the first minute after a gap). */
export function startOfZonedDay(date: string, zone: string): Date {
  return zonedToUtc(`${date}T00:00`, zone);
}

/**
 * An instant as the event's zone shows it and, when different, as the viewer's zone shows it:
 * { local: "19 nov 2017, 10:00 a.m. GMT-6", viewer: "19 nov 2017, 10:00 a.m. GMT-6" | null }.
 * The zone is named as an offset in every language (app/lib/format.ts).
 */
export function formatEventTime(instant: Date, eventZone: string, viewerZone: string, locale: Locale): { local: string; viewer: string | null } {
  const local = formatDateTime(instant, locale, eventZone, { zoneName: true });
  const viewer = eventZone === viewerZone ? local : formatDateTime(instant, locale, viewerZone, { zoneName: true });
  // Shown once when the viewer reads exactly the same clock (same offset and same zone name).
  return { local, viewer: viewer === local ? null : viewer };
}

/** The instant a calendar day ends in a zone: its last millisecond (a deadline typed as a date). */
export function endOfZonedDay(date: string, zone: string): Date {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return new Date(startOfZonedDay(next, zone).getTime() - 1);
}

/** Every IANA zone the runtime knows, for the form's list. */
export function timeZoneNames(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.("timeZone") ?? ["America/Mexico_City", "America/Chicago", "America/Los_Angeles", "America/New_York", "Europe/Madrid", "UTC"];
}

/** "2017-11" → the first day, and the first day of the next month. */
export function monthBounds(month: string): { first: string; next: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return { first: `${month}-01`, next: `${next}-01` };
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
    t += 86_400_000;
  }
  return out;
}
