/**
 * Calendar dates (due dates, agreement dates, activity dates are @db.Date: a day, no time) and the
 * rules that compare them with "today" — which depends on whose today: a follow-up is overdue once
 * its due date has passed in its owner's time zone. Pure; `now` is a parameter so tests can cross
 * midnight in any zone.
 */
import { isValidTimeZone, readingZone, zonedDate } from "~/lib/time";

export const EXPIRY_WARNING_DAYS = 60;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2017-11-30" → true only for a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** A calendar date as Prisma stores @db.Date: midnight UTC of that day. */
export function dateOnly(value: string): Date {
  if (!isCalendarDate(value)) throw new Error(`Not a calendar date: ${value}`);
  return new Date(`${value}T00:00:00.000Z`);
}

/** A @db.Date value back to "YYYY-MM-DD". */
export function isoDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** Whether a string names a time zone the runtime knows. */
export const isTimeZone = isValidTimeZone;

/** Today's date ("YYYY-MM-DD") in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return zonedDate(now, timeZone);
}

/** Days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateOnly(to).getTime() - dateOnly(from).getTime()) / 86_400_000);
}

export function addDays(day: string, days: number): string {
  return isoDay(new Date(dateOnly(day).getTime() + days * 86_400_000));
}

/** The time zone whose "today" decides a user's deadlines: their own, else the office's. */
export function effectiveTimeZone(userTimeZone: string | null | undefined, officeTimeZone: string): string {
  return readingZone(userTimeZone, officeTimeZone);
}

/** An open follow-up is overdue once its due date has passed in its owner's time zone. */
export function isOverdue(followUp: { dueOn: Date | string; state: string }, ownerTimeZone: string, now: Date = new Date()): boolean {
  if (followUp.state !== "OPEN") return false;
  const due = typeof followUp.dueOn === "string" ? followUp.dueOn.slice(0, 10) : isoDay(followUp.dueOn);
  return due < todayIn(ownerTimeZone, now);
}

export type AgreementAlert = { kind: "expiring"; daysLeft: number } | { kind: "expired"; daysAgo: number } | null;

/**
 * A signed agreement (or one in negotiation with an end date) shows up EXPIRY_WARNING_DAYS days
 * before its validity ends, and as expired after; terminated and expired-by-status ones do not nag.
 */
export function agreementAlert(agreement: { status: string; validUntil: Date | string | null }, today: string): AgreementAlert {
  if (!agreement.validUntil || agreement.status === "TERMINATED" || agreement.status === "EXPIRED") return null;
  const end = typeof agreement.validUntil === "string" ? agreement.validUntil.slice(0, 10) : isoDay(agreement.validUntil);
  const days = daysBetween(today, end);
  if (days < 0) return { kind: "expired", daysAgo: -days };
  if (days <= EXPIRY_WARNING_DAYS) return { kind: "expiring", daysLeft: days };
  return null;
}

/** "2017-11" → the first day of that month and of the next, as calendar dates. */
export function monthRange(year: number, month: number): { from: string; to: string } {
  const from = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
  return { from, to: `${String(next.y).padStart(4, "0")}-${String(next.m).padStart(2, "0")}-01` };
}
