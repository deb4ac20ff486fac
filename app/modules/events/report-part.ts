/**
 * Where the monthly report counts an event (issue 16): an explicit, editable classification stored
 * on the event (`Event.reportPart`), defaulted from its kind, place and institutions by the one rule
 * below — the same rule the migration 20261208090000_meetings_and_report_outline applied to the
 * events that already existed (plus «an online address and no venue is online», which the form
 * knows and the old rows did not record). No server code: the event form uses it too.
 *
 * «Online» is one definition (isOnlineEvent; its SQL twin is onlineEventSql in
 * report-part.server.ts): a virtual workshop, an event without a country, or one with an online
 * address and no venue. An online event is never «comunidad en el extranjero»: nobody attended
 * abroad, whatever the organiser's country.
 */
import type { ReportPart } from "~/modules/reports";

export type EventPlace = { kind: string; country: string | null; onlineUrl?: string | null; venue?: string | null };

/** Whether an event is online (no attendance anywhere): the one definition. */
export function isOnlineEvent(event: EventPlace): boolean {
  if (event.kind === "VIRTUAL_WORKSHOP") return true;
  if (!event.country) return true;
  return !!event.onlineUrl && !event.venue;
}

/**
 * The report part an event gets unless someone chooses another:
 * online → INSTITUTIONAL; a country other than MX → COMMUNITY_ABROAD; an operation (in Mexico) →
 * DECENTRALIZED; linked to a university → EDUCATIONAL; else INSTITUTIONAL.
 */
export function defaultEventReportPart(input: { kind: string; country: string | null; online: boolean; partnerKinds: readonly string[] }): ReportPart {
  if (input.online || input.kind === "VIRTUAL_WORKSHOP" || !input.country) return "INSTITUTIONAL";
  if (input.country !== "MX") return "COMMUNITY_ABROAD";
  if (input.kind === "OPERATION") return "DECENTRALIZED";
  if (input.partnerKinds.includes("UNIVERSITY")) return "EDUCATIONAL";
  return "INSTITUTIONAL";
}

/**
 * Why a chosen part is not allowed for this event (a translation key), or null. «Comunidad en el
 * extranjero» needs people attending abroad: never an online event, and only with a country
 * other than Mexico.
 */
export function reportPartProblem(reportPart: ReportPart, event: EventPlace): string | null {
  if (reportPart !== "COMMUNITY_ABROAD") return null;
  if (event.country === "MX") return "events.form.errors.reportPartAbroadCountry";
  if (isOnlineEvent(event)) return "events.form.errors.reportPartOnline";
  return null;
}
