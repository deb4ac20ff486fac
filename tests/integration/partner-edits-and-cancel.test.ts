/**
 * What a user enters can be corrected: a partner's people, activities and follow-ups are edited
 * through the institution page by who may create them (audited with before and after, bad input
 * answered with a translated message and kept), and a correction request can be cancelled, which
 * returns the submission to review and records it in its status history.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createContest, saveRequirements, type Actor } from "~/modules/contest/contest.server";
import { requestCorrection } from "~/modules/contest/corrections.server";
import { submissionFormSchema } from "~/modules/contest/schema";
import { createSubmission, saveChecks } from "~/modules/contest/submissions.server";
import { addActivity, addFollowUp, addPerson, createPartner } from "~/modules/partners/partner.server";
import { activityFormSchema, partnerFormSchema, personFormSchema } from "~/modules/partners/schema";
import { closeQueues } from "../../jobs/queues";
import { createUser, uniqueEmail } from "../support/factories";
import { TestClient } from "../support/http";

afterAll(async () => {
  await closeQueues();
});

const token = () => randomUUID().slice(0, 8);
const DAY = 86_400_000;
const origin = () => ({ origin: new URL(new TestClient().baseUrl).origin });

async function signedIn(role: "COORDINATOR" | "COMMUNICATIONS") {
  const user = await createUser({ role, name: `${role} ${token()}` });
  const client = new TestClient();
  expect((await client.login(user.email)).status).toBe(302);
  const post = (path: string, form: Record<string, string> | URLSearchParams) =>
    form instanceof URLSearchParams
      ? client.request(path, { method: "POST", body: form, headers: { ...origin(), "content-type": "application/x-www-form-urlencoded" } })
      : client.post(path, form, { headers: origin() });
  return { user, client, post };
}

async function partnerOf(user: { id: string }) {
  return createPartner({ userId: user.id, ip: "127.0.0.1" }, partnerFormSchema.parse({ name: `Consulado ${token()}`, kind: "FEDERAL_AGENCY" }));
}

describe("correcting a partner's people, activities and follow-ups", () => {
  it("edits a person through the page, audited before/after; COMMUNICATIONS may not; bad input is kept", async () => {
    const coord = await signedIn("COORDINATOR");
    const p = await partnerOf(coord.user);
    const person = await addPerson({ userId: coord.user.id, ip: "127.0.0.1" }, p.id, personFormSchema.parse({ name: "Rosa Mejia", position: "Cónsul", email: "rosa@example.org" }));

    const bad = await coord.post(`/partners/${p.id}`, { intent: "person", personId: person.id, name: "Rosa Mejía", position: "Cónsul adscrita", email: "no-es-correo" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Cónsul adscrita");
    expect(html).toContain("El correo electrónico no es válido.");
    expect((await db.partnerPerson.findUniqueOrThrow({ where: { id: person.id } })).name).toBe("Rosa Mejia");

    const comms = await signedIn("COMMUNICATIONS");
    expect((await comms.post(`/partners/${p.id}`, { intent: "person", personId: person.id, name: "Otra" })).status).toBe(403);

    const ok = await coord.post(`/partners/${p.id}`, { intent: "person", personId: person.id, name: "Rosa Mejía", position: "Cónsul adscrita", email: "rosa@example.org" });
    expect(ok.status).toBe(302);
    expect(await db.partnerPerson.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ name: "Rosa Mejía", position: "Cónsul adscrita", email: "rosa@example.org" });
    expect(await db.partnerPerson.count({ where: { partnerId: p.id } })).toBe(1);
    const log = await db.auditLog.findFirstOrThrow({ where: { entityId: p.id, action: "partner.person.update" } });
    expect(log.before).toEqual({ personId: person.id, name: "Rosa Mejia", position: "Cónsul" });
    expect(log.after).toEqual({ personId: person.id, name: "Rosa Mejía", position: "Cónsul adscrita" });
  });

  it("edits an activity's date, figures and participants, keeping its follow-up; bad input keeps every choice", async () => {
    const coord = await signedIn("COORDINATOR");
    const other = await createUser({ role: "COMMUNICATIONS", name: `Comunicación ${token()}` });
    const p = await partnerOf(coord.user);
    const actor = { userId: coord.user.id, ip: "127.0.0.1" };
    const person = await addPerson(actor, p.id, personFormSchema.parse({ name: "Enlace" }));
    const { activity, followUp } = await addActivity(
      actor,
      p.id,
      activityFormSchema.parse({ occurredOn: "2017-11-10", kind: "OTHER", summary: "Sesión", peopleReached: "40", userIds: [coord.user.id], followUpTitle: "Enviar", followUpDueOn: "2017-11-20", followUpOwnerId: coord.user.id })
    );

    const form = (occurredOn: string) => {
      const f = new URLSearchParams({ intent: "activity", activityId: activity.id, occurredOn, kind: "JOINT_EVENT", summary: "Taller de credencialización", peopleReached: "45" });
      for (const id of [coord.user.id, other.id]) f.append("userIds", id);
      f.append("personIds", person.id);
      return f;
    };
    const bad = await coord.post(`/partners/${p.id}`, form("2017-11-31"));
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("La fecha no es válida.");
    expect(html).toContain("Taller de credencialización");
    // Both staff choices survive the error, not just the last one.
    expect(html.match(new RegExp(`name="userIds" checked="" value="(${coord.user.id}|${other.id})"`, "g"))?.length).toBe(2);

    expect((await coord.post(`/partners/${p.id}`, form("2017-11-11"))).status).toBe(302);
    const after = await db.partnerActivity.findUniqueOrThrow({ where: { id: activity.id }, include: { users: true, people: true, followUps: true } });
    expect(after).toMatchObject({ kind: "JOINT_EVENT", summary: "Taller de credencialización", peopleReached: 45 });
    expect(after.occurredOn.toISOString().slice(0, 10)).toBe("2017-11-11");
    expect(after.users.map((u) => u.userId).sort()).toEqual([coord.user.id, other.id].sort());
    expect(after.people.map((x) => x.personId)).toEqual([person.id]);
    expect(after.followUps.map((f) => f.id)).toEqual([followUp!.id]);
    const log = await db.auditLog.findFirstOrThrow({ where: { entityId: p.id, action: "partner.activity.update" } });
    expect(log.before).toMatchObject({ activityId: activity.id, kind: "OTHER", peopleReached: 40, userIds: [coord.user.id], personIds: [] });
    expect(log.after).toMatchObject({ activityId: activity.id, kind: "JOINT_EVENT", peopleReached: 45, personIds: [person.id] });
  });

  it("edits a follow-up's title, due date and owner; refuses an inactive owner on the owner field", async () => {
    const coord = await signedIn("COORDINATOR");
    const next = await createUser({ role: "COORDINATOR", name: `Siguiente ${token()}` });
    const gone = await createUser({ role: "COORDINATOR", name: `Se fue ${token()}` });
    await db.user.update({ where: { id: gone.id }, data: { active: false } });
    const p = await partnerOf(coord.user);
    const f = await addFollowUp({ userId: coord.user.id, ip: "127.0.0.1" }, p.id, { title: "Llamar", dueOn: "2017-12-01", ownerId: coord.user.id, notes: null, activityId: null });

    const refused = await coord.post(`/partners/${p.id}`, { intent: "followUp", followUpId: f.id, title: "Llamar al cónsul", dueOn: "2017-12-08", ownerId: gone.id });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('id="followUp-' + f.id + '-ownerId-error"');
    expect(html).toContain('value="Llamar al cónsul"');
    expect((await db.followUp.findUniqueOrThrow({ where: { id: f.id } })).title).toBe("Llamar");

    const comms = await signedIn("COMMUNICATIONS");
    expect((await comms.post(`/partners/${p.id}`, { intent: "followUp", followUpId: f.id, title: "x", dueOn: "2017-12-08", ownerId: comms.user.id })).status).toBe(403);

    expect((await coord.post(`/partners/${p.id}`, { intent: "followUp", followUpId: f.id, title: "Llamar al cónsul", dueOn: "2017-12-08", ownerId: next.id })).status).toBe(302);
    const after = await db.followUp.findUniqueOrThrow({ where: { id: f.id } });
    expect(after).toMatchObject({ title: "Llamar al cónsul", ownerId: next.id, state: "OPEN" });
    expect(after.dueOn.toISOString().slice(0, 10)).toBe("2017-12-08");
    expect(await db.followUp.count({ where: { partnerId: p.id } })).toBe(1);
    const log = await db.auditLog.findFirstOrThrow({ where: { entityId: p.id, action: "partner.followUp.update" } });
    expect(log.before).toMatchObject({ followUpId: f.id, title: "Llamar", ownerId: coord.user.id });
    expect(log.after).toMatchObject({ followUpId: f.id, title: "Llamar al cónsul", ownerId: next.id });
  });
});

describe("cancelling a correction request", () => {
  async function submissionWaitingOnCorrection(user: { id: string; role: string }) {
    const actor: Actor = { userId: user.id, ip: "127.0.0.1", role: user.role as Actor["role"] };
    const now = Date.now();
    const contest = await createContest(actor, {
      name: `Concurso ${token()}`,
      description: null,
      submissionsOpenAt: new Date(now - 30 * DAY),
      submissionsCloseAt: new Date(now + 10 * DAY),
      reviewEndsAt: new Date(now + 20 * DAY),
      evaluationStartsAt: new Date(now + 25 * DAY),
      evaluationEndsAt: new Date(now + 40 * DAY),
      resultsAt: new Date(now + 50 * DAY),
      correctionDays: 5,
    });
    const [requirement] = await saveRequirements(actor, contest.id, [{ id: null, name: "Acta constitutiva", description: null, required: true, remove: false }]);
    const input = submissionFormSchema("America/Mexico_City").parse({
      partnerMode: "new",
      orgName: `Organización ${token()}`,
      orgState: "Texas",
      contactName: "Rosa",
      contactEmail: uniqueEmail("osc"),
      title: `Proyecto ${token()}`,
      receivedAt: new Date(now - DAY).toISOString().slice(0, 16),
      channel: "EMAIL",
    });
    const { id } = await createSubmission(actor, contest.id, input);
    await saveChecks(actor, contest.id, id, [{ requirementId: requirement!.id, result: "MISSING", note: null }]);
    const request = await requestCorrection(actor, contest.id, id, { items: [requirement!.id], message: null, deadline: new Date(now + 5 * DAY) }, { sendMail: false });
    return { contestId: contest.id, id, request };
  }

  it("states the consequence, asks a reason, then returns the submission to review in its history", async () => {
    const coord = await signedIn("COORDINATOR");
    const { contestId, id, request } = await submissionWaitingOnCorrection(coord.user);
    const path = `/contest/${contestId}/submissions/${id}`;
    const page = await (await coord.client.get(path)).text();
    expect(page).toContain("el proyecto vuelve a «En revisión»");

    const noReason = await coord.post(path, { intent: "cancelCorrection", requestId: request.id, reason: "  " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Escribe por qué se cancela la solicitud.");
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe("OPEN");

    const comms = await signedIn("COMMUNICATIONS");
    expect((await comms.post(path, { intent: "cancelCorrection", requestId: request.id, reason: "x" })).status).toBe(403);

    expect((await coord.post(path, { intent: "cancelCorrection", requestId: request.id, reason: "Se pidió por error" })).status).toBe(302);
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe("CANCELLED");
    expect((await db.submission.findUniqueOrThrow({ where: { id } })).status).toBe("IN_REVIEW");
    const last = await db.submissionStatusChange.findFirstOrThrow({ where: { submissionId: id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ from: "CORRECTIONS_REQUESTED", to: "IN_REVIEW", reason: "Se pidió por error", byId: coord.user.id });
    expect(await db.auditLog.count({ where: { entityId: id, action: "contest.correction.cancel" } })).toBe(1);

    // Cancelled, it no longer counts as open: a new request may be made; cancelling twice is refused.
    const again = await coord.post(path, { intent: "cancelCorrection", requestId: request.id, reason: "otra vez" });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Esa solicitud de subsane ya está cerrada.");
    expect(await db.correctionRequest.count({ where: { submissionId: id, state: "OPEN" } })).toBe(0);
  });
});
