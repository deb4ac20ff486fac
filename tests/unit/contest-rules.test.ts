import { describe, expect, it } from "vitest";
import { datesOutOfOrder, effectivePhase, isLate, manualMovesFrom, phaseFromDates, refuseMove, requiredAllMet, rubricIssues, rubricLocked, type MoveContext } from "~/modules/contest/rules";
import { levelsFromLines, levelsToLines, parseCriterionRows, parseRequirementRows, rowsFromForm } from "~/modules/contest/schema";

const d = (iso: string) => new Date(iso);
const DATES = {
  submissionsOpenAt: d("2017-10-02T15:00:00Z"),
  submissionsCloseAt: d("2017-11-17T05:59:00Z"),
  reviewEndsAt: d("2017-11-26T05:59:00Z"),
  evaluationStartsAt: d("2017-11-27T17:00:00Z"),
  evaluationEndsAt: d("2018-01-15T06:00:00Z"),
  resultsAt: d("2018-01-22T17:00:00Z"),
};

const ctx = (overrides: Partial<MoveContext> = {}): MoveContext => ({
  role: "COORDINATOR",
  reason: null,
  late: false,
  lateAccepted: false,
  requiredMet: true,
  correctionDue: false,
  ...overrides,
});

describe("contest phase", () => {
  it("follows the dates", () => {
    expect(phaseFromDates(DATES, d("2017-09-30T00:00:00Z"))).toBe("UPCOMING");
    expect(phaseFromDates(DATES, d("2017-11-01T00:00:00Z"))).toBe("SUBMISSIONS");
    expect(phaseFromDates(DATES, d("2017-11-20T00:00:00Z"))).toBe("REVIEW");
    expect(phaseFromDates(DATES, d("2017-12-01T00:00:00Z"))).toBe("EVALUATION");
    expect(phaseFromDates(DATES, d("2018-02-01T00:00:00Z"))).toBe("RESULTS");
  });

  it("lets an override win over the dates", () => {
    expect(effectivePhase({ ...DATES, phaseOverride: "CLOSED" }, d("2017-11-01T00:00:00Z"))).toBe("CLOSED");
    expect(effectivePhase({ ...DATES, phaseOverride: null }, d("2017-11-01T00:00:00Z"))).toBe("SUBMISSIONS");
  });

  it("finds dates out of order", () => {
    expect(datesOutOfOrder(DATES)).toBeNull();
    expect(datesOutOfOrder({ ...DATES, submissionsCloseAt: DATES.submissionsOpenAt })).toBe("submissionsCloseAt");
    expect(datesOutOfOrder({ ...DATES, resultsAt: d("2017-12-01T00:00:00Z") })).toBe("resultsAt");
  });

  it("locks the rubric once evaluation starts or jurors have scored", () => {
    expect(rubricLocked("REVIEW", false)).toBe(false);
    expect(rubricLocked("EVALUATION", false)).toBe(true);
    expect(rubricLocked("REVIEW", true)).toBe(true);
  });

  it("flags a submission received after the closing instant as late", () => {
    expect(isLate(d("2017-11-17T05:58:59Z"), DATES.submissionsCloseAt)).toBe(false);
    expect(isLate(d("2017-11-17T05:59:01Z"), DATES.submissionsCloseAt)).toBe(true);
  });
});

