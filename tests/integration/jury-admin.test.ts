import { afterAll, describe, expect, it, inject } from "vitest";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { addSession } from "~/modules/jury/admin.server";
import { JuryError } from "~/modules/jury/errors";
import { confirmNoConflict, submitEvaluation } from "~/modules/jury/workspace.server";
import { closeQueues } from "../../jobs/queues";
import { createUser, fakeRequest, uniqueEmail, uniqueIp } from "../support/factories";
import { waitForMail } from "../support/outbox";
import { createJuryContest, draftOf } from "./jury-fixtures";

afterAll(async () => {
  await closeQueues();
});

/** An ADMIN with two-factor on and a session, talking to the real server. */
async function adminClient() {
  const created = await createUser({ role: "ADMIN", name: "Ana Admin Jurado" });
  const admin = await db.user.update({ where: { id: created.id }, data: { totpEnabled: true } });
  const cookie = (await createSession(admin.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
  const base = inject("baseUrl");
  const ip = uniqueIp();
  const headers = { cookie, "x-forwarded-for": ip, origin: new URL(base).origin };
  return {
    admin,
    get: (path: string) => fetch(new URL(path, base), { headers, redirect: "manual" }),
    post: (path: string, form: Record<string, string>) =>
      fetch(new URL(path, base), { method: "POST", headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form), redirect: "manual" }),
  };
}

describe("the ADMIN's jury set-up", () => {
  it("designates an existing juror and invites a new one by e-mail; refuses another role", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 0 });
    const http = await adminClient();
    const existing = await createUser({ role: "JUROR", name: "Jurado Existente" });
    const ok = await http.post(`/jury/${fx.contest.id}/setup`, { intent: "designate", email: existing.email, designationRef: "INE/CVMRE-04SO/2017", designatedOn: "2017-11-15", expertise: "Migración, Voto" });
    expect(ok.status).toBe(302);
    const member = await db.juryMember.findUniqueOrThrow({ where: { contestId_userId: { contestId: fx.contest.id, userId: existing.id } } });
    expect(member).toMatchObject({ designationRef: "INE/CVMRE-04SO/2017", expertise: ["Migración", "Voto"] });
    expect(member.designatedOn?.toISOString().slice(0, 10)).toBe("2017-11-15");
    expect(await db.auditLog.findFirst({ where: { action: "jury.member.designate", entityId: member.id } })).not.toBeNull();

    const newEmail = uniqueEmail("jurado-nuevo");
    const since = new Date();
    const invited = await http.post(`/jury/${fx.contest.id}/setup`, { intent: "designate", email: newEmail, name: "Dra. Nueva Jurado", designationRef: "INE/CVMRE-04SO/2017", designatedOn: "2017-11-15" });
    expect(invited.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email: newEmail } });
    expect(user).toMatchObject({ role: "JUROR", passwordHash: null });
    await waitForMail(newEmail, { after: since });

    const coordinator = await createUser({ role: "COORDINATOR" });
    const refused = await http.post(`/jury/${fx.contest.id}/setup`, { intent: "designate", email: coordinator.email, designationRef: "X-1", designatedOn: "2017-11-15" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Esa cuenta existe con otro rol");
    expect(await db.juryMember.count({ where: { contestId: fx.contest.id, userId: coordinator.id } })).toBe(0);

    const invalid = await http.post(`/jury/${fx.contest.id}/setup`, { intent: "designate", email: "no-es-correo", designationRef: "", designatedOn: "15/11/2017" });
    expect(invalid.status).toBe(400);
    const html = await invalid.text();
    expect(html).toContain("Escribe un correo válido.");
    expect(html).toContain('value="no-es-correo"');
  });

  it("assigns, opens the discussion, reopens with e-mail, records an award and renders results, CSV and verdict", async () => {
    const fx = await createJuryContest({ projects: 2, jurors: 2 });
    await db.assignment.deleteMany({ where: { contestId: fx.contest.id } });
    const http = await adminClient();
    expect((await http.get(`/jury/${fx.contest.id}/setup`)).status).toBe(200);
    expect((await http.post(`/jury/${fx.contest.id}/setup`, { intent: "assignAll" })).status).toBe(302);
    expect(await db.assignment.count({ where: { contestId: fx.contest.id } })).toBe(4);

    const [j1, j2] = fx.jurors as [typeof fx.jurors[0], typeof fx.jurors[0]];
    const s = fx.submissions[0]!.id;
    for (const [j, values] of [[j1, { A: 5, B: 10, C: 5, D: 10 }], [j2, { A: 1, B: 0, C: 1, D: 0 }]] as const) {
      await confirmNoConflict({ userId: j.id }, fx.contest.id, s);
      await submitEvaluation({ userId: j.id }, fx.contest.id, s, draftOf(fx, values));
    }
    expect((await http.post(`/jury/${fx.contest.id}/setup`, { intent: "discussion", open: "1" })).status).toBe(302);
    expect((await db.contest.findUniqueOrThrow({ where: { id: fx.contest.id } })).discussionOpen).toBe(true);

    const evaluation = await db.evaluation.findUniqueOrThrow({ where: { submissionId_userId: { submissionId: s, userId: j2.id } } });
    const since = new Date();
    expect((await http.post(`/jury/${fx.contest.id}/setup`, { intent: "reopen", evaluationId: evaluation.id, reason: "Puntajes en cero por error" })).status).toBe(302);
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } })).state).toBe("DRAFT");
    const mail = await waitForMail(j2.email, { after: since, subject: /reabri/i });
    expect(mail.text).toContain("Puntajes en cero por error");

    // Results: only j1 counts now (j2 is a draft again): 100 points, no dispersion.
    const results = await http.get(`/jury/${fx.contest.id}/results`);
    expect(results.status).toBe(200);
    expect(await results.text()).toContain("100.00");
    expect((await http.post(`/jury/${fx.contest.id}/results`, { submissionId: s, place: "1", prize: "USD 15,000" })).status).toBe(302);
    const csv = await (await http.get(`/jury/${fx.contest.id}/results.csv`)).text();
    expect(csv.split("\r\n")[1]).toContain("100.00");
    expect(csv).toContain("USD 15,000");
    const verdict = await http.get(`/jury/${fx.contest.id}/verdict`);
    expect(verdict.status).toBe(200);
    const verdictHtml = await verdict.text();
    expect(verdictHtml).toContain("Acta de dictamen del jurado");
    expect(verdictHtml).toContain(j1.name);
    expect(verdictHtml).toContain(fx.submissions[0]!.title);
    expect(await db.auditLog.findFirst({ where: { action: "jury.award.save", actorId: http.admin.id } })).not.toBeNull();
    // The overview lists the contest.
    expect(await (await http.get("/jury")).text()).toContain(fx.contest.name);
  });

  it("records a session with its signed document and refuses an executable renamed .pdf", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 1 });
    const admin = await createUser({ role: "ADMIN" });
    const actor = { userId: admin.id, ip: "127.0.0.1", name: admin.name, role: "ADMIN" };
    const input = { kind: "INSTALLATION" as const, heldAt: new Date("2017-11-27T12:00:00Z"), attendees: "Tres jurados", minutes: "Se instala el jurado." };
    const session = await addSession(actor, fx.contest.id, input, { fileName: "acta-instalacion.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n% acta\n%%EOF\n") });
    expect(session.fileSha256).toMatch(/^[a-f0-9]{64}$/);
    const error = await addSession(actor, fx.contest.id, input, { fileName: "acta.pdf", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JuryError);
    expect((error as JuryError).code).toBe("fileRejected");
    expect(await db.jurySession.count({ where: { contestId: fx.contest.id } })).toBe(1);
  });
});
