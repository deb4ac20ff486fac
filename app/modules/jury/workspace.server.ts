/**
 * The juror's workspace: their contests and assigned projects with progress, the conflict
 * declaration that comes before a project opens, drafts, submission and — after one's own
 * submission and once the ADMIN opens the discussion — the other jurors' scores.
 */
import { db } from "~/lib/db.server";
import { audit, diff } from "~/modules/audit/index.server";
import { loadRubric, type RubricCriterion } from "~/modules/contest/index.server";
import { contestHead, requireAssignment, requireMembership, requireOpenWindow, lockAssignment, windowRefusal, type JuryActor, type Tx } from "./access.server";
import { JuryError } from "./errors";
import type { EvaluationDraft } from "./schema";
import { weightedTotal } from "./scoring";

/** The contests the juror sits on, each with their progress. */
export async function jurorContests(userId: string) {
  const members = await db.juryMember.findMany({
    where: { userId },
    include: { contest: { select: { id: true, name: true, evaluationStartsAt: true, evaluationEndsAt: true, juryClosed: true, discussionOpen: true } } },
    orderBy: { contest: { evaluationEndsAt: "desc" } },
    take: 100,
  });
  const ids = members.map((m) => m.contestId);
  const [assigned, submitted] = await Promise.all([
    db.assignment.groupBy({ by: ["contestId"], where: { userId, contestId: { in: ids }, submission: { status: "REGISTERED" } }, _count: { _all: true } }),
    db.evaluation.groupBy({
      by: ["contestId"],
      where: { userId, contestId: { in: ids }, state: "SUBMITTED", submission: { status: "REGISTERED", assignments: { some: { userId } } } },
      _count: { _all: true },
    }),
  ]);
  const count = (rows: Array<{ contestId: string; _count: { _all: number } }>, id: string) => rows.find((r) => r.contestId === id)?._count._all ?? 0;
  return members.map((m) => ({
    ...m.contest,
    assigned: count(assigned, m.contestId),
    submitted: count(submitted, m.contestId),
    refusal: windowRefusal(m.contest),
  }));
}

export type JurorItemState = "toConfirm" | "notStarted" | "draft" | "submitted";

/** One contest of the juror: their assigned projects (blind-aware), the state of each and progress. */
export async function jurorContest(userId: string, contestId: string) {
  const member = await requireMembership(userId, contestId);
  const contest = member.contest;
  const assignments = await db.assignment.findMany({
    where: { userId, contestId, submission: { status: "REGISTERED" } },
    include: {
      submission: {
        select: { id: true, folio: true, title: true, partner: { select: { name: true } }, evaluations: { where: { userId }, select: { state: true, updatedAt: true } } },
      },
    },
    orderBy: { submission: { folio: "asc" } },
  });
  const conflicts = await db.conflict.findMany({
    where: { userId, contestId },
    select: { submission: { select: { folio: true, title: true } }, reason: true, at: true },
    orderBy: { at: "asc" },
  });
  const items = assignments.map((a) => {
    const evaluation = a.submission.evaluations[0];
    const state: JurorItemState = !a.noConflictAt ? "toConfirm" : !evaluation ? "notStarted" : evaluation.state === "SUBMITTED" ? "submitted" : "draft";
    return {
      submissionId: a.submission.id,
      folio: a.submission.folio,
      title: a.submission.title,
      organisation: contest.blindReview ? null : a.submission.partner.name,
      state,
      updatedAt: evaluation?.updatedAt ?? null,
    };
  });
  return {
    contest: contestHead(contest),
    refusal: windowRefusal(contest),
    items,
    conflicts: conflicts.map((c) => ({ folio: c.submission.folio, title: c.submission.title, reason: c.reason, at: c.at })),
    progress: { submitted: items.filter((i) => i.state === "submitted").length, total: items.length },
  };
}

/** What the juror may see of a project before confirming: enough to recognise a conflict. */
async function projectView(submissionId: string, blind: boolean) {
  const s = await db.submission.findUniqueOrThrow({
    where: { id: submissionId },
    select: {
      id: true,
      folio: true,
      title: true,
      summary: true,
      targetCommunities: true,
      targetCities: true,
      requestedBudget: true,
      currency: true,
      partner: { select: { name: true, city: true, state: true } },
      contactPerson: { select: { name: true, email: true, phone: true } },
      documents: { select: { id: true, fileName: true, fileSha256: true }, orderBy: { uploadedAt: "asc" } },
    },
  });
  return {
    id: s.id,
    folio: s.folio,
    title: s.title,
    summary: s.summary,
    targetCommunities: s.targetCommunities,
    targetCities: s.targetCities,
    requestedBudget: s.requestedBudget === null ? null : Number(s.requestedBudget),
    currency: s.currency,
    // Blind review: no organisation, no contact data, and documents by number (their names may tell).
    organisation: blind ? null : { name: s.partner.name, city: s.partner.city, state: s.partner.state },
    contact: blind ? null : s.contactPerson,
    documents: s.documents.map((d, i) => ({ id: d.id, label: blind ? null : d.fileName, index: i + 1, sha256: d.fileSha256 })),
  };
}

