/**
 * The contest area against the real database, queue and SMTP sink: set-up (dates, checklist,
 * rubric and its lock, the phase override), submissions (organisation inline, late flag, documents
 * by content and size), the status machine with who may move, the documentary review, correction
 * requests e-mailed through the worker, the funnel and the CSV exports, and the pages by role.
 * Every test makes a contest of its own; nothing global is counted.
 */
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { createContest, getContest, loadRubric, saveRequirements, saveRubric, setPhaseOverride, tieBreakOrder, type Actor } from "~/modules/contest/contest.server";
import { answerCorrection, requestCorrection } from "~/modules/contest/corrections.server";
import { ContestError } from "~/modules/contest/errors";
import { checksCsv, submissionsCsv } from "~/modules/contest/export.server";
import { contestFormSchema, submissionEditSchema, submissionFormSchema, type SubmissionInput } from "~/modules/contest/schema";
import { acceptLate, addDocuments, contestFunnel, createSubmission, getSubmission, listSubmissions, moveSubmission, saveChecks, updateSubmission } from "~/modules/contest/submissions.server";
import { UploadRejected } from "~/modules/files/storage.server";
import { closeQueues } from "../../jobs/queues";
import { createUser, fakeRequest, uniqueEmail } from "../support/factories";
import { TestClient } from "../support/http";
import { waitForMail } from "../support/outbox";

afterAll(async () => {
  await closeQueues();
});

const unique = () => randomUUID().slice(0, 8);
const DAY = 86_400_000;
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
// A Windows executable (MZ header) whatever its name says.
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, ...new Array(64).fill(0)]);

async function staffUser(role: "ADMIN" | "COORDINATOR" | "COMMUNICATIONS" | "JUROR" = "COORDINATOR") {
  const user = await createUser({ role });
  if (role === "ADMIN") await db.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
  return user;
}

const actorOf = (user: { id: string; role: string }): Actor => ({ userId: user.id, ip: "127.0.0.1", role: user.role as Actor["role"] });

/** A contest in its submissions phase (opened 30 days ago, closes in 10), with a 3-item checklist. */
async function newContest(actor: Actor, shift: Partial<Record<"open" | "close" | "evalStart", number>> = {}) {
  const now = Date.now();
  const contest = await createContest(actor, {
    name: `Concurso de prueba ${unique()}`,
    description: null,
    submissionsOpenAt: new Date(now + (shift.open ?? -30) * DAY),
    submissionsCloseAt: new Date(now + (shift.close ?? 10) * DAY),
    reviewEndsAt: new Date(now + 20 * DAY),
    evaluationStartsAt: new Date(now + (shift.evalStart ?? 25) * DAY),
    evaluationEndsAt: new Date(now + 40 * DAY),
    resultsAt: new Date(now + 50 * DAY),
    correctionDays: 5,
  });
  const requirements = await saveRequirements(actor, contest.id, [
    { id: null, name: "Acta constitutiva", description: "Vigente", required: true, remove: false },
    { id: null, name: "Comprobante de domicilio en EUA", description: null, required: true, remove: false },
    { id: null, name: "Cartas de apoyo", description: null, required: false, remove: false },
  ]);
  return { contest, requirements };
}

function submissionInput(overrides: Record<string, string> = {}): SubmissionInput {
  const tag = unique();
  return submissionFormSchema("America/Mexico_City").parse({
    partnerMode: "new",
    orgName: `Organización Prueba ${tag}`,
    orgCity: "Houston",
    orgState: "Texas",
    contactName: "Rosa Mejía",
    contactEmail: uniqueEmail(`osc-${tag}`),
    contactPhone: "+1 713 555 0100",
    title: `Proyecto ${tag}`,
    summary: "Brigadas de credencialización",
    targetCommunities: "Familias mexicanas",
    targetCities: "Houston",
    requestedBudget: "25,000.50",
    receivedAt: new Date(Date.now() - DAY).toISOString().slice(0, 16),
    channel: "EMAIL",
    ...overrides,
  });
}

const allMet = (requirements: Array<{ id: string }>) => requirements.map((r) => ({ requirementId: r.id, result: "MET" as const, note: null }));

async function refused(promise: Promise<unknown>, code: ContestError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContestError);
  expect((error as ContestError).code).toBe(code);
}

