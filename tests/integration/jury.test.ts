import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createUser } from "../support/factories";
import { waitForMail } from "../support/outbox";
import { assignBalanced, recordConflict, reopenEvaluation, setContestFlags } from "~/modules/jury/admin.server";
import { JuryError } from "~/modules/jury/errors";
import { contestResults } from "~/modules/jury/results.server";
import { sendDueReminders, sendReminderNow } from "~/modules/jury/reminders.server";
import {
  confirmNoConflict,
  declareConflict,
  evaluationView,
  jurorContest,
  jurorContests,
  peerScores,
  saveDraft,
  submitEvaluation,
} from "~/modules/jury/workspace.server";
import { createJuryContest, draftOf } from "./jury-fixtures";
import { closeQueues } from "../../jobs/queues";

afterAll(async () => {
  await closeQueues();
});

const DAY = 86_400_000;
const actorOf = (user: { id: string }) => ({ userId: user.id, ip: "127.0.0.1" });

async function adminActor() {
  const admin = await createUser({ role: "ADMIN", name: "Ana Admin Jurado" });
  return { userId: admin.id, ip: "127.0.0.1", name: admin.name, role: "ADMIN" };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JuryError) return error.code;
    throw error;
  }
  return "allowed";
}

async function submitAll(fx: Awaited<ReturnType<typeof createJuryContest>>, juror: { id: string }, submissionId: string, values: { A: number; B: number; C: number; D: number }) {
  await confirmNoConflict(actorOf(juror), fx.contest.id, submissionId);
  await submitEvaluation(actorOf(juror), fx.contest.id, submissionId, draftOf(fx, values));
}

