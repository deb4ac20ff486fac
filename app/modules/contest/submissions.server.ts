/**
 * Submissions: what arrives (the organisation, picked or created inline as a civil-society
 * partner), its documents, its documentary review and its status, which moves only as
 * rules.ts allows. Every move writes a SubmissionStatusChange and an audit entry in one transaction.
 */
import { db, Prisma } from "~/lib/db.server";
import { audit, diff, type AuditActor } from "~/modules/audit/index.server";
import { storeUpload } from "~/modules/files/index.server";
import { KIND_GROUPS } from "~/modules/files";
import { addPerson, createPartner, PartnerError } from "~/modules/partners/index.server";
import { subdivisionName } from "~/modules/geo";
import type { SubmissionStatus } from "~/generated/prisma/client";
import { contestFrame, type Actor } from "./contest.server";
import { ContestError } from "./errors";
import { isLate, OPEN_REVIEW_STATUSES, refuseMove, requiredAllMet } from "./rules";

export { OPEN_REVIEW_STATUSES };
import type { CheckInput, SubmissionEdit, SubmissionFilter, SubmissionInput } from "./schema";
import { compareEs } from "~/lib/collate";

type Tx = Prisma.TransactionClient;

export const SUBMISSIONS_PAGE_SIZE = 50;

// ── Organisations ──────────────────────────────────────────────────────────────────────────────

/** The civil-society partners a picker offers: by name, at most 1000. */
const ORGANISATION_PICK = { where: { kind: "CIVIL_SOCIETY" }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 1000 } satisfies Prisma.PartnerFindManyArgs;

/** The same partners as organisationChoices, id and name only (no people), for a plain select. */
export async function organisationOptions(): Promise<Array<{ id: string; name: string }>> {
  return db.partner.findMany({ ...ORGANISATION_PICK, select: { id: true, name: true } });
}

/** Civil-society partners and their people, for the submission form's pickers. */
export async function organisationChoices() {
  const rows = await db.partner.findMany({
    ...ORGANISATION_PICK,
    select: {
      id: true,
      name: true,
      state: true,
      city: true,
      people: { select: { id: true, name: true, email: true, contact: { select: { email: true, givenName: true, familyName: true } } }, orderBy: { createdAt: "asc" }, take: 20 },
    },
  });
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    place: [p.city, subdivisionName(p.state)].filter(Boolean).join(", "),
    people: p.people.map((person) => ({
      id: person.id,
      name: person.contact ? [person.contact.givenName, person.contact.familyName].filter(Boolean).join(" ") || person.contact.email : (person.name ?? ""),
      email: person.contact?.email ?? person.email,
    })),
  }));
}

/** The organisation of a new submission: an existing civil-society partner, or one created now. */
async function resolveOrganisation(actor: AuditActor, input: SubmissionInput): Promise<{ partnerId: string; contactPersonId: string | null }> {
  if (input.partnerMode === "existing") {
    const partner = await db.partner.findUnique({ where: { id: input.partnerId! }, select: { id: true, kind: true, people: { select: { id: true, email: true, contactId: true }, orderBy: { createdAt: "asc" } } } });
    if (!partner) throw new ContestError("partnerNotFound", "partnerId");
    if (partner.kind !== "CIVIL_SOCIETY") throw new ContestError("partnerNotCivilSociety", "partnerId");
    if (input.contactPersonId) {
      if (!partner.people.some((p) => p.id === input.contactPersonId)) throw new ContestError("personNotFound", "contactPersonId");
      return { partnerId: partner.id, contactPersonId: input.contactPersonId };
    }
    const withEmail = partner.people.find((p) => p.email || p.contactId) ?? partner.people[0];
    return { partnerId: partner.id, contactPersonId: withEmail?.id ?? null };
  }
  // A new organisation through the partners module (its rules, its audit).
  let partnerId: string;
  try {
    const partner = await createPartner(actor, {
      name: input.orgName!,
      acronym: null,
      kind: "CIVIL_SOCIETY",
      parentId: null,
      country: "US",
      state: input.orgState,
      city: input.orgCity,
      website: null,
      tags: ["concurso"],
      status: "ACTIVE",
      notes: null,
    });
    partnerId = partner.id;
  } catch (error) {
    if (error instanceof PartnerError && error.code === "nameTaken") throw new ContestError("orgNameTaken", "orgName");
    throw error;
  }
  const person = await addPerson(actor, partnerId, { contactEmail: null, name: input.contactName, position: null, email: input.contactEmail, phone: input.contactPhone });
  return { partnerId, contactPersonId: person.id };
}

