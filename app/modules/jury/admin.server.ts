/**
 * The ADMIN's set-up of a contest's jury: designation (inviting new jurors), sessions with their
 * minutes and signed document, assignments (all, or k per project balanced around conflicts, or
 * by hand), conflicts recorded by the office, options (blind review, dispersion threshold), the
 * discussion and the jury's closing, reopening one evaluation, and the awards. Everything audited.
 */
import { db } from "~/lib/db.server";
import { audit, diff, type AuditActor } from "~/modules/audit/index.server";
import { DEFAULT_LOCALE, isLocale, makeT } from "~/i18n";
import { sendTransactionalMail } from "~/modules/mail/index.server";
import { storeUpload, UploadRejected } from "~/modules/files/index.server";
import { inviteUser, type InviteActor, UserExistsError } from "~/modules/users/index.server";
import { env } from "~/lib/env.server";
import { formatDeadline } from "~/lib/format";
import { zoneFor } from "~/modules/contest/index.server";
import { agreementChoices } from "~/modules/meetings/index.server";
import { recordConflictTx } from "./workspace.server";
import { contestHead, type JuryActor } from "./access.server";
import { planBalanced } from "./assign";
import { JuryError } from "./errors";
import type { AwardInput, DesignateInput, SessionInput } from "./schema";
import { conflictKey } from "./scoring";

export type AdminActor = JuryActor & { name: string; role: string };

/** Jury set-up is ADMIN-only: checked here as well as by the route's permission. */
function requireAdmin(actor: AdminActor) {
  if (actor.role !== "ADMIN") throw new JuryError("notFound");
}

async function requireContest(contestId: string) {
  const contest = await db.contest.findUnique({ where: { id: contestId } });
  if (!contest) throw new JuryError("notFound");
  return contest;
}

/** Contests for the jury's overview (ADMIN and COORDINATOR), newest first. */
export async function juryContests() {
  const contests = await db.contest.findMany({
    orderBy: [{ evaluationEndsAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, evaluationStartsAt: true, evaluationEndsAt: true, discussionOpen: true, juryClosed: true, _count: { select: { jurors: true } } },
    take: 100,
  });
  const ids = contests.map((c) => c.id);
  const [registered, submitted, assigned] = await Promise.all([
    db.submission.groupBy({ by: ["contestId"], where: { contestId: { in: ids }, status: "REGISTERED" }, _count: { _all: true } }),
    db.evaluation.groupBy({ by: ["contestId"], where: { contestId: { in: ids }, state: "SUBMITTED" }, _count: { _all: true } }),
    db.assignment.groupBy({ by: ["contestId"], where: { contestId: { in: ids } }, _count: { _all: true } }),
  ]);
  const n = (rows: Array<{ contestId: string; _count: { _all: number } }>, id: string) => rows.find((r) => r.contestId === id)?._count._all ?? 0;
  return contests.map((c) => ({
    id: c.id,
    name: c.name,
    evaluationEndsAt: c.evaluationEndsAt,
    discussionOpen: c.discussionOpen,
    juryClosed: c.juryClosed,
    jurors: c._count.jurors,
    registered: n(registered, c.id),
    assigned: n(assigned, c.id),
    submitted: n(submitted, c.id),
  }));
}

/** Everything the set-up page shows. */
export async function juryAdminView(contestId: string) {
  const contest = await requireContest(contestId);
  const [members, sessions, submissions, assignments, conflicts, evaluations] = await Promise.all([
    db.juryMember.findMany({
      where: { contestId },
      include: { user: { select: { id: true, name: true, email: true, passwordHash: true, active: true } }, agreement: { select: { id: true, number: true, adoptedOn: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.jurySession.findMany({ where: { contestId }, orderBy: { heldAt: "asc" } }),
    db.submission.findMany({ where: { contestId, status: "REGISTERED" }, select: { id: true, folio: true, title: true }, orderBy: { folio: "asc" } }),
    // Only what the page reads: at 500 evaluations each unused column was ~50 KB of the loader's JSON.
    db.assignment.findMany({ where: { contestId, submission: { status: "REGISTERED" } }, select: { submissionId: true, userId: true } }),
    db.conflict.findMany({ where: { contestId }, select: { submissionId: true, userId: true, reason: true, recordedById: true, at: true } }),
    db.evaluation.findMany({ where: { contestId }, select: { id: true, submissionId: true, userId: true, state: true, submittedAt: true } }),
  ]);
  return {
    contest: { ...contestHead(contest), dispersionThreshold: contest.dispersionThreshold },
    jurors: members.map((m) => ({
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      invited: m.user.passwordHash === null,
      active: m.user.active,
      designationRef: m.designationRef,
      designatedOn: m.designatedOn,
      agreement: m.agreement ? { id: m.agreement.id, number: m.agreement.number, adoptedOn: m.agreement.adoptedOn.toISOString().slice(0, 10) } : null,
      expertise: m.expertise,
    })),
    agreements: await agreementChoices(),
    sessions,
    submissions,
    assignments,
    conflicts,
    evaluations,
  };
}

/**
 * Designates a juror by e-mail: an existing JUROR, or a new person invited with the JUROR role.
 * A user with another role is refused (roles are changed on the users page, on purpose).
 */
export async function designateJuror(actor: AdminActor, contestId: string, input: DesignateInput, locale = DEFAULT_LOCALE) {
  requireAdmin(actor);
  await requireContest(contestId);
  let user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, role: true } });
  let invited = false;
  if (!user) {
    if (!input.name) throw new JuryError("nameRequired", "name");
    try {
      const created = await inviteUser(actor as InviteActor, { email: input.email, name: input.name, role: "JUROR", locale });
      user = { id: created.user.id, role: created.user.role };
      invited = true;
    } catch (error) {
      if (!(error instanceof UserExistsError)) throw error;
      user = await db.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true, role: true } });
    }
  }
  if (user.role !== "JUROR") throw new JuryError("notJurorRole", "email");
  const userId = user.id;
  await db.$transaction(async (tx) => {
    const existing = await tx.juryMember.findUnique({ where: { contestId_userId: { contestId, userId } } });
    if (existing) throw new JuryError("alreadyDesignated", "email");
    // The designating commission agreement (INE/CVMRE-04SO): what was left empty comes from it.
    const agreement = input.agreementId
      ? await tx.commissionAgreement.findUnique({ where: { id: input.agreementId }, select: { id: true, number: true, adoptedOn: true } })
      : null;
    if (input.agreementId && !agreement) throw new JuryError("agreementNotFound", "agreementId");
    const designationRef = input.designationRef ?? agreement?.number ?? null;
    const designatedOn = input.designatedOn ?? agreement?.adoptedOn ?? null;
    const data = { contestId, userId, designationRef, designatedOn, agreementId: agreement?.id ?? null, expertise: input.expertise };
    const member = await tx.juryMember.create({ data });
    await audit(actor, { action: "jury.member.designate", entity: "juryMember", entityId: member.id, after: data }, tx);
  });
  return { userId, invited };
}