describe("the juror's workspace", () => {
  it("shows only the juror's contests, with progress, and refuses another contest", async () => {
    const fx = await createJuryContest({ projects: 3, jurors: 1 });
    const other = await createJuryContest({ projects: 1, jurors: 1 });
    const [juror] = fx.jurors;
    const mine = await jurorContests(juror!.id);
    expect(mine.map((c) => c.id)).toEqual([fx.contest.id]);
    expect(mine[0]).toMatchObject({ assigned: 3, submitted: 0 });
    expect(await refusal(jurorContest(juror!.id, other.contest.id))).toBe("notFound");
    // Another contest's project, asked for under either contest id.
    expect(await refusal(evaluationView(juror!.id, other.contest.id, other.submissions[0]!.id))).toBe("notFound");
    expect(await refusal(evaluationView(juror!.id, fx.contest.id, other.submissions[0]!.id))).toBe("notFound");
    expect(await refusal(saveDraft(actorOf(juror!), fx.contest.id, other.submissions[0]!.id, draftOf(fx, { A: 3 })))).toBe("notFound");
    expect(await db.evaluation.count({ where: { userId: juror!.id } })).toBe(0);

    await submitAll(fx, juror!, fx.submissions[0]!.id, { A: 5, B: 10, C: 5, D: 10 });
    const progress = await jurorContest(juror!.id, fx.contest.id);
    expect(progress.progress).toEqual({ submitted: 1, total: 3 });
  });

  it("asks for the conflict declaration before the project opens", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 1 });
    const juror = fx.jurors[0]!;
    const s = fx.submissions[0]!;
    expect(await refusal(evaluationView(juror.id, fx.contest.id, s.id))).toBe("conflictUnconfirmed");
    expect(await refusal(saveDraft(actorOf(juror), fx.contest.id, s.id, draftOf(fx, { A: 3 })))).toBe("conflictUnconfirmed");
    await confirmNoConflict(actorOf(juror), fx.contest.id, s.id);
    const view = await evaluationView(juror.id, fx.contest.id, s.id);
    expect(view.project.organisation?.name).toBe(s.partnerName);
    const entry = await db.auditLog.findFirst({ where: { action: "jury.conflict.none", actorId: juror.id } });
    expect(entry?.after).toMatchObject({ submissionId: s.id });
  });

  it("hides the organisation in a blind review", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 1 });
    await db.contest.update({ where: { id: fx.contest.id }, data: { blindReview: true } });
    const juror = fx.jurors[0]!;
    await confirmNoConflict(actorOf(juror), fx.contest.id, fx.submissions[0]!.id);
    const view = await evaluationView(juror.id, fx.contest.id, fx.submissions[0]!.id);
    expect(view.project.organisation).toBeNull();
    expect(view.project.contact).toBeNull();
    expect(JSON.stringify(view)).not.toContain(fx.submissions[0]!.partnerName);
    expect((await jurorContest(juror.id, fx.contest.id)).items[0]!.organisation).toBeNull();
  });

  it("keeps drafts, audits every score change with before and after, then locks on submit", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 1 });
    const juror = fx.jurors[0]!;
    const s = fx.submissions[0]!;
    await confirmNoConflict(actorOf(juror), fx.contest.id, s.id);
    await saveDraft(actorOf(juror), fx.contest.id, s.id, draftOf(fx, { A: 3, B: 7 }, "A medio camino"));
    let view = await evaluationView(juror.id, fx.contest.id, s.id);
    expect(view.evaluation?.state).toBe("DRAFT");
    expect(view.evaluation?.scores[fx.criteria.A!]?.value).toBe(3);
    expect(view.evaluation?.overallComment).toBe("A medio camino");

    await saveDraft(actorOf(juror), fx.contest.id, s.id, draftOf(fx, { A: 4, B: 7 }, "A medio camino"));
    const changes = await db.auditLog.findMany({ where: { action: "jury.evaluation.save", entityId: view.evaluation!.id }, orderBy: { id: "asc" } });
    expect(changes).toHaveLength(2);
    expect(changes[1]!.before).toEqual({ [fx.criteria.A!]: { value: 3, comment: null } });
    expect(changes[1]!.after).toEqual({ [fx.criteria.A!]: { value: 4, comment: null } });

    // Submitting needs every criterion; nothing is submitted when one is missing.
    expect(await refusal(submitEvaluation(actorOf(juror), fx.contest.id, s.id, draftOf(fx, { A: 4, B: 7, C: 2 })))).toBe("incomplete");
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: view.evaluation!.id } })).state).toBe("DRAFT");

    await submitEvaluation(actorOf(juror), fx.contest.id, s.id, draftOf(fx, { A: 4, B: 7, C: 2, D: 9 }));
    view = await evaluationView(juror.id, fx.contest.id, s.id);
    expect(view.evaluation?.state).toBe("SUBMITTED");
    expect(view.editable).toBe(false);
    // 10·3 + 3·7 + 5·1 + 9 = 65
    expect(view.evaluation?.total).toBeCloseTo(65, 9);
    expect(await refusal(saveDraft(actorOf(juror), fx.contest.id, s.id, draftOf(fx, { A: 1, B: 0, C: 1, D: 0 })))).toBe("alreadySubmitted");
    expect((await db.score.findUniqueOrThrow({ where: { evaluationId_criterionId: { evaluationId: view.evaluation!.id, criterionId: fx.criteria.A! } } })).value).toBe(4);
    const submitted = await db.auditLog.findFirst({ where: { action: "jury.evaluation.submit", entityId: view.evaluation!.id } });
    expect(submitted?.before).toEqual({ state: "DRAFT" });
    expect(submitted?.after).toMatchObject({ state: "SUBMITTED", total: 65 });
  });

  it("refuses a value outside the criterion's scale", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 1 });
    const juror = fx.jurors[0]!;
    await confirmNoConflict(actorOf(juror), fx.contest.id, fx.submissions[0]!.id);
    expect(await refusal(saveDraft(actorOf(juror), fx.contest.id, fx.submissions[0]!.id, draftOf(fx, { A: 9 })))).toBe("outOfScale");
    expect(await db.evaluation.count({ where: { userId: juror.id } })).toBe(0);
  });

  it("saves and submits nothing after the deadline (server time)", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 1, endsInMs: 60 * 60_000 });
    const juror = fx.jurors[0]!;
    const s = fx.submissions[0]!;
    await confirmNoConflict(actorOf(juror), fx.contest.id, s.id);
    await saveDraft(actorOf(juror), fx.contest.id, s.id, draftOf(fx, { A: 2 }));
    await db.contest.update({ where: { id: fx.contest.id }, data: { evaluationEndsAt: new Date(Date.now() - 1000) } });
    expect(await refusal(saveDraft(actorOf(juror), fx.contest.id, s.id, draftOf(fx, { A: 5 })))).toBe("deadlinePassed");
    expect(await refusal(submitEvaluation(actorOf(juror), fx.contest.id, s.id, draftOf(fx, { A: 5, B: 5, C: 5, D: 5 })))).toBe("deadlinePassed");
    const evaluation = await db.evaluation.findUniqueOrThrow({ where: { submissionId_userId: { submissionId: s.id, userId: juror.id } }, include: { scores: true } });
    expect(evaluation.state).toBe("DRAFT");
    expect(evaluation.scores.find((x) => x.criterionId === fx.criteria.A)?.value).toBe(2);
    expect((await evaluationView(juror.id, fx.contest.id, s.id)).refusal).toBe("deadlinePassed");
  });
});