describe("contest set-up", () => {
  it("refuses dates out of order and keeps an audited record of the contest", async () => {
    const admin = await staffUser("ADMIN");
    const parsed = contestFormSchema("America/Mexico_City").safeParse({
      name: "  Concurso  2018 ",
      submissionsOpenAt: "2017-11-17T10:00",
      submissionsCloseAt: "2017-11-01T10:00",
      reviewEndsAt: "2017-11-26T23:59",
      evaluationStartsAt: "2017-11-27T10:00",
      evaluationEndsAt: "2017-12-27T10:00",
      resultsAt: "2018-01-10T10:00",
      correctionDays: "5",
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data!.name).toBe("Concurso 2018");
    // 10:00 in Mexico City is 16:00 UTC in November.
    expect(parsed.data!.submissionsOpenAt.toISOString()).toBe("2017-11-17T16:00:00.000Z");
    await refused(createContest(actorOf(admin), parsed.data!), "datesOrder");
    const { contest } = await newContest(actorOf(admin));
    const entries = await db.auditLog.findMany({ where: { entityId: contest.id, action: { startsWith: "contest." } } });
    expect(entries.map((e) => e.action).sort()).toEqual(["contest.create", "contest.requirements"]);
  });

  it("validates the rubric: weights add to 100, min < max, a descriptor per level; tie-break order kept", async () => {
    const coordinator = await staffUser();
    const { contest } = await newContest(actorOf(coordinator));
    const row = (name: string, weight: number, scaleMin = 1, scaleMax = 5, levels = "a\nb\nc\nd\ne", tieBreakRank: number | null = null) => ({ id: null, name, description: null, weight, scaleMin, scaleMax, levels, tieBreakRank, remove: false });
    const issue = async (rows: ReturnType<typeof row>[]) => {
      const error = await saveRubric(actorOf(coordinator), contest.id, rows).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContestError);
      return (error as ContestError).messageKey;
    };
    expect(await issue([row("Impacto", 60), row("Viabilidad", 30)])).toBe("contest.errors.rubric.weightsSum");
    expect(await issue([row("Impacto", 100, 5, 5, "a")])).toBe("contest.errors.rubric.scale");
    expect(await issue([row("Impacto", 100, 0, 10, "a\nb\nc")])).toBe("contest.errors.rubric.levels");
    expect(await loadRubric(contest.id)).toEqual([]);

    await saveRubric(actorOf(coordinator), contest.id, [row("Pertinencia", 40, 1, 5, "a\nb\nc\nd\ne", 2), row("Impacto", 35, 0, 10, "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10", 1), row("Viabilidad", 25)]);
    const rubric = await loadRubric(contest.id);
    expect(rubric.map((c) => [c.name, c.weight, c.scaleMin, c.scaleMax])).toEqual([
      ["Pertinencia", 40, 1, 5],
      ["Impacto", 35, 0, 10],
      ["Viabilidad", 25, 1, 5],
    ]);
    expect(rubric[1]!.levels["10"]).toBe("10");
    expect(tieBreakOrder(rubric).map((c) => c.name)).toEqual(["Impacto", "Pertinencia"]);
  });

  it("locks the rubric once evaluation starts; only an ADMIN overrides the phase, with a reason", async () => {
    const admin = await staffUser("ADMIN");
    const coordinator = await staffUser();
    const { contest } = await newContest(actorOf(coordinator));
    const rubric = [{ id: null, name: "Impacto", description: null, weight: 100, scaleMin: 1, scaleMax: 5, levels: "a\nb\nc\nd\ne", tieBreakRank: null, remove: false }];
    await saveRubric(actorOf(coordinator), contest.id, rubric);
    await refused(setPhaseOverride(actorOf(coordinator), contest.id, "EVALUATION", "adelanto"), "adminOnly");
    await setPhaseOverride(actorOf(admin), contest.id, "EVALUATION", "El jurado se instaló antes");
    expect((await getContest(contest.id))!).toMatchObject({ phase: "EVALUATION", rubricLocked: true, phaseOverrideReason: "El jurado se instaló antes" });
    await refused(saveRubric(actorOf(coordinator), contest.id, rubric), "rubricLocked");
    await setPhaseOverride(actorOf(admin), contest.id, null, "Volver a las fechas");
    expect((await getContest(contest.id))!.phase).toBe("SUBMISSIONS");
    const overrides = await db.auditLog.count({ where: { entityId: contest.id, action: "contest.phaseOverride" } });
    expect(overrides).toBe(2);
  });

  it("refuses to remove a requirement already reviewed", async () => {
    const coordinator = await staffUser();
    const { contest, requirements } = await newContest(actorOf(coordinator));
    const submission = await createSubmission(actorOf(coordinator), contest.id, submissionInput());
    await saveChecks(actorOf(coordinator), contest.id, submission.id, [{ requirementId: requirements[0]!.id, result: "MET", note: null }]);
    await refused(saveRequirements(actorOf(coordinator), contest.id, [{ id: requirements[0]!.id, name: "Acta", description: null, required: true, remove: true }]), "requirementInUse");
  });
});