/** Removes a juror who has not started any evaluation; their assignments go with them. */
export async function removeJuror(actor: AdminActor, contestId: string, userId: string) {
  requireAdmin(actor);
  await db.$transaction(async (tx) => {
    const member = await tx.juryMember.findUnique({ where: { contestId_userId: { contestId, userId } } });
    if (!member) throw new JuryError("notFound");
    if ((await tx.evaluation.count({ where: { contestId, userId } })) > 0) throw new JuryError("hasEvaluations");
    await tx.assignment.deleteMany({ where: { contestId, userId } });
    await tx.juryMember.delete({ where: { id: member.id } });
    await audit(actor, { action: "jury.member.remove", entity: "juryMember", entityId: member.id, before: { contestId, userId, designationRef: member.designationRef } }, tx);
  });
}

export async function addSession(actor: AdminActor, contestId: string, input: SessionInput, file: { fileName: string; bytes: Uint8Array } | null) {
  requireAdmin(actor);
  await requireContest(contestId);
  let stored: { sha256: string } | null = null;
  if (file) {
    try {
      stored = await storeUpload(file.bytes);
    } catch (error) {
      if (error instanceof UploadRejected) throw new JuryError("fileRejected", "file", { reason: error.message });
      throw error;
    }
  }
  return db.$transaction(async (tx) => {
    const session = await tx.jurySession.create({
      data: { contestId, kind: input.kind, heldAt: input.heldAt, attendees: input.attendees, minutes: input.minutes, fileName: file?.fileName.slice(0, 200) ?? null, fileSha256: stored?.sha256 ?? null },
    });
    await audit(actor, { action: "jury.session.create", entity: "jurySession", entityId: session.id, after: { ...input, fileName: session.fileName } }, tx);
    return session;
  });
}

async function pairsContext(contestId: string) {
  const [jurors, submissions, conflicts, evaluations] = await Promise.all([
    db.juryMember.findMany({ where: { contestId }, select: { userId: true }, orderBy: { createdAt: "asc" } }),
    db.submission.findMany({ where: { contestId, status: "REGISTERED" }, select: { id: true }, orderBy: { folio: "asc" } }),
    db.conflict.findMany({ where: { contestId }, select: { submissionId: true, userId: true } }),
    db.evaluation.findMany({ where: { contestId }, select: { submissionId: true, userId: true } }),
  ]);
  if (jurors.length === 0) throw new JuryError("noJurors");
  return {
    jurorIds: jurors.map((j) => j.userId),
    submissionIds: submissions.map((s) => s.id),
    conflicts: new Set(conflicts.map((c) => conflictKey(c.submissionId, c.userId))),
    fixed: evaluations,
  };
}