describe("blind until submitted", () => {
  it("shows other jurors' scores only after one's own submission and once the discussion is open", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 3 });
    const [j1, j2, j3] = fx.jurors as [typeof fx.jurors[0], typeof fx.jurors[0], typeof fx.jurors[0]];
    const s = fx.submissions[0]!.id;
    await submitAll(fx, j2, s, { A: 4, B: 8, C: 4, D: 6 });
    await db.contest.update({ where: { id: fx.contest.id }, data: { discussionOpen: true } });

    // j1 has only a draft: nothing of j2's, even with the discussion open.
    await confirmNoConflict(actorOf(j1), fx.contest.id, s);
    await saveDraft(actorOf(j1), fx.contest.id, s, draftOf(fx, { A: 5 }));
    expect(await peerScores(j1.id, fx.contest.id, s)).toBeNull();
    expect(JSON.stringify(await evaluationView(j1.id, fx.contest.id, s))).not.toContain(j2.name);

    // Submitted, but the discussion is closed: still nothing.
    await db.contest.update({ where: { id: fx.contest.id }, data: { discussionOpen: false } });
    await submitEvaluation(actorOf(j1), fx.contest.id, s, draftOf(fx, { A: 5, B: 10, C: 5, D: 10 }));
    expect(await peerScores(j1.id, fx.contest.id, s)).toBeNull();

    // j3 submitted and then a conflict was recorded by the office: never shown.
    await submitAll(fx, j3, s, { A: 1, B: 0, C: 1, D: 0 });
    await recordConflict(await adminActor(), fx.contest.id, s, j3.id, "Asesoró a la organización en 2017");

    await db.contest.update({ where: { id: fx.contest.id }, data: { discussionOpen: true } });
    const peers = await peerScores(j1.id, fx.contest.id, s);
    expect(peers?.map((p) => p.juror)).toEqual([j2.name]);
    expect(peers?.[0]?.total).toBeCloseTo(75, 9);
  });
});

describe("conflicts of interest", () => {
  it("a declared conflict removes the assignment and shuts the project to the juror, audited", async () => {
    const fx = await createJuryContest({ projects: 2, jurors: 1 });
    const juror = fx.jurors[0]!;
    const s = fx.submissions[0]!.id;
    await declareConflict(actorOf(juror), fx.contest.id, s, "Mi hermana dirige la organización");
    expect(await db.assignment.findUnique({ where: { submissionId_userId: { submissionId: s, userId: juror.id } } })).toBeNull();
    expect(await refusal(evaluationView(juror.id, fx.contest.id, s))).toBe("conflicted");
    expect(await refusal(confirmNoConflict(actorOf(juror), fx.contest.id, s))).toBe("conflicted");
    expect(await refusal(saveDraft(actorOf(juror), fx.contest.id, s, draftOf(fx, { A: 5 })))).toBe("conflicted");
    expect(await db.evaluation.count({ where: { userId: juror.id } })).toBe(0);
    const entry = await db.auditLog.findFirst({ where: { action: "jury.conflict.declare", actorId: juror.id } });
    expect(entry?.after).toMatchObject({ submissionId: s, userId: juror.id, reason: "Mi hermana dirige la organización" });
    expect(entry?.before).toMatchObject({ evaluation: null });
    expect((await jurorContest(juror.id, fx.contest.id)).progress.total).toBe(1);
  });

  it("balanced assignment never gives a conflicted project to that juror", async () => {
    const fx = await createJuryContest({ projects: 6, jurors: 3 });
    const admin = await adminActor();
    await recordConflict(admin, fx.contest.id, fx.submissions[0]!.id, fx.jurors[0]!.id, "Conflicto registrado por la oficina");
    const plan = await assignBalanced(admin, fx.contest.id, 2);
    expect(plan.short).toEqual([]);
    const rows = await db.assignment.findMany({ where: { contestId: fx.contest.id } });
    expect(rows).toHaveLength(12);
    expect(rows.some((r) => r.submissionId === fx.submissions[0]!.id && r.userId === fx.jurors[0]!.id)).toBe(false);
    const loads = fx.jurors.map((j) => rows.filter((r) => r.userId === j.id).length);
    expect(loads).toEqual([4, 4, 4]);
  });
});