/** For actions: the caller may act on this project (assigned, not conflicted), before any input is read. */
export async function requireJurorProject(userId: string, contestId: string, submissionId: string) {
  await requireAssignment(db, userId, contestId, submissionId);
}

/** The confirmation step: the project's identity (unless blind) and whether it is confirmed. */
export async function conflictCheckView(userId: string, contestId: string, submissionId: string) {
  const { contest, assignment } = await requireAssignment(db, userId, contestId, submissionId);
  const s = await db.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { folio: true, title: true, partner: { select: { name: true, city: true, state: true } } } });
  return {
    contest: { id: contest.id, name: contest.name, blindReview: contest.blindReview },
    confirmed: assignment.noConflictAt !== null,
    project: { id: submissionId, folio: s.folio, title: s.title, organisation: contest.blindReview ? null : s.partner },
  };
}

export async function confirmNoConflict(actor: JuryActor, contestId: string, submissionId: string) {
  await db.$transaction(async (tx) => {
    const { contest, assignment } = await requireAssignment(tx, actor.userId, contestId, submissionId);
    requireOpenWindow(contest);
    if (assignment.noConflictAt) return;
    const at = new Date();
    await tx.assignment.update({ where: { id: assignment.id }, data: { noConflictAt: at } });
    await audit(actor, { action: "jury.conflict.none", entity: "assignment", entityId: assignment.id, before: { noConflictAt: null }, after: { noConflictAt: at, submissionId } }, tx);
  });
}

/**
 * The juror declares a conflict: recorded with the reason, the assignment and any draft removed.
 * Refused outside the evaluation window (as a draft is: after the deadline or once the jury is
 * closed the juror's record stays as it was) and once the juror has submitted (an ADMIN can
 * still record it; the score then stops counting).
 */
export async function declareConflict(actor: JuryActor, contestId: string, submissionId: string, reason: string) {
  await db.$transaction(async (tx) => {
    const { contest, assignment } = await requireAssignment(tx, actor.userId, contestId, submissionId);
    await lockAssignment(tx, assignment.id);
    requireOpenWindow(contest);
    const evaluation = await tx.evaluation.findUnique({ where: { submissionId_userId: { submissionId, userId: actor.userId } }, include: { scores: true } });
    if (evaluation?.state === "SUBMITTED") throw new JuryError("alreadySubmitted");
    await recordConflictTx(tx, actor, { contestId, submissionId, userId: actor.userId, reason, recordedById: actor.userId });
  });
}

/** Shared by the juror's declaration and the ADMIN's record: conflict in, assignment and draft out. */
export async function recordConflictTx(
  tx: Tx,
  actor: JuryActor,
  input: { contestId: string; submissionId: string; userId: string; reason: string; recordedById: string },
) {
  const where = { submissionId_userId: { submissionId: input.submissionId, userId: input.userId } };
  const [assignment, evaluation] = await Promise.all([
    tx.assignment.findUnique({ where }),
    tx.evaluation.findUnique({ where, include: { scores: { select: { criterionId: true, value: true, comment: true } } } }),
  ]);
  const conflict = await tx.conflict.upsert({
    where,
    create: { contestId: input.contestId, submissionId: input.submissionId, userId: input.userId, reason: input.reason, recordedById: input.recordedById },
    update: { reason: input.reason, recordedById: input.recordedById },
  });
  if (assignment) await tx.assignment.delete({ where: { id: assignment.id } });
  // A draft goes; a submitted evaluation stays on record but is excluded from every result.
  if (evaluation?.state === "DRAFT") await tx.evaluation.delete({ where: { id: evaluation.id } });
  await audit(
    actor,
    {
      action: "jury.conflict.declare",
      entity: "conflict",
      entityId: conflict.id,
      before: { assignmentId: assignment?.id ?? null, noConflictAt: assignment?.noConflictAt ?? null, evaluation: evaluation ? { id: evaluation.id, state: evaluation.state, scores: evaluation.scores } : null },
      after: { submissionId: input.submissionId, userId: input.userId, reason: input.reason, recordedById: input.recordedById },
    },
    tx,
  );
  return conflict;
}

