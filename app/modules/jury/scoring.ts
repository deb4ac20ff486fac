/**
 * The jury's arithmetic, pure (no database): a juror's weighted total, a project's mean over the
 * jurors who submitted, the per-juror z-score normalisation shown beside the raw mean, the ranking
 * with the contest's tie-break order, and the dispersion alert. docs/decisions/013-jury.md.
 */

export type ScoringCriterion = {
  id: string;
  name: string;
  position: number;
  /** Percent; the rubric's weights add up to 100. */
  weight: number;
  scaleMin: number;
  scaleMax: number;
  tieBreakRank: number | null;
};

/** One submitted evaluation: the juror and their value per criterion id. */
export type SubmittedEvaluation = { submissionId: string; userId: string; values: Record<string, number | null | undefined> };

/** A score s on min..max as a fraction 0..1. */
export function normalise(value: number, scaleMin: number, scaleMax: number): number {
  return (value - scaleMin) / (scaleMax - scaleMin);
}

/** Σ weight% × normalised score: 0–100. A missing value counts as the scale's minimum (never happens once submitted). */
export function weightedTotal(criteria: readonly ScoringCriterion[], values: Record<string, number | null | undefined>): number {
  let total = 0;
  for (const c of criteria) {
    const v = values[c.id];
    total += c.weight * normalise(typeof v === "number" ? v : c.scaleMin, c.scaleMin, c.scaleMax);
  }
  return total;
}

export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Population standard deviation (the jurors who scored the project are the whole population). */
export function stdDev(xs: readonly number[]): number | null {
  const m = mean(xs);
  if (m === null) return null;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length);
}

/** Criteria in tie-break order: those with a rank, by rank then position. */
export function tieBreakCriteria(criteria: readonly ScoringCriterion[]): ScoringCriterion[] {
  return criteria.filter((c) => c.tieBreakRank !== null).sort((a, b) => a.tieBreakRank! - b.tieBreakRank! || a.position - b.position);
}

const EPSILON = 1e-9;

export type JurorTotal = { userId: string; total: number; z: number | null };

export type ProjectResult = {
  submissionId: string;
  rank: number;
  /** Mean of the jurors' weighted totals, 0–100; null when nobody submitted. */
  score: number | null;
  /** The z-score normalised mean, rescaled to the raw totals' mean and spread (beside, never instead of, score). */
  normalisedScore: number | null;
  /** Per criterion: mean normalised score 0..1 across the jurors (the breakdown and the tie-break). */
  criteria: Record<string, number | null>;
  jurors: JurorTotal[];
  stdDev: number | null;
  dispersionAlert: boolean;
  /** The criterion id that separated this project from an equal mean, if the tie-break was needed. */
  tieBrokenBy: string | null;
  /** Still equal after every tie-break criterion: the jury decides. */
  unresolvedTie: boolean;
};

export type AggregateInput = {
  criteria: readonly ScoringCriterion[];
  /** Every project in the ranking (registered), even one nobody scored. */
  submissionIds: readonly string[];
  /** Submitted evaluations only. */
  evaluations: readonly SubmittedEvaluation[];
  /** "submissionId:userId" pairs with a conflict: their evaluations never count. */
  conflicts: ReadonlySet<string>;
  dispersionThreshold: number;
};

export function conflictKey(submissionId: string, userId: string): string {
  return `${submissionId}:${userId}`;
}

/**
 * z-score per juror over the projects they scored, then each project's mean z rescaled to the mean
 * and standard deviation of all the raw totals. A juror with one score or no spread gets z = 0.
 */
function zScores(totals: ReadonlyArray<{ submissionId: string; userId: string; total: number }>) {
  const byJuror = new Map<string, number[]>();
  for (const t of totals) byJuror.set(t.userId, [...(byJuror.get(t.userId) ?? []), t.total]);
  const stats = new Map([...byJuror].map(([u, xs]) => [u, { m: mean(xs)!, s: stdDev(xs)! }]));
  return totals.map((t) => {
    const st = stats.get(t.userId)!;
    return { ...t, z: st.s > EPSILON ? (t.total - st.m) / st.s : 0 };
  });
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function aggregate(input: AggregateInput): ProjectResult[] {
  const { criteria, conflicts } = input;
  // In one order whatever order the evaluations came in: sums of floating-point numbers depend on
  // their order, and a figure must not move in its last digits with how a query returned its rows.
  const counted = input.evaluations
    .filter((e) => !conflicts.has(conflictKey(e.submissionId, e.userId)))
    .sort((a, b) => byCodeUnits(a.submissionId, b.submissionId) || byCodeUnits(a.userId, b.userId));
  const totals = counted.map((e) => ({ submissionId: e.submissionId, userId: e.userId, total: weightedTotal(criteria, e.values) }));
  const withZ = zScores(totals);
  const allRaw = totals.map((t) => t.total);
  const globalMean = mean(allRaw) ?? 0;
  const globalSd = stdDev(allRaw) ?? 0;

  const results: ProjectResult[] = input.submissionIds.map((submissionId) => {
    const mine = withZ.filter((t) => t.submissionId === submissionId);
    const evals = counted.filter((e) => e.submissionId === submissionId);
    const raw = mine.map((t) => t.total);
    const sd = raw.length >= 2 ? stdDev(raw) : null;
    const meanZ = mean(mine.map((t) => t.z));
    const perCriterion: Record<string, number | null> = {};
    for (const c of criteria) {
      perCriterion[c.id] = mean(
        evals.map((e) => e.values[c.id]).filter((v): v is number => typeof v === "number").map((v) => normalise(v, c.scaleMin, c.scaleMax)),
      );
    }
    return {
      submissionId,
      rank: 0,
      score: mean(raw),
      normalisedScore: meanZ === null ? null : globalMean + globalSd * meanZ,
      criteria: perCriterion,
      jurors: mine.map((t) => ({ userId: t.userId, total: t.total, z: t.z })),
      stdDev: sd,
      dispersionAlert: sd !== null && sd > input.dispersionThreshold,
      tieBrokenBy: null,
      unresolvedTie: false,
    };
  });

  const order = tieBreakCriteria(criteria);
  const equal = (a: number | null | undefined, b: number | null | undefined) => Math.abs((a ?? -1) - (b ?? -1)) < EPSILON;
  /** Negative when a ranks before b. */
  const compare = (a: ProjectResult, b: ProjectResult): number => {
    if (!equal(a.score, b.score)) return (b.score ?? -1) - (a.score ?? -1);
    for (const c of order) {
      if (!equal(a.criteria[c.id], b.criteria[c.id])) return (b.criteria[c.id] ?? -1) - (a.criteria[c.id] ?? -1);
    }
    return 0;
  };
  results.sort((a, b) => compare(a, b) || a.submissionId.localeCompare(b.submissionId));

  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    const prev = results[i - 1];
    const next = results[i + 1];
    r.rank = prev && compare(prev, r) === 0 ? prev.rank : i + 1;
    if (r.score === null) continue;
    for (const other of [prev, next]) {
      if (!other || !equal(other.score, r.score)) continue;
      if (compare(other, r) === 0) r.unresolvedTie = true;
      else if (!r.tieBrokenBy) r.tieBrokenBy = order.find((c) => !equal(other.criteria[c.id], r.criteria[c.id]))?.id ?? null;
    }
  }
  return results;
}
