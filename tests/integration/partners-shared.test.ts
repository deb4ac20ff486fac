/**
 * Activities shared by several institutions and meetings on the partner timeline (issue 16): one
 * activity with many institutions (PartnerActivityPartner), each once; the lead moves when it
 * leaves so the others keep the activity; removal from a shared activity asks first and says how
 * many institutions it touches; the report part's default from the institutions' kinds; each
 * institution's timeline shows the activity and its meetings once, naming the others; the monthly
 * figures count a shared activity once per kind and in the totals, for each institution per
 * institution; the month's CSV is one row per activity; the old MEETING/WORKSHOP kinds are
 * refused with a clear message, never a 500.
 */
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { PartnerKind } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { meetingsOfPartner } from "~/modules/partners/meetings-of-partner.server";
import { partnerActivitiesCsv } from "~/modules/partners/export.server";
import { partnerActivitiesOfMonth, partnerFiguresForMonth } from "~/modules/partners/figures.server";
import { listMyFollowUps } from "~/modules/partners/follow-ups.server";
import {
  activityRemoval,
  addActivity,
  addFollowUp,
  addPerson,
  createPartner,
  partnerTimeline,
  removeActivity,
  updateActivity,
} from "~/modules/partners/partner.server";
import { listPartners } from "~/modules/partners/query.server";
import { activityFormSchema, partnerFormSchema, personFormSchema } from "~/modules/partners/schema";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";

const token = () => randomUUID().slice(0, 8);
const actorOf = (user: { id: string }) => ({ userId: user.id, ip: "127.0.0.1" });

async function coordinator() {
  return createUser({ role: "COORDINATOR", name: `Coordinación ${token()}` });
}

async function partner(user: { id: string }, name: string, kind: PartnerKind = "FEDERAL_AGENCY", extra: Record<string, unknown> = {}) {
  return createPartner(actorOf(user), partnerFormSchema.parse({ name, kind, ...extra }));
}

const activity = (extra: Record<string, unknown> = {}) =>
  activityFormSchema.parse({ occurredOn: "2017-11-16", kind: "OTHER", summary: "Taller virtual sobre la aplicación móvil", ...extra });

const institutionsOf = async (activityId: string) =>
  (await db.partnerActivityPartner.findMany({ where: { activityId }, select: { partnerId: true } })).map((r) => r.partnerId).sort();

const activitiesOn = async (partnerId: string) => (await partnerTimeline(partnerId, ["activity"])).flatMap((e) => (e.kind === "activity" ? [e.activity] : []));

