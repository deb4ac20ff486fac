/** Page titles and small text helpers of the meetings area (client-safe). */
import type { T } from "~/i18n";
import type { MeetingParticipants } from "~/modules/meetings/meeting.server";

export { partnersTitle as meetingsTitle, formatDay } from "~/components/partners/labels";

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
