/**
 * The figures the monthly report quotes, per event and summed per country and month: attendance,
 * credential appointments, registration requests, kiosk sign-ups and items handed out, and each
 * outcome per 1,000 items handed out (null when nothing was handed out: no ratio, not zero).
 */
export type OutcomeCounts = {
  events: number;
  attendance: number;
  appointments: number;
  registrationRequests: number;
  signups: number;
  confirmedSignups: number;
  handedOut: number;
};

export type Figures = OutcomeCounts & {
  appointmentsPer1000: number | null;
  registrationRequestsPer1000: number | null;
  signupsPer1000: number | null;
};

/**
 * Whether an event counts as held: it has started (its start instant is not after `now`) and it is
 * not cancelled. Its status need not say HELD (recording outcomes moves it there, but a past event
 * nobody updated was still held). The SQL twin is heldEventSql() in query.server.ts; decision 018.
 */
export function isHeld(event: { status: string; startsAt: Date | string }, now: Date): boolean {
  return event.status !== "CANCELLED" && new Date(event.startsAt).getTime() <= now.getTime();
}

export const ZERO_COUNTS: OutcomeCounts = { events: 0, attendance: 0, appointments: 0, registrationRequests: 0, signups: 0, confirmedSignups: 0, handedOut: 0 };

/** Outcomes per 1,000 items handed out, to one decimal place. */
export function per1000(outcome: number, handedOut: number): number | null {
  if (!Number.isFinite(handedOut) || handedOut <= 0) return null;
  return Math.round((outcome * 1000 * 10) / handedOut) / 10;
}

export function withRatios(counts: OutcomeCounts): Figures {
  return {
    ...counts,
    appointmentsPer1000: per1000(counts.appointments, counts.handedOut),
    registrationRequestsPer1000: per1000(counts.registrationRequests, counts.handedOut),
    signupsPer1000: per1000(counts.signups, counts.handedOut),
  };
}

export function addCounts(a: OutcomeCounts, b: OutcomeCounts): OutcomeCounts {
  return {
    events: a.events + b.events,
    attendance: a.attendance + b.attendance,
    appointments: a.appointments + b.appointments,
    registrationRequests: a.registrationRequests + b.registrationRequests,
    signups: a.signups + b.signups,
    confirmedSignups: a.confirmedSignups + b.confirmedSignups,
    handedOut: a.handedOut + b.handedOut,
  };
}