describe("one activity with several institutions", () => {
  it("records every institution once (by id, name or acronym), with the page's own always among them, and audits them", async () => {
    const user = await coordinator();
    const t = token();
    const a = await partner(user, `OPL Chiapas ${t}`, "LOCAL_ELECTORAL_BODY");
    const b = await partner(user, `OPL Jalisco ${t}`, "LOCAL_ELECTORAL_BODY");
    const c = await partner(user, `OPL Yucatán ${t}`, "LOCAL_ELECTORAL_BODY", { acronym: `IEPAC${t}` });
    const d = await partner(user, `OPL Puebla ${t}`, "LOCAL_ELECTORAL_BODY");

    // An unknown name is the form's error on the institutions field, and nothing is written.
    await expect(addActivity(actorOf(user), a.id, activity({ partnerNames: [`No existe ${t}`] }))).rejects.toMatchObject({
      code: "institutionNotFound",
      field: "partnerNames",
    });
    expect(await db.partnerActivity.count({ where: { partnerId: a.id } })).toBe(0);

    const { activity: created } = await addActivity(
      actorOf(user),
      a.id,
      activity({ partnerIds: [b.id, a.id], partnerNames: [`  opl puebla ${t} `, `iepac${t}`, `OPL Jalisco ${t}`] })
    );
    expect(created.partnerId).toBe(a.id);
    expect(await institutionsOf(created.id)).toEqual([a.id, b.id, c.id, d.id].sort());
    // All OPL: the report's secretariat part by default.
    expect(created.reportPart).toBe("SECRETARIAT");
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "partner.activity.create", entityId: a.id } });
    expect(log.after).toMatchObject({ activityId: created.id, partnerIds: [a.id, b.id, c.id, d.id].sort(), reportPart: "SECRETARIAT" });

    // Each institution's timeline shows it once, naming the others (never itself).
    for (const p of [a, b, c, d]) {
      const mine = (await activitiesOn(p.id)).filter((x) => x.id === created.id);
      expect(mine, p.name).toHaveLength(1);
      expect(mine[0]!.others.map((o) => o.id).sort()).toEqual([a.id, b.id, c.id, d.id].filter((id) => id !== p.id).sort());
    }
    // The list's «last activity» counts shared activities too.
    expect((await listPartners({ q: `opl puebla ${t}` })).rows[0]!.lastActivityOn?.toISOString().slice(0, 10)).toBe("2017-11-16");
  });

  it("defaults the report part from all institutions' kinds, and keeps the one chosen", async () => {
    const user = await coordinator();
    const t = token();
    const uni = await partner(user, `UNIVA ${t}`, "UNIVERSITY");
    const junta = await partner(user, `Junta Local Chihuahua ${t}`, "INE_OFFICE");
    const junta2 = await partner(user, `Junta Local Coahuila ${t}`, "INE_OFFICE");
    const opl = await partner(user, `IECM ${t}`, "LOCAL_ELECTORAL_BODY");
    const sre = await partner(user, `SRE ${t}`, "FEDERAL_AGENCY");
    const part = async (p: { id: string }, extra: Record<string, unknown>) => (await addActivity(actorOf(user), p.id, activity(extra))).activity.reportPart;
    expect(await part(uni, {})).toBe("EDUCATIONAL");
    expect(await part(junta, { partnerIds: [junta2.id] })).toBe("DECENTRALIZED");
    expect(await part(junta, { partnerIds: [sre.id] })).toBe("INSTITUTIONAL");
    expect(await part(uni, { partnerIds: [opl.id] })).toBe("SECRETARIAT");
    expect(await part(sre, {})).toBe("INSTITUTIONAL");
    expect(await part(sre, { reportPart: "COMMUNITY_ABROAD" })).toBe("COMMUNITY_ABROAD");
  });

  it("names people of any of the activity's institutions, never of another", async () => {
    const user = await coordinator();
    const t = token();
    const a = await partner(user, `IME ${t}`);
    const b = await partner(user, `IMUMI ${t}`, "CIVIL_SOCIETY");
    const stranger = await partner(user, `Ajena ${t}`);
    const pb = await addPerson(actorOf(user), b.id, personFormSchema.parse({ name: "Enlace IMUMI" }));
    const px = await addPerson(actorOf(user), stranger.id, personFormSchema.parse({ name: "Ajena" }));
    await expect(addActivity(actorOf(user), a.id, activity({ partnerIds: [b.id], personIds: [px.id] }))).rejects.toMatchObject({ code: "personNotFound" });
    const { activity: created } = await addActivity(actorOf(user), a.id, activity({ partnerIds: [b.id], personIds: [pb.id] }));
    expect((await db.partnerActivityPerson.findMany({ where: { activityId: created.id } })).map((p) => p.personId)).toEqual([pb.id]);
  });

  it("keeps the activity for the others when its lead is taken off by an edit: the lead moves, the leaver's people and follow-ups go with it", async () => {
    const user = await coordinator();
    const t = token();
    const lead = await partner(user, `Lead ${t}`);
    const b = await partner(user, `Beta ${t}`);
    const c = await partner(user, `Gamma ${t}`);
    const leadPerson = await addPerson(actorOf(user), lead.id, personFormSchema.parse({ name: "Persona del lead" }));
    const cPerson = await addPerson(actorOf(user), c.id, personFormSchema.parse({ name: "Persona de Gamma" }));
    const { activity: created, followUp } = await addActivity(
      actorOf(user),
      lead.id,
      activity({ partnerIds: [b.id, c.id], personIds: [leadPerson.id, cPerson.id], followUpTitle: "Enviar minuta", followUpDueOn: "2017-11-20", followUpOwnerId: user.id })
    );

    // From Beta's page, Lead is not chosen again: Beta leads now; Gamma and its person stay.
    await updateActivity(actorOf(user), b.id, created.id, activity({ partnerIds: [c.id], summary: "Taller virtual (corregido)" }));
    const after = await db.partnerActivity.findUniqueOrThrow({ where: { id: created.id }, include: { people: true } });
    expect(after.partnerId).toBe(b.id);
    expect(await institutionsOf(created.id)).toEqual([b.id, c.id].sort());
    expect(after.people.map((p) => p.personId)).toEqual([cPerson.id]);
    // Lead's follow-up is still Lead's, no longer tied to an activity Lead is not part of.
    expect(await db.followUp.findUniqueOrThrow({ where: { id: followUp!.id } })).toMatchObject({ partnerId: lead.id, activityId: null });
    expect(await activitiesOn(lead.id)).toEqual([]);
    expect((await activitiesOn(c.id)).map((x) => x.summary)).toEqual(["Taller virtual (corregido)"]);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "partner.activity.update", entityId: b.id } });
    expect(log.before).toMatchObject({ partnerId: lead.id, partnerIds: [lead.id, b.id, c.id].sort() });
    expect(log.after).toMatchObject({ partnerId: b.id, partnerIds: [b.id, c.id].sort(), unlinkedFollowUpIds: [followUp!.id] });

    // An institution that is not part of it cannot edit it.
    await expect(updateActivity(actorOf(user), lead.id, created.id, activity())).rejects.toMatchObject({ code: "notFound" });
  });

  it("asks before removing a shared activity: only this institution (the lead moves) or all of them (with the count seen)", async () => {
    const user = await coordinator();
    const t = token();
    const zeta = await partner(user, `Zeta ${t}`);
    const alfa = await partner(user, `Alfa ${t}`);
    const beta = await partner(user, `Beta ${t}`);
    const { activity: created } = await addActivity(actorOf(user), zeta.id, activity({ partnerIds: [alfa.id, beta.id] }));

    await expect(removeActivity(actorOf(user), zeta.id, created.id)).rejects.toMatchObject({ code: "activityShared" });
    expect((await activityRemoval(zeta.id, created.id)).institutions.map((i) => i.name)).toEqual([`Alfa ${t}`, `Beta ${t}`, `Zeta ${t}`]);

    // Only Zeta (the lead) leaves: the first remaining by name leads.
    expect(await removeActivity(actorOf(user), zeta.id, created.id, { scope: "institution" })).toEqual({ removed: "institution", institutions: 3 });
    expect(await db.partnerActivity.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ partnerId: alfa.id });
    expect(await institutionsOf(created.id)).toEqual([alfa.id, beta.id].sort());
    expect(await activitiesOn(zeta.id)).toEqual([]);

    // Deleting for all needs the count that was shown; a stale one is refused and nothing changes.
    await expect(removeActivity(actorOf(user), beta.id, created.id, { scope: "all", institutions: 3 })).rejects.toMatchObject({ code: "activityChanged" });
    expect(await db.partnerActivity.count({ where: { id: created.id } })).toBe(1);
    expect(await removeActivity(actorOf(user), beta.id, created.id, { scope: "all", institutions: 2 })).toEqual({ removed: "activity", institutions: 2 });
    expect(await db.partnerActivity.count({ where: { id: created.id } })).toBe(0);
    const deleted = await db.auditLog.findFirstOrThrow({ where: { action: "partner.activity.delete", entityId: beta.id } });
    expect(deleted.before).toMatchObject({ activityId: created.id, partnerIds: [alfa.id, beta.id].sort() });

    // An activity of one institution is deleted at once, as before.
    const { activity: alone } = await addActivity(actorOf(user), alfa.id, activity());
    expect(await removeActivity(actorOf(user), alfa.id, alone.id)).toEqual({ removed: "activity", institutions: 1 });
  });
});

