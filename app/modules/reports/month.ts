/**
 * Which month a record belongs to. The report's month is a calendar month in the organisation's
 * time zone (settings): it starts at local midnight on the 1st and ends at local midnight on the
 * 1st of the next month. Events go by their own local date (the events module does that).
 */
import { isMonth, shiftMonth, zonedMonth, zonedToUtc } from "~/lib/time";

export { isMonth, shiftMonth };

export type MonthRange = { month: string; year: number; monthNumber: number; from: Date; to: Date };

/** "2017-11" in "America/Mexico_City" → [2017-11-01T06:00Z, 2017-12-01T06:00Z). */
export function monthRange(month: string, timeZone: string): MonthRange {
  if (!isMonth(month)) throw new RangeError(`invalid month: ${month}`);
  const next = shiftMonth(month, 1);
  return {
    month,
    year: Number(month.slice(0, 4)),
    monthNumber: Number(month.slice(5, 7)),
    from: zonedToUtc(`${month}-01T00:00`, timeZone),
    to: zonedToUtc(`${next}-01T00:00`, timeZone),
  };
}

/** The month an instant falls in, in a zone ("2017-12-01T03:00Z" in Mexico City → "2017-11"). */
export function monthOf(instant: Date, timeZone: string): string {
  return zonedMonth(instant, timeZone);
}

const MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

/** "2017-11" → "noviembre de 2017" (the document is in Spanish whatever the reader's language). */
export function monthNameEs(month: string): string {
  return `${MONTHS_ES[Number(month.slice(5, 7)) - 1]} de ${month.slice(0, 4)}`;
}

/** Month parameter, or null when it is not a real month. */
export function parseMonthParam(value: string | null | undefined): string | null {
  return isMonth(value) ? value : null;
}
