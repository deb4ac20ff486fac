import { describe, expect, it } from "vitest";
import { planBalanced } from "~/modules/jury/assign";
import { aggregate, conflictKey, weightedTotal, type ScoringCriterion, type SubmittedEvaluation } from "~/modules/jury/scoring";

/**
 * The hand-computed case: 4 criteria (weights 40/30/20/10; scales 1–5, 0–10, 1–5, 0–10), so a
 * juror's total is 10·(a−1) + 3·b + 5·(c−1) + d. Tie-break order: A, then B.
 */
const criteria: ScoringCriterion[] = [
  { id: "A", name: "Impacto", position: 1, weight: 40, scaleMin: 1, scaleMax: 5, tieBreakRank: 1 },
  { id: "B", name: "Viabilidad", position: 2, weight: 30, scaleMin: 0, scaleMax: 10, tieBreakRank: 2 },
  { id: "C", name: "Cobertura", position: 3, weight: 20, scaleMin: 1, scaleMax: 5, tieBreakRank: null },
  { id: "D", name: "Presupuesto", position: 4, weight: 10, scaleMin: 0, scaleMax: 10, tieBreakRank: null },
];

const ev = (submissionId: string, userId: string, [A, B, C, D]: [number, number, number, number]): SubmittedEvaluation => ({
  submissionId,
  userId,
  values: { A, B, C, D },
});

const evaluations: SubmittedEvaluation[] = [
  ev("P1", "J1", [5, 10, 5, 10]), // 40 + 30 + 20 + 10 = 100
  ev("P1", "J2", [4, 8, 4, 6]), //   30 + 24 + 15 +  6 =  75
  ev("P1", "J3", [3, 6, 3, 5]), //   20 + 18 + 10 +  5 =  53   → mean 76, σ = √(1106/3) ≈ 19.20
  ev("P2", "J1", [4, 7, 5, 8]), //   30 + 21 + 20 +  8 =  79
  ev("P2", "J2", [3, 6, 3, 4]), //   20 + 18 + 10 +  4 =  52   → mean 65.5, σ = 13.5
  ev("P2", "J3", [1, 0, 1, 0]), //   conflicted: 0, must not count
  ev("P3", "J1", [5, 5, 3, 4]), //   40 + 15 + 10 +  4 =  69
  ev("P3", "J2", [4, 6, 3, 6]), //   30 + 18 + 10 +  6 =  64
  ev("P3", "J3", [3, 6, 4, 7]), //   20 + 18 + 15 +  7 =  60   → mean 193/3; A mean (1 + .75 + .5)/3 = .75
  ev("P4", "J1", [4, 7, 4, 6]), //   30 + 21 + 15 +  6 =  72
  ev("P4", "J2", [3, 8, 3, 7]), //   20 + 24 + 10 +  7 =  61
  ev("P4", "J3", [3, 7, 4, 4]), //   20 + 21 + 15 +  4 =  60   → mean 193/3 (tie with P3); A mean (.75 + .5 + .5)/3 ≈ .583
];