async function nextFolio(tx: Tx, contestId: string, year: number): Promise<string> {
  const count = await tx.submission.count({ where: { contestId } });
  for (let n = count + 1; ; n++) {
    const folio = `OSC-${year}-${String(n).padStart(3, "0")}`;
    const taken = await tx.submission.findUnique({ where: { contestId_folio: { contestId, folio } }, select: { id: true } });
    if (!taken) return folio;
  }
}

export async function createSubmission(actor: Actor, contestId: string, input: SubmissionInput, opts: { folio?: string } = {}) {
  const contest = await db.contest.findUnique({ where: { id: contestId }, select: { id: true, submissionsCloseAt: true } });
  if (!contest) throw new ContestError("notFound");
  const org = await resolveOrganisation(actor, input);
  const late = isLate(input.receivedAt, contest.submissionsCloseAt);
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`contest-folio:${contestId}`}))`;
      const folio = opts.folio ?? (await nextFolio(tx, contestId, input.receivedAt.getUTCFullYear()));
      const submission = await tx.submission.create({
        data: {
          contestId,
          folio,
          partnerId: org.partnerId,
          contactPersonId: org.contactPersonId,
          title: input.title,
          summary: input.summary,
          targetCommunities: input.targetCommunities,
          targetCities: input.targetCities,
          requestedBudget: input.requestedBudget ? new Prisma.Decimal(input.requestedBudget) : null,
          receivedAt: input.receivedAt,
          channel: input.channel,
          late,
          createdById: actor.userId,
        },
      });
      await tx.submissionStatusChange.create({ data: { submissionId: submission.id, from: null, to: "RECEIVED", byId: actor.userId, at: input.receivedAt, reason: late ? "late" : null } });
      const requirements = await tx.requirement.findMany({ where: { contestId }, select: { id: true } });
      if (requirements.length) await tx.requirementCheck.createMany({ data: requirements.map((r) => ({ submissionId: submission.id, requirementId: r.id })) });
      await audit(
        actor,
        { action: "contest.submission.create", entity: "submission", entityId: submission.id, after: { contestId, folio, ...org, title: input.title, receivedAt: input.receivedAt, channel: input.channel, late } },
        tx,
      );
      return submission;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ContestError("folioTaken");
    throw error;
  }
}

/**
 * Corrects the recorded data while the review is open, with a reason. A new received date
 * recomputes the late flag; an acceptance of lateness no longer needed is dropped.
 */
export async function updateSubmission(actor: Actor, contestId: string, submissionId: string, input: SubmissionEdit) {
  return db.$transaction(async (tx) => {
    const before = await tx.submission.findFirst({ where: { id: submissionId, contestId }, include: { contest: { select: { submissionsCloseAt: true } } } });
    if (!before) throw new ContestError("submissionNotFound");
    if (!OPEN_REVIEW_STATUSES.includes(before.status)) throw new ContestError("reviewClosed");
    const late = isLate(input.receivedAt, before.contest.submissionsCloseAt);
    const data = {
      title: input.title,
      summary: input.summary,
      targetCommunities: input.targetCommunities,
      targetCities: input.targetCities,
      requestedBudget: input.requestedBudget ? new Prisma.Decimal(input.requestedBudget).toString() : null,
      receivedAt: input.receivedAt,
      channel: input.channel,
      late,
      ...(late ? {} : { lateAcceptedById: null, lateAcceptReason: null }),
    };
    const current = { ...before, requestedBudget: before.requestedBudget?.toString() ?? null } as unknown as Record<string, unknown>;
    const change = diff(current, data);
    if (!change.changed) return { changed: false };
    await tx.submission.update({ where: { id: submissionId }, data: { ...data, requestedBudget: input.requestedBudget ? new Prisma.Decimal(input.requestedBudget) : null } });
    // The first status entry is the receipt: it moves with a corrected received date.
    if ("receivedAt" in change.after) await tx.submissionStatusChange.updateMany({ where: { submissionId, from: null, to: "RECEIVED" }, data: { at: input.receivedAt } });
    await audit(actor, { action: "contest.submission.update", entity: "submission", entityId: submissionId, before: change.before, after: { ...change.after, reason: input.reason } }, tx);
    return { changed: true };
  });
}

// ── Reading ────────────────────────────────────────────────────────────────────────────────────

/** A submission's pages: the contest's frame and the submission; 404 when either is not there. */
export async function submissionFrame(contestId: string, submissionId: string) {
  const [frame, submission] = await Promise.all([contestFrame(contestId), getSubmission(contestId, submissionId)]);
  if (!submission) throw new ContestError("notFound");
  return { ...frame, submission };
}

/** The edit form's frame: the contest's frame and the submission's own fields, not its history. */
export async function submissionEditFrame(contestId: string, submissionId: string) {
  const [frame, submission] = await Promise.all([
    contestFrame(contestId),
    db.submission.findFirst({
      where: { id: submissionId, contestId },
      select: { id: true, folio: true, title: true, summary: true, targetCommunities: true, targetCities: true, requestedBudget: true, receivedAt: true, channel: true },
    }),
  ]);
  if (!submission) throw new ContestError("notFound");
  return { ...frame, submission: { ...submission, requestedBudget: submission.requestedBudget?.toString() ?? null } };
}

export async function getSubmission(contestId: string, id: string) {
  // The rubric's requirements and this submission's checks need only the ids: read alongside.
  const [submission, requirements, checks] = await Promise.all([
    db.submission.findFirst({
      where: { id, contestId },
      include: {
        partner: { select: { id: true, name: true, city: true, state: true, country: true } },
        contactPerson: { select: { id: true, name: true, email: true, phone: true, contact: { select: { email: true, givenName: true, familyName: true, phone: true } } } },
        documents: { orderBy: [{ uploadedAt: "asc" }, { id: "asc" }] },
        corrections: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
        statusChanges: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      },
    }),
    db.requirement.findMany({ where: { contestId }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    db.requirementCheck.findMany({ where: { submissionId: id } }),
  ]);
  if (!submission) return null;
  const byReq = new Map(checks.map((c) => [c.requirementId, c]));
  const people = [...new Set(submission.statusChanges.map((c) => c.byId).filter((v): v is string => !!v))];
  const users = await db.user.findMany({ where: { id: { in: people } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const now = Date.now();
  const cp = submission.contactPerson;
  return {
    ...submission,
    requestedBudget: submission.requestedBudget?.toString() ?? null,
    contact: cp
      ? {
          name: cp.contact ? [cp.contact.givenName, cp.contact.familyName].filter(Boolean).join(" ") || null : cp.name,
          email: cp.contact?.email ?? cp.email,
          phone: cp.contact?.phone ?? cp.phone,
        }
      : null,
    review: requirements.map((r) => {
      const check = byReq.get(r.id);
      return { requirement: r, result: check?.result ?? "PENDING", note: check?.note ?? null, checkedAt: check?.checkedAt ?? null };
    }),
    requiredMet: requiredAllMet(requirements, checks),
    corrections: submission.corrections.map((c) => ({ ...c, items: correctionItems(c.items), overdue: c.state === "OPEN" && c.deadline.getTime() < now })),
    statusChanges: submission.statusChanges.map((c) => ({ ...c, id: c.id.toString(), byName: c.byId ? (names.get(c.byId) ?? null) : null })),
  };
}

export type CorrectionItem = { requirementId: string; name: string; note: string | null };

export function correctionItems(value: Prisma.JsonValue): CorrectionItem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) return [];
    const { requirementId, name, note } = item as Record<string, unknown>;
    return typeof requirementId === "string" && typeof name === "string" ? [{ requirementId, name, note: typeof note === "string" ? note : null }] : [];
  });
}

function filterWhere(contestId: string, filter: SubmissionFilter, now = new Date()): Prisma.SubmissionWhereInput {
  const and: Prisma.SubmissionWhereInput[] = [{ contestId }];
  if (filter.status) and.push({ status: filter.status });
  if (filter.state) and.push({ partner: { state: filter.state } });
  if (filter.late) and.push({ late: true });
  if (filter.overdue) and.push({ corrections: { some: { state: "OPEN", deadline: { lt: now } } } });
  if (filter.q) {
    const q = filter.q;
    and.push({
      OR: [
        { title: { contains: q, mode: "insensitive" } },
        { folio: { contains: q, mode: "insensitive" } },
        { partner: { name: { contains: q, mode: "insensitive" } } },
      ],
    });
  }
  return { AND: and };
}

function encodeCursor(row: { receivedAt: Date; id: string }) {
  return Buffer.from(JSON.stringify([row.receivedAt.toISOString(), row.id]), "utf8").toString("base64url");
}

function decodeCursor(cursor: string | null | undefined): { receivedAt: Date; id: string } | null {
  if (!cursor || cursor.length > 200) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "string" || typeof value[1] !== "string") return null;
    const receivedAt = new Date(value[0]);
    return Number.isNaN(receivedAt.getTime()) ? null : { receivedAt, id: value[1] };
  } catch {
    return null;
  }
}

/** Newest received first, paged by key (receivedAt, id) on the (contestId, receivedAt) index. */
export async function listSubmissions(contestId: string, filter: SubmissionFilter, cursor?: string | null, take = SUBMISSIONS_PAGE_SIZE) {
  const after = decodeCursor(cursor);
  const where = filterWhere(contestId, filter);
  const page: Prisma.SubmissionWhereInput = after ? { OR: [{ receivedAt: { lt: after.receivedAt } }, { receivedAt: after.receivedAt, id: { lt: after.id } }] } : {};
  const now = Date.now();
  const [rows, count] = await Promise.all([
    db.submission.findMany({
      where: { AND: [where, page] },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: take + 1,
      select: {
        id: true,
        folio: true,
        title: true,
        status: true,
        late: true,
        lateAcceptedById: true,
        receivedAt: true,
        channel: true,
        partner: { select: { name: true, state: true, city: true } },
        corrections: { where: { state: "OPEN" }, select: { deadline: true }, take: 1, orderBy: { createdAt: "desc" } },
      },
    }),
    db.submission.count({ where }),
  ]);
  const shown = rows.slice(0, take);
  return {
    rows: shown.map(({ corrections, ...r }) => ({ ...r, openDeadline: corrections[0]?.deadline ?? null, overdue: !!corrections[0] && corrections[0].deadline.getTime() < now })),
    nextCursor: rows.length > take ? encodeCursor(shown[shown.length - 1]!) : null,
    count,
  };
}

/** The US states (or other regions) of the contest's organisations, for the filter: code and name, by name. */
export async function stateChoices(contestId: string): Promise<Array<{ code: string; name: string }>> {
  const rows = await db.$queryRaw<Array<{ state: string }>>`
    SELECT DISTINCT p."state" FROM "Submission" s JOIN "Partner" p ON p."id" = s."partnerId"
    WHERE s."contestId" = ${contestId} AND p."state" IS NOT NULL ORDER BY 1 LIMIT 200`;
  return rows.map((r) => ({ code: r.state, name: subdivisionName(r.state) })).sort((a, b) => compareEs(a.name, b.name));
}

// ── The funnel ─────────────────────────────────────────────────────────────────────────────────

export type ContestFunnel = {
  /** Every project received by then: the total the parts below add up to. */
  received: number;
  /** Stages reached (cumulative, they overlap the parts): ever in review; ever asked for corrections. */
  inReview: number;
  corrections: number;
  /** Where each received project stands — disjoint, and they add up to `received`: */
  registered: number;
  notRegistered: number;
  withdrawn: number;
  /** Still in process: awaitingReview + underReview + awaitingCorrections. */
  pending: number;
  awaitingReview: number;
  underReview: number;
  awaitingCorrections: number;
};

/** The parts of `received`, in the order they are shown (each project in exactly one). */
export const FUNNEL_PARTS = ["registered", "notRegistered", "withdrawn", "awaitingReview", "underReview", "awaitingCorrections"] as const satisfies ReadonlyArray<keyof ContestFunnel>;

/**
 * The funnel as it stood at an instant, from the status history: received by then; of those, how
 * many had reached review and a correction request, and where each one stood. For the contest page
 * (now), the home page and the monthly report (the month's end) — the one definition (decision 018).
 */
export async function contestFunnel(contestId: string, atDate: Date = new Date()): Promise<ContestFunnel> {
  const rows = await db.$queryRaw<Array<Record<keyof ContestFunnel, bigint>>>`
    WITH subs AS (
      SELECT "id" FROM "Submission" WHERE "contestId" = ${contestId} AND "receivedAt" <= ${atDate}
    ), ch AS (
      SELECT c."submissionId", c."to", c."at", c."id" FROM "SubmissionStatusChange" c JOIN subs ON subs."id" = c."submissionId" WHERE c."at" <= ${atDate}
    ), cur AS (
      SELECT DISTINCT ON ("submissionId") "submissionId", "to" FROM ch ORDER BY "submissionId", "at" DESC, "id" DESC
    ), reached AS (
      SELECT "submissionId",
        bool_or("to" IN ('IN_REVIEW', 'CORRECTIONS_REQUESTED', 'REGISTERED')) AS reviewed,
        bool_or("to" = 'CORRECTIONS_REQUESTED') AS corrected
      FROM ch GROUP BY 1
    )
    SELECT
      count(*)::bigint AS "received",
      count(*) FILTER (WHERE r.reviewed)::bigint AS "inReview",
      count(*) FILTER (WHERE r.corrected)::bigint AS "corrections",
      count(*) FILTER (WHERE cur."to" = 'REGISTERED')::bigint AS "registered",
      count(*) FILTER (WHERE cur."to" = 'NOT_REGISTERED')::bigint AS "notRegistered",
      count(*) FILTER (WHERE cur."to" = 'WITHDRAWN')::bigint AS "withdrawn",
      count(*) FILTER (WHERE cur."to" IS NULL OR cur."to" IN ('RECEIVED', 'IN_REVIEW', 'CORRECTIONS_REQUESTED'))::bigint AS "pending",
      count(*) FILTER (WHERE cur."to" IS NULL OR cur."to" = 'RECEIVED')::bigint AS "awaitingReview",
      count(*) FILTER (WHERE cur."to" = 'IN_REVIEW')::bigint AS "underReview",
      count(*) FILTER (WHERE cur."to" = 'CORRECTIONS_REQUESTED')::bigint AS "awaitingCorrections"
    FROM subs LEFT JOIN cur ON cur."submissionId" = subs."id" LEFT JOIN reached r ON r."submissionId" = subs."id"`;
  const row = rows[0];
  const n = (k: keyof ContestFunnel) => Number(row?.[k] ?? 0);
  return {
    received: n("received"),
    inReview: n("inReview"),
    corrections: n("corrections"),
    registered: n("registered"),
    notRegistered: n("notRegistered"),
    withdrawn: n("withdrawn"),
    pending: n("pending"),
    awaitingReview: n("awaitingReview"),
    underReview: n("underReview"),
    awaitingCorrections: n("awaitingCorrections"),
  };
}

// ── Status moves ───────────────────────────────────────────────────────────────────────────────

async function lockSubmission(tx: Tx, id: string) {
  await tx.$executeRaw`SELECT 1 FROM "Submission" WHERE "id" = ${id} FOR UPDATE`;
  const submission = await tx.submission.findUnique({ where: { id }, include: { contest: { select: { id: true } } } });
  if (!submission) throw new ContestError("submissionNotFound");
  return submission;
}

/** Applies one move inside a transaction: checks it, records it, audits it. */
export async function applyMove(
  tx: Tx,
  actor: Actor,
  submissionId: string,
  to: SubmissionStatus,
  reason: string | null,
  opts: { automatic?: boolean; at?: Date } = {},
) {
  const submission = await lockSubmission(tx, submissionId);
  // One connection per transaction: these run one after another.
  const requirements = await tx.requirement.findMany({ where: { contestId: submission.contestId }, select: { id: true, required: true } });
  const checks = await tx.requirementCheck.findMany({ where: { submissionId }, select: { requirementId: true, result: true } });
  const openCorrection = await tx.correctionRequest.findFirst({ where: { submissionId, state: "OPEN" }, select: { deadline: true } });
  const at = opts.at ?? new Date();
  const refusal = refuseMove(submission.status, to, {
    role: actor.role,
    reason,
    late: submission.late,
    lateAccepted: !!submission.lateAcceptedById,
    requiredMet: requiredAllMet(requirements, checks),
    correctionDue: !openCorrection || openCorrection.deadline.getTime() < at.getTime(),
    automatic: opts.automatic,
  });
  if (refusal) throw new ContestError(refusal, refusal === "reasonRequired" ? "reason" : "_form");
  const from = submission.status;
  await tx.submission.update({ where: { id: submissionId }, data: { status: to, registeredAt: to === "REGISTERED" ? at : from === "REGISTERED" ? null : submission.registeredAt } });
  // Closing a submission closes its open correction request too.
  if (openCorrection && (to === "NOT_REGISTERED" || to === "WITHDRAWN" || to === "REGISTERED")) {
    await tx.correctionRequest.updateMany({ where: { submissionId, state: "OPEN" }, data: { state: "CANCELLED" } });
  }
  await tx.submissionStatusChange.create({ data: { submissionId, from, to, reason, byId: actor.userId, at } });
  await audit(actor, { action: "contest.submission.status", entity: "submission", entityId: submissionId, before: { status: from }, after: { status: to, reason } }, tx);
  return { from, to };
}

export async function moveSubmission(actor: Actor, contestId: string, submissionId: string, to: SubmissionStatus, reason: string | null) {
  return db.$transaction(async (tx) => {
    const owned = await tx.submission.count({ where: { id: submissionId, contestId } });
    if (!owned) throw new ContestError("submissionNotFound");
    return applyMove(tx, actor, submissionId, to, reason);
  });
}

/** Only an ADMIN accepts a late submission, with a reason. */
export async function acceptLate(actor: Actor, contestId: string, submissionId: string, reason: string) {
  if (actor.role !== "ADMIN") throw new ContestError("adminOnly");
  return db.$transaction(async (tx) => {
    const submission = await tx.submission.findFirst({ where: { id: submissionId, contestId } });
    if (!submission) throw new ContestError("submissionNotFound");
    if (!submission.late) throw new ContestError("notLate");
    if (submission.lateAcceptedById) throw new ContestError("alreadyAccepted");
    await tx.submission.update({ where: { id: submissionId }, data: { lateAcceptedById: actor.userId, lateAcceptReason: reason } });
    await audit(actor, { action: "contest.submission.acceptLate", entity: "submission", entityId: submissionId, before: { lateAcceptedById: null }, after: { lateAcceptedById: actor.userId, reason } }, tx);
  });
}

// ── Documentary review ─────────────────────────────────────────────────────────────────────────

/**
 * Records the review of each requirement posted. The first review moves a received submission into
 * review (an audited move like any other).
 */
export async function saveChecks(actor: Actor, contestId: string, submissionId: string, checks: CheckInput[], at: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const submission = await tx.submission.findFirst({ where: { id: submissionId, contestId } });
    if (!submission) throw new ContestError("submissionNotFound");
    if (!OPEN_REVIEW_STATUSES.includes(submission.status)) throw new ContestError("reviewClosed");
    if (submission.late && !submission.lateAcceptedById) throw new ContestError("lateNotAccepted");
    const requirementIds = new Set((await tx.requirement.findMany({ where: { contestId }, select: { id: true } })).map((r) => r.id));
    const before = await tx.requirementCheck.findMany({ where: { submissionId }, select: { requirementId: true, result: true, note: true } });
    const prior = new Map(before.map((c) => [c.requirementId, c]));
    const changed: Array<{ requirementId: string; from: string | null; to: string; note: string | null }> = [];
    for (const check of checks) {
      if (!requirementIds.has(check.requirementId)) throw new ContestError("notFound");
      const old = prior.get(check.requirementId);
      if (old && old.result === check.result && (old.note ?? null) === check.note) continue;
      await tx.requirementCheck.upsert({
        where: { submissionId_requirementId: { submissionId, requirementId: check.requirementId } },
        create: { submissionId, requirementId: check.requirementId, result: check.result, note: check.note, checkedById: actor.userId, checkedAt: at },
        update: { result: check.result, note: check.note, checkedById: actor.userId, checkedAt: at },
      });
      changed.push({ requirementId: check.requirementId, from: old?.result ?? null, to: check.result, note: check.note });
    }
    if (changed.length) await audit(actor, { action: "contest.submission.review", entity: "submission", entityId: submissionId, after: { changes: changed } }, tx);
    if (changed.length && submission.status === "RECEIVED") await applyMove(tx, actor, submissionId, "IN_REVIEW", null, { at });
    return { changed: changed.length };
  });
}

// ── Documents ──────────────────────────────────────────────────────────────────────────────────

export type IncomingFile = { fileName: string; bytes: Uint8Array };

/** Stores files (type by content, size limited: throws UploadRejected) and attaches them. */
export async function addDocuments(
  actor: Actor,
  contestId: string,
  submissionId: string,
  files: IncomingFile[],
  opts: { requirementId?: string | null; correctionRequestId?: string | null; client?: Tx; maxBytes?: number; at?: Date } = {},
) {
  const client = opts.client ?? db;
  const submission = await client.submission.findFirst({ where: { id: submissionId, contestId }, select: { id: true } });
  if (!submission) throw new ContestError("submissionNotFound");
  if (opts.requirementId) {
    const requirement = await client.requirement.findFirst({ where: { id: opts.requirementId, contestId }, select: { id: true } });
    if (!requirement) throw new ContestError("notFound", "requirementId");
  }
  // Every file is checked before any is attached.
  const stored = [];
  for (const file of files) stored.push({ file, ref: await storeUpload(file.bytes, KIND_GROUPS.document, opts.maxBytes) });
  const created = [];
  for (const { file, ref } of stored) {
    const fileName = file.fileName.replace(/[\\/]/g, "_").slice(0, 200) || "documento";
    created.push(
      await client.submissionDocument.create({
        data: { submissionId, requirementId: opts.requirementId ?? null, correctionRequestId: opts.correctionRequestId ?? null, fileName, fileSha256: ref.sha256, mimeType: ref.mimeType, size: ref.size, uploadedById: actor.userId, uploadedAt: opts.at ?? new Date() },
      }),
    );
  }
  await audit(
    actor,
    { action: "contest.submission.documents", entity: "submission", entityId: submissionId, after: created.map((d) => ({ id: d.id, fileName: d.fileName, sha256: d.fileSha256, size: d.size, requirementId: d.requirementId, correctionRequestId: d.correctionRequestId })) },
    client,
  );
  return created;
}

export async function getDocument(contestId: string, submissionId: string, documentId: string) {
  return db.submissionDocument.findFirst({ where: { id: documentId, submissionId, submission: { contestId } } });
}