describe("submission status machine", () => {
  it("allows the ordinary path for staff", () => {
    expect(refuseMove("RECEIVED", "IN_REVIEW", ctx())).toBeNull();
    expect(refuseMove("IN_REVIEW", "REGISTERED", ctx())).toBeNull();
    expect(refuseMove("CORRECTIONS_REQUESTED", "IN_REVIEW", ctx())).toBeNull();
    expect(refuseMove("IN_REVIEW", "CORRECTIONS_REQUESTED", ctx({ automatic: true }))).toBeNull();
  });

  it("refuses moves that are not in the machine", () => {
    expect(refuseMove("RECEIVED", "REGISTERED", ctx())).toBe("moveNotAllowed");
    expect(refuseMove("WITHDRAWN", "IN_REVIEW", ctx({ role: "ADMIN", reason: "x" }))).toBe("moveNotAllowed");
    expect(refuseMove("REGISTERED", "NOT_REGISTERED", ctx({ role: "ADMIN", reason: "x" }))).toBe("moveNotAllowed");
    // A correction request is made through its own form, never as a bare move.
    expect(refuseMove("IN_REVIEW", "CORRECTIONS_REQUESTED", ctx())).toBe("moveNotAllowed");
  });

  it("refuses roles that may not move and other roles altogether", () => {
    expect(refuseMove("REGISTERED", "IN_REVIEW", ctx({ reason: "error de captura" }))).toBe("roleNotAllowed");
    expect(refuseMove("REGISTERED", "IN_REVIEW", ctx({ role: "ADMIN", reason: "error de captura" }))).toBeNull();
    expect(refuseMove("RECEIVED", "IN_REVIEW", ctx({ role: "JUROR" }))).toBe("roleNotAllowed");
    expect(refuseMove("RECEIVED", "IN_REVIEW", ctx({ role: "COMMUNICATIONS" }))).toBe("roleNotAllowed");
  });

  it("requires a reason to close or reopen", () => {
    expect(refuseMove("IN_REVIEW", "NOT_REGISTERED", ctx())).toBe("reasonRequired");
    expect(refuseMove("IN_REVIEW", "WITHDRAWN", ctx({ reason: "La organización se retiró" }))).toBeNull();
  });

  it("refuses registration while a required item is not met", () => {
    expect(refuseMove("IN_REVIEW", "REGISTERED", ctx({ requiredMet: false }))).toBe("requirementsNotMet");
    expect(refuseMove("CORRECTIONS_REQUESTED", "REGISTERED", ctx({ requiredMet: false }))).toBe("requirementsNotMet");
  });

  it("keeps a late submission out until accepted, except to close it", () => {
    expect(refuseMove("RECEIVED", "IN_REVIEW", ctx({ late: true }))).toBe("lateNotAccepted");
    expect(refuseMove("RECEIVED", "IN_REVIEW", ctx({ late: true, lateAccepted: true }))).toBeNull();
    expect(refuseMove("RECEIVED", "NOT_REGISTERED", ctx({ late: true, reason: "Llegó tarde" }))).toBeNull();
  });

  it("lets staff mark not registered only after the correction deadline; the ADMIN any time", () => {
    expect(refuseMove("CORRECTIONS_REQUESTED", "NOT_REGISTERED", ctx({ reason: "sin respuesta" }))).toBe("correctionNotDue");
    expect(refuseMove("CORRECTIONS_REQUESTED", "NOT_REGISTERED", ctx({ reason: "sin respuesta", correctionDue: true }))).toBeNull();
    expect(refuseMove("CORRECTIONS_REQUESTED", "NOT_REGISTERED", ctx({ role: "ADMIN", reason: "renuncia por escrito" }))).toBeNull();
  });

  it("offers each role only its own manual moves", () => {
    expect(manualMovesFrom("REGISTERED", "COORDINATOR")).toEqual([]);
    expect(manualMovesFrom("REGISTERED", "ADMIN").map((m) => m.to)).toEqual(["IN_REVIEW"]);
    expect(manualMovesFrom("IN_REVIEW", "COORDINATOR").map((m) => m.to)).not.toContain("CORRECTIONS_REQUESTED");
    expect(manualMovesFrom("IN_REVIEW", "JUROR")).toEqual([]);
  });

  it("counts only required items when deciding whether all are met", () => {
    const reqs = [
      { id: "a", required: true },
      { id: "b", required: false },
    ];
    expect(requiredAllMet(reqs, [{ requirementId: "a", result: "MET" }])).toBe(true);
    expect(requiredAllMet(reqs, [{ requirementId: "a", result: "NEEDS_CORRECTION" }, { requirementId: "b", result: "MET" }])).toBe(false);
    expect(requiredAllMet(reqs, [])).toBe(false);
  });
});

describe("rubric validation", () => {
  const levels = (min: number, max: number) => Object.fromEntries(Array.from({ length: max - min + 1 }, (_, i) => [String(min + i), `Nivel ${min + i}`]));
  const criterion = (weight: number, scaleMin = 1, scaleMax = 5, tieBreakRank: number | null = null) => ({ name: "C", weight, scaleMin, scaleMax, levels: levels(scaleMin, scaleMax), tieBreakRank });

  it("accepts weights adding to 100 with a descriptor per level", () => {
    expect(rubricIssues([criterion(30, 1, 5, 1), criterion(25, 0, 10, 2), criterion(25), criterion(20)])).toEqual([]);
    expect(rubricIssues([criterion(33.33), criterion(33.33), criterion(33.34)])).toEqual([]);
  });

  it("refuses weights that do not add to 100", () => {
    expect(rubricIssues([criterion(30), criterion(30)])).toEqual([{ code: "weightsSum", sum: 60 }]);
  });

  it("refuses min >= max, a missing descriptor and a repeated tie-break rank", () => {
    expect(rubricIssues([criterion(100, 5, 5)])).toEqual([{ code: "scale", index: 0 }]);
    const missing = { ...criterion(100), levels: { "1": "a", "2": "b" } };
    expect(rubricIssues([missing])).toEqual([{ code: "levels", index: 0 }]);
    expect(rubricIssues([criterion(50, 1, 5, 1), criterion(50, 1, 5, 1)])).toEqual([{ code: "tieBreak", index: 1 }]);
    expect(rubricIssues([])).toEqual([{ code: "empty" }]);
  });

  it("turns descriptor lines into levels and back", () => {
    const map = levelsFromLines("Insuficiente\n\n2 — Básico\nBueno\nMuy bueno\nExcelente", 1);
    expect(map).toEqual({ "1": "Insuficiente", "2": "2 — Básico", "3": "Bueno", "4": "Muy bueno", "5": "Excelente" });
    expect(levelsToLines(map, 1, 5).split("\n")).toHaveLength(5);
  });
});

describe("editor rows", () => {
  it("reads indexed rows and ignores blank new rows", () => {
    const form = new FormData();
    form.set("rows.0.id", "");
    form.set("rows.0.name", "Acta constitutiva");
    form.set("rows.0.required", "on");
    form.set("rows.1.id", "");
    form.set("rows.1.name", "");
    const { rows, errors } = parseRequirementRows(rowsFromForm(form));
    expect(errors).toEqual({});
    expect(rows).toEqual([{ id: null, name: "Acta constitutiva", description: null, required: true, remove: false }]);
  });

  it("reports a bad weight against its row", () => {
    const { errors } = parseCriterionRows([{ id: "", name: "Impacto", weight: "cien", scaleMin: "1", scaleMax: "5", levels: "a" }]);
    expect(errors["rows.0.weight"]).toBe("contest.errors.weight");
  });
});