/** The default: every registered project to every juror, conflicts excepted. Adds, never removes. */
export async function assignAll(actor: AdminActor, contestId: string) {
  requireAdmin(actor);
  const ctx = await pairsContext(contestId);
  const data = ctx.submissionIds.flatMap((submissionId) =>
    ctx.jurorIds.filter((userId) => !ctx.conflicts.has(conflictKey(submissionId, userId))).map((userId) => ({ contestId, submissionId, userId })),
  );
  const { count } = await db.$transaction(async (tx) => {
    const result = await tx.assignment.createMany({ data, skipDuplicates: true });
    await audit(actor, { action: "jury.assign.all", entity: "contest", entityId: contestId, after: { created: result.count } }, tx);
    return result;
  });
  return { created: count };
}

/**
 * Each project to k jurors, balanced, conflicts respected. Pairs with an evaluation are kept; the
 * other current assignments are replaced by the plan. Returns the projects left short of k.
 */
export async function assignBalanced(actor: AdminActor, contestId: string, k: number) {
  requireAdmin(actor);
  const ctx = await pairsContext(contestId);
  if (k > ctx.jurorIds.length) throw new JuryError("invalidK", "k", { max: ctx.jurorIds.length });
  const plan = planBalanced({ ...ctx, k });
  await db.$transaction(async (tx) => {
    const before = await tx.assignment.findMany({ where: { contestId }, select: { submissionId: true, userId: true } });
    const keep = new Set(plan.pairs.map((p) => conflictKey(p.submissionId, p.userId)));
    const drop = before.filter((b) => !keep.has(conflictKey(b.submissionId, b.userId)));
    for (const d of drop) await tx.assignment.deleteMany({ where: { contestId, submissionId: d.submissionId, userId: d.userId } });
    await tx.assignment.createMany({ data: plan.pairs.map((p) => ({ contestId, ...p })), skipDuplicates: true });
    await audit(actor, { action: "jury.assign.balanced", entity: "contest", entityId: contestId, before: { count: before.length }, after: { k, count: plan.pairs.length, short: plan.short } }, tx);
  });
  return plan;
}

/** By hand: add one pair (refused when conflicted) or remove it (refused once an evaluation exists). */
export async function setAssignment(actor: AdminActor, contestId: string, submissionId: string, userId: string, assigned: boolean) {
  requireAdmin(actor);
  await db.$transaction(async (tx) => {
    const [member, submission] = await Promise.all([
      tx.juryMember.findUnique({ where: { contestId_userId: { contestId, userId } } }),
      tx.submission.findFirst({ where: { id: submissionId, contestId, status: "REGISTERED" }, select: { id: true } }),
    ]);
    if (!member || !submission) throw new JuryError("notFound");
    const where = { submissionId_userId: { submissionId, userId } };
    if (assigned) {
      if (await tx.conflict.findUnique({ where })) throw new JuryError("conflicted");
      const existing = await tx.assignment.findUnique({ where });
      if (existing) return;
      const created = await tx.assignment.create({ data: { contestId, submissionId, userId } });
      await audit(actor, { action: "jury.assign.add", entity: "assignment", entityId: created.id, after: { submissionId, userId } }, tx);
    } else {
      if (await tx.evaluation.findUnique({ where })) throw new JuryError("hasEvaluations");
      const existing = await tx.assignment.findUnique({ where });
      if (!existing) return;
      await tx.assignment.delete({ where: { id: existing.id } });
      await audit(actor, { action: "jury.assign.remove", entity: "assignment", entityId: existing.id, before: { submissionId, userId } }, tx);
    }
  });
}

/** The office records a conflict it learned of: same effect as the juror's declaration. */
export async function recordConflict(actor: AdminActor, contestId: string, submissionId: string, userId: string, reason: string) {
  requireAdmin(actor);
  await db.$transaction(async (tx) => {
    const [member, submission] = await Promise.all([
      tx.juryMember.findUnique({ where: { contestId_userId: { contestId, userId } } }),
      tx.submission.findFirst({ where: { id: submissionId, contestId }, select: { id: true } }),
    ]);
    if (!member || !submission) throw new JuryError("notFound");
    await recordConflictTx(tx, actor, { contestId, submissionId, userId, reason, recordedById: actor.userId });
  });
}