function editable(contest: { evaluationStartsAt: Date; evaluationEndsAt: Date; juryClosed: boolean }, state: string | undefined) {
  return windowRefusal(contest) === null && state !== "SUBMITTED";
}

/**
 * The evaluation page: the project (blind-aware), the rubric with its descriptors, the juror's own
 * evaluation and — only after their own is submitted and the discussion is open — the others'.
 */
export async function evaluationView(userId: string, contestId: string, submissionId: string) {
  const { contest, assignment } = await requireAssignment(db, userId, contestId, submissionId);
  if (!assignment.noConflictAt) throw new JuryError("conflictUnconfirmed");
  const [project, rubric, evaluation] = await Promise.all([
    projectView(submissionId, contest.blindReview),
    loadRubric(contestId),
    db.evaluation.findUnique({ where: { submissionId_userId: { submissionId, userId } }, include: { scores: true } }),
  ]);
  const peers = evaluation?.state === "SUBMITTED" && contest.discussionOpen ? await peerEvaluations(contestId, submissionId, userId, rubric) : null;
  return {
    contest: { id: contest.id, name: contest.name, evaluationEndsAt: contest.evaluationEndsAt, blindReview: contest.blindReview, discussionOpen: contest.discussionOpen },
    refusal: windowRefusal(contest),
    editable: editable(contest, evaluation?.state),
    project,
    rubric,
    evaluation: evaluation
      ? {
          id: evaluation.id,
          state: evaluation.state,
          overallComment: evaluation.overallComment,
          submittedAt: evaluation.submittedAt,
          updatedAt: evaluation.updatedAt,
          reopenReason: evaluation.reopenedAt ? evaluation.reopenReason : null,
          scores: Object.fromEntries(evaluation.scores.map((s) => [s.criterionId, { value: s.value, comment: s.comment }])),
          total: evaluation.state === "SUBMITTED" ? weightedTotal(rubric, Object.fromEntries(evaluation.scores.map((s) => [s.criterionId, s.value]))) : null,
        }
      : null,
    peers,
  };
}

/** Other jurors' submitted evaluations of a project, conflicted jurors left out. Callers check the gate. */
async function peerEvaluations(contestId: string, submissionId: string, userId: string, rubric: RubricCriterion[]) {
  const [rows, conflicts] = await Promise.all([
    db.evaluation.findMany({
      where: { contestId, submissionId, state: "SUBMITTED", userId: { not: userId } },
      include: { scores: true, user: { select: { name: true } } },
      orderBy: { submittedAt: "asc" },
    }),
    db.conflict.findMany({ where: { submissionId }, select: { userId: true } }),
  ]);
  const conflicted = new Set(conflicts.map((c) => c.userId));
  return rows
    .filter((r) => !conflicted.has(r.userId))
    .map((r) => {
      const values = Object.fromEntries(r.scores.map((s) => [s.criterionId, s.value]));
      return {
        juror: r.user.name,
        total: weightedTotal(rubric, values),
        overallComment: r.overallComment,
        scores: Object.fromEntries(r.scores.map((s) => [s.criterionId, { value: s.value, comment: s.comment }])),
      };
    });
}

/** Only the peers' part, for a check in tests and the API: null unless both gates are open. */
export async function peerScores(userId: string, contestId: string, submissionId: string) {
  return (await evaluationView(userId, contestId, submissionId)).peers;
}

type ScoreSnapshot = Record<string, { value: number | null; comment: string | null }>;

function snapshot(scores: ReadonlyArray<{ criterionId: string; value: number | null; comment: string | null }>): ScoreSnapshot {
  return Object.fromEntries(scores.map((s) => [s.criterionId, { value: s.value, comment: s.comment }]));
}