describe("submissions and their status", () => {
  it("creates the organisation inline as a civil-society partner with its contact person", async () => {
    const coordinator = await staffUser();
    const { contest } = await newContest(actorOf(coordinator));
    const input = submissionInput();
    const submission = await createSubmission(actorOf(coordinator), contest.id, input);
    const detail = await getSubmission(contest.id, submission.id);
    expect(detail!.partner).toMatchObject({ name: input.orgName, state: "US-TX", city: "Houston", country: "US" });
    expect((await db.partner.findUniqueOrThrow({ where: { id: submission.partnerId } })).kind).toBe("CIVIL_SOCIETY");
    expect(detail!.contact).toEqual({ name: "Rosa Mejía", email: input.contactEmail, phone: "+1 713 555 0100" });
    expect(detail!.requestedBudget).toBe("25000.5");
    expect(detail!.folio).toMatch(/^OSC-\d{4}-001$/);
    expect(detail!.late).toBe(false);
    expect(detail!.statusChanges.map((c) => [c.from, c.to])).toEqual([[null, "RECEIVED"]]);
    // The same organisation a second time is picked, not created again.
    await refused(createSubmission(actorOf(coordinator), contest.id, submissionInput({ orgName: input.orgName! })), "orgNameTaken");
    const second = await createSubmission(actorOf(coordinator), contest.id, submissionInput({ partnerMode: "existing", partnerId: submission.partnerId }));
    expect(second.contactPersonId).toBe(submission.contactPersonId);
  });

  it("enforces the moves and who may make them, recording each with its reason", async () => {
    const coordinator = await staffUser();
    const admin = await staffUser("ADMIN");
    const { contest, requirements } = await newContest(actorOf(coordinator));
    const { id } = await createSubmission(actorOf(coordinator), contest.id, submissionInput());
    const move = (who: { id: string; role: string }, to: Parameters<typeof moveSubmission>[3], reason: string | null = null) => moveSubmission(actorOf(who), contest.id, id, to, reason);

    await refused(move(coordinator, "REGISTERED"), "moveNotAllowed");
    await refused(move(coordinator, "CORRECTIONS_REQUESTED"), "moveNotAllowed");
    await move(coordinator, "IN_REVIEW");
    // Registration refused while a required item is not met.
    await refused(move(coordinator, "REGISTERED"), "requirementsNotMet");
    await saveChecks(actorOf(coordinator), contest.id, id, [
      { requirementId: requirements[0]!.id, result: "MET", note: null },
      { requirementId: requirements[1]!.id, result: "NEEDS_CORRECTION", note: "Vencido" },
    ]);
    await refused(move(coordinator, "REGISTERED"), "requirementsNotMet");
    await saveChecks(actorOf(coordinator), contest.id, id, [{ requirementId: requirements[1]!.id, result: "MET", note: null }]);
    // The optional item may stay unreviewed.
    await move(coordinator, "REGISTERED");
    expect((await db.submission.findUniqueOrThrow({ where: { id } })).registeredAt).not.toBeNull();
    // Undoing a registration is the administration's, with a reason.
    await refused(move(coordinator, "IN_REVIEW", "error"), "roleNotAllowed");
    await refused(move(admin, "IN_REVIEW"), "reasonRequired");
    await move(admin, "IN_REVIEW", "Se registró por error");
    await refused(move(coordinator, "NOT_REGISTERED"), "reasonRequired");
    await move(coordinator, "WITHDRAWN", "La organización se retiró");
    await refused(move(admin, "IN_REVIEW", "reabrir"), "moveNotAllowed");

    const changes = await db.submissionStatusChange.findMany({ where: { submissionId: id }, orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.from, c.to, c.reason])).toEqual([
      [null, "RECEIVED", null],
      ["RECEIVED", "IN_REVIEW", null],
      ["IN_REVIEW", "REGISTERED", null],
      ["REGISTERED", "IN_REVIEW", "Se registró por error"],
      ["IN_REVIEW", "WITHDRAWN", "La organización se retiró"],
    ]);
    const audited = await db.auditLog.findMany({ where: { entityId: id, action: "contest.submission.status" }, orderBy: { id: "asc" } });
    expect(audited.map((a) => (a.after as { status: string }).status)).toEqual(["IN_REVIEW", "REGISTERED", "IN_REVIEW", "WITHDRAWN"]);
    expect(audited[2]!.actorId).toBe(admin.id);
  });

  it("flags a submission received after the closing date; only an ADMIN accepts it, with a reason", async () => {
    const coordinator = await staffUser();
    const admin = await staffUser("ADMIN");
    const { contest, requirements } = await newContest(actorOf(coordinator), { open: -30, close: -2 });
    const onTime = await createSubmission(actorOf(coordinator), contest.id, submissionInput({ receivedAt: new Date(Date.now() - 3 * DAY).toISOString().slice(0, 16) }));
    const late = await createSubmission(actorOf(coordinator), contest.id, submissionInput({ receivedAt: new Date(Date.now() - DAY).toISOString().slice(0, 16) }));
    expect(onTime.late).toBe(false);
    expect(late.late).toBe(true);
    expect((await listSubmissions(contest.id, { q: null, state: null, late: "1" })).rows.map((r) => r.id)).toEqual([late.id]);
    await refused(moveSubmission(actorOf(coordinator), contest.id, late.id, "IN_REVIEW", null), "lateNotAccepted");
    await refused(saveChecks(actorOf(coordinator), contest.id, late.id, allMet(requirements)), "lateNotAccepted");
    await refused(acceptLate(actorOf(coordinator), contest.id, late.id, "paquetería"), "adminOnly");
    await refused(acceptLate(actorOf(admin), contest.id, onTime.id, "x"), "notLate");
    await acceptLate(actorOf(admin), contest.id, late.id, "La guía acredita el envío a tiempo");
    await saveChecks(actorOf(coordinator), contest.id, late.id, allMet(requirements));
    await moveSubmission(actorOf(coordinator), contest.id, late.id, "REGISTERED", null);
    const row = await db.submission.findUniqueOrThrow({ where: { id: late.id } });
    expect([row.status, row.lateAcceptedById, row.lateAcceptReason]).toEqual(["REGISTERED", admin.id, "La guía acredita el envío a tiempo"]);
  });

  it("corrects recorded data with a reason, recomputing the late flag, only while the review is open", async () => {
    const coordinator = await staffUser();
    const admin = await staffUser("ADMIN");
    const { contest, requirements } = await newContest(actorOf(coordinator), { open: -30, close: -2 });
    const { id } = await createSubmission(actorOf(coordinator), contest.id, submissionInput({ receivedAt: new Date(Date.now() - DAY).toISOString().slice(0, 16), requestedBudget: "1000" }));
    await acceptLate(actorOf(admin), contest.id, id, "paquetería");
    const edit = (receivedAt: Date, extra: Record<string, string> = {}) =>
      submissionEditSchema("UTC").parse({ title: "Título corregido", summary: "Brigadas de credencialización", targetCommunities: "Familias mexicanas", targetCities: "Houston", requestedBudget: "1,000.00", receivedAt: receivedAt.toISOString().slice(0, 16), channel: "MAIL", reason: "Error de captura", ...extra });
    expect(submissionEditSchema("UTC").safeParse({ title: "x", receivedAt: "2017-11-01T10:00", channel: "MAIL" }).success).toBe(false);
    // Same budget written differently is no change; the received date moved before the closing date clears the late flag.
    await updateSubmission(actorOf(coordinator), contest.id, id, edit(new Date(Date.now() - 5 * DAY)));
    const row = await db.submission.findUniqueOrThrow({ where: { id }, include: { statusChanges: true } });
    expect([row.title, row.channel, row.late, row.lateAcceptedById, row.requestedBudget?.toString()]).toEqual(["Título corregido", "MAIL", false, null, "1000"]);
    expect(row.statusChanges[0]!.at.getTime()).toBe(row.receivedAt.getTime());
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "contest.submission.update" } });
    expect(Object.keys(entry.after as object).sort()).toEqual(["channel", "late", "lateAcceptReason", "lateAcceptedById", "reason", "receivedAt", "title"]);
    await saveChecks(actorOf(coordinator), contest.id, id, allMet(requirements));
    await moveSubmission(actorOf(coordinator), contest.id, id, "REGISTERED", null);
    await refused(updateSubmission(actorOf(coordinator), contest.id, id, edit(new Date(Date.now() - 5 * DAY), { title: "Otro" })), "reviewClosed");
  });

  it("stores documents by content: refuses an executable renamed .pdf and a file over the limit", async () => {
    const coordinator = await staffUser();
    const { contest } = await newContest(actorOf(coordinator));
    const { id } = await createSubmission(actorOf(coordinator), contest.id, submissionInput());
    await expect(addDocuments(actorOf(coordinator), contest.id, id, [{ fileName: "acta.pdf", bytes: EXE }])).rejects.toMatchObject({ reason: "typeNotAllowed" });
    await expect(addDocuments(actorOf(coordinator), contest.id, id, [{ fileName: "acta.pdf", bytes: pdf("x".repeat(5000)) }], { maxBytes: 1000 })).rejects.toBeInstanceOf(UploadRejected);
    // A refused file in a batch attaches none of them.
    await expect(addDocuments(actorOf(coordinator), contest.id, id, [{ fileName: "bien.pdf", bytes: pdf(unique()) }, { fileName: "mal.pdf", bytes: EXE }])).rejects.toBeInstanceOf(UploadRejected);
    expect(await db.submissionDocument.count({ where: { submissionId: id } })).toBe(0);
    const [doc] = await addDocuments(actorOf(coordinator), contest.id, id, [{ fileName: "acta constitutiva.pdf", bytes: pdf(unique()) }]);
    expect(doc!.mimeType).toBe("application/pdf");
  });
});