describe("reopening", () => {
  it("turns a submitted evaluation back into a draft, audits it and e-mails the juror", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 1 });
    const juror = fx.jurors[0]!;
    const s = fx.submissions[0]!.id;
    await submitAll(fx, juror, s, { A: 3, B: 3, C: 3, D: 3 });
    const evaluation = await db.evaluation.findUniqueOrThrow({ where: { submissionId_userId: { submissionId: s, userId: juror.id } } });
    const admin = await adminActor();
    const since = new Date();
    expect(await refusal(reopenEvaluation({ ...admin, role: "COORDINATOR" }, fx.contest.id, evaluation.id, "Revise el criterio B"))).toBe("notFound");
    await reopenEvaluation(admin, fx.contest.id, evaluation.id, "Revise el criterio B, por favor");
    const after = await db.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
    expect(after.state).toBe("DRAFT");
    expect(after.reopenReason).toBe("Revise el criterio B, por favor");
    const entry = await db.auditLog.findFirst({ where: { action: "jury.evaluation.reopen", entityId: evaluation.id } });
    expect(entry?.actorId).toBe(admin.userId);
    expect(entry?.before).toMatchObject({ state: "SUBMITTED" });
    expect(entry?.after).toMatchObject({ state: "DRAFT", reopenReason: "Revise el criterio B, por favor" });
    const mail = await waitForMail(juror.email, { subject: /reabri/i, after: since });
    expect(mail.text).toContain("Revise el criterio B, por favor");
    // The juror can change it again.
    await saveDraft(actorOf(juror), fx.contest.id, s, draftOf(fx, { A: 4, B: 3, C: 3, D: 3 }));
    expect(await refusal(reopenEvaluation(admin, fx.contest.id, evaluation.id, "otra vez"))).toBe("notSubmitted");
  });
});

describe("results", () => {
  it("computes the hand case through the database: conflicted juror excluded, tie broken, per-juror only once closed", async () => {
    const fx = await createJuryContest({ projects: 4, jurors: 3 });
    const [P1, P2, P3, P4] = fx.submissions.map((s) => s.id) as [string, string, string, string];
    const [J1, J2, J3] = fx.jurors as [typeof fx.jurors[0], typeof fx.jurors[0], typeof fx.jurors[0]];
    const table: Array<[typeof J1, string, [number, number, number, number]]> = [
      [J1, P1, [5, 10, 5, 10]], [J2, P1, [4, 8, 4, 6]], [J3, P1, [3, 6, 3, 5]],
      [J1, P2, [4, 7, 5, 8]], [J2, P2, [3, 6, 3, 4]], [J3, P2, [1, 0, 1, 0]],
      [J1, P3, [5, 5, 3, 4]], [J2, P3, [4, 6, 3, 6]], [J3, P3, [3, 6, 4, 7]],
      [J1, P4, [4, 7, 4, 6]], [J2, P4, [3, 8, 3, 7]], [J3, P4, [3, 7, 4, 4]],
    ];
    for (const [j, s, [A, B, C, D]] of table) await submitAll(fx, j, s, { A, B, C, D });
    await recordConflict(await adminActor(), fx.contest.id, P2, J3.id, "Conflicto conocido después");
    const open = await contestResults(fx.contest.id);
    expect(open.rows.map((r) => [r.folio, r.rank, Number(r.score!.toFixed(4))])).toEqual([
      ["P01", 1, 76],
      ["P02", 2, 65.5],
      ["P03", 3, 64.3333],
      ["P04", 4, 64.3333],
    ]);
    expect(open.rows.find((r) => r.folio === "P03")?.tieBrokenByName).toBe(`Impacto ${fx.tag}`);
    expect(open.rows.find((r) => r.folio === "P01")?.dispersionAlert).toBe(true);
    expect(open.rows.every((r) => r.jurors.length === 0)).toBe(true);
    await setContestFlags(await adminActor(), fx.contest.id, { juryClosed: true });
    const closed = await contestResults(fx.contest.id);
    expect(closed.rows.find((r) => r.folio === "P02")?.jurors.map((j) => j.name).sort()).toEqual([J1.name, J2.name].sort());
  });
});

describe("reminders", () => {
  it("mails each juror with pending evaluations once, 3 days before the deadline, and on demand", async () => {
    const fx = await createJuryContest({ projects: 2, jurors: 2, endsInMs: 2 * DAY });
    const [done, pending] = fx.jurors as [typeof fx.jurors[0], typeof fx.jurors[0]];
    for (const s of fx.submissions) await submitAll(fx, done, s.id, { A: 3, B: 3, C: 3, D: 3 });
    const since = new Date();
    await sendDueReminders();
    await sendDueReminders();
    const key = `jury-reminder-${fx.contest.id}-${pending.id}-d3`;
    expect(await db.auditLog.count({ where: { action: "jury.reminder.sent", entityId: key } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "jury.reminder.sent", entityId: { startsWith: `jury-reminder-${fx.contest.id}-${done.id}` } } })).toBe(0);
    const mail = await waitForMail(pending.email, { subject: /2 evaluaciones pendientes/, after: since });
    expect(mail.text).toContain(fx.contest.name);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await db.outboxMessage.count({ where: { to: { has: pending.email.toLowerCase() }, receivedAt: { gte: since } } })).toBe(1);

    expect(await sendReminderNow(await adminActor(), fx.contest.id)).toBe(1);
    expect(await db.auditLog.count({ where: { action: "jury.reminder.sent", entityId: { startsWith: `jury-reminder-${fx.contest.id}-${pending.id}-manual` } } })).toBe(1);
  });
});
