/**
 * A meeting, workshop or session and who took part: partner institutions, INE areas and political
 * parties, each once (merged here, refused by the table's unique keys and a trigger that wants
 * exactly one kind per participant). One record however many took part: the report counts it
 * once, each institution's timeline shows it. Every change is audited in its transaction.
 */
import type { MeetingKind, PartnerKind, ReportPart } from "~/generated/prisma/enums";
import { db, Prisma } from "~/lib/db.server";
import { transactionOr } from "~/modules/partners/index.server";
import { decodeCursor, encodeCursor, likeContains } from "~/lib/paging.server";
import { audit, diff, type AuditActor } from "~/modules/audit/index.server";
import { PARTNER_SEARCH_EXPR, partnerSearchWords } from "~/modules/partners/index.server";
import { INE_AREAS, type IneArea } from "~/modules/reports";
import { MeetingError } from "./errors";
import { normalizeParties } from "./fields";
import { defaultMeetingReportPart } from "./report-part";
import type { MeetingInput } from "./schema";

export { MeetingError } from "./errors";

type Tx = Prisma.TransactionClient;

export const MEETINGS_PAGE_SIZE = 50;

const day = (d: Date) => d.toISOString().slice(0, 10);
const dateOnly = (value: string) => new Date(`${value}T00:00:00.000Z`);

/** Participants as stored: each institution, area and party once, in a stable order. */
export function normalizeParticipants(input: Pick<MeetingInput, "partnerIds" | "ineAreas" | "politicalParties">) {
  return {
    partnerIds: [...new Set(input.partnerIds)],
    ineAreas: INE_AREAS.filter((a) => input.ineAreas.includes(a)),
    politicalParties: normalizeParties(input.politicalParties),
  };
}

async function partnerKindsOf(tx: Tx, ids: string[]): Promise<PartnerKind[]> {
  if (!ids.length) return [];
  const found = await tx.partner.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true } });
  if (found.length !== ids.length) throw new MeetingError("partnerNotFound");
  return found.map((p) => p.kind);
}

async function writeParticipants(tx: Tx, meetingId: string, p: ReturnType<typeof normalizeParticipants>) {
  const rows: Prisma.MeetingParticipantCreateManyInput[] = [
    ...p.partnerIds.map((partnerId) => ({ meetingId, partnerId })),
    ...p.ineAreas.map((ineArea) => ({ meetingId, ineArea })),
    ...p.politicalParties.map((politicalParty) => ({ meetingId, politicalParty })),
  ];
  if (rows.length) await tx.meetingParticipant.createMany({ data: rows });
}

function auditedFields(input: MeetingInput, reportPart: ReportPart, p: ReturnType<typeof normalizeParticipants>) {
  return {
    kind: input.kind,
    heldOn: input.heldOn,
    subject: input.subject,
    summary: input.summary,
    format: input.format,
    reportPart,
    partnerIds: p.partnerIds,
    ineAreas: p.ineAreas,
    politicalParties: p.politicalParties,
  };
}

/** The stored report part: the one chosen, or the default rule over the participants. */
function chosenPart(input: MeetingInput, partnerKinds: PartnerKind[], p: ReturnType<typeof normalizeParticipants>): ReportPart {
  return input.reportPart ?? defaultMeetingReportPart({ kind: input.kind, partnerKinds, ineAreas: p.ineAreas, politicalParties: p.politicalParties });
}

export async function createMeeting(actor: AuditActor, input: MeetingInput) {
  const p = normalizeParticipants(input);
  return transactionOr(() => new MeetingError("duplicateParticipant"), async (tx) => {
    const partnerKinds = await partnerKindsOf(tx, p.partnerIds);
    const reportPart = chosenPart(input, partnerKinds, p);
    const meeting = await tx.meeting.create({
      data: {
        kind: input.kind,
        heldOn: dateOnly(input.heldOn),
        subject: input.subject,
        summary: input.summary,
        format: input.format,
        reportPart,
        createdById: actor.userId,
      },
    });
    await writeParticipants(tx, meeting.id, p);
    await audit(actor, { action: "meeting.create", entity: "meeting", entityId: meeting.id, after: auditedFields(input, reportPart, p) }, tx);
    return meeting;
  });
}

