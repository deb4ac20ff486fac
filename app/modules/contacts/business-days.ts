/**
 * Business days for legal deadlines (ARCO requests: 20 business days after receipt). Pure
 * functions over calendar dates written "YYYY-MM-DD": no clocks, no time zones. A business day is
 * a weekday that is not a Mexican federal holiday (Ley Federal del Trabajo, art. 74; the movable
 * election days of fraction IX and any extra days an authority declares are not included).
 */
import { zonedDate } from "~/lib/time";

export type CalendarDate = string;

export const ARCO_DEADLINE_BUSINESS_DAYS = 20;
/** A request is flagged "por vencer" when this many business days or fewer remain. */
export const DUE_SOON_BUSINESS_DAYS = 5;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parse(date: CalendarDate): Date {
  const match = DATE_RE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const [, y, m, d] = match;
  const value = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (value.getUTCMonth() !== Number(m) - 1 || value.getUTCDate() !== Number(d)) throw new RangeError(`Not a calendar date: ${date}`);
  return value;
}

function format(value: Date): CalendarDate {
  return value.toISOString().slice(0, 10);
}

export function isCalendarDate(value: string): boolean {
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return format(new Date(parse(date).getTime() + days * DAY_MS));
}

/** The n-th given weekday (0 = Sunday … 6 = Saturday) of a month (1-12). */
function nthWeekday(year: number, month: number, weekday: number, n: number): CalendarDate {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return format(new Date(Date.UTC(year, month - 1, 1 + offset + (n - 1) * 7)));
}

const holidayCache = new Map<number, ReadonlySet<CalendarDate>>();

/** Mandatory rest days of the Ley Federal del Trabajo (art. 74) for one year. */
export function mexicanFederalHolidays(year: number): ReadonlySet<CalendarDate> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const pad = (n: number) => String(n).padStart(2, "0");
  const fixed = (month: number, day: number) => `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
  const days = new Set<CalendarDate>([
    fixed(1, 1), // Año Nuevo
    nthWeekday(year, 2, 1, 1), // Día de la Constitución: primer lunes de febrero
    nthWeekday(year, 3, 1, 3), // Natalicio de Benito Juárez: tercer lunes de marzo
    fixed(5, 1), // Día del Trabajo
    fixed(9, 16), // Día de la Independencia
    nthWeekday(year, 11, 1, 3), // Revolución Mexicana: tercer lunes de noviembre
    fixed(12, 25), // Navidad
  ]);
  // Transmisión del Poder Ejecutivo Federal: 1 de octubre, cada seis años (2024, 2030, …).
  if (year >= 2024 && (year - 2024) % 6 === 0) days.add(fixed(10, 1));
  holidayCache.set(year, days);
  return days;
}

export type HolidayCalendar = (year: number) => ReadonlySet<CalendarDate>;

export function isBusinessDay(date: CalendarDate, holidays: HolidayCalendar = mexicanFederalHolidays): boolean {
  const value = parse(date);
  const weekday = value.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidays(value.getUTCFullYear()).has(date);
}

/**
 * The date that is `days` business days after `start` (the start day itself is not counted: a
 * request received on Friday has Monday as its first day). `days` = 0 returns `start`.
 */
export function businessDaysAfter(start: CalendarDate, days: number, holidays: HolidayCalendar = mexicanFederalHolidays): CalendarDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  let current = format(parse(start));
  let left = days;
  while (left > 0) {
    current = addCalendarDays(current, 1);
    if (isBusinessDay(current, holidays)) left -= 1;
  }
  return current;
}

/**
 * Business days after `from` up to and including `to`; negative (counting the same way
 * backwards) when `to` is before `from`. businessDaysBetween(d, businessDaysAfter(d, n)) = n.
 */
export function businessDaysBetween(from: CalendarDate, to: CalendarDate, holidays: HolidayCalendar = mexicanFederalHolidays): number {
  const a = parse(from).getTime();
  const b = parse(to).getTime();
  if (a === b) return 0;
  const sign = b > a ? 1 : -1;
  const [lo, hi] = sign > 0 ? [from, to] : [to, from];
  let count = 0;
  let current = lo;
  while (current < hi) {
    current = addCalendarDays(current, 1);
    if (isBusinessDay(current, holidays)) count += 1;
  }
  return sign * count;
}

export type DeadlineState = "onTime" | "dueSoon" | "overdue";

/**
 * Where a deadline stands on `today`: "overdue" once the due date has passed, "dueSoon" when at
 * most DUE_SOON_BUSINESS_DAYS business days remain (the due day itself included), else "onTime".
 */
export function deadlineStatus(
  today: CalendarDate,
  due: CalendarDate,
  holidays: HolidayCalendar = mexicanFederalHolidays,
): { state: DeadlineState; businessDaysLeft: number } {
  if (today > due) return { state: "overdue", businessDaysLeft: businessDaysBetween(today, due, holidays) };
  const left = businessDaysBetween(today, due, holidays);
  return { state: left <= DUE_SOON_BUSINESS_DAYS ? "dueSoon" : "onTime", businessDaysLeft: left };
}

/** The legal deadline of an ARCO request received on `receivedOn`. */
export function arcoDueDate(receivedOn: CalendarDate, holidays: HolidayCalendar = mexicanFederalHolidays): CalendarDate {
  return businessDaysAfter(receivedOn, ARCO_DEADLINE_BUSINESS_DAYS, holidays);
}

/** The calendar date of an instant in a time zone (e.g. "today" at the office). */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  return zonedDate(instant, timeZone);
}

/** Date-only values are stored as UTC midnight of the calendar date. */
export function calendarDateToInstant(date: CalendarDate): Date {
  return parse(date);
}

export function instantToCalendarDate(instant: Date): CalendarDate {
  return format(instant);
}
