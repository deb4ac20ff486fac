/**
 * Who may touch what, checked inside the module functions so every route and job passes here:
 * a juror reaches a project only through their own assignment in that contest, never when a
 * conflict is recorded, and only their own evaluation. Refusals are 404 (not theirs) or 403
 * (conflicted) and change nothing.
 */
import { db } from "~/lib/db.server";
import type { Prisma } from "~/lib/db.server";
import type { AuditActor } from "~/modules/audit/index.server";
import { JuryError } from "./errors";

export type Tx = Prisma.TransactionClient;
export type JuryActor = AuditActor & { userId: string };

export type ContestWindow = { evaluationStartsAt: Date; evaluationEndsAt: Date; juryClosed: boolean };

/** Why saving or submitting is refused right now (server time), or null when it is allowed. */
export function windowRefusal(contest: ContestWindow, now: Date = new Date()): "notOpenYet" | "deadlinePassed" | "juryClosed" | null {
  if (contest.juryClosed) return "juryClosed";
  if (now.getTime() < contest.evaluationStartsAt.getTime()) return "notOpenYet";
  if (now.getTime() >= contest.evaluationEndsAt.getTime()) return "deadlinePassed";
  return null;
}

/** What the jury pages show of their contest: its name, evaluation window and the flags that steer the page. */
export function contestHead(contest: ContestWindow & { id: string; name: string; blindReview: boolean; discussionOpen: boolean }) {
  const { id, name, evaluationStartsAt, evaluationEndsAt, blindReview, discussionOpen, juryClosed } = contest;
  return { id, name, evaluationStartsAt, evaluationEndsAt, blindReview, discussionOpen, juryClosed };
}

/** Every change a juror makes to their own project (confirm, conflict, draft, submit) passes here: 409 outside the window. */
export function requireOpenWindow(contest: ContestWindow) {
  const refusal = windowRefusal(contest);
  if (refusal) throw new JuryError(refusal);
}

/** The juror's membership of the contest, or 404. */
export async function requireMembership(userId: string, contestId: string, client: Pick<Tx, "juryMember"> = db) {
  const member = await client.juryMember.findUnique({
    where: { contestId_userId: { contestId, userId } },
    include: { contest: true },
  });
  if (!member) throw new JuryError("notFound");
  return member;
}

/**
 * The juror's assignment to a registered project of this contest. A recorded conflict is a 403;
 * anything else that is not theirs (another contest, another juror's project) is a 404.
 */
export async function requireAssignment(client: Tx | typeof db, userId: string, contestId: string, submissionId: string) {
  const member = await requireMembership(userId, contestId, client);
  const conflict = await client.conflict.findUnique({ where: { submissionId_userId: { submissionId, userId } }, select: { contestId: true } });
  if (conflict && conflict.contestId === contestId) throw new JuryError("conflicted");
  const assignment = await client.assignment.findUnique({
    where: { submissionId_userId: { submissionId, userId } },
    include: { submission: { select: { id: true, contestId: true, status: true } } },
  });
  if (!assignment || assignment.contestId !== contestId || assignment.submission.contestId !== contestId || assignment.submission.status !== "REGISTERED") {
    throw new JuryError("notFound");
  }
  return { member, contest: member.contest, assignment };
}

/** Serialises writes on one juror's project (save, submit, conflict) for the transaction's life. */
export async function lockAssignment(tx: Tx, assignmentId: string) {
  await tx.$queryRaw`SELECT id FROM "Assignment" WHERE id = ${assignmentId} FOR UPDATE`;
}
