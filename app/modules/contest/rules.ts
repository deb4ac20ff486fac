/**
 * The contest's pure rules: the phase that follows the dates, the submission status machine (who
 * may make each move and what it needs), and the rubric's checks. No database here: the server
 * modules, the pages and the unit tests share these.
 */
import type { CheckResult, ContestPhase, Role, SubmissionStatus } from "~/generated/prisma/enums";

export const CONTEST_PHASES = ["UPCOMING", "SUBMISSIONS", "REVIEW", "EVALUATION", "RESULTS", "CLOSED"] as const satisfies readonly ContestPhase[];
export const SUBMISSION_STATUSES = ["RECEIVED", "IN_REVIEW", "CORRECTIONS_REQUESTED", "REGISTERED", "NOT_REGISTERED", "WITHDRAWN"] as const satisfies readonly SubmissionStatus[];
export const CHECK_RESULTS = ["PENDING", "MET", "MISSING", "NEEDS_CORRECTION"] as const satisfies readonly CheckResult[];
/** While a submission is in one of these, its documentary review is open. */
export const OPEN_REVIEW_STATUSES: readonly SubmissionStatus[] = ["RECEIVED", "IN_REVIEW", "CORRECTIONS_REQUESTED"];
export const RECEIPT_CHANNELS = ["EMAIL", "WEB_FORM", "MAIL", "IN_PERSON", "CONSULATE"] as const;

export type ContestDates = {
  submissionsOpenAt: Date;
  submissionsCloseAt: Date;
  reviewEndsAt: Date;
  evaluationStartsAt: Date;
  evaluationEndsAt: Date;
  resultsAt: Date;
};

/** The phase the dates give at an instant. CLOSED is never reached by dates: only an override. */
export function phaseFromDates(dates: ContestDates, now: Date = new Date()): ContestPhase {
  const t = now.getTime();
  if (t < dates.submissionsOpenAt.getTime()) return "UPCOMING";
  if (t < dates.submissionsCloseAt.getTime()) return "SUBMISSIONS";
  if (t < dates.evaluationStartsAt.getTime()) return "REVIEW";
  if (t < dates.resultsAt.getTime()) return "EVALUATION";
  return "RESULTS";
}

/** The phase in force: an ADMIN's override wins over the dates. */
export function effectivePhase(contest: ContestDates & { phaseOverride: ContestPhase | null }, now: Date = new Date()): ContestPhase {
  return contest.phaseOverride ?? phaseFromDates(contest, now);
}

/** The dates in their order; returns the first field out of order, or null. */
export function datesOutOfOrder(dates: ContestDates): keyof ContestDates | null {
  const order: Array<keyof ContestDates> = ["submissionsOpenAt", "submissionsCloseAt", "reviewEndsAt", "evaluationStartsAt", "evaluationEndsAt", "resultsAt"];
  for (let i = 1; i < order.length; i++) {
    const prev = dates[order[i - 1]!].getTime();
    const cur = dates[order[i]!].getTime();
    // Submissions must close after they open, evaluation must last; the rest may share an instant.
    const strict = order[i] === "submissionsCloseAt" || order[i] === "evaluationEndsAt";
    if (strict ? cur <= prev : cur < prev) return order[i]!;
  }
  return null;
}

/** The rubric cannot change once evaluation has started (by phase or because jurors scored). */
export function rubricLocked(phase: ContestPhase, evaluationsStarted: boolean): boolean {
  return evaluationsStarted || phase === "EVALUATION" || phase === "RESULTS" || phase === "CLOSED";
}

/** A submission received after the closing date is late. */
export function isLate(receivedAt: Date, submissionsCloseAt: Date): boolean {
  return receivedAt.getTime() > submissionsCloseAt.getTime();
}

// ── The status machine ─────────────────────────────────────────────────────────────────────────

export type StaffRole = Extract<Role, "ADMIN" | "COORDINATOR">;

type Move = {
  from: SubmissionStatus;
  to: SubmissionStatus;
  /** Who may make it. */
  roles: readonly StaffRole[];
  /** A reason must be written. */
  reasonRequired: boolean;
  /** Made only by another operation (a correction request, its answer), not by hand. */
  automatic?: boolean;
};

const STAFF: readonly StaffRole[] = ["ADMIN", "COORDINATOR"];
const ADMIN_ONLY: readonly StaffRole[] = ["ADMIN"];

