/**
 * Meetings, commission sessions and agreements against the real database and web server: each
 * participant once (merged by the module, refused by the table), the trigger that wants exactly
 * one kind per participant, the default report-part rule on hand-worked cases, agreement numbers
 * unique, jurors linked to the agreement that designated them (04SO), and the pages over HTTP by
 * role, with bad ids and bad input. Every test makes records of its own with a unique token.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { PartnerKind } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { designateJuror } from "~/modules/jury/admin.server";
import { designateSchema } from "~/modules/jury/schema";
import { createAgreement, deleteAgreement, getAgreement, linkJurorsToAgreement, updateAgreement } from "~/modules/meetings/agreements.server";
import { MeetingError } from "~/modules/meetings/errors";
import { createMeeting, deleteMeeting, getMeeting, listMeetings, updateMeeting } from "~/modules/meetings/meeting.server";
import { defaultMeetingReportPart } from "~/modules/meetings/report-part";
import { agreementFormSchema, meetingFormSchema, type MeetingInputRaw } from "~/modules/meetings/schema";
import { closeQueues } from "../../jobs/queues";
import { createUser, fakeRequest, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";
import { createJuryContest } from "./jury-fixtures";
import { markup } from "../support/markup";

afterAll(async () => {
  await closeQueues();
});

const token = () => randomUUID().slice(0, 8);
const actorOf = (user: { id: string }) => ({ userId: user.id, ip: "127.0.0.1" });

async function coordinator() {
  return createUser({ role: "COORDINATOR", name: `Coordinación ${token()}` });
}

async function partner(name: string, kind: PartnerKind, acronym?: string) {
  return db.partner.create({ data: { name, kind, acronym: acronym ?? null } });
}

function meetingInput(values: Partial<MeetingInputRaw> & Pick<MeetingInputRaw, "kind" | "subject">) {
  return meetingFormSchema.parse({ heldOn: "2017-11-09", ...values });
}

async function adminClient() {
  const created = await createUser({ role: "ADMIN", name: `Admin ${token()}` });
  const admin = await db.user.update({ where: { id: created.id }, data: { totpEnabled: true } });
  const cookie = (await createSession(admin.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
  return { admin, cookie };
}

async function loggedIn(role: "COORDINATOR" | "COMMUNICATIONS" | "JUROR") {
  const user = await createUser({ role, name: `${role} ${token()}` });
  const http = new TestClient();
  const res = await http.login(user.email);
  expect(res.status).toBe(302);
  return { user, http };
}

const origin = () => ({ origin: new URL(new TestClient().baseUrl).origin });

describe("the default report-part rule", () => {
  const rule = (kind: MeetingInputRaw["kind"], partnerKinds: PartnerKind[], ineAreas: string[] = [], politicalParties: string[] = []) =>
    defaultMeetingReportPart({ kind: kind as never, partnerKinds, ineAreas, politicalParties });

  it("puts commission sessions and anything with an OPL, an INE area or a party in the Secretariat", () => {
    // The Cuarta Sesión Ordinaria: a session, whoever attends.
    expect(rule("COMMISSION_SESSION", [])).toBe("SECRETARIAT");
    expect(rule("COMMISSION_SESSION", ["UNIVERSITY"])).toBe("SECRETARIAT");
    // The Quinta Reunión with seven OPL; the OPL Chiapas liaison with a university present too.
    expect(rule("WORKING_MEETING", Array(7).fill("LOCAL_ELECTORAL_BODY"))).toBe("SECRETARIAT");
    expect(rule("WORKSHOP", ["UNIVERSITY", "LOCAL_ELECTORAL_BODY"])).toBe("SECRETARIAT");
    // The internal working meetings (INE areas only) and the meeting with political parties.
    expect(rule("WORKING_MEETING", [], ["DERFE", "UNICOM"])).toBe("SECRETARIAT");
    expect(rule("WORKING_MEETING", [], [], ["PRI"])).toBe("SECRETARIAT");
    expect(rule("WORKING_MEETING", ["FEDERAL_AGENCY"], ["DECEYEC"])).toBe("SECRETARIAT");
  });

  it("sends universities to educational, INE offices alone to decentralised, the rest to institutional", () => {
    expect(rule("WORKING_MEETING", ["UNIVERSITY"])).toBe("EDUCATIONAL");
    expect(rule("WORKING_MEETING", ["UNIVERSITY", "FEDERAL_AGENCY", "INE_OFFICE"])).toBe("EDUCATIONAL");
    expect(rule("WORKING_MEETING", ["INE_OFFICE", "INE_OFFICE"])).toBe("DECENTRALIZED");
    // An INE office with someone else is no longer only decentralised.
    expect(rule("WORKING_MEETING", ["INE_OFFICE", "CIVIL_SOCIETY"])).toBe("INSTITUTIONAL");
    // The SEGOB council and IMUMI (2.1.4, vinculación institucional).
    expect(rule("COUNCIL_SESSION", ["FEDERAL_AGENCY"])).toBe("INSTITUTIONAL");
    expect(rule("WORKING_MEETING", ["CIVIL_SOCIETY"])).toBe("INSTITUTIONAL");
    expect(rule("OTHER", [])).toBe("INSTITUTIONAL");
  });

  it("stores the rule's answer when none is chosen, and the chosen part when one is", async () => {
    const user = await coordinator();
    const t = token();
    const unam = await partner(`Universidad Nacional ${t}`, "UNIVERSITY", `UNAM${t}`);
    const auto = await createMeeting(actorOf(user), meetingInput({ kind: "WORKING_MEETING", subject: `Con la UNAM ${t}`, partnerIds: [unam.id] }));
    expect(auto.reportPart).toBe("EDUCATIONAL");
    const chosen = await createMeeting(actorOf(user), meetingInput({ kind: "WORKING_MEETING", subject: `Con la UNAM, elegido ${t}`, partnerIds: [unam.id], reportPart: "INSTITUTIONAL" }));
    expect(chosen.reportPart).toBe("INSTITUTIONAL");
    const view = await getMeeting(chosen.id);
    expect(view).toMatchObject({ reportPart: "INSTITUTIONAL", defaultReportPart: "EDUCATIONAL" });
  });
});

describe("participants", () => {
  it("keeps each institution, area and party once: repeats are merged, the table refuses them", async () => {
    const user = await coordinator();
    const t = token();
    const [a, b] = [await partner(`IME ${t}`, "FEDERAL_AGENCY"), await partner(`OPL Chiapas ${t}`, "LOCAL_ELECTORAL_BODY")];
    const input = meetingFormSchema.parse({
      kind: "WORKING_MEETING",
      heldOn: "2017-11-10",
      subject: `Reunión con partidos ${t}`,
      partnerIds: [a.id, b.id, a.id],
      ineAreas: ["DERFE", "DERFE", "UNICOM"],
      politicalParties: "Partido Acción Nacional\n  partido   acción nacional \nPRI\n\npri",
    });
    expect(input.partnerIds).toEqual([a.id, b.id]);
    expect(input.politicalParties).toEqual(["Partido Acción Nacional", "PRI"]);
    // The module merges repeats too (the seed and other callers pass objects, not forms).
    const meeting = await createMeeting(actorOf(user), { ...input, partnerIds: [a.id, b.id, b.id], politicalParties: ["PRI", " pri ", "Morena"] });
    const rows = await db.meetingParticipant.findMany({ where: { meetingId: meeting.id } });
    expect(rows.filter((r) => r.partnerId).map((r) => r.partnerId).sort()).toEqual([a.id, b.id].sort());
    expect(rows.filter((r) => r.ineArea).map((r) => r.ineArea).sort()).toEqual(["DERFE", "UNICOM"]);
    expect(rows.filter((r) => r.politicalParty).map((r) => r.politicalParty).sort()).toEqual(["Morena", "PRI"]);
    expect(meeting.reportPart).toBe("SECRETARIAT");

    // Written around the module, a second row for the same institution is refused by the table.
    await expect(db.meetingParticipant.create({ data: { meetingId: meeting.id, partnerId: a.id } })).rejects.toMatchObject({ code: "P2002" });
    await expect(db.meetingParticipant.create({ data: { meetingId: meeting.id, ineArea: "DERFE" } })).rejects.toMatchObject({ code: "P2002" });

    // Correcting the meeting replaces its participants, still each once; the audit shows the change.
    await updateMeeting(actorOf(user), meeting.id, { ...input, partnerIds: [b.id, b.id], ineAreas: [], politicalParties: [] });
    const after = await getMeeting(meeting.id);
    expect(after?.participants.partners.map((p) => p.id)).toEqual([b.id]);
    expect(after?.participants.ineAreas).toEqual([]);
    const entries = await db.auditLog.findMany({ where: { entity: "meeting", entityId: meeting.id }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["meeting.create", "meeting.update"]);
  });

  it("refuses a participant row with no kind or with two (the trigger)", async () => {
    const user = await coordinator();
    const t = token();
    const p = await partner(`INM ${t}`, "FEDERAL_AGENCY");
    const meeting = await createMeeting(actorOf(user), meetingInput({ kind: "WORKING_MEETING", subject: `Trigger ${t}` }));
    const refused = (promise: Promise<unknown>) =>
      expect(promise).rejects.toSatisfy((e: unknown) => /exactly one institution, INE area or political party/.test(String((e as Error).message)));
    await refused(db.$executeRaw`INSERT INTO "MeetingParticipant" ("meetingId") VALUES (${meeting.id})`);
    await refused(db.$executeRaw`INSERT INTO "MeetingParticipant" ("meetingId", "partnerId", "ineArea") VALUES (${meeting.id}, ${p.id}, 'DERFE')`);
    await refused(db.$executeRaw`INSERT INTO "MeetingParticipant" ("meetingId", "ineArea", "politicalParty") VALUES (${meeting.id}, 'DEOE', 'PRI')`);
    expect(await db.meetingParticipant.count({ where: { meetingId: meeting.id } })).toBe(0);
  });

  it("refuses an institution that does not exist, and lists a month's meetings newest first by key", async () => {
    const user = await coordinator();
    const t = token();
    await expect(createMeeting(actorOf(user), meetingInput({ kind: "WORKSHOP", subject: `Fantasma ${t}`, partnerIds: ["noexiste0000000000"] }))).rejects.toMatchObject({
      code: "partnerNotFound",
    });
    // A month of its own far from other tests' data: 1990-03.
    const ids: string[] = [];
    for (const d of ["1990-03-01", "1990-03-15", "1990-03-15", "1990-03-31"]) {
      ids.push((await createMeeting(actorOf(user), meetingInput({ kind: "WORKING_MEETING", subject: `Paginada ${d} ${t}`, heldOn: d }))).id);
    }
    await createMeeting(actorOf(user), meetingInput({ kind: "WORKING_MEETING", subject: `Abril ${t}`, heldOn: "1990-04-01" }));
    const first = await listMeetings({ month: "1990-03" }, null, 2);
    const second = await listMeetings({ month: "1990-03" }, first.nextCursor, 2);
    const seen = [...first.rows, ...second.rows];
    expect(second.nextCursor).toBeNull();
    expect(seen.map((r) => r.heldOn)).toEqual(["1990-03-31", "1990-03-15", "1990-03-15", "1990-03-01"]);
    expect(new Set(seen.map((r) => r.id)).size).toBe(4);
    expect((await listMeetings({ month: "1990-03", kind: "WORKSHOP" })).rows).toEqual([]);
  });
});

describe("commission agreements", () => {
  it("numbers an agreement once (case-blind), only at a commission session", async () => {
    const user = await coordinator();
    const t = token().toUpperCase();
    const session = await createMeeting(actorOf(user), meetingInput({ kind: "COMMISSION_SESSION", subject: `Cuarta Sesión Ordinaria ${t}`, heldOn: "2017-11-15" }));
    const working = await createMeeting(actorOf(user), meetingInput({ kind: "WORKING_MEETING", subject: `Trabajo ${t}` }));
    const input = agreementFormSchema.parse({ number: `ine/cvmre - 04so-${t}`, adoptedOn: "2017-11-15", title: "Designación del jurado", meetingId: session.id });
    expect(input.number).toBe(`INE/CVMRE-04SO-${t}`);
    const a = await createAgreement(actorOf(user), input);
    await expect(createAgreement(actorOf(user), { ...input, title: "Otro" })).rejects.toMatchObject({ code: "numberTaken", field: "number" });
    await expect(createAgreement(actorOf(user), { ...input, number: `INE/CVMRE-05SO-${t}`, meetingId: working.id })).rejects.toMatchObject({ code: "notASession" });
    const b = await createAgreement(actorOf(user), { ...input, number: `INE/CVMRE-05SO-${t}`, title: "Informe" });
    await expect(updateAgreement(actorOf(user), b.id, { ...input, title: "Informe" })).rejects.toMatchObject({ code: "numberTaken" });
    // A session with agreements stays a session.
    await expect(updateMeeting(actorOf(user), session.id, meetingInput({ kind: "WORKING_MEETING", subject: `Cuarta Sesión Ordinaria ${t}` }))).rejects.toMatchObject({ code: "hasAgreements" });
    const view = await getMeeting(session.id);
    expect(view?.agreements.map((x) => x.number)).toEqual([`INE/CVMRE-04SO-${t}`, `INE/CVMRE-05SO-${t}`]);
    expect(view?.reportPart).toBe("SECRETARIAT");
    expect(a.status).toBe("APPROVED");
  });

  it("links the jurors it designated (04SO), filling an empty date from the agreement", async () => {
    const { admin } = await adminClient();
    const t = token().toUpperCase();
    const fx = await createJuryContest({ projects: 1, jurors: 3 });
    const session = await createMeeting(actorOf(admin), meetingInput({ kind: "COMMISSION_SESSION", subject: `Sesión ${t}`, heldOn: "2017-11-15" }));
    const agreement = await createAgreement(actorOf(admin), agreementFormSchema.parse({ number: `INE/CVMRE-04SO-${t}`, adoptedOn: "2017-11-15", title: "Jurado", meetingId: session.id }));
    await db.juryMember.updateMany({ where: { contestId: fx.contest.id, userId: fx.jurors[2]!.id }, data: { designatedOn: null, designationRef: null } });

    expect(await linkJurorsToAgreement(actorOf(admin), agreement.id, { contestId: fx.contest.id, userIds: fx.jurors.map((j) => j.id) })).toEqual({ linked: 3 });
    // Linking again changes nothing.
    expect(await linkJurorsToAgreement(actorOf(admin), agreement.id, { contestId: fx.contest.id, userIds: fx.jurors.map((j) => j.id) })).toEqual({ linked: 0 });
    const members = await db.juryMember.findMany({ where: { contestId: fx.contest.id }, orderBy: { createdAt: "asc" } });
    expect(members.every((m) => m.agreementId === agreement.id)).toBe(true);
    const filled = members.find((m) => m.userId === fx.jurors[2]!.id)!;
    expect(filled.designatedOn?.toISOString().slice(0, 10)).toBe("2017-11-15");
    expect(filled.designationRef).toBe(`INE/CVMRE-04SO-${t}`);
    const view = await getAgreement(agreement.id);
    expect(view?.jurors.map((j) => j.name).sort()).toEqual(fx.jurors.map((j) => j.name).sort());
    await expect(linkJurorsToAgreement(actorOf(admin), agreement.id, { contestId: fx.contest.id, userIds: [admin.id] })).rejects.toBeInstanceOf(MeetingError);

    // A juror designated with the agreement chosen takes its date and number when left empty.
    const juror = await createUser({ role: "JUROR", name: `Jurado nuevo ${t}` });
    const parsed = designateSchema.parse({ email: juror.email, agreementId: agreement.id, designationRef: "", designatedOn: "" });
    await designateJuror({ ...actorOf(admin), name: admin.name, role: "ADMIN" }, fx.contest.id, parsed);
    const designated = await db.juryMember.findUniqueOrThrow({ where: { contestId_userId: { contestId: fx.contest.id, userId: juror.id } } });
    expect(designated).toMatchObject({ agreementId: agreement.id, designationRef: `INE/CVMRE-04SO-${t}` });
    expect(designated.designatedOn?.toISOString().slice(0, 10)).toBe("2017-11-15");
    // Without an agreement, the reference and the date are still required.
    const missing = designateSchema.safeParse({ email: juror.email, designationRef: "", designatedOn: "" });
    expect(missing.success).toBe(false);

    // The agreement goes; the jurors keep their designation without the link.
    await deleteAgreement(actorOf(admin), agreement.id);
    expect(await db.juryMember.count({ where: { contestId: fx.contest.id, agreementId: null } })).toBe(4);
    expect(await db.juryMember.count({ where: { contestId: fx.contest.id, designationRef: `INE/CVMRE-04SO-${t}` } })).toBe(2);
  });
});

describe("the pages over HTTP", () => {
  it("lets COMMUNICATIONS read but not change, and refuses a JUROR", async () => {
    const user = await coordinator();
    const t = token().toUpperCase();
    const p = await partner(`Consejo SEGOB ${t}`, "FEDERAL_AGENCY");
    const meeting = await createMeeting(actorOf(user), meetingInput({ kind: "COMMISSION_SESSION", subject: `Sesión leída ${t}`, partnerIds: [p.id] }));
    const agreement = await createAgreement(actorOf(user), agreementFormSchema.parse({ number: `INE/CVMRE-HTTP-${t}`, adoptedOn: "2017-11-15", title: "Leído", meetingId: meeting.id }));

    const { http } = await loggedIn("COMMUNICATIONS");
    for (const path of ["/meetings", `/meetings/${meeting.id}`, "/meetings/agreements", `/meetings/agreements/${agreement.id}`]) {
      const res = await http.get(path);
      expect(res.status, path).toBe(200);
    }
    const page = await (await http.get(`/meetings/${meeting.id}`)).text();
    expect(page).toContain(`Consejo SEGOB ${t}`);
    expect(page).toContain(`INE/CVMRE-HTTP-${t}`);
    expect(markup(page)).not.toContain("Editar reunión");
    expect((await http.get("/meetings/new")).status).toBe(403);
    expect((await http.get("/meetings/agreements/new")).status).toBe(403);
    const post = await http.post(`/meetings/${meeting.id}`, { intent: "delete" }, { headers: origin() });
    expect(post.status).toBe(403);
    expect((await http.post("/meetings/new", { intent: "save", kind: "WORKSHOP", heldOn: "2017-11-01", subject: "No" }, { headers: origin() })).status).toBe(403);
    expect(await db.meeting.count({ where: { id: meeting.id } })).toBe(1);

    const juror = await loggedIn("JUROR");
    for (const path of ["/meetings", `/meetings/${meeting.id}`, "/meetings/agreements", `/meetings/agreements/${agreement.id}`, "/meetings/new"]) {
      expect((await juror.http.get(path)).status, path).toBe(403);
    }
  });

  it("answers 404 for ids that cannot exist, and re-renders bad input with its message", async () => {
    const { http } = await loggedIn("COORDINATOR");
    for (const path of ["/meetings/nope", "/meetings/%00", `/meetings/${"x".repeat(80)}`, "/meetings/agreements/nope", "/meetings/agreements/2147483648"]) {
      expect((await http.get(path)).status, path).toBe(404);
    }
    expect((await http.post("/meetings/nope", { intent: "save" }, { headers: origin() })).status).toBe(404);
    expect((await http.post("/meetings/nope", { intent: "delete" }, { headers: origin() })).status).toBe(404);
    expect((await http.get("/meetings?month=2017-13")).status).toBe(400);
    expect((await http.get("/meetings?month=2017-11&kind=NOPE&part=NOPE")).status).toBe(200);

    const t = token();
    const bad = await http.post("/meetings/new", { intent: "save", kind: "", heldOn: "2017-02-30", subject: `Sin tipo ${t}` }, { headers: origin() });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Elige el tipo de reunión.");
    expect(html).toContain("Escribe una fecha válida");
    expect(html).toContain(`value="Sin tipo ${t}"`);
    expect(await db.meeting.count({ where: { subject: `Sin tipo ${t}` } })).toBe(0);

    const dup = `INE/CVMRE-DUP-${t.toUpperCase()}`;
    const first = await http.post("/meetings/agreements/new", { intent: "save", number: dup, adoptedOn: "2017-11-15", title: "Uno" }, { headers: origin() });
    expect(first.status).toBe(302);
    const second = await http.post("/meetings/agreements/new", { intent: "save", number: dup.toLowerCase(), adoptedOn: "2017-11-15", title: "Dos" }, { headers: origin() });
    expect(second.status).toBe(400);
    expect(await second.text()).toContain("Ya existe un acuerdo con ese número.");
  });

  it("creates a meeting through the form's search, without JavaScript, and finds it in its month", async () => {
    const { http } = await loggedIn("COORDINATOR");
    const t = token();
    const [a, b] = [await partner(`Instituto Búsqueda Uno ${t}`, "UNIVERSITY"), await partner(`Instituto Busqueda Dos ${t}`, "FEDERAL_AGENCY")];
    const prefilled = await (await http.get(`/meetings/new?partner=${a.id}`)).text();
    expect(prefilled).toContain(`Instituto Búsqueda Uno ${t}`);
    // «Buscar» saves nothing and answers with the matches, accent-blind, the chosen one kept.
    const found = await http.post("/meetings/new", { intent: "findPartners", partnerQuery: `busqueda ${t}`, partnerIds: a.id, subject: `Buscada ${t}` }, { headers: origin() });
    expect(found.status).toBe(200);
    const html = await found.text();
    expect(html).toContain(`Instituto Busqueda Dos ${t}`);
    expect(html).toContain(`value="Buscada ${t}"`);
    expect(await db.meeting.count({ where: { subject: `Buscada ${t}` } })).toBe(0);

    const body = new URLSearchParams([
      ["intent", "save"],
      ["kind", "WORKING_MEETING"],
      ["heldOn", "1992-07-23"],
      ["subject", `Buscada ${t}`],
      ["partnerIds", a.id],
      ["partnerIds", b.id],
      ["partnerIds", a.id],
      ["reportPart", ""],
    ]);
    const saved = await http.request("/meetings/new", { method: "POST", body, headers: { ...origin(), "content-type": "application/x-www-form-urlencoded" } });
    expect(saved.status).toBe(302);
    const id = saved.headers.get("location")!.split("/").pop()!;
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id }, include: { participants: true } });
    expect(meeting.participants).toHaveLength(2);
    expect(meeting.reportPart).toBe("EDUCATIONAL");
    const list = await (await http.get("/meetings?month=1992-07&kind=WORKING_MEETING")).text();
    expect(list).toContain(`Buscada ${t}`);

    // Delete takes two posts: the first only says what will go.
    const ask = await http.post(`/meetings/${id}`, { intent: "delete" }, { headers: origin() });
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain("¿Eliminar esta reunión?");
    expect(await db.meeting.count({ where: { id } })).toBe(1);
    const stale = await http.post(`/meetings/${id}`, { intent: "confirmDelete", participants: "5", agreements: "0" }, { headers: origin() });
    expect(stale.status).toBe(409);
    const done = await http.post(`/meetings/${id}`, { intent: "confirmDelete", participants: "2", agreements: "0" }, { headers: origin() });
    expect(done.status).toBe(302);
    expect(await db.meeting.count({ where: { id } })).toBe(0);
    expect(await db.meetingParticipant.count({ where: { meetingId: id } })).toBe(0);
  });

  it("shows the designating agreement on the jury set-up and lets the ADMIN link jurors", async () => {
    const { admin, cookie } = await adminClient();
    const t = token().toUpperCase();
    const fx = await createJuryContest({ projects: 1, jurors: 2 });
    const agreement = await createAgreement(actorOf(admin), agreementFormSchema.parse({ number: `INE/CVMRE-04SO-J${t}`, adoptedOn: "2017-11-15", title: "Jurado" }));
    const base = new TestClient().baseUrl;
    const headers = { cookie, "x-forwarded-for": uniqueIp(), origin: new URL(base).origin };
    const body = new URLSearchParams([["intent", "linkAgreement"], ["agreementId", agreement.id], ...fx.jurors.map((j) => ["userIds", j.id] as [string, string])]);
    const linked = await fetch(new URL(`/jury/${fx.contest.id}/setup`, base), { method: "POST", headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, body, redirect: "manual" });
    expect(linked.status).toBe(302);
    expect(await db.juryMember.count({ where: { contestId: fx.contest.id, agreementId: agreement.id } })).toBe(2);
    const setup = await (await fetch(new URL(`/jury/${fx.contest.id}/setup`, base), { headers })).text();
    expect(setup).toContain(`Designado por INE/CVMRE-04SO-J${t} (15 nov 2017)`);
    const page = await (await fetch(new URL(`/meetings/agreements/${agreement.id}`, base), { headers })).text();
    for (const j of fx.jurors) expect(page).toContain(j.name);
    // Designating with the agreement and no date: the date is the agreement's.
    const juror = await createUser({ role: "JUROR", name: `Jurada ${t}` });
    const designate = await fetch(new URL(`/jury/${fx.contest.id}/setup`, base), {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "designate", email: juror.email, agreementId: agreement.id, designationRef: "", designatedOn: "" }),
      redirect: "manual",
    });
    expect(designate.status).toBe(302);
    const member = await db.juryMember.findUniqueOrThrow({ where: { contestId_userId: { contestId: fx.contest.id, userId: juror.id } } });
    expect(member.agreementId).toBe(agreement.id);
    expect(member.designatedOn?.toISOString().slice(0, 10)).toBe("2017-11-15");
  });
});

describe("deleting a meeting", () => {
  it("keeps its agreements and follow-ups without the link, and refuses a stale confirmation", async () => {
    const user = await coordinator();
    const t = token().toUpperCase();
    const p = await partner(`IMUMI ${t}`, "CIVIL_SOCIETY");
    const session = await createMeeting(actorOf(user), meetingInput({ kind: "COMMISSION_SESSION", subject: `Borrar ${t}`, partnerIds: [p.id] }));
    const agreement = await createAgreement(actorOf(user), agreementFormSchema.parse({ number: `INE/CVMRE-DEL-${t}`, adoptedOn: "2017-11-15", title: "Queda", meetingId: session.id }));
    const followUp = await db.followUp.create({ data: { partnerId: p.id, meetingId: session.id, title: "Enviar minuta", ownerId: user.id, dueOn: new Date("2017-11-20T00:00:00Z") } });
    expect(await deleteMeeting(actorOf(user), session.id, { participants: 0, agreements: 1 })).toEqual({ deleted: false });
    expect(await deleteMeeting(actorOf(user), session.id, { participants: 1, agreements: 1 })).toEqual({ deleted: true });
    expect((await db.commissionAgreement.findUniqueOrThrow({ where: { id: agreement.id } })).meetingId).toBeNull();
    expect((await db.followUp.findUniqueOrThrow({ where: { id: followUp.id } })).meetingId).toBeNull();
    await expect(deleteMeeting(actorOf(user), session.id)).rejects.toMatchObject({ code: "notFound" });
  });
});