type ContestFlags = { blindReview?: boolean; dispersionThreshold?: number; discussionOpen?: boolean; juryClosed?: boolean };

export async function setContestFlags(actor: AdminActor, contestId: string, flags: ContestFlags) {
  requireAdmin(actor);
  await db.$transaction(async (tx) => {
    const contest = await tx.contest.findUnique({ where: { id: contestId }, select: { blindReview: true, dispersionThreshold: true, discussionOpen: true, juryClosed: true } });
    if (!contest) throw new JuryError("notFound");
    const changes = diff(contest, flags);
    if (!changes.changed) return;
    await tx.contest.update({ where: { id: contestId }, data: flags });
    await audit(actor, { action: "jury.options", entity: "contest", entityId: contestId, before: changes.before, after: changes.after }, tx);
  });
}

/**
 * Reopens one submitted evaluation with a reason: it becomes a draft again (scores kept), the
 * change is audited and the juror is told by e-mail.
 */
export async function reopenEvaluation(actor: AdminActor, contestId: string, evaluationId: string, reason: string) {
  requireAdmin(actor);
  const result = await db.$transaction(async (tx) => {
    const evaluation = await tx.evaluation.findFirst({
      where: { id: evaluationId, contestId },
      include: { user: { select: { email: true, name: true, locale: true, timeZone: true } }, submission: { select: { folio: true, title: true } }, contest: { select: { name: true, evaluationEndsAt: true } } },
    });
    if (!evaluation) throw new JuryError("notFound");
    if (evaluation.state !== "SUBMITTED") throw new JuryError("notSubmitted");
    const reopenedAt = new Date();
    await tx.evaluation.update({ where: { id: evaluation.id }, data: { state: "DRAFT", reopenedAt, reopenReason: reason } });
    await audit(
      actor,
      {
        action: "jury.evaluation.reopen",
        entity: "evaluation",
        entityId: evaluation.id,
        before: { state: "SUBMITTED", submittedAt: evaluation.submittedAt, reopenReason: evaluation.reopenReason },
        after: { state: "DRAFT", reopenedAt, reopenReason: reason },
      },
      tx,
    );
    return evaluation;
  });
  const locale = isLocale(result.user.locale) ? result.user.locale : DEFAULT_LOCALE;
  const t = makeT(locale);
  const zone = await zoneFor(result.user);
  const deadline = formatDeadline(result.contest.evaluationEndsAt, locale, zone, { dateStyle: "long", zoneName: true });
  let mailQueued = true;
  try {
    await sendTransactionalMail({
      template: "juryReopened",
      to: { user: result.userId },
      locale,
      data: {
        name: result.user.name,
        contest: result.contest.name,
        project: `${result.submission.folio} · ${result.submission.title}`,
        reason,
        deadline: `${deadline} (${zone})`,
        url: `${env().APP_URL.replace(/\/+$/, "")}/jury/${contestId}/p/${result.submissionId}`,
        admin: actor.name || t("jury.mail.office"),
      },
    });
  } catch (error) {
    console.error("[jury] the reopening e-mail could not be queued:", error);
    mailQueued = false;
  }
  return { mailQueued };
}

export async function saveAward(actor: AdminActor, contestId: string, input: AwardInput) {
  requireAdmin(actor);
  await db.$transaction(async (tx) => {
    const submission = await tx.submission.findFirst({ where: { id: input.submissionId, contestId, status: "REGISTERED" }, select: { id: true } });
    if (!submission) throw new JuryError("notFound");
    const existing = await tx.award.findUnique({ where: { contestId_submissionId: { contestId, submissionId: input.submissionId } } });
    const data = { place: input.place, prize: input.prize, notes: input.notes };
    const award = await tx.award.upsert({
      where: { contestId_submissionId: { contestId, submissionId: input.submissionId } },
      create: { contestId, submissionId: input.submissionId, createdById: actor.userId, ...data },
      update: data,
    });
    const changes = diff(existing ? { place: existing.place, prize: existing.prize, notes: existing.notes } : { place: null, prize: null, notes: null }, data);
    await audit(actor, { action: "jury.award.save", entity: "award", entityId: award.id, before: existing ? changes.before : null, after: changes.after }, tx);
  });
}

export async function removeAward(actor: AdminActor, contestId: string, submissionId: string) {
  requireAdmin(actor);
  await db.$transaction(async (tx) => {
    const existing = await tx.award.findUnique({ where: { contestId_submissionId: { contestId, submissionId } } });
    if (!existing) return;
    await tx.award.delete({ where: { id: existing.id } });
    await audit(actor, { action: "jury.award.remove", entity: "award", entityId: existing.id, before: { submissionId, place: existing.place, prize: existing.prize } }, tx);
  });
}

export type { AuditActor };
