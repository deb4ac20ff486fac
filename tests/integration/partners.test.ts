/**
 * Partner institutions against the real database and web server: accent- and case-blind search on
 * partial words, every filter, keyset paging, overdue follow-ups across time zones, "Mis
 * pendientes", a person linked to a contact being that contact, agreement expiry, activities with
 * participants and a follow-up, the monthly figures, the CSV export (neutralised) and import
 * (preview, dry run, line-numbered rejections, confirm), and the roles over HTTP. Every test makes
 * institutions of its own with a unique token, since other test files share the database.
 */
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { PartnerKind } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { addDays, todayIn } from "~/modules/partners/dates";
import { partnersCsv } from "~/modules/partners/export.server";
import { partnerFiguresForMonth } from "~/modules/partners/figures.server";
import { listFollowUpsDue, listMyFollowUps } from "~/modules/partners/follow-ups.server";
import { applyPartnerImport, loadPartnerImport, planPartnerImport, storePartnerImport } from "~/modules/partners/import.server";
import { listAgreementAlerts } from "~/modules/partners/index.server";
import {
  addActivity,
  addAgreement,
  addFollowUp,
  addPerson,
  createPartner,
  PartnerError,
  partnerTimeline,
  setFollowUpState,
  updatePartner,
} from "~/modules/partners/partner.server";
import { listPartners } from "~/modules/partners/query.server";
import { activityFormSchema, partnerFormSchema } from "~/modules/partners/schema";
import { createUser, fakeRequest, uniqueEmail } from "../support/factories";
import { TestClient } from "../support/http";

const token = () => randomUUID().slice(0, 8);
const actorOf = (user: { id: string }) => ({ userId: user.id, ip: "127.0.0.1" });

async function coordinator(timeZone: string | null = null) {
  const user = await createUser({ role: "COORDINATOR", name: `Coordinación ${token()}` });
  return timeZone ? db.user.update({ where: { id: user.id }, data: { timeZone } }) : user;
}

function partnerInput(values: Record<string, unknown>) {
  return partnerFormSchema.parse({ kind: "FEDERAL_AGENCY", ...values });
}

async function partner(user: { id: string }, values: { name: string; kind?: PartnerKind } & Record<string, unknown>) {
  return createPartner(actorOf(user), partnerInput(values));
}

