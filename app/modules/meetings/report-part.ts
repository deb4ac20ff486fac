/**
 * Where the monthly report counts a meeting by default (decision 024): the rule the form
 * preselects and the module applies when no part is chosen. The stored part is explicit and
 * editable; the report only reads it. Pure: the form recomputes it in the browser as participants
 * are ticked.
 *
 * - A commission session is the Technical Secretariat's (2.1.1).
 * - So is any meeting with an OPL (a local electoral body), an INE area or a political party.
 * - Otherwise a meeting with a university is educational (2.1.4 instancias educativas);
 * - one only with INE offices (juntas locales y distritales) is decentralised (órganos desconcentrados);
 * - anything else is institutional liaison (2.1.4 vinculación institucional).
 */
import type { MeetingKind, PartnerKind, ReportPart } from "~/generated/prisma/enums";

export type MeetingReportPartFacts = {
  kind: MeetingKind;
  /** The kind of each participating institution (repeats are harmless). */
  partnerKinds: readonly PartnerKind[];
  ineAreas: readonly string[];
  politicalParties: readonly string[];
};

export function defaultMeetingReportPart({ kind, partnerKinds, ineAreas, politicalParties }: MeetingReportPartFacts): ReportPart {
  if (kind === "COMMISSION_SESSION") return "SECRETARIAT";
  if (partnerKinds.includes("LOCAL_ELECTORAL_BODY") || ineAreas.length > 0 || politicalParties.length > 0) return "SECRETARIAT";
  if (partnerKinds.includes("UNIVERSITY")) return "EDUCATIONAL";
  if (partnerKinds.length > 0 && partnerKinds.every((k) => k === "INE_OFFICE")) return "DECENTRALIZED";
  return "INSTITUTIONAL";
}
