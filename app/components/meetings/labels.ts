/** Small text helpers and badge tones of the meetings area (client-safe). */
import { toneMap } from "~/components/ui";
import type { T } from "~/i18n";
import type { MeetingParticipants } from "~/modules/meetings/index.server";

export { formatDay } from "~/components/partners/labels";

/** An institution as named in lists: its acronym when it has one, else its name. */
export function shortPartnerName(p: { name: string; acronym: string | null }): string {
  return p.acronym || p.name;
}

/** Every participant's label, institutions first, then INE areas (their acronym), then parties. */
export function participantLabels(p: MeetingParticipants, t: T, short = false): string[] {
  return [
    ...p.partners.map((x) => (short ? shortPartnerName(x) : x.acronym ? `${x.name} (${x.acronym})` : x.name)),
    ...p.ineAreas.map((a) => (short ? (t(`ineArea.${a}`).split(" — ")[0] ?? a) : t(`ineArea.${a}`))),
    ...p.politicalParties,
  ];
}

export const AGREEMENT_STATUS_TONES = toneMap({ PROPOSED: "info", APPROVED: "success", REJECTED: "danger", WITHDRAWN: "neutral" });
