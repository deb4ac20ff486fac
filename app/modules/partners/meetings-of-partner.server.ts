/**
 * The meetings an institution took part in, for its timeline (here, in the partners area, so that
 * meetings may import partners and not the other way round): each meeting once,
 * however many took part, with the other participants named — institutions, INE areas and
 * political parties (MeetingParticipant holds exactly one of them per row). Read-only; the
 * meetings module owns creating and editing them.
 */
import { db } from "~/lib/db.server";
import type { IneArea, MeetingFormat, MeetingKind, ReportPart } from "~/generated/prisma/enums";
import { compareEs } from "~/lib/collate";

export type MeetingParticipantView =
  | { kind: "partner"; id: string; name: string; acronym: string | null }
  | { kind: "ineArea"; area: IneArea }
  | { kind: "politicalParty"; name: string };

export type PartnerMeeting = {
  id: string;
  /** Calendar date, "YYYY-MM-DD". */
  heldOn: string;
  kind: MeetingKind;
  subject: string;
  format: MeetingFormat;
  reportPart: ReportPart;
  /** Everyone else who took part (institutions by name, then INE areas, then parties). */
  others: MeetingParticipantView[];
};

export type MeetingsOfPartnerOptions = {
  /** At most this many, newest first (default 300). */
  limit?: number;
  /** Inclusive calendar-date bounds ("YYYY-MM-DD"). */
  from?: string;
  to?: string;
};

const day = (d: Date) => d.toISOString().slice(0, 10);
const dateOnly = (s: string) => new Date(`${s}T00:00:00.000Z`);

/** The institution's meetings, newest first (by date, then id), each with its other participants. */
export async function meetingsOfPartner(partnerId: string, opts: MeetingsOfPartnerOptions = {}): Promise<PartnerMeeting[]> {
  const heldOn = {
    ...(opts.from ? { gte: dateOnly(opts.from) } : {}),
    ...(opts.to ? { lte: dateOnly(opts.to) } : {}),
  };
  const rows = await db.meeting.findMany({
    where: { participants: { some: { partnerId } }, ...(opts.from || opts.to ? { heldOn } : {}) },
    select: {
      id: true,
      heldOn: true,
      kind: true,
      subject: true,
      format: true,
      reportPart: true,
      participants: {
        select: { partnerId: true, ineArea: true, politicalParty: true, partner: { select: { id: true, name: true, acronym: true } } },
        orderBy: { id: "asc" },
      },
    },
    orderBy: [{ heldOn: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(opts.limit ?? 300, 1), 1000),
  });
  return rows.map((m) => {
    const partners: MeetingParticipantView[] = [];
    const areas: MeetingParticipantView[] = [];
    const parties: MeetingParticipantView[] = [];
    for (const p of m.participants) {
      if (p.partner && p.partnerId !== partnerId) partners.push({ kind: "partner", id: p.partner.id, name: p.partner.name, acronym: p.partner.acronym });
      else if (p.ineArea) areas.push({ kind: "ineArea", area: p.ineArea });
      else if (p.politicalParty) parties.push({ kind: "politicalParty", name: p.politicalParty });
    }
    partners.sort((a, b) => (a.kind === "partner" && b.kind === "partner" ? compareEs(a.name, b.name) : 0));
    return { id: m.id, heldOn: day(m.heldOn), kind: m.kind, subject: m.subject, format: m.format, reportPart: m.reportPart, others: [...partners, ...areas, ...parties] };
  });
}