export async function updateMeeting(actor: AuditActor, id: string, input: MeetingInput) {
  const p = normalizeParticipants(input);
  return transactionOr(() => new MeetingError("duplicateParticipant"), async (tx) => {
    const before = await tx.meeting.findUnique({ where: { id }, include: { participants: true, _count: { select: { agreements: true } } } });
    if (!before) throw new MeetingError("notFound");
    if (before.kind === "COMMISSION_SESSION" && input.kind !== "COMMISSION_SESSION" && before._count.agreements > 0) throw new MeetingError("hasAgreements");
    const partnerKinds = await partnerKindsOf(tx, p.partnerIds);
    const reportPart = chosenPart(input, partnerKinds, p);
    const old = {
      kind: before.kind,
      heldOn: day(before.heldOn),
      subject: before.subject,
      summary: before.summary,
      format: before.format,
      reportPart: before.reportPart,
      ...normalizeParticipants({
        partnerIds: before.participants.flatMap((x) => (x.partnerId ? [x.partnerId] : [])),
        ineAreas: before.participants.flatMap((x) => (x.ineArea ? [x.ineArea] : [])),
        politicalParties: before.participants.flatMap((x) => (x.politicalParty ? [x.politicalParty] : [])),
      }),
    };
    const next = auditedFields(input, reportPart, p);
    // Lists compare as sets: ticking the same institutions in another order is no change.
    const sorted = (o: typeof old) => ({ ...o, partnerIds: [...o.partnerIds].sort(), politicalParties: [...o.politicalParties].sort() });
    const change = diff(sorted(old) as Record<string, unknown>, sorted(next));
    if (!change.changed) return before;
    const meeting = await tx.meeting.update({
      where: { id },
      data: { kind: input.kind, heldOn: dateOnly(input.heldOn), subject: input.subject, summary: input.summary, format: input.format, reportPart },
    });
    await tx.meetingParticipant.deleteMany({ where: { meetingId: id } });
    await writeParticipants(tx, id, p);
    await audit(actor, { action: "meeting.update", entity: "meeting", entityId: id, before: change.before, after: change.after }, tx);
    return meeting;
  });
}

/** What deleting a meeting takes with it, for the confirmation (decision 023). */
export async function meetingDeletionImpact(id: string) {
  const meeting = await db.meeting.findUnique({
    where: { id },
    select: { id: true, subject: true, _count: { select: { participants: true, agreements: true, followUps: true } } },
  });
  if (!meeting) throw new MeetingError("notFound");
  return { id: meeting.id, subject: meeting.subject, participants: meeting._count.participants, agreements: meeting._count.agreements, followUps: meeting._count.followUps };
}

/**
 * Deletes a meeting and its participants; its agreements and follow-ups stay (without the link).
 * `confirmed` carries the counts the person saw: if they changed meanwhile, nothing happens.
 */
export async function deleteMeeting(actor: AuditActor, id: string, confirmed?: { participants: number; agreements: number }) {
  return db.$transaction(async (tx) => {
    const before = await tx.meeting.findUnique({ where: { id }, include: { participants: true, _count: { select: { agreements: true } } } });
    if (!before) throw new MeetingError("notFound");
    if (confirmed && (confirmed.participants !== before.participants.length || confirmed.agreements !== before._count.agreements)) return { deleted: false as const };
    await tx.meeting.delete({ where: { id } });
    await audit(
      actor,
      {
        action: "meeting.delete",
        entity: "meeting",
        entityId: id,
        before: {
          kind: before.kind,
          heldOn: day(before.heldOn),
          subject: before.subject,
          reportPart: before.reportPart,
          participants: before.participants.map((x) => x.partnerId ?? x.ineArea ?? x.politicalParty),
        },
      },
      tx,
    );
    return { deleted: true as const };
  });
}

// ── Reading ────────────────────────────────────────────────────────────────────────────────────

export async function meetingExists(id: string): Promise<boolean> {
  return (await db.meeting.count({ where: { id } })) > 0;
}

export type MeetingParticipants = {
  partners: Array<{ id: string; name: string; acronym: string | null; kind: PartnerKind }>;
  ineAreas: IneArea[];
  politicalParties: string[];
};

type ParticipantRow = { partnerId: string | null; ineArea: IneArea | null; politicalParty: string | null; partner: { id: string; name: string; acronym: string | null; kind: PartnerKind } | null };

function participantsOf(rows: ParticipantRow[]): MeetingParticipants {
  const partners = rows.flatMap((r) => (r.partner ? [r.partner] : [])).sort((a, b) => a.name.localeCompare(b.name, "es-MX"));
  const areas = new Set(rows.flatMap((r) => (r.ineArea ? [r.ineArea] : [])));
  return {
    partners,
    ineAreas: INE_AREAS.filter((a) => areas.has(a)),
    politicalParties: rows.flatMap((r) => (r.politicalParty ? [r.politicalParty] : [])).sort((a, b) => a.localeCompare(b, "es-MX")),
  };
}

const participantSelect = {
  partnerId: true,
  ineArea: true,
  politicalParty: true,
  partner: { select: { id: true, name: true, acronym: true, kind: true } },
} as const;

/** One meeting with its participants, a session's agreements and the follow-ups that hang from it. */
export async function getMeeting(id: string) {
  const m = await db.meeting.findUnique({
    where: { id },
    include: {
      participants: { select: participantSelect },
      agreements: { select: { id: true, number: true, adoptedOn: true, title: true, status: true }, orderBy: [{ number: "asc" }] },
      followUps: {
        select: { id: true, title: true, dueOn: true, state: true, partner: { select: { id: true, name: true } }, owner: { select: { id: true, name: true } } },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
        take: 200,
      },
    },
  });
  if (!m) return null;
  const participants = participantsOf(m.participants);
  return {
    id: m.id,
    kind: m.kind,
    heldOn: day(m.heldOn),
    subject: m.subject,
    summary: m.summary,
    format: m.format,
    reportPart: m.reportPart,
    defaultReportPart: defaultMeetingReportPart({
      kind: m.kind,
      partnerKinds: participants.partners.map((p) => p.kind),
      ineAreas: participants.ineAreas,
      politicalParties: participants.politicalParties,
    }),
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    participants,
    agreements: m.agreements.map((a) => ({ ...a, adoptedOn: day(a.adoptedOn) })),
    followUps: m.followUps.map((f) => ({ ...f, dueOn: day(f.dueOn) })),
  };
}
export type MeetingView = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