describe("meetings on the timeline", () => {
  it("shows each meeting once under each participating institution, naming the other participants, and a follow-up's meeting", async () => {
    const user = await coordinator();
    const t = token();
    const a = await partner(user, `SEGOB ${t}`);
    const b = await partner(user, `IMUMI ${t}`, "CIVIL_SOCIETY", { acronym: `IM${t}` });
    const outsider = await partner(user, `Fuera ${t}`);
    const meeting = await db.meeting.create({
      data: {
        kind: "WORKING_MEETING",
        heldOn: new Date("2017-11-10T00:00:00Z"),
        subject: `Reunión con partidos ${t}`,
        format: "ONLINE",
        reportPart: "SECRETARIAT",
        participants: { create: [{ partnerId: a.id }, { partnerId: b.id }, { ineArea: "DERFE" }, { politicalParty: "PAN" }] },
      },
    });
    await db.meeting.create({
      data: { kind: "WORKSHOP", heldOn: new Date("2016-01-05T00:00:00Z"), subject: `Antes ${t}`, reportPart: "INSTITUTIONAL", participants: { create: [{ partnerId: a.id }] } },
    });

    const ofA = await meetingsOfPartner(a.id);
    expect(ofA.map((m) => m.subject)).toEqual([`Reunión con partidos ${t}`, `Antes ${t}`]);
    expect(ofA[0]).toMatchObject({ id: meeting.id, heldOn: "2017-11-10", kind: "WORKING_MEETING", format: "ONLINE" });
    expect(ofA[0]!.others).toEqual([
      { kind: "partner", id: b.id, name: `IMUMI ${t}`, acronym: `IM${t}` },
      { kind: "ineArea", area: "DERFE" },
      { kind: "politicalParty", name: "PAN" },
    ]);
    expect((await meetingsOfPartner(a.id, { from: "2017-01-01", to: "2017-12-31" })).map((m) => m.id)).toEqual([meeting.id]);
    expect(await meetingsOfPartner(outsider.id)).toEqual([]);

    const timelineB = await partnerTimeline(b.id, ["meeting"]);
    expect(timelineB).toHaveLength(1);
    expect(timelineB[0]!.kind === "meeting" && timelineB[0]!.meeting.others.map((o) => (o.kind === "partner" ? o.id : o.kind))).toEqual([a.id, "ineArea", "politicalParty"]);

    const f = await addFollowUp(actorOf(user), b.id, { title: `Propuesta ${t}`, dueOn: "2017-12-08", ownerId: user.id, notes: null, activityId: null });
    await db.followUp.update({ where: { id: f.id }, data: { meetingId: meeting.id } });
    const entry = (await partnerTimeline(b.id, ["followUp"]))[0];
    expect(entry?.kind === "followUp" && entry.followUp.meeting).toEqual({ id: meeting.id, subject: `Reunión con partidos ${t}`, heldOn: "2017-11-10" });
    expect((await listMyFollowUps(user.id)).rows.find((r) => r.id === f.id)?.meeting).toEqual({ id: meeting.id, subject: `Reunión con partidos ${t}`, heldOn: "2017-11-10" });
  });
});

