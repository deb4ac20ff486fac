/**
 * Meetings, workshops and sessions as the forms see them: the enums' values in a fixed order and
 * the limits of each field. Pure: no database (the browser imports it too).
 */
import type { CommissionAgreementStatus, MeetingFormat, MeetingKind } from "~/generated/prisma/enums";

export const MEETING_KINDS = ["WORKING_MEETING", "WORKSHOP", "COMMISSION_SESSION", "COUNCIL_SESSION", "OTHER"] as const satisfies readonly MeetingKind[];
export const MEETING_FORMATS = ["IN_PERSON", "ONLINE"] as const satisfies readonly MeetingFormat[];
export const COMMISSION_AGREEMENT_STATUSES = ["PROPOSED", "APPROVED", "REJECTED", "WITHDRAWN"] as const satisfies readonly CommissionAgreementStatus[];

export const SUBJECT_MAX = 300;
export const SUMMARY_MAX = 5000;
/** A political party's name as typed («Partido Acción Nacional», «PAN»). */
export const PARTY_MAX = 120;
export const PARTIES_MAX = 30;
/** Institutions taking part in one meeting (the Quinta Reunión had seven OPL). */
export const PARTNERS_MAX = 100;
export const AGREEMENT_NUMBER_MAX = 60;
export const AGREEMENT_TITLE_MAX = 500;
export const VOTE_MAX = 500;

/** Record ids in forms and URLs: cuid() and the seed's readable ids. */
export const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * An agreement number as the commission writes it: «INE/CVMRE-04SO». Upper case, no spaces around
 * the separators, so «ine/cvmre-04so » and «INE/CVMRE-04SO» are the same number.
 */
export function normalizeAgreementNumber(value: string): string {
  return value
    .normalize("NFC")
    .trim()
    .replace(/\s+/g, " ")
    .replace(/\s*([/-])\s*/g, "$1")
    .toUpperCase();
}

export const AGREEMENT_NUMBER_RE = /^[A-Z0-9][A-Z0-9/\-. ]*[A-Z0-9]$/;

/**
 * Political parties typed one per line: trimmed, inner spaces collapsed, each once however it is
 * capitalised (the first spelling wins), empty lines dropped.
 */
export function normalizeParties(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    const name = line.normalize("NFC").trim().replace(/\s+/g, " ");
    if (!name) continue;
    const key = name.toLocaleLowerCase("es-MX");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
