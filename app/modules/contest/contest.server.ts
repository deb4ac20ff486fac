/**
 * A contest, its requirement checklist and its rubric. Every change is audited in the same
 * transaction. ADMIN-only operations check the role here, so a route cannot forget it.
 */
import { db, Prisma } from "~/lib/db.server";
import { audit, diff, type AuditActor } from "~/modules/audit/index.server";
import type { ContestPhase, Role } from "~/generated/prisma/client";
import { readingZone } from "~/lib/time";
import { getSettings } from "~/modules/settings/index.server";
import { ContestError } from "./errors";
import { datesOutOfOrder, effectivePhase, rubricIssues, rubricLocked, type CriterionShape } from "./rules";
import { levelsFromLines, type ContestInput, type CriterionRow, type RequirementRow } from "./schema";

export type Actor = AuditActor & { role: Role };

type Tx = Prisma.TransactionClient;

/** The time zone dates are typed and shown in: the person's own, else the office's. */
export async function zoneFor(user: { timeZone: string | null }): Promise<string> {
  return readingZone(user.timeZone, (await getSettings()).timeZone);
}

/**
 * The contest's zone: its dates are typed and shown there, whoever looks, so a deadline is one
 * instant for everybody. The office runs the contest, so it is the office's zone (settings).
 */
export async function contestZone(): Promise<string> {
  return readingZone(null, (await getSettings()).timeZone);
}

/** What every contest page shows in its header: the contest and the others a click away. */
export async function contestFrame(contestId: string) {
  const [contest, contests] = await Promise.all([getContest(contestId), listContests()]);
  if (!contest) throw new ContestError("notFound");
  return { contest, contests };
}