describe("the monthly figures count a shared activity once", () => {
  it("one workshop with 7 OPL: 7 institution rows of 1, one LOCAL_ELECTORAL_BODY activity with 7 institutions, 1 in the totals, items not multiplied", async () => {
    const user = await coordinator();
    const t = token();
    // A month of its own (no other test logs activities then).
    const year = 1900 + Math.floor(Math.random() * 80);
    const month = 1 + Math.floor(Math.random() * 12);
    const day = `${year}-${String(month).padStart(2, "0")}-16`;
    const opl: Array<{ id: string }> = [];
    for (let i = 1; i <= 7; i++) opl.push(await partner(user, `OPL ${i} ${t}`, "LOCAL_ELECTORAL_BODY"));
    await addActivity(actorOf(user), opl[0]!.id, activity({ occurredOn: day, partnerIds: opl.slice(1).map((p) => p.id), itemsDistributed: "700", peopleReached: "35" }));

    const figures = await partnerFiguresForMonth(year, month);
    expect(figures.byPartner).toHaveLength(7);
    expect(figures.byPartner.map((p) => [p.activities, p.itemsDistributed])).toEqual(Array.from({ length: 7 }, () => [1, 700]));
    expect(figures.byKind).toEqual([{ kind: "LOCAL_ELECTORAL_BODY", institutions: 7, activities: 1, peopleReached: 35, itemsDistributed: 700, bulletinRecipients: 0 }]);
    expect(figures.totals).toEqual({ activities: 1, peopleReached: 35, itemsDistributed: 700, bulletinRecipients: 0 });
    expect(figures.byReportPart).toEqual([{ reportPart: "SECRETARIAT", activities: 1, peopleReached: 35, itemsDistributed: 700, bulletinRecipients: 0 }]);

    // A second one, with a university and one of the OPL: once in each kind, once more in the totals.
    const uni = await partner(user, `Universidad ${t}`, "UNIVERSITY");
    await addActivity(actorOf(user), uni.id, activity({ occurredOn: day, partnerIds: [opl[0]!.id], itemsDistributed: "50", reportPart: "EDUCATIONAL" }));
    const again = await partnerFiguresForMonth(year, month);
    expect(again.byKind.map((k) => [k.kind, k.activities, k.institutions, k.itemsDistributed])).toEqual([
      ["LOCAL_ELECTORAL_BODY", 2, 7, 750],
      ["UNIVERSITY", 1, 1, 50],
    ]);
    expect(again.totals).toMatchObject({ activities: 2, itemsDistributed: 750 });
    expect(again.byPartner.find((p) => p.partnerId === opl[0]!.id)).toMatchObject({ activities: 2, itemsDistributed: 750 });
    expect(again.byReportPart.map((r) => [r.reportPart, r.activities])).toEqual([
      ["SECRETARIAT", 1],
      ["EDUCATIONAL", 1],
    ]);

    // The month's list and CSV: one row per activity, its institutions joined; audited.
    const listed = await partnerActivitiesOfMonth(year, month, { pageSize: 1 });
    expect(listed.rows).toHaveLength(1);
    expect(listed.next).not.toBeNull();
    let csv = "";
    for await (const chunk of partnerActivitiesCsv(actorOf(user), year, month, { pageSize: 1 })) csv += chunk;
    expect(csv.startsWith("\uFEFFfecha,tipo de actividad,parte del informe,instituciones,tipos de institución,resumen,")).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { skipEmptyLines: true }).data.slice(1);
    expect(rows).toHaveLength(2);
    const workshop = rows.find((r) => r[2] === "SECRETARIAT")!;
    expect(workshop[3]!.split("; ")).toEqual(Array.from({ length: 7 }, (_, i) => `OPL ${i + 1} ${t}`));
    expect(workshop[7]).toBe("700");
    expect(rows.find((r) => r[2] === "EDUCATIONAL")![3]).toBe(`OPL 1 ${t}; Universidad ${t}`);
    expect(await db.auditLog.count({ where: { action: "partners.activities.export", actorId: user.id } })).toBe(1);
  });
});