describe("jury aggregation, computed by hand", () => {
  const results = aggregate({
    criteria,
    submissionIds: ["P4", "P2", "P1", "P3"],
    evaluations,
    conflicts: new Set([conflictKey("P2", "J3")]),
    dispersionThreshold: 15,
  });
  const byId = Object.fromEntries(results.map((r) => [r.submissionId, r]));

  it("computes each juror's weighted total on 0–100 with (s − min)/(max − min)", () => {
    expect(weightedTotal(criteria, { A: 5, B: 10, C: 5, D: 10 })).toBeCloseTo(100, 9);
    expect(weightedTotal(criteria, { A: 1, B: 0, C: 1, D: 0 })).toBeCloseTo(0, 9);
    expect(weightedTotal(criteria, { A: 4, B: 8, C: 4, D: 6 })).toBeCloseTo(75, 9);
  });

  it("averages over the jurors who submitted, leaving the conflicted juror out", () => {
    expect(byId.P1!.score).toBeCloseTo(76, 9);
    expect(byId.P2!.score).toBeCloseTo(65.5, 9);
    expect(byId.P2!.jurors.map((j) => j.userId).sort()).toEqual(["J1", "J2"]);
    expect(byId.P3!.score).toBeCloseTo(193 / 3, 9);
    expect(byId.P4!.score).toBeCloseTo(193 / 3, 9);
    // The breakdown per criterion leaves the conflicted juror out too: A on P2 = (.75 + .5)/2.
    expect(byId.P2!.criteria.A).toBeCloseTo(0.625, 9);
  });

  it("ranks by score, breaks the P3/P4 tie by the first tie-break criterion and says so", () => {
    expect(results.map((r) => r.submissionId)).toEqual(["P1", "P2", "P3", "P4"]);
    expect(results.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(byId.P3!.tieBrokenBy).toBe("A");
    expect(byId.P4!.tieBrokenBy).toBe("A");
    expect(byId.P1!.tieBrokenBy).toBeNull();
    expect(results.some((r) => r.unresolvedTie)).toBe(false);
  });

  it("raises the dispersion alert only where the jurors' standard deviation exceeds the threshold", () => {
    expect(byId.P1!.stdDev).toBeCloseTo(Math.sqrt(1106 / 3), 9);
    expect(byId.P1!.dispersionAlert).toBe(true);
    expect(byId.P2!.stdDev).toBeCloseTo(13.5, 9);
    expect(byId.P2!.dispersionAlert).toBe(false);
    expect(byId.P3!.dispersionAlert).toBe(false);
    expect(byId.P4!.dispersionAlert).toBe(false);
  });

  it("flags a tie the tie-break order cannot separate, sharing the rank", () => {
    const same = aggregate({
      criteria,
      submissionIds: ["X", "Y", "Z"],
      evaluations: [ev("X", "J1", [3, 5, 3, 5]), ev("Y", "J1", [3, 5, 3, 5]), ev("Z", "J1", [5, 5, 3, 5])],
      conflicts: new Set(),
      dispersionThreshold: 15,
    });
    expect(same.map((r) => [r.submissionId, r.rank, r.unresolvedTie])).toEqual([
      ["Z", 1, false],
      ["X", 2, true],
      ["Y", 2, true],
    ]);
  });

  it("shows the z-score normalisation beside the raw mean, rescaled to the raw totals", () => {
    // J1 gives 80 and 60, J2 (harsh) 40 and 20: both have z = +1 and −1. Raw totals: mean 50, σ = √500.
    const flat: ScoringCriterion[] = [{ id: "A", name: "A", position: 1, weight: 100, scaleMin: 0, scaleMax: 100, tieBreakRank: null }];
    const r = aggregate({
      criteria: flat,
      submissionIds: ["P", "Q"],
      evaluations: [
        { submissionId: "P", userId: "J1", values: { A: 80 } },
        { submissionId: "Q", userId: "J1", values: { A: 60 } },
        { submissionId: "P", userId: "J2", values: { A: 40 } },
        { submissionId: "Q", userId: "J2", values: { A: 20 } },
      ],
      conflicts: new Set(),
      dispersionThreshold: 100,
    });
    const p = r.find((x) => x.submissionId === "P")!;
    expect(p.score).toBeCloseTo(60, 9);
    expect(p.normalisedScore).toBeCloseTo(50 + Math.sqrt(500), 9);
    expect(r.find((x) => x.submissionId === "Q")!.normalisedScore).toBeCloseTo(50 - Math.sqrt(500), 9);
  });

  it("leaves a project nobody scored at the bottom without a score", () => {
    const r = aggregate({ criteria, submissionIds: ["N", "P1"], evaluations: evaluations.filter((e) => e.submissionId === "P1"), conflicts: new Set(), dispersionThreshold: 15 });
    expect(r.map((x) => [x.submissionId, x.score === null])).toEqual([
      ["P1", false],
      ["N", true],
    ]);
  });
});

describe("balanced assignment", () => {
  it("gives each project k jurors, respects conflicts and spreads the load", () => {
    const plan = planBalanced({
      submissionIds: ["S1", "S2", "S3", "S4", "S5", "S6"],
      jurorIds: ["U1", "U2", "U3"],
      k: 2,
      conflicts: new Set(["S1:U1", "S2:U1"]),
      fixed: [],
    });
    expect(plan.short).toEqual([]);
    for (const s of ["S1", "S2", "S3", "S4", "S5", "S6"]) expect(plan.pairs.filter((p) => p.submissionId === s)).toHaveLength(2);
    expect(plan.pairs.some((p) => p.userId === "U1" && (p.submissionId === "S1" || p.submissionId === "S2"))).toBe(false);
    const loads = ["U1", "U2", "U3"].map((u) => plan.pairs.filter((p) => p.userId === u).length);
    expect(loads).toEqual([4, 4, 4]);
  });

  it("reports projects that cannot get k jurors because of conflicts", () => {
    const plan = planBalanced({ submissionIds: ["S1"], jurorIds: ["U1", "U2"], k: 2, conflicts: new Set(["S1:U2"]), fixed: [] });
    expect(plan.short).toEqual(["S1"]);
    expect(plan.pairs).toEqual([{ submissionId: "S1", userId: "U1" }]);
  });
});

describe("jury aggregation, whatever order the evaluations come in", () => {
  it("gives the same figures, to the last digit, for the evaluations in any order", () => {
    // 60 projects × 3 jurors with varied marks: enough sums for floating-point order to show.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const many: SubmittedEvaluation[] = [];
    for (let p = 1; p <= 60; p++) for (const j of ["J1", "J2", "J3"]) many.push(ev(`P${p}`, j, [1 + next(5), next(11), 1 + next(5), next(11)]));
    const run = (list: SubmittedEvaluation[]) =>
      aggregate({ criteria, submissionIds: many.filter((e) => e.userId === "J1").map((e) => e.submissionId), evaluations: list, conflicts: new Set(), dispersionThreshold: 15 });
    const inOrder = run(many);
    const reversed = [...many].reverse();
    const byJuror = [...many].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
    expect(run(reversed)).toEqual(inOrder);
    expect(run(byJuror)).toEqual(inOrder);
  });
});