describe("the institutions list", () => {
  it("finds partial words blind to accents and case, in the name or the acronym", async () => {
    const user = await coordinator();
    const t = token();
    const ime = await partner(user, { name: `Instituto de los Mexicanos en el Exterior ${t}`, acronym: `IMÉ${t}` });
    const inm = await partner(user, { name: `Instituto Nacional de Migración ${t}`, acronym: "INM" });
    await partner(user, { name: `Universidad del Valle ${t}`, kind: "UNIVERSITY" });

    const ids = async (q: string) => (await listPartners({ q })).rows.map((r) => r.id).sort();
    expect(await ids(`migracion ${t}`)).toEqual([inm.id]);
    expect(await ids(`MIGRAC ${t}`)).toEqual([inm.id]);
    expect(await ids(`mexicanos ${t}`)).toEqual([ime.id]);
    expect(await ids(`ime${t}`)).toEqual([ime.id]);
    expect(await ids(`instituto ${t}`)).toEqual([ime.id, inm.id].sort());
    expect(await ids(`de ${t}`)).toEqual([ime.id, inm.id, (await listPartners({ q: `valle ${t}` })).rows[0]!.id].sort());
    expect(await ids(`nada-que-ver ${t}`)).toEqual([]);
  });

  it("filters by kind, country, state, tag, status and overdue follow-ups", async () => {
    const user = await coordinator();
    const t = token();
    const tag = `tag-${t}`;
    const consulate = await partner(user, {
      name: `Consulado en Dallas ${t}`,
      kind: "FOREIGN_SERVICE_POST",
      country: "US",
      state: "Texas",
      tags: `${tag}, red consular`,
    });
    const opl = await partner(user, { name: `OPL Jalisco ${t}`, kind: "LOCAL_ELECTORAL_BODY", country: "MX", state: "Jalisco", tags: tag, status: "PROSPECT" });
    const osc = await partner(user, { name: `OSC Chicago ${t}`, kind: "CIVIL_SOCIETY", country: "US", state: "Illinois", tags: tag, status: "INACTIVE" });
    await addFollowUp(actorOf(user), osc.id, { title: "Llamar", dueOn: "2017-12-01", ownerId: user.id, notes: null, activityId: null });
    await addFollowUp(actorOf(user), opl.id, { title: "Más tarde", dueOn: "2999-12-31", ownerId: user.id, notes: null, activityId: null });

    const ids = async (filter: Parameters<typeof listPartners>[0]) => (await listPartners({ tag, ...filter })).rows.map((r) => r.id).sort();
    expect(await ids({})).toEqual([consulate.id, opl.id, osc.id].sort());
    expect(await ids({ kind: "FOREIGN_SERVICE_POST" })).toEqual([consulate.id]);
    expect(await ids({ country: "US" })).toEqual([consulate.id, osc.id].sort());
    expect(await ids({ country: "US", state: "texas" })).toEqual([consulate.id]);
    expect(await ids({ status: "PROSPECT" })).toEqual([opl.id]);
    expect(await ids({ overdue: true })).toEqual([osc.id]);
    const row = (await listPartners({ tag, kind: "CIVIL_SOCIETY" })).rows[0]!;
    expect(row).toMatchObject({ openFollowUps: 1, overdueFollowUps: 1 });
  });

  it("pages by key in accent-blind name order without gaps or repeats", async () => {
    const user = await coordinator();
    const t = token();
    const names = ["Ébano", "alfa", "Águila", "beta", "Zeta", "ñandú", "omega"].map((n) => `${n} ${t}`);
    for (const name of names) await partner(user, { name, tags: `page-${t}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listPartners({ tag: `page-${t}` }, cursor, { pageSize: 3 });
      seen.push(...page.rows.map((r) => r.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(["Águila", "alfa", "beta", "Ébano", "ñandú", "omega", "Zeta"].map((n) => `${n} ${t}`));
    // A forged cursor is ignored (first page), never an error.
    expect((await listPartners({ tag: `page-${t}` }, "not-a-cursor", { pageSize: 3 })).rows).toHaveLength(3);
  });

  it("refuses a duplicate name and a parent cycle, and audits changes", async () => {
    const user = await coordinator();
    const t = token();
    const sre = await partner(user, { name: `SRE ${t}` });
    const consulate = await partner(user, { name: `Consulado ${t}`, kind: "FOREIGN_SERVICE_POST", parentId: sre.id });
    await expect(partner(user, { name: `sre ${t}` })).rejects.toMatchObject({ code: "nameTaken" });
    await expect(updatePartner(actorOf(user), sre.id, partnerInput({ name: `SRE ${t}`, parentId: consulate.id }))).rejects.toMatchObject({
      code: "parentCycle",
    });
    await updatePartner(actorOf(user), sre.id, partnerInput({ name: `SRE ${t}`, acronym: "SRE" }));
    const entries = await db.auditLog.findMany({ where: { entity: "partner", entityId: sre.id }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["partner.create", "partner.update"]);
    expect(entries[1]!.after).toEqual({ acronym: "SRE" });
  });
});

describe("follow-ups and Mis pendientes", () => {
  it("decides overdue in the owner's time zone, in the list filter and in Mis pendientes", async () => {
    // Today in the westernmost zone (UTC-12) is always before today in the easternmost (UTC+14).
    const due = todayIn("Etc/GMT+12");
    const west = await coordinator("Etc/GMT+12");
    const east = await coordinator("Pacific/Kiritimati");
    const t = token();
    const pw = await partner(west, { name: `Oeste ${t}`, tags: `tz-${t}` });
    const pe = await partner(east, { name: `Este ${t}`, tags: `tz-${t}` });
    await addFollowUp(actorOf(west), pw.id, { title: "Vence hoy aquí", dueOn: due, ownerId: west.id, notes: null, activityId: null });
    await addFollowUp(actorOf(east), pe.id, { title: "Venció ayer aquí", dueOn: due, ownerId: east.id, notes: null, activityId: null });

    expect((await listPartners({ tag: `tz-${t}`, overdue: true })).rows.map((r) => r.id)).toEqual([pe.id]);
    const [mineWest, mineEast] = await Promise.all([listMyFollowUps(west.id), listMyFollowUps(east.id)]);
    expect(mineWest.rows.map((r) => [r.title, r.overdue])).toEqual([["Vence hoy aquí", false]]);
    expect(mineEast.rows.map((r) => [r.title, r.overdue])).toEqual([["Venció ayer aquí", true]]);
    expect(mineEast.overdueCount).toBe(1);
  });

  it("crosses midnight per owner: at 03:00 UTC a due date of yesterday-in-Madrid is not yet late in Mexico City", async () => {
    const madrid = await coordinator("Europe/Madrid");
    const cdmx = await coordinator("America/Mexico_City");
    const t = token();
    const pm = await partner(madrid, { name: `Madrid ${t}`, tags: `mid-${t}` });
    const pc = await partner(cdmx, { name: `CDMX ${t}`, tags: `mid-${t}` });
    await addFollowUp(actorOf(madrid), pm.id, { title: "Madrid", dueOn: "2026-03-10", ownerId: madrid.id, notes: null, activityId: null });
    await addFollowUp(actorOf(cdmx), pc.id, { title: "CDMX", dueOn: "2026-03-10", ownerId: cdmx.id, notes: null, activityId: null });
    const now = new Date("2026-03-11T03:00:00Z");
    expect((await listPartners({ tag: `mid-${t}`, overdue: true }, null, { now })).rows.map((r) => r.name)).toEqual([`Madrid ${t}`]);
    // Six hours later it is the 11th in Mexico City too.
    const later = new Date("2026-03-11T09:00:00Z");
    expect((await listPartners({ tag: `mid-${t}`, overdue: true }, null, { now: later })).rows.map((r) => r.name)).toEqual([`CDMX ${t}`, `Madrid ${t}`]);
    expect((await listMyFollowUps(cdmx.id, null, { now })).rows[0]?.overdue).toBe(false);
    expect((await listMyFollowUps(cdmx.id, null, { now: later })).rows[0]?.overdue).toBe(true);
  });

  it("lists only the user's open follow-ups across institutions, overdue first, paged by key", async () => {
    const user = await coordinator("America/Mexico_City");
    const other = await coordinator();
    const t = token();
    const a = await partner(user, { name: `A ${t}` });
    const b = await partner(user, { name: `B ${t}` });
    const now = new Date("2026-06-15T18:00:00Z"); // 12:00 in Mexico City
    const make = (p: { id: string }, title: string, dueOn: string, ownerId = user.id) =>
      addFollowUp(actorOf(user), p.id, { title, dueOn, ownerId, notes: null, activityId: null });
    await make(a, "futuro", "2026-07-01");
    await make(b, "vencido hace mucho", "2026-01-10");
    await make(a, "hoy", "2026-06-15");
    await make(b, "vencido ayer", "2026-06-14");
    await make(a, "de otra persona", "2026-01-01", other.id);
    const done = await make(b, "ya hecho", "2026-01-02");
    await setFollowUpState(actorOf(user), done.id, "DONE");

    const first = await listMyFollowUps(user.id, null, { pageSize: 3, now });
    const second = await listMyFollowUps(user.id, first.nextCursor, { pageSize: 3, now });
    expect([...first.rows, ...second.rows].map((r) => [r.title, r.overdue, r.partner.id])).toEqual([
      ["vencido hace mucho", true, b.id],
      ["vencido ayer", true, b.id],
      ["hoy", false, a.id],
      ["futuro", false, a.id],
    ]);
    expect(second.nextCursor).toBeNull();
    expect(first.rows[0]!.daysLate).toBe(156);
    expect(first.overdueCount).toBe(2);

    const due = await listFollowUpsDue(user.id, { now, withinDays: 7 });
    expect(due.map((r) => r.title)).toEqual(["vencido hace mucho", "vencido ayer", "hoy"]);
  });
});

describe("people, agreements and activities", () => {
  it("keeps a person linked to a contact as that one contact, never a copy", async () => {
    const user = await coordinator();
    const t = token();
    const p = await partner(user, { name: `CONACYT ${t}` });
    const email = uniqueEmail("becaria");
    const contact = await db.contact.create({ data: { email, givenName: "Lucía", familyName: "Ramírez", source: "MANUAL", consentStatus: "CONFIRMED" } });
    const person = await addPerson(actorOf(user), p.id, {
      contactEmail: email.toUpperCase().toLowerCase(),
      name: "Otro Nombre",
      position: "Enlace",
      email: "copia@example.org",
      phone: null,
    });
    expect(person).toMatchObject({ name: "Lucía Ramírez", email, contactId: contact.id, position: "Enlace", receivesBulletins: true });
    const stored = await db.partnerPerson.findUniqueOrThrow({ where: { id: person.id } });
    expect(stored).toMatchObject({ contactId: contact.id, name: null, email: null, phone: null });

    // A change to the contact is the person's change: one record.
    await db.contact.update({ where: { id: contact.id }, data: { givenName: "Lucía Guadalupe", subscriptionStatus: "UNSUBSCRIBED" } });
    const entry = (await partnerTimeline(p.id, ["person"]))[0];
    expect(entry?.kind === "person" && entry.person).toMatchObject({ name: "Lucía Guadalupe Ramírez", email, receivesBulletins: false });

    await expect(addPerson(actorOf(user), p.id, { contactEmail: email, name: null, position: null, email: null, phone: null })).rejects.toMatchObject({
      code: "contactAlreadyLinked",
    });
    await expect(
      addPerson(actorOf(user), p.id, { contactEmail: uniqueEmail("nadie"), name: null, position: null, email: null, phone: null })
    ).rejects.toMatchObject({ code: "contactNotFound" });
    const own = await addPerson(actorOf(user), p.id, {
      contactEmail: null,
      name: "Pedro Sin Contacto",
      position: null,
      email: "pedro@example.org",
      phone: "+52 55 1234",
    });
    expect(own).toMatchObject({ name: "Pedro Sin Contacto", contactId: null, receivesBulletins: false });
  });

  it("flags agreements expiring within 60 days on the timeline", async () => {
    const user = await coordinator();
    const p = await partner(user, { name: `INEA ${token()}` });
    const { timeZone } = await db.settings.findUnique({ where: { id: 1 } }).then((s) => s ?? { timeZone: "America/Mexico_City" });
    const today = todayIn(timeZone);
    const base = { reference: null, signedOn: "2017-01-15", notes: null };
    await addAgreement(actorOf(user), p.id, { ...base, title: "Vence pronto", validUntil: addDays(today, 30), status: "SIGNED" });
    await addAgreement(actorOf(user), p.id, { ...base, title: "Vigente", validUntil: addDays(today, 61), status: "SIGNED" });
    await addAgreement(actorOf(user), p.id, { ...base, title: "Terminado", validUntil: addDays(today, 10), status: "TERMINATED" });
    const alerts = Object.fromEntries(
      (await partnerTimeline(p.id, ["agreement"])).map((e) => (e.kind === "agreement" ? [e.agreement.title, e.agreement.alert] : []))
    );
    expect(alerts).toEqual({ "Vence pronto": { kind: "expiring", daysLeft: 30 }, Vigente: null, Terminado: null });
    // The dashboard's list of agreements to renew holds the one that expires soon, not the others.
    const dashboard = (await listAgreementAlerts(today)).filter((a) => a.partnerId === p.id);
    expect(dashboard.map((a) => [a.title, a.alert])).toEqual([["Vence pronto", { kind: "expiring", daysLeft: 30 }]]);
  });

  it("logs an activity with participants, figures and a follow-up; the timeline is newest first and filterable", async () => {
    const user = await coordinator();
    const colleague = await coordinator();
    const t = token();
    const p = await partner(user, { name: `Programa Paisano ${t}` });
    const other = await partner(user, { name: `Otra ${t}` });
    const person = await addPerson(actorOf(user), p.id, { contactEmail: null, name: "Enlace INM", position: null, email: null, phone: null });
    const stranger = await addPerson(actorOf(user), other.id, { contactEmail: null, name: "Ajena", position: null, email: null, phone: null });
    const input = (extra: Record<string, unknown>) =>
      activityFormSchema.parse({
        occurredOn: "2017-11-30",
        kind: "MATERIALS_DELIVERED",
        summary: "244 mil 900 dípticos para 420 puntos de internación",
        itemsDistributed: "244900",
        userIds: [user.id, colleague.id],
        personIds: [person.id],
        ...extra,
      });

    await expect(addActivity(actorOf(user), p.id, input({ personIds: [stranger.id] }))).rejects.toMatchObject({ code: "personNotFound" });
    await expect(addActivity(actorOf(user), p.id, input({ followUpTitle: "Sin fecha" }))).rejects.toBeInstanceOf(PartnerError);
    const { activity, followUp } = await addActivity(
      actorOf(user),
      p.id,
      input({ followUpTitle: "Confirmar Operativo de Invierno", followUpDueOn: "2017-12-05", followUpOwnerId: colleague.id })
    );
    expect(followUp).toMatchObject({ activityId: activity.id, ownerId: colleague.id, state: "OPEN" });
    await addActivity(actorOf(user), p.id, activityFormSchema.parse({ occurredOn: "2017-11-10", kind: "OTHER", summary: "Llamada previa" }));

    const timeline = await partnerTimeline(p.id, ["activity", "followUp", "person"]);
    // The person was added today; the follow-up is due after the activities it came from.
    expect(timeline.map((e) => e.kind)).toEqual(["person", "followUp", "activity", "activity"]);
    expect(timeline.slice(1).map((e) => e.date)).toEqual(["2017-12-05", "2017-11-30", "2017-11-10"]);
    const logged = timeline.find((e) => e.kind === "activity" && e.id === activity.id);
    expect(logged?.kind === "activity" && logged.activity).toMatchObject({ itemsDistributed: 244900, people: [{ id: person.id, name: "Enlace INM" }] });
    expect(logged?.kind === "activity" && logged.activity.users.map((u) => u.id).sort()).toEqual([user.id, colleague.id].sort());
    expect((await partnerTimeline(p.id, ["followUp"])).map((e) => e.kind)).toEqual(["followUp"]);
    expect((await listMyFollowUps(colleague.id)).rows.map((r) => r.title)).toEqual(["Confirmar Operativo de Invierno"]);
  });

  it("sums the month's figures per institution and per kind", async () => {
    const user = await coordinator();
    const t = token();
    // A month of its own (no other test logs activities in 1987).
    const month = 1 + (parseInt(t.slice(0, 2), 16) % 12);
    const day = `1987-${String(month).padStart(2, "0")}-15`;
    const a = await partner(user, { name: `Fig A ${t}`, kind: "MEDIA" });
    const b = await partner(user, { name: `Fig B ${t}`, kind: "MEDIA" });
    const log = (p: { id: string }, extra: Record<string, string>) =>
      addActivity(actorOf(user), p.id, activityFormSchema.parse({ occurredOn: day, kind: "MEDIA", summary: "Nota", ...extra }));
    await log(a, { peopleReached: "70" });
    await log(a, { itemsDistributed: "5000", bulletinRecipients: "7000" });
    await log(b, { itemsDistributed: "20000" });
    await addActivity(
      actorOf(user),
      b.id,
      activityFormSchema.parse({
        occurredOn: `1987-${String((month % 12) + 1).padStart(2, "0")}-01`,
        kind: "MEDIA",
        summary: "Otro mes",
        itemsDistributed: "1",
      })
    );

    const figures = await partnerFiguresForMonth(1987, month);
    const mine = figures.byPartner.filter((p) => p.name.endsWith(t));
    expect(mine.map((p) => [p.name, p.activities, p.peopleReached, p.itemsDistributed, p.bulletinRecipients])).toEqual([
      [`Fig A ${t}`, 2, 70, 5000, 7000],
      [`Fig B ${t}`, 1, 0, 20000, 0],
    ]);
    const media = figures.byKind.find((k) => k.kind === "MEDIA")!;
    expect(media.activities).toBeGreaterThanOrEqual(3);
    expect(media.itemsDistributed).toBeGreaterThanOrEqual(25000);
  });
});

describe("CSV export and import", () => {
  it("exports the filtered list neutralised, and the export imports back unchanged", async () => {
    const user = await coordinator();
    const t = token();
    const parent = await partner(user, { name: `SRE export ${t}`, acronym: `S${t}`, tags: `exp-${t}` });
    await partner(user, {
      name: `=HYPERLINK("x") ${t}`,
      kind: "CIVIL_SOCIETY",
      parentId: parent.id,
      country: "US",
      website: "https://imumi.org",
      tags: `exp-${t}, @osc`,
      notes: "-2+3",
    });
    let csv = "";
    for await (const chunk of partnersCsv(actorOf(user), { tag: `exp-${t}` })) csv += chunk;
    expect(csv.startsWith("\uFEFFnombre,siglas,tipo,institución superior,país,estado,ciudad,sitio web,etiquetas,estatus,notas\r\n")).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(3);
    const evil = rows.find((r) => r[0]!.includes("HYPERLINK"))!;
    expect(evil[0]).toBe(`'=HYPERLINK("x") ${t}`);
    expect(evil[3]).toBe(`SRE export ${t}`);
    expect(evil[8]).toBe(`'@osc;exp-${t}`);
    expect(evil[10]).toBe("'-2+3");
    expect(await db.auditLog.count({ where: { action: "partners.export", actorId: user.id } })).toBe(1);

    const sha = await storePartnerImport(new TextEncoder().encode(csv));
    const plan = await planPartnerImport(sha, (await loadPartnerImport(sha))!);
    expect(plan.problem).toBeNull();
    expect(plan.counts).toEqual({ create: 0, update: 0, unchanged: 2, rejected: 0 });
  });

  it("previews, dry-runs with line-numbered rejections, then imports on confirmation", async () => {
    const user = await coordinator();
    const t = token();
    const existing = await partner(user, { name: `Existente ${t}`, kind: "UNIVERSITY" });
    const csv = [
      "nombre;siglas;tipo;institución superior;país;estado;notas",
      `Matriz ${t};M${t};Dependencia federal;;México;;`,
      `Consulado hija ${t};;consulado;M${t};Estados Unidos;Texas;"dos`,
      `líneas"`,
      `;;OSC;;;;`,
      `Sin tipo ${t};;;;;;`,
      `Tipo raro ${t};;Nave;;;;`,
      `País raro ${t};;OSC;;Narnia;;`,
      `Huérfana ${t};;OSC;No existe ${t};;;`,
      `Matriz ${t};;OSC;;;;`,
      `Existente ${t};;Universidad;;México;Jalisco;`,
      `Corta ${t};;OSC`,
      "",
    ].join("\r\n");
    const sha = await storePartnerImport(new TextEncoder().encode(csv));
    const plan = await planPartnerImport(sha, (await loadPartnerImport(sha))!);
    expect(plan).toMatchObject({ delimiter: ";", encoding: "utf-8", problem: null });
    expect(plan.sample[0]!.fields[0]).toBe(`Matriz ${t}`);
    expect(plan.rejected.map((r) => [r.line, r.reason])).toEqual([
      [5, "missingName"],
      [6, "missingKind"],
      [7, "invalidKind"],
      [8, "invalidCountry"],
      [9, "unknownParent"],
      [10, "duplicateInFile"],
      [12, "tooFewFields"],
    ]);
    expect(plan.counts).toEqual({ create: 2, update: 1, unchanged: 0, rejected: 7 });
    // The dry run wrote nothing.
    expect(await db.partner.count({ where: { name: { endsWith: t } } })).toBe(1);

    const applied = await applyPartnerImport(actorOf(user), sha);
    expect(applied.counts).toEqual(plan.counts);
    const matriz = await db.partner.findUniqueOrThrow({ where: { name: `Matriz ${t}` } });
    const hija = await db.partner.findUniqueOrThrow({ where: { name: `Consulado hija ${t}` } });
    expect(matriz).toMatchObject({ kind: "FEDERAL_AGENCY", country: "MX", acronym: `M${t}` });
    expect(hija).toMatchObject({ kind: "FOREIGN_SERVICE_POST", parentId: matriz.id, country: "US", state: "US-TX", notes: "dos\nlíneas" });
    expect(await db.partner.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ country: "MX", state: "MX-JAL" });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "partners.import", actorId: user.id } });
    expect(entry.after).toMatchObject({ create: 2, update: 1, rejected: 7, rejectedLines: [5, 6, 7, 8, 9, 10, 12] });

    // The same file again: nothing left to create.
    const again = await planPartnerImport(sha, (await loadPartnerImport(sha))!);
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 3 });
  });

  it("refuses a file without a name or kind column", async () => {
    const sha = await storePartnerImport(new TextEncoder().encode(`correo,país\r\nx@example.org,MX ${token()}\r\n`));
    expect((await planPartnerImport(sha, (await loadPartnerImport(sha))!)).problem).toBe("noNameColumn");
  });
});