export const MOVES: readonly Move[] = [
  { from: "RECEIVED", to: "IN_REVIEW", roles: STAFF, reasonRequired: false },
  { from: "RECEIVED", to: "WITHDRAWN", roles: STAFF, reasonRequired: true },
  { from: "RECEIVED", to: "NOT_REGISTERED", roles: STAFF, reasonRequired: true },
  { from: "IN_REVIEW", to: "CORRECTIONS_REQUESTED", roles: STAFF, reasonRequired: false, automatic: true },
  { from: "IN_REVIEW", to: "REGISTERED", roles: STAFF, reasonRequired: false },
  { from: "IN_REVIEW", to: "NOT_REGISTERED", roles: STAFF, reasonRequired: true },
  { from: "IN_REVIEW", to: "WITHDRAWN", roles: STAFF, reasonRequired: true },
  { from: "CORRECTIONS_REQUESTED", to: "IN_REVIEW", roles: STAFF, reasonRequired: false },
  { from: "CORRECTIONS_REQUESTED", to: "REGISTERED", roles: STAFF, reasonRequired: false },
  { from: "CORRECTIONS_REQUESTED", to: "NOT_REGISTERED", roles: STAFF, reasonRequired: true },
  { from: "CORRECTIONS_REQUESTED", to: "WITHDRAWN", roles: STAFF, reasonRequired: true },
  // Undoing a decision is the administration's, with a reason.
  { from: "REGISTERED", to: "IN_REVIEW", roles: ADMIN_ONLY, reasonRequired: true },
  { from: "NOT_REGISTERED", to: "IN_REVIEW", roles: ADMIN_ONLY, reasonRequired: true },
];

export function findMove(from: SubmissionStatus, to: SubmissionStatus): Move | undefined {
  return MOVES.find((m) => m.from === from && m.to === to);
}

/** The moves a person may make by hand from a status (what the page offers). */
export function manualMovesFrom(from: SubmissionStatus, role: Role): Move[] {
  return MOVES.filter((m) => m.from === from && !m.automatic && (m.roles as readonly string[]).includes(role));
}

export type MoveRefusal =
  | "moveNotAllowed"
  | "roleNotAllowed"
  | "reasonRequired"
  | "requirementsNotMet"
  | "lateNotAccepted"
  | "correctionNotDue";

export type MoveContext = {
  role: Role;
  reason: string | null;
  late: boolean;
  lateAccepted: boolean;
  /** Every required requirement of the contest is MET for this submission. */
  requiredMet: boolean;
  /** The open correction request's deadline has passed (or there is none open). */
  correctionDue: boolean;
  /** Made by another operation (a correction request or its answer). */
  automatic?: boolean;
};

/** Why a move is refused, or null when it may be made. The server calls this on every move. */
export function refuseMove(from: SubmissionStatus, to: SubmissionStatus, ctx: MoveContext): MoveRefusal | null {
  const move = findMove(from, to);
  if (!move || (move.automatic && !ctx.automatic)) return "moveNotAllowed";
  if (!(move.roles as readonly string[]).includes(ctx.role)) return "roleNotAllowed";
  if (move.reasonRequired && !ctx.reason) return "reasonRequired";
  // A late submission goes nowhere but out until an ADMIN accepts it.
  if (ctx.late && !ctx.lateAccepted && to !== "WITHDRAWN" && to !== "NOT_REGISTERED") return "lateNotAccepted";
  if (to === "REGISTERED" && !ctx.requiredMet) return "requirementsNotMet";
  // While the organisation still has time to answer, only the administration may close the door.
  if (from === "CORRECTIONS_REQUESTED" && to === "NOT_REGISTERED" && !ctx.correctionDue && ctx.role !== "ADMIN") return "correctionNotDue";
  return null;
}

/** Whether every required requirement is MET, given the checks recorded. */
export function requiredAllMet(requirements: ReadonlyArray<{ id: string; required: boolean }>, checks: ReadonlyArray<{ requirementId: string; result: CheckResult }>): boolean {
  const byId = new Map(checks.map((c) => [c.requirementId, c.result]));
  return requirements.filter((r) => r.required).every((r) => byId.get(r.id) === "MET");
}

// ── The rubric ─────────────────────────────────────────────────────────────────────────────────

export type CriterionShape = { name: string; weight: number; scaleMin: number; scaleMax: number; levels: Record<string, string>; tieBreakRank: number | null };

export type RubricIssue =
  | { code: "weightsSum"; sum: number }
  | { code: "scale"; index: number }
  | { code: "levels"; index: number }
  | { code: "tieBreak"; index: number }
  | { code: "empty" };

/** Weights add up to 100 (to the cent), min < max, one descriptor per level, tie-break ranks distinct. */
export function rubricIssues(criteria: readonly CriterionShape[]): RubricIssue[] {
  const issues: RubricIssue[] = [];
  if (criteria.length === 0) return [{ code: "empty" }];
  const cents = criteria.reduce((sum, c) => sum + Math.round(c.weight * 100), 0);
  if (cents !== 10_000) issues.push({ code: "weightsSum", sum: cents / 100 });
  const ranks = new Set<number>();
  criteria.forEach((c, index) => {
    if (!(c.scaleMin < c.scaleMax)) issues.push({ code: "scale", index });
    else {
      for (let level = c.scaleMin; level <= c.scaleMax; level++) {
        if (!c.levels[String(level)]?.trim()) {
          issues.push({ code: "levels", index });
          break;
        }
      }
    }
    if (c.tieBreakRank !== null) {
      if (ranks.has(c.tieBreakRank)) issues.push({ code: "tieBreak", index });
      ranks.add(c.tieBreakRank);
    }
  });
  return issues;
}

/** A score s on min..max as a fraction 0..1 (the jury's normalisation). */
export function normaliseScore(score: number, scaleMin: number, scaleMax: number): number {
  return (score - scaleMin) / (scaleMax - scaleMin);
}