describe("the pages over HTTP", () => {
  const origin = () => ({ origin: new URL(new TestClient().baseUrl).origin });

  async function signedIn() {
    const user = await coordinator();
    const client = new TestClient();
    expect((await client.login(user.email)).status).toBe(302);
    return { user, client, post: (path: string, form: Record<string, string> | URLSearchParams) => postForm(client, path, form) };
  }

  function postForm(client: TestClient, path: string, form: Record<string, string> | URLSearchParams) {
    return client.request(path, {
      method: "POST",
      body: form instanceof URLSearchParams ? form : new URLSearchParams(form),
      headers: { ...origin(), "content-type": "application/x-www-form-urlencoded" },
    });
  }

  it("records a shared activity through the page without JavaScript, shows it on each page, and asks before removing it", async () => {
    const { user, client, post } = await signedIn();
    const t = token();
    const a = await partner(user, `Consejo Consultivo ${t}`);
    const b = await partner(user, `Instituto Mujeres ${t}`, "CIVIL_SOCIETY", { acronym: `IMU${t}` });
    const c = await partner(user, `Universidad Page ${t}`, "UNIVERSITY");

    const page = await (await client.get(`/partners/${a.id}`)).text();
    expect(page).toContain(`href="/meetings/new?partner=${a.id}"`);
    expect(page).toContain("Nueva reunión");
    // The search boxes ask the institutions' picker route (decision 036); the page's own is not offered.
    expect(page).not.toContain(`<option value="Instituto Mujeres ${t}">`);
    const offered = (await (await client.get(`/partners/options?q=${encodeURIComponent(t)}&exclude=${a.id}`)).json()) as { items: Array<{ id: string; label: string }> };
    expect(offered.items.map((i) => i.id)).toContain(b.id);
    expect(offered.items.map((i) => i.id)).not.toContain(a.id);
    // The report part's automatic choice names the default for this institution.
    expect(page).toContain("Según las instituciones (Vinculación institucional)");

    // A name that is no institution: the message, and what was typed stays.
    const bad = new URLSearchParams({ intent: "activity", occurredOn: "2017-11-10", kind: "OTHER", summary: "Sesión del Consejo" });
    bad.append("partnerNames", `Instituto Mujeres ${t}`);
    bad.append("partnerNames", `Inventada ${t}`);
    const refused = await post(`/partners/${a.id}`, bad);
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("Una de las instituciones escritas no existe");
    expect(refusedHtml).toContain(`value="Inventada ${t}"`);

    const form = new URLSearchParams({ intent: "activity", occurredOn: "2017-11-10", kind: "OTHER", summary: "Sesión del Consejo", reportPart: "" });
    form.append("partnerNames", `IMU${t}`);
    form.append("partnerNames", `universidad page ${t}`);
    form.append("partnerNames", "");
    expect((await post(`/partners/${a.id}`, form)).status).toBe(302);
    const created = await db.partnerActivity.findFirstOrThrow({ where: { partnerId: a.id } });
    expect(await institutionsOf(created.id)).toEqual([a.id, b.id, c.id].sort());
    expect(created.reportPart).toBe("EDUCATIONAL");

    const onB = await (await client.get(`/partners/${b.id}`)).text();
    expect(onB.match(/<li data-kind="activity"/g)?.length).toBe(1);
    expect(onB).toContain('<p class="summary">Sesión del Consejo</p>');
    expect(onB).toContain("Compartida con otras 2 instituciones:");
    expect(onB).toContain(`href="/partners/${a.id}"`);
    expect(onB).toContain("En el informe: Instancias educativas");

    // Removing it from B's page asks first and names the three institutions.
    const asked = await post(`/partners/${b.id}`, { intent: "removeActivity", activityId: created.id });
    expect(asked.status).toBe(200);
    const question = await asked.text();
    expect(question).toContain('data-confirm="removeActivity"');
    expect(question).toContain("Esta actividad la comparten 3 instituciones.");
    expect(question).toContain("Eliminar la actividad para las 3 instituciones");
    expect(await db.partnerActivity.count({ where: { id: created.id } })).toBe(1);
    // A confirmation with a count that no longer holds is asked again (409), nothing removed.
    const stale = await post(`/partners/${b.id}`, { intent: "removeActivity", activityId: created.id, scope: "all", institutions: "2" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("La actividad cambió mientras tanto");
    expect(await db.partnerActivity.count({ where: { id: created.id } })).toBe(1);
    // Only B leaves; A and C keep it.
    expect((await post(`/partners/${b.id}`, { intent: "removeActivity", activityId: created.id, scope: "institution", institutions: "3" })).status).toBe(302);
    expect(await institutionsOf(created.id)).toEqual([a.id, c.id].sort());
    // Then all of it, from A's page.
    expect((await post(`/partners/${a.id}`, { intent: "removeActivity", activityId: created.id, scope: "all", institutions: "2" })).status).toBe(302);
    expect(await db.partnerActivity.count({ where: { id: created.id } })).toBe(0);
    // Junk never 500s.
    expect((await post(`/partners/${a.id}`, { intent: "removeActivity", activityId: "x", scope: "todo", institutions: "-1" })).status).toBe(400);
  });

  it("answers the old MEETING and WORKSHOP kinds with a clear message, and ignores them in URLs", async () => {
    const { user, client, post } = await signedIn();
    const p = await partner(user, `Kinds ${token()}`);
    for (const kind of ["MEETING", "WORKSHOP"]) {
      const res = await post(`/partners/${p.id}`, { intent: "activity", occurredOn: "2017-11-10", kind, summary: "Reunión de trabajo" });
      expect(res.status, kind).toBe(400);
      const html = await res.text();
      expect(html).toContain("Las reuniones y los talleres ya no son actividades");
      expect(html).toContain("Reunión de trabajo");
    }
    expect(await db.partnerActivity.count({ where: { partnerId: p.id } })).toBe(0);
    for (const path of [`/partners?kind=MEETING`, `/partners/${p.id}?show=MEETING`, `/partners/${p.id}?show=meeting`, `/partners/figures?kind=WORKSHOP`]) {
      expect((await client.get(path)).status, path).toBe(200);
    }
    const csv = await client.get("/partners/figures.csv?month=2017-11&kind=MEETING");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect((await client.get("/partners/figures.csv?month=2017-13")).status).toBe(400);
  });

  it("links a meeting on the timeline and in a follow-up", async () => {
    const { user, client } = await signedIn();
    const t = token();
    const a = await partner(user, `Con reunión ${t}`);
    const meeting = await db.meeting.create({
      data: { kind: "WORKSHOP", heldOn: new Date("2017-11-16T00:00:00Z"), subject: `Taller OPL ${t}`, reportPart: "SECRETARIAT", participants: { create: [{ partnerId: a.id }, { ineArea: "UTVOPL" }] } },
    });
    const f = await addFollowUp(actorOf(user), a.id, { title: `Minuta ${t}`, dueOn: "2017-12-01", ownerId: user.id, notes: null, activityId: null });
    await db.followUp.update({ where: { id: f.id }, data: { meetingId: meeting.id } });
    const html = await (await client.get(`/partners/${a.id}`)).text();
    expect(html).toMatch(new RegExp(`<a[^>]* href="/meetings/${meeting.id}"[^>]*>Taller OPL ${t}</a>`));
    expect(html).toContain("UTVOPL — Vinculación con los OPL");
    expect(html).toContain(`De la reunión «Taller OPL ${t}»`);
    const mine = await (await client.get("/follow-ups")).text();
    expect(mine).toContain(`href="/meetings/${meeting.id}"`);
  });
});