describe("roles over HTTP", () => {
  const origin = () => ({ origin: new URL(new TestClient().baseUrl).origin });

  async function signedIn(role: "COMMUNICATIONS" | "COORDINATOR" | "JUROR" | "ADMIN") {
    const user = await createUser({ role });
    const client = new TestClient();
    if (role === "ADMIN") {
      // An administrator's session after two-factor authentication.
      await db.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
      const cookie = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
      // A fresh client per request, so a cookie it stored (a toast) never replaces the session's.
      const fresh = () => new TestClient(client.ip);
      return {
        user,
        get: (path: string) => fresh().request(path, { method: "GET", headers: { cookie } }),
        post: (path: string, form: Record<string, string>) =>
          fresh().request(path, {
            method: "POST",
            body: new URLSearchParams(form),
            headers: { cookie, "content-type": "application/x-www-form-urlencoded", ...origin() },
          }),
      };
    }
    expect((await client.login(user.email)).status).toBe(302);
    return {
      user,
      get: (path: string) => client.get(path),
      post: (path: string, form: Record<string, string>) => client.post(path, form, { headers: origin() }),
    };
  }

  it("lets COORDINATOR and ADMIN edit, COMMUNICATIONS only read, and JUROR nothing", async () => {
    const t = token();
    for (const role of ["COORDINATOR", "ADMIN"] as const) {
      const { get, post } = await signedIn(role);
      expect((await get("/partners")).status, role).toBe(200);
      expect((await get("/partners/new")).status, role).toBe(200);
      const created = await post("/partners/new", { name: `Por ${role} ${t}`, kind: "UNIVERSITY", country: "MX", tags: "uni" });
      expect(created.status, role).toBe(302);
      const p = await db.partner.findUniqueOrThrow({ where: { name: `Por ${role} ${t}` } });
      expect(created.headers.get("location")).toBe(`/partners/${p.id}`);
      const page = await get(`/partners/${p.id}`);
      expect(page.status, page.headers.get("location") ?? "").toBe(200);
      expect((await post(`/partners/${p.id}`, { intent: "followUp", title: "Llamar", dueOn: "2017-12-01", ownerId: p.createdById! })).status).toBe(302);
      expect((await get("/follow-ups")).status).toBe(200);
      expect((await get("/partners/import")).status).toBe(200);
    }

    const target = await db.partner.findUniqueOrThrow({ where: { name: `Por COORDINATOR ${t}` } });
    const comms = await signedIn("COMMUNICATIONS");
    expect((await comms.get("/partners")).status).toBe(200);
    expect((await comms.get(`/partners/${target.id}`)).status).toBe(200);
    expect((await comms.get("/partners/figures?month=2017-11")).status).toBe(200);
    expect((await comms.get("/partners/export.csv")).status).toBe(200);
    expect((await comms.get("/partners/new")).status).toBe(403);
    expect((await comms.post("/partners/new", { name: `Comms ${t}`, kind: "MEDIA" })).status).toBe(403);
    expect((await comms.post(`/partners/${target.id}`, { intent: "followUp", title: "x", dueOn: "2017-12-01", ownerId: comms.user.id })).status).toBe(403);
    expect((await comms.get("/partners/import")).status).toBe(403);
    expect(await db.partner.count({ where: { name: `Comms ${t}` } })).toBe(0);

    // A follow-up assigned to someone in COMMUNICATIONS: they may close their own, nobody else's.
    const mine = await addFollowUp(actorOf(comms.user), target.id, { title: `Para comunicación ${t}`, dueOn: "2017-12-01", ownerId: comms.user.id, notes: null, activityId: null });
    const theirs = await db.followUp.findFirstOrThrow({ where: { partnerId: target.id, ownerId: { not: comms.user.id } } });
    expect((await comms.post("/follow-ups", { followUpId: theirs.id, state: "DONE" })).status).toBe(400);
    expect((await db.followUp.findUniqueOrThrow({ where: { id: theirs.id } })).state).toBe("OPEN");
    expect((await comms.post("/follow-ups", { followUpId: mine.id, state: "DONE" })).status).toBe(302);
    expect((await db.followUp.findUniqueOrThrow({ where: { id: mine.id } })).state).toBe("DONE");

    const juror = await signedIn("JUROR");
    for (const path of ["/partners", `/partners/${target.id}`, "/partners/figures", "/partners/export.csv", "/follow-ups"]) {
      expect((await juror.get(path)).status, path).toBe(403);
    }
    expect((await juror.post("/follow-ups", { followUpId: theirs.id, state: "DONE" })).status).toBe(403);
    expect((await juror.post("/partners/new", { name: `Jurado ${t}`, kind: "MEDIA" })).status).toBe(403);
  });

  it("keeps what was typed and answers with a translated message on bad input", async () => {
    const { get, post } = await signedIn("COORDINATOR");
    const t = token();
    const res = await post("/partners/new", { name: `Con error ${t}`, kind: "", website: "notaurl" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(`value="Con error ${t}"`);
    expect(html).toContain("Elige el tipo de institución.");
    expect(html).toContain("El sitio web no es una dirección válida.");
    expect((await get(`/partners?q=${encodeURIComponent(`error ${t}`)}`)).status).toBe(200);
  });
});

describe("the pages over HTTP", () => {
  const origin = () => new URL(new TestClient().baseUrl).origin;

  async function coordinatorClient() {
    const user = await createUser({ role: "COORDINATOR", name: `Coordinación ${token()}` });
    const client = new TestClient();
    expect((await client.login(user.email)).status).toBe(302);
    return { user, client };
  }

  it("uploads an agreement's document, flags it when it expires within 60 days, and changes its status", async () => {
    const { user, client } = await coordinatorClient();
    const p = await partner(user, { name: `Convenios ${token()}` });
    const pdf = new TextEncoder().encode(`%PDF-1.4\n% convenio ${token()}\n%%EOF\n`);
    const body = new FormData();
    body.set("intent", "agreement");
    body.set("title", "Convenio General de Colaboración");
    body.set("reference", "INE/DJ/123/2017");
    body.set("signedOn", "2017-01-15");
    body.set("validUntil", addDays(todayIn("America/Mexico_City"), 20));
    body.set("status", "SIGNED");
    body.set("document", new Blob([pdf], { type: "application/pdf" }), "convenio firmado.pdf");
    const res = await client.request(`/partners/${p.id}`, { method: "POST", body, headers: { origin: origin() } });
    expect(res.status).toBe(302);
    const agreement = await db.agreement.findFirstOrThrow({ where: { partnerId: p.id } });
    expect(agreement).toMatchObject({ fileName: "convenio firmado.pdf", status: "SIGNED", reference: "INE/DJ/123/2017" });

    const html = await (await client.get(`/partners/${p.id}`)).text();
    expect(html).toContain('data-alert="expiring"');
    expect(html).toMatch(/Vence en (19|20|21) días/);
    const file = await client.get(`/files/${agreement.fileSha256}?name=convenio.pdf`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");

    // A file that is not a document is refused with the form's message; nothing changes.
    const bad = new FormData();
    for (const [k, v] of Object.entries({ intent: "agreement", agreementId: agreement.id, title: "Convenio General de Colaboración", status: "TERMINATED" }))
      bad.set(k, v);
    bad.set("document", new Blob(["<script>alert(1)</script>"], { type: "text/html" }), "x.html");
    const refused = await client.request(`/partners/${p.id}`, { method: "POST", body: bad, headers: { origin: origin() } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Este tipo de archivo no se acepta");
    expect((await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } })).status).toBe("SIGNED");

    const edit = await client.post(
      `/partners/${p.id}`,
      { intent: "agreement", agreementId: agreement.id, title: "Convenio General de Colaboración", status: "TERMINATED" },
      { headers: { origin: origin() } }
    );
    expect(edit.status).toBe(302);
    const after = await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(after).toMatchObject({ status: "TERMINATED", fileSha256: agreement.fileSha256, validUntil: null });
    expect(await db.auditLog.count({ where: { entityId: p.id, action: { startsWith: "partner.agreement." } } })).toBe(2);
  });

  it("logs an activity and its follow-up through the page, keeping the input on error", async () => {
    const { user, client } = await coordinatorClient();
    const p = await partner(user, { name: `Actividades ${token()}` });
    const bad = await client.post(
      `/partners/${p.id}`,
      { intent: "activity", occurredOn: "2017-11-31", kind: "OTHER", summary: "Reunión con el Consejo" },
      { headers: { origin: origin() } }
    );
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("La fecha no es válida.");
    expect(html).toContain("Reunión con el Consejo");

    const form = new URLSearchParams({
      intent: "activity",
      occurredOn: "2017-11-10",
      kind: "JOINT_EVENT",
      summary: "Tercera Sesión Ordinaria",
      peopleReached: "40",
      followUpTitle: "Enviar materiales digitales",
      followUpDueOn: "2017-11-20",
      followUpOwnerId: user.id,
    });
    form.append("userIds", user.id);
    const ok = await client.request(`/partners/${p.id}`, {
      method: "POST",
      body: form,
      headers: { origin: origin(), "content-type": "application/x-www-form-urlencoded" },
    });
    expect(ok.status).toBe(302);
    const activity = await db.partnerActivity.findFirstOrThrow({ where: { partnerId: p.id }, include: { users: true, followUps: true } });
    expect(activity).toMatchObject({
      peopleReached: 40,
      users: [{ userId: user.id }],
      followUps: [{ title: "Enviar materiales digitales", ownerId: user.id, state: "OPEN" }],
    });
    const mine = await (await client.get("/follow-ups")).text();
    expect(mine).toContain("Enviar materiales digitales");
    expect(mine).toContain('data-overdue="true"');

    const done = await client.post("/follow-ups", { followUpId: activity.followUps[0]!.id, state: "DONE" }, { headers: { origin: origin() } });
    expect(done.status).toBe(302);
    expect(await (await client.get("/follow-ups")).text()).not.toContain("Enviar materiales digitales");
  });

  it("imports through the pages: upload, review with rejections, confirm", async () => {
    const { client } = await coordinatorClient();
    const t = token();
    const csv = `name,kind,country\r\nImportada ${t},university,Mexico\r\nMala ${t},cohete,Mexico\r\n`;
    const body = new FormData();
    body.set("file", new Blob([csv], { type: "text/csv" }), "instituciones.csv");
    const upload = await client.request("/partners/import", { method: "POST", body, headers: { origin: origin() } });
    expect(upload.status).toBe(302);
    const review = upload.headers.get("location")!;
    expect(review).toMatch(/^\/partners\/import\/[a-f0-9]{64}$/);
    const page = await (await client.get(review)).text();
    expect(page).toContain("Tipo de institución desconocido.");
    expect(page).toContain("Confirmar e importar (1 institución)");
    const rejections = await client.get(`${review}/rejections.csv`);
    expect(rejections.status).toBe(200);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await rejections.arrayBuffer());
    expect(text).toBe(`\uFEFFLínea,Motivo,Fila original\r\n3,Tipo de institución desconocido.,"Mala ${t},cohete,Mexico"\r\n`);
    expect(await db.partner.count({ where: { name: `Importada ${t}` } })).toBe(0);
    const confirm = await client.post(review, {}, { headers: { origin: origin() } });
    expect(confirm.status).toBe(302);
    expect(await db.partner.findUniqueOrThrow({ where: { name: `Importada ${t}` } })).toMatchObject({ kind: "UNIVERSITY", country: "MX" });
    expect(await db.partner.count({ where: { name: `Mala ${t}` } })).toBe(0);
  });
});