describe("correction requests", () => {
  it("e-mails the items through the queue to the SMTP server, records the delivery, takes the answer and registers", async () => {
    const coordinator = await staffUser();
    const { contest, requirements } = await newContest(actorOf(coordinator));
    const input = submissionInput();
    const { id } = await createSubmission(actorOf(coordinator), contest.id, input);
    await saveChecks(actorOf(coordinator), contest.id, id, [
      { requirementId: requirements[0]!.id, result: "MET", note: null },
      { requirementId: requirements[1]!.id, result: "NEEDS_CORRECTION", note: "El recibo tiene más de tres meses" },
    ]);
    const sentAfter = new Date(Date.now() - 1000);
    const deadline = new Date(Date.now() + 5 * DAY);
    const request = await requestCorrection(actorOf(coordinator), contest.id, id, { items: [requirements[1]!.id], message: "Envíe el comprobante actualizado.", deadline });
    expect(request.sentTo).toBe(input.contactEmail);
    expect((await db.submission.findUniqueOrThrow({ where: { id } })).status).toBe("CORRECTIONS_REQUESTED");
    await refused(requestCorrection(actorOf(coordinator), contest.id, id, { items: [requirements[0]!.id], message: null, deadline }), "correctionOpen");

    const mail = await waitForMail(input.contactEmail!, { subject: /subsane/i, after: sentAfter });
    expect(mail.subject).toBe(`Solicitud de subsane: ${input.title} (${(await db.submission.findUniqueOrThrow({ where: { id } })).folio})`);
    expect(mail.text).toContain("• Comprobante de domicilio en EUA: El recibo tiene más de tres meses");
    expect(mail.text).not.toContain("Acta constitutiva");
    expect(mail.text).toContain("Envíe el comprobante actualizado.");
    expect(mail.html).toContain("Comprobante de domicilio en EUA: El recibo tiene más de tres meses");
    // The worker reports the delivery back to the request.
    let mailStatus: string | null = null;
    for (let i = 0; i < 50 && mailStatus !== "sent"; i++) {
      mailStatus = (await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).mailStatus;
      if (mailStatus !== "sent") await new Promise((r) => setTimeout(r, 100));
    }
    expect(mailStatus).toBe("sent");

    // Staff may not close the door while the organisation is in time.
    await refused(moveSubmission(actorOf(coordinator), contest.id, id, "NOT_REGISTERED", "sin respuesta"), "correctionNotDue");
    await answerCorrection(actorOf(coordinator), contest.id, id, request.id, { note: "Llegó por correo" }, [{ fileName: "comprobante.pdf", bytes: pdf(unique()) }]);
    const answered = await getSubmission(contest.id, id);
    expect(answered!.status).toBe("IN_REVIEW");
    expect(answered!.corrections[0]).toMatchObject({ state: "ANSWERED", answerNote: "Llegó por correo", overdue: false });
    expect(answered!.documents.filter((d) => d.correctionRequestId === request.id).map((d) => d.fileName)).toEqual(["comprobante.pdf"]);
    await saveChecks(actorOf(coordinator), contest.id, id, [{ requirementId: requirements[1]!.id, result: "MET", note: null }]);
    await moveSubmission(actorOf(coordinator), contest.id, id, "REGISTERED", null);
  });

  it("flags an overdue request and then lets staff mark the submission not registered", async () => {
    const coordinator = await staffUser();
    const { contest, requirements } = await newContest(actorOf(coordinator));
    const { id } = await createSubmission(actorOf(coordinator), contest.id, submissionInput());
    await saveChecks(actorOf(coordinator), contest.id, id, [{ requirementId: requirements[0]!.id, result: "MISSING", note: null }]);
    await refused(requestCorrection(actorOf(coordinator), contest.id, id, { items: [requirements[0]!.id], message: null, deadline: new Date(Date.now() - 1000) }), "deadlinePast");
    const asked = new Date(Date.now() - 6 * DAY);
    const request = await requestCorrection(actorOf(coordinator), contest.id, id, { items: [requirements[0]!.id], message: null, deadline: new Date(asked.getTime() + 5 * DAY) }, { now: asked, sendMail: false });
    const detail = await getSubmission(contest.id, id);
    expect(detail!.corrections[0]).toMatchObject({ id: request.id, overdue: true });
    expect((await listSubmissions(contest.id, { q: null, state: null, overdue: "1" })).rows.map((r) => r.id)).toEqual([id]);
    await moveSubmission(actorOf(coordinator), contest.id, id, "NOT_REGISTERED", "No subsanó en plazo");
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe("CANCELLED");
  });
});