export async function listContests() {
  const rows = await db.contest.findMany({
    orderBy: [{ submissionsOpenAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, submissionsOpenAt: true, submissionsCloseAt: true, reviewEndsAt: true, evaluationStartsAt: true, evaluationEndsAt: true, resultsAt: true, phaseOverride: true },
    take: 100,
  });
  return rows.map((c) => ({ id: c.id, name: c.name, submissionsOpenAt: c.submissionsOpenAt, phase: effectivePhase(c) }));
}

/** The most recent contest (by its opening date): /contest opens on it. */
export async function latestContestId(): Promise<string | null> {
  const row = await db.contest.findFirst({ orderBy: [{ submissionsOpenAt: "desc" }, { id: "desc" }], select: { id: true } });
  return row?.id ?? null;
}

export async function getContest(id: string) {
  const contest = await db.contest.findUnique({ where: { id } });
  if (!contest) return null;
  // Whether any evaluation exists, not how many: one index probe at any jury size.
  const evaluated = await db.evaluation.findFirst({ where: { contestId: id }, select: { id: true } });
  const phase = effectivePhase(contest);
  return { ...contest, phase, rubricLocked: rubricLocked(phase, evaluated !== null) };
}

async function requireContest(tx: Tx, id: string) {
  const contest = await tx.contest.findUnique({ where: { id } });
  if (!contest) throw new ContestError("notFound");
  return contest;
}

export async function createContest(actor: Actor, input: ContestInput) {
  const wrong = datesOutOfOrder(input);
  if (wrong) throw new ContestError("datesOrder", wrong);
  return db.$transaction(async (tx) => {
    const contest = await tx.contest.create({ data: { ...input, createdById: actor.userId } });
    await audit(actor, { action: "contest.create", entity: "contest", entityId: contest.id, after: input }, tx);
    return contest;
  });
}

export async function updateContest(actor: Actor, id: string, input: ContestInput) {
  const wrong = datesOutOfOrder(input);
  if (wrong) throw new ContestError("datesOrder", wrong);
  return db.$transaction(async (tx) => {
    const before = await requireContest(tx, id);
    const change = diff(before as unknown as Record<string, unknown>, input);
    if (!change.changed) return before;
    const contest = await tx.contest.update({ where: { id }, data: input });
    await audit(actor, { action: "contest.update", entity: "contest", entityId: id, before: change.before, after: change.after }, tx);
    return contest;
  });
}

/** Only an ADMIN overrides the phase the dates give, with a reason; null returns to the dates. */
export async function setPhaseOverride(actor: Actor, id: string, phase: ContestPhase | null, reason: string) {
  if (actor.role !== "ADMIN") throw new ContestError("adminOnly");
  return db.$transaction(async (tx) => {
    const before = await requireContest(tx, id);
    const contest = await tx.contest.update({ where: { id }, data: { phaseOverride: phase, phaseOverrideReason: phase ? reason : null } });
    await audit(
      actor,
      { action: "contest.phaseOverride", entity: "contest", entityId: id, before: { phaseOverride: before.phaseOverride, reason: before.phaseOverrideReason }, after: { phaseOverride: phase, reason } },
      tx,
    );
    return contest;
  });
}

export type ContestDocumentKind = "call" | "rules";

export async function setContestDocument(actor: Actor, id: string, kind: ContestDocumentKind, file: { fileName: string; sha256: string }) {
  return db.$transaction(async (tx) => {
    const before = await requireContest(tx, id);
    const data = kind === "call" ? { callFileName: file.fileName, callFileSha256: file.sha256 } : { rulesFileName: file.fileName, rulesFileSha256: file.sha256 };
    const change = diff(before as unknown as Record<string, unknown>, data);
    await tx.contest.update({ where: { id }, data });
    await audit(actor, { action: `contest.document.${kind}`, entity: "contest", entityId: id, before: change.before, after: change.after }, tx);
  });
}

/** The stored file of a contest's call or rules, for serving (null when absent). */
export async function contestDocument(id: string, kind: ContestDocumentKind) {
  const c = await db.contest.findUnique({ where: { id }, select: { callFileName: true, callFileSha256: true, rulesFileName: true, rulesFileSha256: true } });
  if (!c) return null;
  const [fileName, sha256] = kind === "call" ? [c.callFileName, c.callFileSha256] : [c.rulesFileName, c.rulesFileSha256];
  return fileName && sha256 ? { fileName, sha256 } : null;
}

// ── Requirements ───────────────────────────────────────────────────────────────────────────────

export async function listRequirements(contestId: string) {
  return db.requirement.findMany({ where: { contestId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}

/**
 * Saves the checklist as posted (order = position). A requirement already reviewed on some
 * submission cannot be removed (its results would vanish from the record).
 */
export async function saveRequirements(actor: Actor, contestId: string, rows: RequirementRow[]) {
  return db.$transaction(async (tx) => {
    await requireContest(tx, contestId);
    const existing = await tx.requirement.findMany({ where: { contestId } });
    const byId = new Map(existing.map((r) => [r.id, r]));
    const before = existing.map(({ id, name, required, position }) => ({ id, name, required, position }));
    let position = 0;
    for (const row of rows) {
      if (row.id && !byId.has(row.id)) throw new ContestError("notFound");
      if (row.remove) {
        if (!row.id) continue;
        const used = await tx.requirementCheck.count({ where: { requirementId: row.id, result: { not: "PENDING" } } });
        if (used > 0) throw new ContestError("requirementInUse", "_form", { name: byId.get(row.id)!.name });
        await tx.requirement.delete({ where: { id: row.id } });
        continue;
      }
      position++;
      const data = { name: row.name!, description: row.description, required: row.required, position };
      if (row.id) await tx.requirement.update({ where: { id: row.id }, data });
      else await tx.requirement.create({ data: { ...data, contestId } });
    }
    const after = await tx.requirement.findMany({ where: { contestId }, orderBy: { position: "asc" }, select: { id: true, name: true, required: true, position: true } });
    await audit(actor, { action: "contest.requirements", entity: "contest", entityId: contestId, before, after }, tx);
    return after;
  });
}

// ── Rubric ─────────────────────────────────────────────────────────────────────────────────────

export type RubricCriterion = {
  id: string;
  position: number;
  name: string;
  description: string | null;
  weight: number;
  scaleMin: number;
  scaleMax: number;
  levels: Record<string, string>;
  tieBreakRank: number | null;
};

function levelsOf(value: Prisma.JsonValue): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** The rubric of a contest, in order, weights as numbers (percent). For the jury and reports. */
export async function loadRubric(contestId: string, client: Pick<typeof db, "criterion"> = db): Promise<RubricCriterion[]> {
  const rows = await client.criterion.findMany({ where: { contestId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.map((c) => ({
    id: c.id,
    position: c.position,
    name: c.name,
    description: c.description,
    weight: Number(c.weight),
    scaleMin: c.scaleMin,
    scaleMax: c.scaleMax,
    levels: levelsOf(c.levels),
    tieBreakRank: c.tieBreakRank,
  }));
}

/** Criteria in tie-break order: ranked ones first by rank, then by position. */
export function tieBreakOrder(criteria: readonly RubricCriterion[]): RubricCriterion[] {
  return [...criteria].filter((c) => c.tieBreakRank !== null).sort((a, b) => a.tieBreakRank! - b.tieBreakRank! || a.position - b.position);
}

/**
 * Replaces the rubric as posted. Refused once evaluation has started; refused unless the weights
 * add up to 100, each scale has min < max and every level has its descriptor.
 */
export async function saveRubric(actor: Actor, contestId: string, rows: CriterionRow[]) {
  const kept = rows.filter((r) => !r.remove);
  const shapes: CriterionShape[] = kept.map((r) => ({
    name: r.name ?? "",
    weight: r.weight,
    scaleMin: r.scaleMin,
    scaleMax: r.scaleMax,
    levels: levelsFromLines(r.levels, r.scaleMin),
    tieBreakRank: r.tieBreakRank,
  }));
  const issues = rubricIssues(shapes);
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new ContestError(
      "rubricInvalid",
      "_form",
      { ...("sum" in first ? { sum: first.sum } : {}), ...("index" in first ? { row: first.index + 1 } : {}) },
      `contest.errors.rubric.${first.code}`,
    );
  }
  return db.$transaction(async (tx) => {
    const contest = await requireContest(tx, contestId);
    const evaluations = await tx.evaluation.count({ where: { contestId } });
    if (rubricLocked(effectivePhase(contest), evaluations > 0)) throw new ContestError("rubricLocked");
    const before = await loadRubric(contestId, tx);
    const byId = new Set(before.map((c) => c.id));
    for (const row of rows) if (row.id && !byId.has(row.id)) throw new ContestError("notFound");
    const removed = rows.filter((r) => r.remove && r.id).map((r) => r.id!);
    if (removed.length) await tx.criterion.deleteMany({ where: { contestId, id: { in: removed } } });
    let position = 0;
    for (const [i, row] of kept.entries()) {
      position++;
      const data = {
        name: row.name!,
        description: row.description,
        weight: new Prisma.Decimal(row.weight.toFixed(2)),
        scaleMin: row.scaleMin,
        scaleMax: row.scaleMax,
        levels: shapes[i]!.levels,
        tieBreakRank: row.tieBreakRank,
        position,
      };
      if (row.id) await tx.criterion.update({ where: { id: row.id }, data });
      else await tx.criterion.create({ data: { ...data, contestId } });
    }
    const after = await loadRubric(contestId, tx);
    await audit(actor, { action: "contest.rubric", entity: "contest", entityId: contestId, before, after }, tx);
    return after;
  });
}
