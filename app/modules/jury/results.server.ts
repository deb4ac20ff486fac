/**
 * The results: computed from the submitted evaluations every time (never stored), so every number
 * can be traced to the scores. Per-juror figures only once the jury is closed.
 */
import { db } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { loadRubric } from "~/modules/contest/index.server";
import { csvLine, UTF8_BOM } from "~/modules/contacts/index.server";
import { makeT, type Locale } from "~/i18n";
import { JuryError } from "./errors";
import { aggregate, conflictKey } from "./scoring";

/**
 * The submitted evaluations with their scores, one row each (values by criterion id; aggregate does
 * not depend on their order). One read: through Prisma's include, 471 evaluations and their 1,884 scores took
 * 32–47 ms (of which PostgreSQL 3 ms) on the scale dataset's largest contest.
 */
function submittedScores(contestId: string) {
  return db.$queryRaw<Array<{ submissionId: string; userId: string; values: Record<string, number | null> }>>`
    SELECT e."submissionId", e."userId",
      coalesce(json_object_agg(s."criterionId", s."value") FILTER (WHERE s."criterionId" IS NOT NULL), '{}'::json) AS "values"
    FROM "Evaluation" e LEFT JOIN "Score" s ON s."evaluationId" = e.id
    WHERE e."contestId" = ${contestId} AND e."state" = 'SUBMITTED'
    GROUP BY e.id`;
}

export async function contestResults(contestId: string) {
  const contest = await db.contest.findUnique({ where: { id: contestId } });
  if (!contest) throw new JuryError("notFound");
  const [rubric, submissions, evaluations, conflicts, members, awards, sessions] = await Promise.all([
    loadRubric(contestId),
    db.submission.findMany({ where: { contestId, status: "REGISTERED" }, select: { id: true, folio: true, title: true, partner: { select: { name: true } } }, orderBy: { folio: "asc" } }),
    submittedScores(contestId),
    db.conflict.findMany({ where: { contestId }, select: { submissionId: true, userId: true } }),
    db.juryMember.findMany({ where: { contestId }, include: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } }),
    db.award.findMany({ where: { contestId }, orderBy: { place: "asc" } }),
    db.jurySession.findMany({ where: { contestId }, orderBy: { heldAt: "asc" }, select: { kind: true, heldAt: true } }),
  ]);
  const registered = new Set(submissions.map((s) => s.id));
  const ranking = aggregate({
    criteria: rubric,
    submissionIds: submissions.map((s) => s.id),
    evaluations: evaluations
      .filter((e) => registered.has(e.submissionId))
      .map((e) => ({ submissionId: e.submissionId, userId: e.userId, values: e.values })),
    conflicts: new Set(conflicts.map((c) => conflictKey(c.submissionId, c.userId))),
    dispersionThreshold: contest.dispersionThreshold,
  });
  const byId = new Map(submissions.map((s) => [s.id, s]));
  const awardBy = new Map(awards.map((a) => [a.submissionId, a]));
  const jurorNames = new Map(members.map((m) => [m.userId, m.user.name]));
  const showJurors = contest.juryClosed;
  return {
    contest: {
      id: contest.id,
      name: contest.name,
      juryClosed: contest.juryClosed,
      discussionOpen: contest.discussionOpen,
      dispersionThreshold: contest.dispersionThreshold,
      evaluationEndsAt: contest.evaluationEndsAt,
      resultsAt: contest.resultsAt,
    },
    criteria: rubric.map((c) => ({ id: c.id, name: c.name, weight: c.weight, tieBreakRank: c.tieBreakRank })),
    jurors: members.map((m) => ({ userId: m.userId, name: m.user.name, designationRef: m.designationRef, designatedOn: m.designatedOn })),
    sessions,
    rows: ranking.map((r) => {
      const s = byId.get(r.submissionId)!;
      const award = awardBy.get(r.submissionId);
      return {
        ...r,
        folio: s.folio,
        title: s.title,
        organisation: s.partner.name,
        evaluators: r.jurors.length,
        jurors: showJurors ? r.jurors.map((j) => ({ ...j, name: jurorNames.get(j.userId) ?? "" })) : [],
        tieBrokenByName: r.tieBrokenBy ? (rubric.find((c) => c.id === r.tieBrokenBy)?.name ?? null) : null,
        award: award ? { place: award.place, prize: award.prize, notes: award.notes } : null,
      };
    }),
  };
}

export type ContestResults = Awaited<ReturnType<typeof contestResults>>;

const fixed = (n: number | null | undefined, digits = 2) => (n === null || n === undefined ? "" : n.toFixed(digits));

/** The ranking as CSV (audited: it leaves the system). Per-juror columns only once the jury is closed. */
export async function resultsCsv(actor: AuditActor, contestId: string, locale: Locale): Promise<string> {
  const t = makeT(locale);
  const results = await contestResults(contestId);
  const jurorCols = results.contest.juryClosed ? results.jurors : [];
  let out =
    UTF8_BOM +
    csvLine([
      t("jury.csv.rank"),
      t("jury.csv.folio"),
      t("jury.csv.title"),
      t("jury.csv.organisation"),
      t("jury.csv.score"),
      t("jury.csv.normalised"),
      t("jury.csv.stdDev"),
      t("jury.csv.evaluators"),
      ...results.criteria.map((c) => `${c.name} (${c.weight} %)`),
      ...jurorCols.map((j) => j.name),
      t("jury.csv.flags"),
      t("jury.csv.place"),
      t("jury.csv.prize"),
    ]);
  for (const r of results.rows) {
    const flags = [r.dispersionAlert ? t("jury.results.dispersion") : null, r.unresolvedTie ? t("jury.results.tie") : null, r.tieBrokenByName ? t("jury.results.tieBroken", { criterion: r.tieBrokenByName }) : null].filter(Boolean);
    out += csvLine([
      r.score === null ? "" : r.rank,
      r.folio,
      r.title,
      r.organisation,
      fixed(r.score),
      fixed(r.normalisedScore),
      fixed(r.stdDev),
      r.evaluators,
      ...results.criteria.map((c) => fixed(r.criteria[c.id] === null || r.criteria[c.id] === undefined ? null : r.criteria[c.id]! * 100)),
      ...jurorCols.map((j) => fixed(r.jurors.find((x) => x.userId === j.userId)?.total)),
      flags.join("; "),
      r.award?.place ?? "",
      r.award?.prize ?? "",
    ]);
  }
  await audit(actor, { action: "jury.results.export", entity: "contest", entityId: contestId, after: { rows: results.rows.length } });
  return out;
}