describe("funnel and exports", () => {
  it("counts the funnel at a date from the status history", async () => {
    const coordinator = await staffUser();
    const { contest, requirements } = await newContest(actorOf(coordinator));
    const a = await createSubmission(actorOf(coordinator), contest.id, submissionInput({ receivedAt: new Date(Date.now() - 3 * DAY).toISOString().slice(0, 16) }));
    const b = await createSubmission(actorOf(coordinator), contest.id, submissionInput());
    await saveChecks(actorOf(coordinator), contest.id, a.id, allMet(requirements));
    await moveSubmission(actorOf(coordinator), contest.id, a.id, "REGISTERED", null);
    await moveSubmission(actorOf(coordinator), contest.id, b.id, "WITHDRAWN", "retirado");
    const none = { awaitingReview: 0, underReview: 0, awaitingCorrections: 0 };
    expect(await contestFunnel(contest.id)).toEqual({ received: 2, inReview: 1, corrections: 0, registered: 1, notRegistered: 0, withdrawn: 1, pending: 0, ...none });
    expect(await contestFunnel(contest.id, new Date(Date.now() - 2 * DAY))).toEqual({ received: 1, inReview: 0, corrections: 0, registered: 0, notRegistered: 0, withdrawn: 0, pending: 1, ...none, awaitingReview: 1 });
  });

  it("exports submissions and requirement results as CSV with formula cells neutralised", async () => {
    const coordinator = await staffUser();
    const { contest, requirements } = await newContest(actorOf(coordinator));
    const { id } = await createSubmission(actorOf(coordinator), contest.id, submissionInput({ title: '=HYPERLINK("http://x.test","clic")' }));
    await saveChecks(actorOf(coordinator), contest.id, id, [{ requirementId: requirements[0]!.id, result: "NEEDS_CORRECTION", note: "+falta firma" }]);
    const rows = Papa.parse<string[]>((await submissionsCsv(actorOf(coordinator), contest.id, {}, "es")).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 2)).toEqual(["Folio", "Organización"]);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`'=HYPERLINK("http://x.test","clic")`);
    expect(rows[1]).toContain("En revisión");
    const checks = Papa.parse<string[]>((await checksCsv(actorOf(coordinator), contest.id, {}, "en")).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(checks).toHaveLength(1 + requirements.length);
    expect(checks[1]!.slice(4, 8)).toEqual(["Acta constitutiva", "Yes", "Needs correction", "'+falta firma"]);
    expect(await db.auditLog.count({ where: { entityId: contest.id, action: { startsWith: "contest.export." } } })).toBe(2);
  });
});