/** Writes the posted values into the juror's evaluation (created on the first save); audits what changed. */
async function writeDraft(tx: Tx, actor: JuryActor, contestId: string, submissionId: string, draft: EvaluationDraft, rubric: RubricCriterion[]) {
  const { contest, assignment } = await requireAssignment(tx, actor.userId, contestId, submissionId);
  if (!assignment.noConflictAt) throw new JuryError("conflictUnconfirmed");
  await lockAssignment(tx, assignment.id);
  requireOpenWindow(contest);
  const existing = await tx.evaluation.findUnique({ where: { submissionId_userId: { submissionId, userId: actor.userId } }, include: { scores: true } });
  if (existing?.state === "SUBMITTED") throw new JuryError("alreadySubmitted");
  const evaluation =
    existing ?? (await tx.evaluation.create({ data: { contestId, submissionId, userId: actor.userId, state: "DRAFT" }, include: { scores: true } }));
  const before = { overallComment: evaluation.overallComment, ...snapshot(evaluation.scores) } as Record<string, unknown>;
  const after: Record<string, unknown> = { overallComment: draft.overallComment };
  for (const c of rubric) {
    const posted = draft.scores[c.id] ?? { value: null, comment: null };
    if (posted.value !== null && (posted.value < c.scaleMin || posted.value > c.scaleMax)) throw new JuryError("outOfScale", `score.${c.id}`);
    after[c.id] = posted;
    if (JSON.stringify(before[c.id] ?? { value: null, comment: null }) === JSON.stringify(posted)) continue;
    await tx.score.upsert({
      where: { evaluationId_criterionId: { evaluationId: evaluation.id, criterionId: c.id } },
      create: { evaluationId: evaluation.id, criterionId: c.id, value: posted.value, comment: posted.comment },
      update: { value: posted.value, comment: posted.comment },
    });
  }
  for (const c of rubric) before[c.id] ??= { value: null, comment: null };
  const changes = diff(before, after);
  if (changes.changed || !existing) {
    await tx.evaluation.update({ where: { id: evaluation.id }, data: { overallComment: draft.overallComment } });
    await audit(actor, { action: "jury.evaluation.save", entity: "evaluation", entityId: evaluation.id, before: changes.before, after: changes.after }, tx);
  }
  return { evaluationId: evaluation.id, after };
}

/** Autosave and "save draft": stores what was typed, complete or not. */
export async function saveDraft(actor: JuryActor, contestId: string, submissionId: string, draft: EvaluationDraft) {
  const rubric = await loadRubric(contestId);
  const { evaluationId } = await db.$transaction((tx) => writeDraft(tx, actor, contestId, submissionId, draft, rubric));
  return { evaluationId, savedAt: new Date() };
}

/** The criteria a draft leaves without a score, in rubric order. */
export function unscoredCriteria<C extends { id: string }>(rubric: readonly C[], draft: EvaluationDraft): C[] {
  return rubric.filter((c) => draft.scores[c.id]?.value === null || draft.scores[c.id] === undefined);
}

/**
 * The step before a submission locks: keeps what was posted as the draft (nothing typed is lost,
 * whether the juror then confirms, edits on or leaves) and says what submitting would lock — the
 * project, how many criteria are scored, and which are not.
 */
export async function reviewSubmission(actor: JuryActor, contestId: string, submissionId: string, draft: EvaluationDraft) {
  const rubric = await loadRubric(contestId);
  await db.$transaction((tx) => writeDraft(tx, actor, contestId, submissionId, draft, rubric));
  const s = await db.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { folio: true, title: true } });
  const missing = unscoredCriteria(rubric, draft).map((c) => ({ id: c.id, name: c.name }));
  return { project: `${s.folio} · ${s.title}`, missing, scored: rubric.length - missing.length, total: rubric.length };
}

/** Saves what was posted and submits: every criterion must be scored; the evaluation then locks. */
export async function submitEvaluation(actor: JuryActor, contestId: string, submissionId: string, draft: EvaluationDraft) {
  const rubric = await loadRubric(contestId);
  return db.$transaction(async (tx) => {
    const { evaluationId } = await writeDraft(tx, actor, contestId, submissionId, draft, rubric);
    const missing = unscoredCriteria(rubric, draft);
    if (missing.length > 0 || rubric.length === 0) throw new JuryError("incomplete", missing[0] ? `score.${missing[0].id}` : "_form");
    const submittedAt = new Date();
    await tx.evaluation.update({ where: { id: evaluationId }, data: { state: "SUBMITTED", submittedAt } });
    const values = Object.fromEntries(rubric.map((c) => [c.id, draft.scores[c.id]?.value ?? null]));
    await audit(
      actor,
      {
        action: "jury.evaluation.submit",
        entity: "evaluation",
        entityId: evaluationId,
        before: { state: "DRAFT" },
        after: { state: "SUBMITTED", submittedAt, scores: values, total: weightedTotal(rubric, values) },
      },
      tx,
    );
    return { evaluationId, submittedAt };
  });
}