export type MeetingFilter = { month?: string; kind?: MeetingKind; reportPart?: ReportPart };

export type MeetingListRow = {
  id: string;
  kind: MeetingKind;
  heldOn: string;
  subject: string;
  format: string;
  reportPart: ReportPart;
  participantCount: number;
  participants: MeetingParticipants;
  agreementCount: number;
};

function parseMeetingCursor(cursor: string | null | undefined): [string, string] | null {
  const v = decodeCursor(cursor, 2);
  if (!v || typeof v[0] !== "string" || typeof v[1] !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v[0]) || v[1].length > 64) return null;
  if (Number.isNaN(Date.parse(`${v[0]}T00:00:00Z`))) return null;
  return [v[0], v[1]];
}

function monthBounds(month: string): { gte: Date; lt: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { gte: new Date(Date.UTC(y, m - 1, 1)), lt: new Date(Date.UTC(y, m, 1)) };
}

/**
 * Newest first, keyset-paged by (heldOn desc, id desc): one row comparison over the index
 * Meeting_heldOn_id_idx picks the page's ids (an OR of the two columns would scan from the top),
 * then their participants come in one query.
 */
export async function listMeetings(filter: MeetingFilter, cursor?: string | null, pageSize = MEETINGS_PAGE_SIZE) {
  const after = parseMeetingCursor(cursor);
  const where: Prisma.Sql[] = [];
  if (filter.month) {
    const { gte, lt } = monthBounds(filter.month);
    where.push(Prisma.sql`m."heldOn" >= ${day(gte)}::date AND m."heldOn" < ${day(lt)}::date`);
  }
  if (filter.kind) where.push(Prisma.sql`m."kind" = ${filter.kind}::"MeetingKind"`);
  if (filter.reportPart) where.push(Prisma.sql`m."reportPart" = ${filter.reportPart}::"ReportPart"`);
  if (after) where.push(Prisma.sql`(m."heldOn", m."id") < (${after[0]}::date, ${after[1]}::text)`);
  const ids = await db.$queryRaw<Array<{ id: string }>>`
    SELECT m."id" FROM "Meeting" m
    WHERE ${where.length ? Prisma.join(where, " AND ") : Prisma.sql`TRUE`}
    ORDER BY m."heldOn" DESC, m."id" DESC
    LIMIT ${pageSize + 1}`;
  const pageIds = ids.slice(0, pageSize).map((r) => r.id);
  const found = await db.meeting.findMany({
    where: { id: { in: pageIds } },
    orderBy: [{ heldOn: "desc" }, { id: "desc" }],
    include: { participants: { select: participantSelect }, _count: { select: { agreements: true } } },
  });
  const last = found[found.length - 1];
  const rows: MeetingListRow[] = found.map((m) => ({
    id: m.id,
    kind: m.kind,
    heldOn: day(m.heldOn),
    subject: m.subject,
    format: m.format,
    reportPart: m.reportPart,
    participantCount: m.participants.length,
    participants: participantsOf(m.participants),
    agreementCount: m._count.agreements,
  }));
  return { rows, nextCursor: ids.length > pageSize && last ? encodeCursor([day(last.heldOn), last.id]) : null };
}

// ── Choosing institutions (the form's search, which works without JavaScript) ──────────────────

export type PartnerChoice = { id: string; name: string; acronym: string | null; kind: PartnerKind };

/** The chosen institutions, by name (unknown ids are dropped: the save refuses them). */
export async function partnersByIds(ids: readonly string[]): Promise<PartnerChoice[]> {
  if (!ids.length) return [];
  const rows = await db.partner.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, acronym: true, kind: true } });
  return rows.sort((a, b) => a.name.localeCompare(b.name, "es-MX"));
}

/** Institutions whose name or acronym holds every word of `q` (accent- and case-blind), by name. */
export async function searchPartnerChoices(q: string | null | undefined, limit = 25): Promise<PartnerChoice[]> {
  const words = partnerSearchWords(q);
  if (!words) return [];
  const parts = [
    ...words.long.map((w) => Prisma.sql`${PARTNER_SEARCH_EXPR} LIKE ${likeContains(w)}`),
    ...words.short.map((w) => Prisma.sql`strpos(${PARTNER_SEARCH_EXPR}, ${w}) > 0`),
  ];
  return db.$queryRaw<PartnerChoice[]>`
    SELECT p."id", p."name", p."acronym", p."kind"::text AS "kind" FROM "Partner" p
    WHERE ${Prisma.join(parts, " AND ")}
    ORDER BY search_text(p."name"), p."id" LIMIT ${Math.min(Math.max(limit, 1), 100)}`;
}
