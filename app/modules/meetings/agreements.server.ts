/**
 * The commission's agreements (INE/CVMRE-04SO): adopted at a session (a meeting of kind
 * COMMISSION_SESSION), numbered once, and linked from what they decide — the jurors they
 * designated, the monthly report they approved. Every change is audited in its transaction.
 */
import { db, Prisma } from "~/lib/db.server";
import { transactionOr } from "~/modules/partners/index.server";
import { decodeCursor, encodeCursor } from "~/lib/paging.server";
import { audit, diff, type AuditActor } from "~/modules/audit/index.server";
import { MeetingError } from "./errors";
import { normalizeAgreementNumber } from "./fields";
import type { AgreementInput } from "./schema";
import type { CommissionAgreementStatus, IneArea } from "~/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

export const AGREEMENTS_PAGE_SIZE = 50;

const day = (d: Date) => d.toISOString().slice(0, 10);
const dateOnly = (value: string) => new Date(`${value}T00:00:00.000Z`);

/** Another agreement with this number (compared case-blind), if any. */
async function numberTaken(tx: Tx, number: string, exceptId?: string): Promise<string | null> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "CommissionAgreement" WHERE upper("number") = upper(${number})
    ${exceptId ? Prisma.sql`AND "id" <> ${exceptId}` : Prisma.empty} LIMIT 1`;
  return rows[0]?.id ?? null;
}

async function checkSession(tx: Tx, meetingId: string | null) {
  if (!meetingId) return;
  const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { kind: true } });
  if (!meeting) throw new MeetingError("sessionNotFound");
  if (meeting.kind !== "COMMISSION_SESSION") throw new MeetingError("notASession");
}

function stored(input: AgreementInput) {
  return {
    number: normalizeAgreementNumber(input.number),
    adoptedOn: input.adoptedOn,
    title: input.title,
    status: input.status,
    ownerArea: input.ownerArea,
    vote: input.vote,
    meetingId: input.meetingId,
  };
}

export async function createAgreement(actor: AuditActor, input: AgreementInput) {
  const values = stored(input);
  return transactionOr(() => new MeetingError("numberTaken"), async (tx) => {
    const existing = await numberTaken(tx, values.number);
    if (existing) throw new MeetingError("numberTaken", existing);
    await checkSession(tx, values.meetingId);
    const agreement = await tx.commissionAgreement.create({ data: { ...values, adoptedOn: dateOnly(values.adoptedOn), createdById: actor.userId } });
    await audit(actor, { action: "commissionAgreement.create", entity: "commissionAgreement", entityId: agreement.id, after: values }, tx);
    return agreement;
  });
}

export async function updateAgreement(actor: AuditActor, id: string, input: AgreementInput) {
  const values = stored(input);
  return transactionOr(() => new MeetingError("numberTaken"), async (tx) => {
    const before = await tx.commissionAgreement.findUnique({ where: { id } });
    if (!before) throw new MeetingError("agreementNotFound");
    const existing = await numberTaken(tx, values.number, id);
    if (existing) throw new MeetingError("numberTaken", existing);
    await checkSession(tx, values.meetingId);
    const change = diff({ ...before, adoptedOn: day(before.adoptedOn) } as Record<string, unknown>, values);
    if (!change.changed) return before;
    const agreement = await tx.commissionAgreement.update({ where: { id }, data: { ...values, adoptedOn: dateOnly(values.adoptedOn) } });
    await audit(actor, { action: "commissionAgreement.update", entity: "commissionAgreement", entityId: id, before: change.before, after: change.after }, tx);
    return agreement;
  });
}

/** What deleting an agreement would unlink, for the confirmation (decision 023). */
export async function agreementDeletionImpact(id: string) {
  const a = await db.commissionAgreement.findUnique({ where: { id }, select: { id: true, number: true, _count: { select: { juryMembers: true, approvedReports: true } } } });
  if (!a) throw new MeetingError("agreementNotFound");
  return { id: a.id, number: a.number, jurors: a._count.juryMembers, reports: a._count.approvedReports };
}

/**
 * Deletes an agreement; the jurors it designated keep their designation (reference and date) but
 * lose the link. One that approved a monthly report cannot go (the approval line prints it).
 * `confirmed` carries the juror count the person saw: if it changed, nothing happens.
 */
export async function deleteAgreement(actor: AuditActor, id: string, confirmed?: { jurors: number }) {
  return db.$transaction(async (tx) => {
    const before = await tx.commissionAgreement.findUnique({ where: { id }, include: { _count: { select: { juryMembers: true, approvedReports: true } } } });
    if (!before) throw new MeetingError("agreementNotFound");
    if (before._count.approvedReports > 0) throw new MeetingError("agreementInUse");
    if (confirmed && confirmed.jurors !== before._count.juryMembers) return { deleted: false as const };
    await tx.commissionAgreement.delete({ where: { id } });
    await audit(
      actor,
      { action: "commissionAgreement.delete", entity: "commissionAgreement", entityId: id, before: { number: before.number, adoptedOn: day(before.adoptedOn), title: before.title, meetingId: before.meetingId } },
      tx,
    );
    return { deleted: true as const };
  });
}

/**
 * Links jurors to the agreement that designated them: JuryMember ids, or a contest's jurors by user
 * id. A juror with no designation date takes the agreement's; one with no reference, its number.
 */
export async function linkJurorsToAgreement(actor: AuditActor, agreementId: string, members: readonly string[] | { contestId: string; userIds: readonly string[] }) {
  return db.$transaction(async (tx) => {
    const agreement = await tx.commissionAgreement.findUnique({ where: { id: agreementId } });
    if (!agreement) throw new MeetingError("agreementNotFound");
    const where: Prisma.JuryMemberWhereInput = Array.isArray(members)
      ? { id: { in: [...new Set(members as readonly string[])] } }
      : { contestId: (members as { contestId: string }).contestId, userId: { in: [...new Set((members as { userIds: readonly string[] }).userIds)] } };
    const wanted = Array.isArray(members) ? new Set(members).size : new Set((members as { userIds: readonly string[] }).userIds).size;
    const found = await tx.juryMember.findMany({ where, select: { id: true, contestId: true, userId: true, agreementId: true, designatedOn: true, designationRef: true } });
    if (found.length !== wanted) throw new MeetingError("jurorNotFound");
    const changed = found.filter((m) => m.agreementId !== agreementId || !m.designatedOn || !m.designationRef);
    for (const m of changed) {
      await tx.juryMember.update({
        where: { id: m.id },
        data: { agreementId, designatedOn: m.designatedOn ?? agreement.adoptedOn, designationRef: m.designationRef ?? agreement.number },
      });
    }
    if (changed.length) {
      await audit(
        actor,
        {
          action: "commissionAgreement.linkJurors",
          entity: "commissionAgreement",
          entityId: agreementId,
          before: changed.map((m) => ({ juryMemberId: m.id, agreementId: m.agreementId })),
          after: { number: agreement.number, juryMemberIds: changed.map((m) => m.id) },
        },
        tx,
      );
    }
    return { linked: changed.length };
  });
}

// ── Reading ────────────────────────────────────────────────────────────────────────────────────

export async function agreementExists(id: string): Promise<boolean> {
  return (await db.commissionAgreement.count({ where: { id } })) > 0;
}

/** What the list and the page both show of an agreement. */
function agreementHead(a: { id: string; number: string; adoptedOn: Date; title: string; status: CommissionAgreementStatus; ownerArea: IneArea | null }) {
  return { id: a.id, number: a.number, adoptedOn: day(a.adoptedOn), title: a.title, status: a.status, ownerArea: a.ownerArea };
}

export async function getAgreement(id: string) {
  const a = await db.commissionAgreement.findUnique({
    where: { id },
    include: {
      meeting: { select: { id: true, heldOn: true, subject: true, kind: true } },
      juryMembers: {
        select: { id: true, designationRef: true, designatedOn: true, user: { select: { id: true, name: true } }, contest: { select: { id: true, name: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 500,
      },
      approvedReports: { select: { id: true, month: true, version: true }, orderBy: [{ month: "asc" }, { version: "asc" }] },
    },
  });
  if (!a) return null;
  return {
    ...agreementHead(a),
    vote: a.vote,
    meetingId: a.meetingId,
    meeting: a.meeting ? { ...a.meeting, heldOn: day(a.meeting.heldOn) } : null,
    jurors: a.juryMembers.map((m) => ({ id: m.id, name: m.user.name, userId: m.user.id, contest: m.contest, designatedOn: m.designatedOn ? day(m.designatedOn) : null })),
    approvedReports: a.approvedReports,
  };
}
export type AgreementView = NonNullable<Awaited<ReturnType<typeof getAgreement>>>;

function parseCursor(cursor: string | null | undefined): [string, string] | null {
  const v = decodeCursor(cursor, 2);
  if (!v || typeof v[0] !== "string" || typeof v[1] !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v[0]) || v[1].length > 64) return null;
  if (Number.isNaN(Date.parse(`${v[0]}T00:00:00Z`))) return null;
  return [v[0], v[1]];
}

/** Newest first, keyset-paged by (adoptedOn desc, id desc); `year` narrows to one year. */
export async function listAgreements(filter: { year?: number } = {}, cursor?: string | null, pageSize = AGREEMENTS_PAGE_SIZE) {
  const after = parseCursor(cursor);
  const where: Prisma.CommissionAgreementWhereInput = {
    ...(filter.year ? { adoptedOn: { gte: new Date(Date.UTC(filter.year, 0, 1)), lt: new Date(Date.UTC(filter.year + 1, 0, 1)) } } : {}),
    ...(after ? { OR: [{ adoptedOn: { lt: dateOnly(after[0]) } }, { adoptedOn: dateOnly(after[0]), id: { lt: after[1] } }] } : {}),
  };
  const found = await db.commissionAgreement.findMany({
    where,
    orderBy: [{ adoptedOn: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    include: { meeting: { select: { id: true, subject: true, heldOn: true } }, _count: { select: { juryMembers: true } } },
  });
  const page = found.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    rows: page.map((a) => ({
      ...agreementHead(a),
      meeting: a.meeting ? { id: a.meeting.id, subject: a.meeting.subject, heldOn: day(a.meeting.heldOn) } : null,
      jurors: a._count.juryMembers,
    })),
    nextCursor: found.length > pageSize && last ? encodeCursor([day(last.adoptedOn), last.id]) : null,
  };
}

/** Agreements for a select (the jury's designation): newest first. */
export async function agreementChoices(limit = 500) {
  const rows = await db.commissionAgreement.findMany({
    orderBy: [{ adoptedOn: "desc" }, { number: "asc" }],
    select: { id: true, number: true, adoptedOn: true, title: true },
    take: limit,
  });
  return rows.map((a) => ({ ...a, adoptedOn: day(a.adoptedOn) }));
}

/** Commission sessions for the agreement form's select: newest first. */
export async function sessionChoices(limit = 500) {
  const rows = await db.meeting.findMany({
    where: { kind: "COMMISSION_SESSION" },
    orderBy: [{ heldOn: "desc" }, { id: "desc" }],
    select: { id: true, heldOn: true, subject: true },
    take: limit,
  });
  return rows.map((m) => ({ ...m, heldOn: day(m.heldOn) }));
}