describe("pages over HTTP", () => {
  async function cookieFor(userId: string) {
    return (await createSession(userId, fakeRequest(), { mfaPending: false })).split(";")[0]!;
  }
  const get = (path: string, cookie: string) => fetch(new URL(path, inject("baseUrl")), { headers: { cookie }, redirect: "manual" });

  it("keeps JUROR and COMMUNICATIONS users out of every contest page", async () => {
    const coordinator = await staffUser();
    const { contest, requirements } = await newContest(actorOf(coordinator));
    const { id } = await createSubmission(actorOf(coordinator), contest.id, submissionInput());
    const [doc] = await addDocuments(actorOf(coordinator), contest.id, id, [{ fileName: "acta.pdf", bytes: pdf(unique()) }]);
    const paths = [
      "/contest",
      "/contest/new",
      `/contest/${contest.id}`,
      `/contest/${contest.id}/edit`,
      `/contest/${contest.id}/requirements`,
      `/contest/${contest.id}/rubric`,
      `/contest/${contest.id}/submissions/new`,
      `/contest/${contest.id}/submissions/${id}`,
      `/contest/${contest.id}/submissions/${id}/edit`,
      `/contest/${contest.id}/submissions/${id}/documents/${doc!.id}`,
      `/contest/${contest.id}/submissions.csv`,
      `/contest/${contest.id}/checks.csv`,
    ];
    for (const role of ["JUROR", "COMMUNICATIONS"] as const) {
      const cookie = await cookieFor((await staffUser(role)).id);
      for (const path of paths) expect(`${role} ${path} ${(await get(path, cookie)).status}`).toBe(`${role} ${path} 403`);
      const post = await fetch(new URL(`/contest/${contest.id}/submissions/${id}`, inject("baseUrl")), {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: new URL(inject("baseUrl")).origin },
        body: new URLSearchParams({ intent: "checks", [`result_${requirements[0]!.id}`]: "MET" }),
        redirect: "manual",
      });
      expect(post.status).toBe(403);
    }
    expect(await db.requirementCheck.count({ where: { submissionId: id, result: "MET" } })).toBe(0);
    const cookie = await cookieFor(coordinator.id);
    for (const path of paths) expect([path, (await get(path, cookie)).status]).toEqual([path, path === "/contest" ? 302 : 200]);
  });

  it("refuses over HTTP an executable renamed .pdf and a file over the limit, with the form's message", async () => {
    const coordinator = await staffUser();
    const { contest } = await newContest(actorOf(coordinator));
    const { id } = await createSubmission(actorOf(coordinator), contest.id, submissionInput());
    const client = new TestClient();
    await client.login(coordinator.email);
    const upload = async (bytes: Uint8Array, name: string) => {
      const body = new FormData();
      body.set("intent", "upload");
      body.set("files", new Blob([Buffer.from(bytes)], { type: "application/pdf" }), name);
      return client.request(`/contest/${contest.id}/submissions/${id}`, { method: "POST", body, headers: { origin: new URL(client.baseUrl).origin } });
    };
    const exe = await upload(EXE, "acta.pdf");
    expect(exe.status).toBe(400);
    expect(await exe.text()).toContain("files.errors.typeNotAllowed");
    const big = await upload(pdf("x".repeat(15 * 1024 * 1024 + 10)), "enorme.pdf");
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("files.errors.tooLarge");
    expect(await db.submissionDocument.count({ where: { submissionId: id } })).toBe(0);
    const ok = await upload(pdf(unique()), "acta.pdf");
    expect(ok.status).toBe(302);
    const [doc] = await db.submissionDocument.findMany({ where: { submissionId: id } });
    const served = await client.get(`/contest/${contest.id}/submissions/${id}/documents/${doc!.id}`);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(served.headers.get("x-content-type-options")).toContain("nosniff");
  });

  it("stores each level descriptor exactly as typed in the rubric editor, numbers first included", async () => {
    const coordinator = await staffUser();
    const { contest } = await newContest(actorOf(coordinator));
    const client = new TestClient();
    await client.login(coordinator.email);
    const origin = new URL(client.baseUrl).origin;
    const descriptors = ["0 comunidades", "1 comunidad", "2-3 comunidades", "4 — 5 comunidades", "6: seis o más comunidades", "10. Cobertura nacional"];
    const form = { "rows.0.id": "", "rows.0.name": "Cobertura", "rows.0.weight": "100", "rows.0.scaleMin": "0", "rows.0.scaleMax": "5", "rows.0.levels": descriptors.join("\r\n") };
    expect((await client.post(`/contest/${contest.id}/rubric`, form, { headers: { origin } })).status).toBe(302);
    const [criterion] = await loadRubric(contest.id);
    expect(criterion!.levels).toEqual({ "0": "0 comunidades", "1": "1 comunidad", "2": "2-3 comunidades", "3": "4 — 5 comunidades", "4": "6: seis o más comunidades", "5": "10. Cobertura nacional" });

    // The editor shows them as stored, so saving the page again changes nothing.
    const page = await (await client.get(`/contest/${contest.id}/rubric?edit`)).text();
    expect(page).toContain(descriptors.join("\n"));
    const again = { ...form, "rows.0.id": criterion!.id, "rows.0.levels": descriptors.join("\n") };
    expect((await client.post(`/contest/${contest.id}/rubric`, again, { headers: { origin } })).status).toBe(302);
    expect((await loadRubric(contest.id))[0]!.levels).toEqual(criterion!.levels);
  });

  it("answers a bad rubric with the translated message and keeps what was typed; stores the call document", async () => {
    const coordinator = await staffUser();
    const { contest } = await newContest(actorOf(coordinator));
    const client = new TestClient();
    await client.login(coordinator.email);
    const origin = new URL(client.baseUrl).origin;
    const rubric = await client.post(
      `/contest/${contest.id}/rubric`,
      {
        "rows.0.id": "",
        "rows.0.name": "Impacto comunitario único",
        "rows.0.weight": "60",
        "rows.0.scaleMin": "1",
        "rows.0.scaleMax": "5",
        "rows.0.levels": "a\nb\nc\nd\ne",
        "rows.1.id": "",
        "rows.1.name": "Viabilidad",
        "rows.1.weight": "30",
        "rows.1.scaleMin": "1",
        "rows.1.scaleMax": "5",
        "rows.1.levels": "a\nb\nc\nd\ne",
      },
      { headers: { origin } },
    );
    expect(rubric.status).toBe(400);
    const html = await rubric.text();
    expect(html).toContain("Los pesos deben sumar 100 %; ahora suman 90 %.");
    expect(html).toContain('value="Impacto comunitario único"');
    expect(await loadRubric(contest.id)).toEqual([]);

    const body = new FormData();
    body.set("kind", "call");
    body.set("file", new Blob([Buffer.from(pdf(unique()))], { type: "application/pdf" }), "Convocatoria 2017.pdf");
    const upload = await client.request(`/contest/${contest.id}/edit`, { method: "POST", body, headers: { origin } });
    expect(upload.status).toBe(302);
    const served = await client.get(`/contest/${contest.id}/documents/call`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("content-disposition")).toContain("Convocatoria 2017.pdf");
    expect((await client.get(`/contest/${contest.id}/documents/rules`)).status).toBe(404);
  });
});
