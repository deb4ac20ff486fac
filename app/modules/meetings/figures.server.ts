/**
 * The meetings figures of a month — the one definition the monthly report (2.1.1 and the parts of
 * 2.1.4) and its figures.json use (decisions 018, 024). A meeting belongs to the month of its
 * calendar date (heldOn, DATE) and is counted ONCE however many institutions, INE areas or
 * political parties took part. Agreements of the commission count in the month they were adopted
 * (status APPROVED), together with those adopted at the month's secretariat sessions.
 */
import { db } from "~/lib/db.server";
import type { IneArea, MeetingFormat, MeetingKind, ReportPart } from "~/generated/prisma/enums";

export type MeetingParticipantItem =
  | { type: "partner"; id: string; name: string; acronym: string | null; kind: string }
  | { type: "area"; area: IneArea }
  | { type: "party"; name: string };

export type AgreementItem = { id: string; number: string; adoptedOn: string; title: string; status: string; vote: string | null; meetingId: string | null };

export type MeetingItem = {
  id: string;
  kind: MeetingKind;
  /** YYYY-MM-DD (a calendar date). */
  heldOn: string;
  subject: string;
  summary: string | null;
  format: MeetingFormat;
  reportPart: ReportPart;
  participants: MeetingParticipantItem[];
  agreements: AgreementItem[];
};

export type MeetingCounts = { working_meetings: number; workshops: number; commission_sessions: number; council_sessions: number; other: number; total: number };

const ZERO: MeetingCounts = { working_meetings: 0, workshops: 0, commission_sessions: 0, council_sessions: 0, other: 0, total: 0 };

const KIND_KEY: Record<MeetingKind, keyof Omit<MeetingCounts, "total">> = {
  WORKING_MEETING: "working_meetings",
  WORKSHOP: "workshops",
  COMMISSION_SESSION: "commission_sessions",
  COUNCIL_SESSION: "council_sessions",
  OTHER: "other",
};

/** Counts of meetings by kind (each meeting once). */
export function countMeetings(meetings: Array<Pick<MeetingItem, "kind">>): MeetingCounts {
  return meetings.reduce(addCounts, ZERO);
}

function monthBounds(month: string): { first: Date; next: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const next = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1));
  return { first, next };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

const AGREEMENT_SELECT = { id: true, number: true, adoptedOn: true, title: true, status: true, vote: true, meetingId: true } as const;

function agreementItem(a: { id: string; number: string; adoptedOn: Date; title: string; status: string; vote: string | null; meetingId: string | null }): AgreementItem {
  return { ...a, adoptedOn: day(a.adoptedOn) };
}

export type MeetingFigures = Awaited<ReturnType<typeof meetingFiguresForMonth>>;

/**
 * The month's meetings (`range.month` = "2017-11"), in date order, each with its participants and
 * agreements; counts by report part and kind; and 2.1.1's figures: the SECRETARIAT meetings by kind
 * and the agreements adopted (in the month, or at those sessions).
 */
export async function meetingFiguresForMonth(range: { month: string }) {
  const { first, next } = monthBounds(range.month);
  const rows = await db.meeting.findMany({
    where: { heldOn: { gte: first, lt: next } },
    orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: 2000,
    select: {
      id: true,
      kind: true,
      heldOn: true,
      subject: true,
      summary: true,
      format: true,
      reportPart: true,
      participants: { orderBy: { id: "asc" }, select: { ineArea: true, politicalParty: true, partner: { select: { id: true, name: true, acronym: true, kind: true } } } },
      agreements: { orderBy: { number: "asc" }, select: AGREEMENT_SELECT },
    },
  });
  const meetings: MeetingItem[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    heldOn: day(r.heldOn),
    subject: r.subject,
    summary: r.summary,
    format: r.format,
    reportPart: r.reportPart,
    participants: r.participants.map((p): MeetingParticipantItem =>
      p.partner
        ? { type: "partner", id: p.partner.id, name: p.partner.name, acronym: p.partner.acronym, kind: p.partner.kind }
        : p.ineArea
          ? { type: "area", area: p.ineArea }
          : { type: "party", name: p.politicalParty ?? "" },
    ),
    agreements: r.agreements.map(agreementItem),
  }));

  const byPart = new Map<ReportPart, MeetingCounts>();
  for (const m of meetings) byPart.set(m.reportPart, addCounts(byPart.get(m.reportPart) ?? ZERO, m));

  const secretariat = meetings.filter((m) => m.reportPart === "SECRETARIAT");
  const sessionIds = secretariat.filter((m) => m.kind === "COMMISSION_SESSION").map((m) => m.id);
  const adopted = await db.commissionAgreement.findMany({
    where: { status: "APPROVED", OR: [{ adoptedOn: { gte: first, lt: next } }, ...(sessionIds.length ? [{ meetingId: { in: sessionIds } }] : [])] },
    orderBy: [{ adoptedOn: "asc" }, { number: "asc" }],
    select: AGREEMENT_SELECT,
    take: 500,
  });
  const counts = countMeetings(secretariat);
  return {
    month: range.month,
    meetings,
    byPart: Object.fromEntries(byPart) as Partial<Record<ReportPart, MeetingCounts>>,
    secretariat: {
      working_meetings: counts.working_meetings,
      workshops: counts.workshops,
      commission_sessions: counts.commission_sessions,
      agreements: adopted.length,
    },
    agreements: adopted.map(agreementItem),
  };
}

function addCounts(c: MeetingCounts, m: Pick<MeetingItem, "kind">): MeetingCounts {
  return { ...c, [KIND_KEY[m.kind]]: c[KIND_KEY[m.kind]] + 1, total: c.total + 1 };
}
