/**
 * The monthly report on the shared test database (decision 024). Every test uses months of its own
 * (far from the demo data's November 2017, which another file may be seeding), so no global count
 * is assumed. Each computed part is checked against a month built record by record, worked out by
 * hand; the document is checked in its model (blocks), which every rendering prints.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ReportPart } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { meetingFiguresForMonth } from "~/modules/meetings/figures.server";
import { documentOf, reportOf } from "~/modules/reports/export.server";
import { bulletinFigures, computeReportFigures, figuresJson } from "~/modules/reports/figures.server";
import type { Block, ReportDocument } from "~/modules/reports/blocks";
import { monthRange } from "~/modules/reports/month";
import { liveOutline } from "~/modules/reports/outline.server";
import { approveReport, createNewVersion, getReportView, ReportError, saveNarrative, setContestCutoff, viewFiguresJson } from "~/modules/reports/reports.server";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";
import { markup } from "../support/markup";

const ZONE = "America/Mexico_City";
const tag = () => randomUUID().slice(0, 8);

// ── Factories ───────────────────────────────────────────────────────────────────────────────────

async function makeEvent(opts: { startsAt: string; timeZone?: string; country?: string | null; state?: string | null; city?: string | null; part: ReportPart; kind?: "COMMUNITY_FESTIVAL" | "VIRTUAL_WORKSHOP" | "FORUM" | "OPERATION"; attendance?: number; appointments?: number; requests?: number; name?: string }) {
  const startsAt = new Date(opts.startsAt);
  return db.event.create({
    data: {
      name: opts.name ?? `Evento ${tag()}`,
      kind: opts.kind ?? "COMMUNITY_FESTIVAL",
      status: "HELD",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      timeZone: opts.timeZone ?? "America/Chicago",
      country: opts.country === undefined ? "US" : opts.country,
      state: opts.state ?? null,
      city: opts.city ?? null,
      reportPart: opts.part,
      estimatedAttendance: opts.attendance ?? null,
      credentialAppointments: opts.appointments ?? null,
      registrationRequests: opts.requests ?? null,
    },
  });
}

async function makePartner(name: string, kind: "LOCAL_ELECTORAL_BODY" | "UNIVERSITY" | "FEDERAL_AGENCY" | "CIVIL_SOCIETY" | "INE_OFFICE", acronym: string | null = null) {
  return db.partner.create({ data: { name: `${name} ${tag()}`, acronym, kind } });
}

async function makeMeeting(opts: { heldOn: string; kind: "WORKING_MEETING" | "WORKSHOP" | "COMMISSION_SESSION" | "COUNCIL_SESSION" | "OTHER"; subject: string; part: ReportPart; partners?: string[]; areas?: Array<"DERFE" | "DEOE" | "DECEYEC" | "CNCS">; parties?: string[]; online?: boolean }) {
  return db.meeting.create({
    data: {
      heldOn: new Date(`${opts.heldOn}T00:00:00Z`),
      kind: opts.kind,
      subject: opts.subject,
      reportPart: opts.part,
      format: opts.online ? "ONLINE" : "IN_PERSON",
      participants: {
        create: [...(opts.partners ?? []).map((partnerId) => ({ partnerId })), ...(opts.areas ?? []).map((ineArea) => ({ ineArea })), ...(opts.parties ?? []).map((politicalParty) => ({ politicalParty }))],
      },
    },
  });
}

async function makeAgreement(opts: { number?: string; adoptedOn: string; title: string; meetingId?: string; vote?: string; status?: "APPROVED" | "PROPOSED" }) {
  return db.commissionAgreement.create({
    data: { number: opts.number ?? `INE/CVMRE-T${tag()}`, adoptedOn: new Date(`${opts.adoptedOn}T00:00:00Z`), title: opts.title, meetingId: opts.meetingId ?? null, vote: opts.vote ?? null, status: opts.status ?? "APPROVED" },
  });
}

async function makeActivity(opts: { occurredOn: string; partners: string[]; summary: string; part: ReportPart; eventId?: string; items?: number; recipients?: number }) {
  return db.partnerActivity.create({
    data: {
      partnerId: opts.partners[0]!,
      occurredOn: new Date(`${opts.occurredOn}T00:00:00Z`),
      kind: "OTHER",
      summary: opts.summary,
      reportPart: opts.part,
      eventId: opts.eventId ?? null,
      itemsDistributed: opts.items ?? null,
      bulletinRecipients: opts.recipients ?? null,
      institutions: { create: opts.partners.map((partnerId) => ({ partnerId })) },
    },
  });
}

async function makeSentBulletin(startedAt: Date, recipients: number, subject = "Hola") {
  return db.bulletin.create({
    data: { name: `Boletín ${tag()}`, subject, fromName: "VMRE", fromEmail: "boletin@alcance.test", bodyMarkdown: "Hola", status: "SENT", startedAt, finishedAt: startedAt, recipients },
  });
}

/** The document's text, block by block (headings with their numbers). */
function docText(doc: ReportDocument): string {
  return doc.blocks
    .map((b: Block) => (b.type === "heading" ? `${b.number ? `${b.number}. ` : ""}${b.text}` : b.type === "bullets" ? b.items.join("\n") : b.type === "table" ? [b.caption, ...b.rows.map((r) => r.join(" | "))].join("\n") : b.text))
    .join("\n");
}

/** The blocks between a section's heading and the next heading. */
function sectionText(doc: ReportDocument, key: string): string {
  const at = doc.blocks.findIndex((b) => b.type === "heading" && b.id === key);
  expect(at, key).toBeGreaterThanOrEqual(0);
  const next = doc.blocks.findIndex((b, i) => i > at && b.type === "heading");
  return docText({ ...doc, blocks: doc.blocks.slice(at + 1, next < 0 ? undefined : next) });
}

const count = (text: string, needle: string) => text.split(needle).length - 1;
const actor = async () => ({ userId: (await createUser({ role: "COORDINATOR" })).id, ip: "127.0.0.1" });

// ── Which month ─────────────────────────────────────────────────────────────────────────────────

describe("which month a record belongs to", () => {
  it("counts a bulletin by the organisation's local time, not by UTC", async () => {
    // 1 April 2093, 03:00 UTC = 31 March, 21:00 in Mexico City.
    const b = await makeSentBulletin(new Date("2093-04-01T03:00:00Z"), 120);
    expect((await bulletinFigures(monthRange("2093-03", ZONE))).bulletins.map((x) => x.id)).toContain(b.id);
    expect((await bulletinFigures(monthRange("2093-04", ZONE))).bulletins.map((x) => x.id)).not.toContain(b.id);
    expect((await bulletinFigures(monthRange("2093-04", "UTC"))).bulletins.map((x) => x.id)).toContain(b.id);
  });

  it("counts an event by its own local date", async () => {
    // 1 February 1994, 05:00 UTC = 31 January, 21:00 in Los Angeles: a January event.
    const e = await makeEvent({ startsAt: "1994-02-01T05:00:00Z", timeZone: "America/Los_Angeles", part: "COMMUNITY_ABROAD", appointments: 4 });
    const jan = await computeReportFigures("1994-01");
    const feb = await computeReportFigures("1994-02");
    expect(jan.community_abroad.events.find((x) => x.id === e.id)).toMatchObject({ appointments: 4, date: "1994-01-31" });
    expect(feb.community_abroad.events.find((x) => x.id === e.id)).toBeUndefined();
  });
});

// ── 2.1.1: meetings counted once ────────────────────────────────────────────────────────────────

describe("secretariat (2.1.1): each meeting once, however many took part", () => {
  it("counts 8 working meetings, 1 workshop, 1 session and its 2 agreements, and prints each once", async () => {
    const month = "1989-03";
    const opl = await Promise.all(["Chiapas", "CDMX", "Guanajuato", "Jalisco", "Morelos", "Puebla", "Yucatán"].map((s) => makePartner(`OPL ${s}`, "LOCAL_ELECTORAL_BODY", `OPL-${s}-${tag()}`)));
    const oplIds = opl.map((p) => p.id);
    const subject = `Revisión de los Lineamientos ${tag()}`;
    for (const d of [3, 6, 9, 23, 27]) await makeMeeting({ heldOn: `1989-03-${String(d).padStart(2, "0")}`, kind: "WORKING_MEETING", subject, part: "SECRETARIAT", areas: ["DERFE", "DECEYEC", "DEOE", "CNCS"] });
    await makeMeeting({ heldOn: "1989-03-07", kind: "WORKING_MEETING", subject: "Reunión con el enlace del OPL de Chiapas", part: "SECRETARIAT", partners: [oplIds[0]!] });
    await makeMeeting({ heldOn: "1989-03-10", kind: "WORKING_MEETING", subject: "Reunión con representantes de partidos políticos", part: "SECRETARIAT", parties: ["PAN", "PRI", "MORENA"] });
    const session = await makeMeeting({ heldOn: "1989-03-15", kind: "COMMISSION_SESSION", subject: "Cuarta Sesión Ordinaria de la Comisión", part: "SECRETARIAT", areas: ["DERFE"] });
    const a1 = await makeAgreement({ adoptedOn: "1989-03-15", title: "Se designa al jurado dictaminador", meetingId: session.id });
    const a2 = await makeAgreement({ adoptedOn: "1989-03-15", title: "Se modifica el anexo 21", meetingId: session.id });
    await makeAgreement({ adoptedOn: "1989-03-20", title: "Propuesta no aprobada", status: "PROPOSED" });
    const workshop = await makeMeeting({ heldOn: "1989-03-16", kind: "WORKSHOP", subject: "Taller Virtual sobre la aplicación móvil", part: "SECRETARIAT", partners: oplIds, online: true });
    await makeMeeting({ heldOn: "1989-03-29", kind: "WORKING_MEETING", subject: "Quinta Reunión de Trabajo con los OPL", part: "SECRETARIAT", partners: oplIds });
    // Counted elsewhere (2.1.4), not in 2.1.1.
    const segob = await makePartner("SEGOB", "FEDERAL_AGENCY", `SEGOB-${tag()}`);
    const imumi = await makePartner("IMUMI", "CIVIL_SOCIETY", `IMUMI-${tag()}`);
    await makeMeeting({ heldOn: "1989-03-10", kind: "COUNCIL_SESSION", subject: "Tercera Sesión Ordinaria del Consejo Consultivo", part: "INSTITUTIONAL", partners: [segob.id] });
    await makeMeeting({ heldOn: "1989-03-30", kind: "WORKING_MEETING", subject: "Reunión con IMUMI", part: "COMMUNITY_ABROAD", partners: [imumi.id] });

    const meetings = await meetingFiguresForMonth({ month });
    expect(meetings.secretariat).toEqual({ working_meetings: 8, workshops: 1, commission_sessions: 1, agreements: 2 });
    expect(meetings.agreements.map((a) => a.id).sort()).toEqual([a1.id, a2.id].sort());
    expect(meetings.meetings.find((m) => m.id === workshop.id)?.participants).toHaveLength(7);
    expect(meetings.byPart.INSTITUTIONAL?.council_sessions).toBe(1);

    const figures = await computeReportFigures(month);
    const json = figuresJson(figures);
    expect(json.secretariat).toEqual({ working_meetings: 8, workshops: 1, commission_sessions: 1, agreements: 2 });
    expect(json.institutional.meetings).toBe(1);
    expect(json.community_abroad.meetings).toBe(1);

    const view = await getReportView(month);
    const doc = await documentOf(view);
    const s = sectionText(doc, "secretariat");
    expect(s).toContain("llevó a cabo 8 reuniones de trabajo, 1 taller y 1 sesión de la Comisión; se aprobaron 2 acuerdos");
    // The five internal meetings read as one line with their days, as the source does.
    expect(s).toContain("Los días 3, 6, 9, 23 y 27 de marzo: Reuniones de trabajo");
    expect(count(s, subject)).toBe(1);
    expect(s).toContain("El 16 de marzo: Taller virtual — Taller Virtual sobre la aplicación móvil.");
    expect(count(s, "Quinta Reunión de Trabajo con los OPL")).toBe(1);
    expect(count(docText(doc), a1.number)).toBe(1);
    expect(s).toContain(`${a2.number}: 15/03/1989: Se modifica el anexo 21.`);
    expect(s).toContain("Participaron: PAN, PRI y MORENA.");
    expect(s).not.toContain("Consejo Consultivo");
    expect(sectionText(doc, "institutional")).toContain("Tercera Sesión Ordinaria del Consejo Consultivo");
    expect(sectionText(doc, "community_abroad")).toContain("Reunión con IMUMI");
  });
});

// ── 2.1.4: community abroad, educational, decentralized — each record once ───────────────────────

describe("parts of 2.1.4: by each record's report part, online events apart, each record once", () => {
  it("counts the events abroad and prints UNIVA once with its activity folded into the event", async () => {
    const month = "1989-05";
    const fw = await makeEvent({ startsAt: "1989-05-19T17:00:00Z", country: "US", state: "US-TX", city: "Fort Worth", part: "COMMUNITY_ABROAD", name: "Día del Músico", attendance: 23_000, appointments: 65, requests: 12 });
    await makeEvent({ startsAt: "1989-05-21T20:00:00Z", timeZone: "America/Los_Angeles", country: "US", state: "US-CA", city: "Lynwood", part: "COMMUNITY_ABROAD", name: "Entrega de Pavos", attendance: 1_500, appointments: 30, requests: 10 });
    // Online, though stored as abroad: the events module counts it under institutional liaison, so
    // its attendance is never counted abroad.
    await makeEvent({ startsAt: "1989-05-07T16:00:00Z", country: null, kind: "VIRTUAL_WORKSHOP", part: "COMMUNITY_ABROAD", name: "Taller virtual Europa", attendance: 300 });
    const univa = await makePartner("Universidad del Valle de Atemajac", "UNIVERSITY", `UNIVA${tag()}`);
    const conf = await makeEvent({ startsAt: "1989-05-02T17:00:00Z", timeZone: ZONE, country: "MX", state: "MX-JAL", city: "Lagos de Moreno", part: "EDUCATIONAL", kind: "FORUM", name: "Votar desde el extranjero; un derecho y una responsabilidad", attendance: 70 });
    await makeActivity({ occurredOn: "1989-05-02", partners: [univa.id], summary: "Conferencia en la semana UNIVA", part: "EDUCATIONAL", eventId: conf.id });
    const jle = await makePartner("Junta Local Ejecutiva de Chihuahua", "INE_OFFICE", null);
    await makeActivity({ occurredOn: "1989-05-12", partners: [jle.id], summary: "Invitación a sumarse al Operativo de Invierno", part: "DECENTRALIZED" });
    // Next month's operation and a record not reported: neither in May's document.
    await makeEvent({ startsAt: "1989-06-01T17:00:00Z", timeZone: ZONE, country: "MX", part: "DECENTRALIZED", kind: "OPERATION", name: "Operativo de Invierno 1989" });
    await makeEvent({ startsAt: "1989-05-25T17:00:00Z", part: "NOT_REPORTED", name: "Prueba interna no informada", attendance: 5 });
    // A shared activity: one record with three institutions, printed once.
    const [a, b, c] = await Promise.all([makePartner("IME", "FEDERAL_AGENCY", `IME${tag()}`), makePartner("SRE", "FEDERAL_AGENCY", `SRE${tag()}`), makePartner("DGAC", "FEDERAL_AGENCY", `DGAC${tag()}`)]);
    await makeActivity({ occurredOn: "1989-05-07", partners: [a.id, b.id, c.id], summary: "Se actualizaron los materiales digitales", part: "INSTITUTIONAL", items: 948_747 });

    const view = await getReportView(month);
    expect(view.legacy).toBe(false);
    const json = viewFiguresJson(view);
    expect(json.community_abroad).toMatchObject({ events: 2, online_events: 0, attendance: 24_500, appointments: 95, registration_requests: 22 });
    expect(json.educational).toMatchObject({ events: 1, attendance: 70, activities: 0 });
    expect(json.decentralized).toMatchObject({ events: 0, activities: 1 });
    expect(json.institutional).toMatchObject({ activities: 1, institutions: 3, events: 1 });

    const doc = await documentOf(view);
    const text = docText(doc);
    const community = sectionText(doc, "community_abroad");
    expect(community).toContain("El 19 de mayo, se participó en «Día del Músico», en Fort Worth, Texas, Estados Unidos. Contó con una asistencia de alrededor de 23,000 personas; se lograron 65 citas para credencialización y 12 solicitudes de registro.");
    expect(community).toContain("En total, se participó en 2 eventos con la comunidad en el extranjero, con una asistencia estimada de 24,500 personas; se lograron 95 citas para credencialización y 22 solicitudes de registro.");
    expect(count(text, "Día del Músico")).toBe(1);
    expect(community).not.toContain("Taller virtual Europa");
    expect(count(sectionText(doc, "institutional"), "Taller virtual Europa")).toBe(1);
    const educational = sectionText(doc, "educational");
    expect(educational).toContain("«Votar desde el extranjero; un derecho y una responsabilidad», en Lagos de Moreno, Jalisco, México, con Universidad del Valle de Atemajac");
    expect(educational).toContain("alrededor de 70 personas");
    expect(count(text, "Universidad del Valle de Atemajac")).toBe(1);
    expect(text).not.toContain("Conferencia en la semana UNIVA");
    expect(sectionText(doc, "decentralized")).toContain("Invitación a sumarse al Operativo de Invierno");
    expect(text).not.toContain("Operativo de Invierno 1989");
    expect(text).not.toContain("Prueba interna no informada");
    const institutional = sectionText(doc, "institutional");
    expect(count(institutional, "Se actualizaron los materiales digitales")).toBe(1);
    expect(institutional).toContain("948,747 materiales distribuidos por la institución");
    expect(fw.id).toBeTruthy();
  });
});

// ── The contest: cut at a chosen date ───────────────────────────────────────────────────────────

describe("contest part: the funnel at the report's cutoff", () => {
  it("counts up to the month's end, or up to the cutoff date set on the draft", async () => {
    const month = "2187-05";
    const contest = await db.contest.create({
      data: {
        name: `Concurso ${tag()}`,
        submissionsOpenAt: new Date("2187-04-01T00:00:00Z"),
        submissionsCloseAt: new Date("2187-06-30T00:00:00Z"),
        reviewEndsAt: new Date("2187-07-15T00:00:00Z"),
        evaluationStartsAt: new Date("2187-07-16T00:00:00Z"),
        evaluationEndsAt: new Date("2187-07-30T00:00:00Z"),
        resultsAt: new Date("2187-08-15T00:00:00Z"),
      },
    });
    const org = await makePartner("Organización", "CIVIL_SOCIETY");
    const submit = async (folio: string, receivedAt: string, registeredAt?: string) => {
      const s = await db.submission.create({ data: { contestId: contest.id, folio, partnerId: org.id, title: folio, receivedAt: new Date(receivedAt), channel: "EMAIL" } });
      await db.submissionStatusChange.create({ data: { submissionId: s.id, to: "RECEIVED", at: new Date(receivedAt) } });
      if (registeredAt) await db.submissionStatusChange.create({ data: { submissionId: s.id, from: "RECEIVED", to: "REGISTERED", at: new Date(registeredAt) } });
    };
    await submit("A", "2187-05-10T18:00:00Z", "2187-05-20T18:00:00Z");
    await submit("B", "2187-05-25T18:00:00Z", "2187-06-10T18:00:00Z");
    await submit("C", "2187-06-12T18:00:00Z");
    await submit("D", "2187-06-20T18:00:00Z");
    const agreement = await makeAgreement({ adoptedOn: "2187-05-15", title: "Se designa al jurado" });
    for (const role of ["JUROR", "JUROR", "JUROR"] as const) await db.juryMember.create({ data: { contestId: contest.id, userId: (await createUser({ role })).id, designatedOn: new Date("2187-05-15T00:00:00Z"), agreementId: agreement.id } });
    await db.jurySession.create({ data: { contestId: contest.id, kind: "INSTALLATION", heldAt: new Date("2187-05-27T17:00:00Z") } });

    const atEnd = figuresJson(await computeReportFigures(month));
    expect(atEnd.contest).toMatchObject({ received: 2, registered: 1, in_process: 1, jurors_designated: 3, jury_sessions: 1 });

    const who = await actor();
    await expect(setContestCutoff(who, month, "2187-04-30")).rejects.toMatchObject({ code: "cutoffRange" });
    expect(await setContestCutoff(who, month, "2187-06-15")).toEqual({ changed: true });
    const view = await getReportView(month);
    expect(view.contestCutoffOn).toBe("2187-06-15");
    expect(viewFiguresJson(view).contest).toMatchObject({ received: 3, registered: 2, in_process: 1, jurors_designated: 3 });
    const doc = await documentOf(view);
    const s = sectionText(doc, "contest");
    expect(s).toContain(`Hasta el 15 de junio fueron recibidos 3 proyectos del ${contest.name}`);
    expect(s).toContain("2 proyectos quedaron debidamente registrados al cumplir con la totalidad de los requisitos y 1 sigue en proceso (1 sin revisar aún)");
    expect(s).toContain(`El Jurado Dictaminador está integrado por 3 especialistas, designados por la CVMRE mediante el Acuerdo ${agreement.number} del 15 de mayo.`);
    expect(s).toContain("El 27 de mayo, se llevó a cabo la Sesión de Instalación del Jurado Dictaminador.");
    // Cleared: back to the month's end.
    await setContestCutoff(who, month, null);
    expect(viewFiguresJson(await getReportView(month)).contest.received).toBe(2);
  });
});

// ── Digital: bulletins and the contacts they reached ────────────────────────────────────────────

describe("digital part: bulletins started in the month and the contacts reached, each once", () => {
  it("counts two bulletins to the same contacts as the contacts reached", async () => {
    const month = "2094-02";
    const contacts = await Promise.all(Array.from({ length: 3 }, (_, i) => db.contact.create({ data: { email: `r${i}-${tag()}@example.test`, source: "MANUAL" } })));
    for (const [day, subject] of [["08", "Concurso para la promoción del voto"], ["24", "Corazón Chilango"]] as const) {
      const b = await makeSentBulletin(new Date(`2094-02-${day}T18:00:00Z`), 3, subject);
      await db.bulletinDelivery.createMany({ data: contacts.map((c) => ({ bulletinId: b.id, contactId: c.id, email: c.email, status: "SENT" as const })) });
    }
    const view = await getReportView(month);
    expect(viewFiguresJson(view).digital).toMatchObject({ bulletins: 2, bulletin_recipients: 3 });
    expect(sectionText(await documentOf(view), "digital")).toContain("Se enviaron 2 boletines electrónicos a 3 registros de la base de datos de contactos del VMRE: «Concurso para la promoción del voto» (8 de febrero) y «Corazón Chilango» (24 de febrero).");
  });
});

// ── Rewrites and the review flag ────────────────────────────────────────────────────────────────

describe("a rewritten section keeps its basis and is flagged when the data change", () => {
  it("replaces the computed text, then flags it for review when the figures move", async () => {
    const who = await actor();
    const month = "1993-05";
    const e = await makeEvent({ startsAt: "1993-05-10T18:00:00Z", part: "COMMUNITY_ABROAD", appointments: 7, requests: 2, name: `Feria ${tag()}` });
    await saveNarrative(who, month, "community_abroad", "Se participó en una feria con excelentes resultados.");
    let { doc, sections } = await reportOf(await getReportView(month));
    let section = sections.find((s) => s.key === "community_abroad")!;
    expect(section).toMatchObject({ state: "rewritten", review: false, basis: expect.objectContaining({ appointments: 7 }) });
    expect(sectionText(doc, "community_abroad")).toBe("Se participó en una feria con excelentes resultados.");
    expect(section.computedText.join(" ")).toContain("7 citas para credencialización");

    await db.event.update({ where: { id: e.id }, data: { credentialAppointments: 9 } });
    ({ doc, sections } = await reportOf(await getReportView(month)));
    section = sections.find((s) => s.key === "community_abroad")!;
    expect(section).toMatchObject({ review: true, basis: expect.objectContaining({ appointments: 7 }), figures: expect.objectContaining({ appointments: 9 }) });
    expect(doc.blocks.find((b) => b.type === "heading" && b.id === "community_abroad")).toMatchObject({ review: true });
    // Unknown sections are refused; an empty text goes back to the computed one.
    await expect(saveNarrative(who, month, "nope", "x")).rejects.toMatchObject({ code: "section" });
    await saveNarrative(who, month, "community_abroad", "");
    expect(sectionText(await documentOf(await getReportView(month)), "community_abroad")).toContain("9 citas para credencialización");
  });

  it("reads a text saved before decision 024 (a plain string) after the computed figures", async () => {
    const month = "1993-06";
    await db.monthlyReport.create({ data: { month, version: 1, narratives: { digital: "Los esfuerzos se concentraron en Estados Unidos.", deoe: "La DEOE informó sus avances." } } });
    const { doc, sections } = await reportOf(await getReportView(month));
    expect(sectionText(doc, "digital")).toMatch(/No se enviaron boletines electrónicos durante el mes\.\nLos esfuerzos se concentraron en Estados Unidos\./);
    expect(sections.find((s) => s.key === "digital")).toMatchObject({ state: "computed", review: false });
    expect(sections.find((s) => s.key === "deoe")).toMatchObject({ state: "written" });
    expect(sectionText(doc, "deoe")).toBe("La DEOE informó sus avances.");
    expect(doc.blocks.find((b) => b.type === "heading" && b.id === "unicom")).toMatchObject({ pending: true });
    expect(sectionText(doc, "unicom")).toBe("Pendiente: la información de UNICOM para esta sección.");
  });
});

// ── Approval ────────────────────────────────────────────────────────────────────────────────────

describe("approval by an agreement freezes figures, texts and the outline", () => {
  it("keeps an approved report unchanged after a data correction, prints its approval line, and a new version shows the correction", async () => {
    const who = await actor();
    const month = "1993-08";
    const e = await makeEvent({ startsAt: "1993-08-10T18:00:00Z", part: "COMMUNITY_ABROAD", appointments: 7, requests: 2, name: `Feria ${tag()}` });
    const agreement = await makeAgreement({ adoptedOn: "1993-09-21", title: "La Comisión aprueba el Informe de avances.", vote: "Aprobado por unanimidad." });
    const proposed = await makeAgreement({ adoptedOn: "1993-09-21", title: "Propuesta", status: "PROPOSED" });
    await saveNarrative(who, month, "deoe", "Texto de la DEOE.");
    await expect(approveReport(who, month, { agreementId: proposed.id })).rejects.toMatchObject({ code: "agreementNotFound" });
    expect((await approveReport(who, month, { agreementId: agreement.id })).version).toBe(1);
    await expect(saveNarrative(who, month, "deoe", "Otro texto")).rejects.toMatchObject({ code: "approved" });
    await expect(approveReport(who, month, { agreementId: agreement.id })).rejects.toBeInstanceOf(ReportError);

    const row = await db.monthlyReport.findFirstOrThrow({ where: { month } });
    expect(row).toMatchObject({ state: "APPROVED", approvalAgreementId: agreement.id });
    expect(row.frozenOutline).toEqual(JSON.parse(JSON.stringify(await liveOutline())));

    await db.event.update({ where: { id: e.id }, data: { credentialAppointments: 9 } });
    const approved = await getReportView(month);
    expect(viewFiguresJson(approved).community_abroad.appointments).toBe(7);
    const doc = await documentOf(approved);
    expect(doc.approval).toEqual({ agreement: agreement.number, adoptedOn: "21/09/1993", text: "La Comisión aprueba el Informe de avances.", vote: "Aprobado por unanimidad." });
    expect(doc.status).toBe(`Versión 1, aprobada el 21 de septiembre de 1993 mediante el Acuerdo ${agreement.number}`);

    // The approved version reads its frozen outline, whatever the live one says now.
    const frozen = (row.frozenOutline as Array<{ key: string; title: string }>).map((o) => (o.key === "deoe" ? { ...o, title: "Organización Electoral (como se aprobó)" } : o));
    await db.monthlyReport.update({ where: { id: row.id }, data: { frozenOutline: frozen } });
    expect((await documentOf(await getReportView(month))).toc.find((t) => t.id === "deoe")?.text).toBe("Organización Electoral (como se aprobó)");

    expect((await createNewVersion(who, month)).version).toBe(2);
    const v2 = await getReportView(month);
    expect(v2).toMatchObject({ version: 2, state: "DRAFT", approval: null });
    expect(viewFiguresJson(v2).community_abroad.appointments).toBe(9);
    expect(sectionText(await documentOf(v2), "deoe")).toBe("Texto de la DEOE.");
    expect(viewFiguresJson(await getReportView(month, { version: 1 })).community_abroad.appointments).toBe(7);
    const log = await db.auditLog.findMany({ where: { actorId: who.userId, action: { startsWith: "report." } }, orderBy: { id: "asc" }, select: { action: true } });
    expect(log.map((l) => l.action)).toEqual(["report.narrative.save", "report.approve", "report.version.create"]);
  });

  it("keeps a version approved before decision 024 readable (legacy figures)", async () => {
    const month = "1993-09";
    const legacy = {
      month,
      timeZone: ZONE,
      secretariat: { activities: [], meetings: 5, workshops: 1, institutions: 7, jurySessions: [] },
      promotion: { events: { events: 1, attendance: 10, appointments: 4, registrationRequests: 1, handedOut: 0, signups: 0 }, materials: { totals: { eventsAbroad: 52174, eventsMexico: 21664, eventsNoCountry: 0, partners: 0, foreignServicePosts: 0, total: 73838 }, byMaterial: [] } },
      partners: { activities: [], institutions: 0, itemsDistributed: 0, bulletinRecipients: 0 },
      community: { events: [{ id: "e1", name: "Feria antigua", date: "1993-09-19", kind: "COMMUNITY_FESTIVAL", country: "US", state: null, city: "Dallas", attendance: 10, appointments: 4, registrationRequests: 1, handedOut: 0, signups: 0 }], totals: { events: 1, attendance: 10, appointments: 4, registrationRequests: 1, handedOut: 0, signups: 0 } },
      education: { activities: [], eventsInMexico: [], totals: { events: 0, attendance: 0, appointments: 0, registrationRequests: 0, handedOut: 0, signups: 0 } },
      contest: [],
      bulletins: { bulletins: [], count: 0, recipients: 0, sent: 0, failed: 0, distinctContacts: 0 },
      input: null,
    };
    await db.monthlyReport.create({ data: { month, version: 1, state: "APPROVED", approvedAt: new Date("1993-10-05T18:00:00Z"), frozenFigures: legacy, narratives: { community: "Texto aprobado." } } });
    const view = await getReportView(month);
    expect(view.legacy).toBe(true);
    expect(viewFiguresJson(view)).toMatchObject({ community_abroad: { events: 1, appointments: 4 }, materials: { events_abroad: 52174, events_mexico: 21664 } });
    const text = docText(await documentOf(view));
    expect(text).toContain("2.4. Vinculación con la comunidad en el extranjero");
    expect(text).toContain("«Feria antigua» (Dallas, Estados Unidos)");
    expect(text).toContain("Texto aprobado.");
  });
});

// ── Over HTTP ───────────────────────────────────────────────────────────────────────────────────

describe("/reports over HTTP", () => {
  it("shows the document with its states, saves texts and the monthly figures, answers figures.json and the CSV annexes", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const client = new TestClient();
    expect((await client.login(user.email)).status).toBe(302);
    const month = "1993-07";
    await makeEvent({ startsAt: "1993-07-04T17:00:00Z", part: "COMMUNITY_ABROAD", appointments: 41, requests: 13, name: "Feria del 4 de julio" });

    const page = await client.get(`/reports/${month}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Informe de avances del Voto de los Mexicanos Residentes en el Extranjero");
    expect(html).toContain("Julio de 1993");
    expect(html).toContain("se participó en «Feria del 4 de julio», en Estados Unidos. Se lograron 41 citas para credencialización y 13 solicitudes de registro.");
    expect(html).toMatch(/<h4 id="secretariat"[^>]*>2\.1\.1\. Secretaría Técnica de la CVMRE<\/h4>/);
    expect(html).toContain("Pendiente: la información de DEOE para esta sección.");
    expect(html).toContain("Reescribir el texto de la sección: 2.1.1 Secretaría Técnica de la CVMRE");
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);

    const saved = await client.post(`/reports/${month}`, { intent: "narrative", section: "institutional", text: "Se fortaleció la red de aliados." });
    expect(saved.status).toBe(302);
    expect(await (await client.get(`/reports/${month}`)).text()).toContain("Se fortaleció la red de aliados.");
    const badSection = await client.post(`/reports/${month}`, { intent: "narrative", section: "Nope!", text: "x" });
    expect(badSection.status).toBe(400);
    expect(await badSection.text()).toContain("Sección desconocida.");

    // Decision 025: the monthly-input form is gone; communications figures are records (the
    // communications module), citizen enquiries are typed (or imported) on their own page.
    expect((await client.post(`/reports/${month}`, { intent: "input", facebookPosts: "14" })).status).toBe(400);
    const fb = await db.socialAccount.create({ data: { network: "FACEBOOK", ownerArea: "VMRE_OFFICE", handle: `fb-${month}-${Date.now()}` } });
    await db.socialAccountMonth.create({ data: { accountId: fb.id, month, posts: 14, impressions: 52_384, followers: 22_319 } });
    await db.mediaNote.createMany({ data: Array.from({ length: 93 }, (_, i) => ({ publishedOn: new Date(`${month}-${String(1 + (i % 28)).padStart(2, "0")}T00:00:00Z`), outlet: "Medio", medium: i < 43 ? "INTERNET" : i < 66 ? "PRINT" : i < 87 ? "RADIO" : "TV", tone: "NEUTRAL" })) });
    expect((await client.post(`/enquiries/${month}`, { intent: "totals", total: "648", usPercent: "85.65" })).status).toBe(302);
    const after = await (await client.get(`/reports/${month}`)).text();
    expect(after).toContain("14 publicaciones en Facebook, obteniendo un alcance de 52,384 impresiones");
    expect(after).toContain("se atendieron 648 consultas, de las cuales el 85.65% fueron recibidas de Estados Unidos, y el 14.35% del resto del mundo. (Anexo 2)");
    expect(after).toContain("En total fueron 93 notas, de las cuales 93 se consideraron como “neutras” (100 por ciento del total).");

    const json = await client.get(`/reports/${month}/figures.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toContain("application/json");
    const figures = (await json.json()) as Record<string, Record<string, number>>;
    expect(figures.community_abroad).toMatchObject({ events: 1, appointments: 41, registration_requests: 13 });
    expect(figures.media).toMatchObject({ notes: 93 });
    expect(figures.enquiries).toMatchObject({ total: 648 });
    for (const part of Object.values(figures)) if (part && typeof part === "object") for (const v of Object.values(part)) expect(typeof v).toBe("number");

    const csv = await client.get(`/reports/${month}/annex/events.csv`);
    expect(csv.status).toBe(200);
    const csvText = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(csvText.split("\r\n")[0]).toBe("\uFEFFFecha,Evento,Lugar,Apartado del informe,Asistencia,Citas para credencialización,Solicitudes de registro,Materiales entregados,Registros en kiosco");
    expect(csvText).toContain("1993-07-04,Feria del 4 de julio,Estados Unidos,Comunidad en el extranjero,0,41,13,0,0");
    expect((await client.get(`/reports/${month}/annex/meetings.csv`)).status).toBe(200);
    expect((await client.get(`/reports/${month}/annex/nope.csv`)).status).toBe(404);

    const badCutoff = await client.post(`/reports/${month}`, { intent: "cutoff", cutoff: "1993-02-30" });
    expect(badCutoff.status).toBe(400);
    expect(await badCutoff.text()).toContain("Escribe una fecha válida");
    const earlyCutoff = await client.post(`/reports/${month}`, { intent: "cutoff", cutoff: "1993-06-30" });
    expect(earlyCutoff.status).toBe(409);
    expect(await earlyCutoff.text()).toContain("El corte debe caer en el mes del informe");
    expect((await client.post(`/reports/${month}`, { intent: "cutoff", cutoff: "1993-08-15" })).status).toBe(302);
    expect((await db.monthlyReport.findFirstOrThrow({ where: { month } })).contestCutoffOn?.toISOString().slice(0, 10)).toBe("1993-08-15");
  }, 60_000);

  it("approves over HTTP only with an agreement, and refuses edits to the approved version", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const client = new TestClient();
    await client.login(user.email);
    const month = "2093-08";
    const agreement = await makeAgreement({ adoptedOn: "2093-09-21", title: "Aprueba el informe", vote: "Aprobado por unanimidad." });
    const page = await (await client.get(`/reports/${month}`)).text();
    expect(page).toContain(`${agreement.number} — 21/09/2093`);
    const missing = await client.post(`/reports/${month}`, { intent: "approve", agreementId: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Elige el acuerdo que aprueba el informe.");
    expect((await client.post(`/reports/${month}`, { intent: "approve", agreementId: "nope" })).status).toBe(409);
    expect((await client.post(`/reports/${month}`, { intent: "approve", agreementId: agreement.id })).status).toBe(302);
    const refused = await client.post(`/reports/${month}`, { intent: "narrative", section: "media", text: "Tarde" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("El informe ya está aprobado");
    const row = await db.monthlyReport.findFirstOrThrow({ where: { month }, orderBy: { version: "desc" } });
    expect(row).toMatchObject({ state: "APPROVED", approvedById: user.id, approvalAgreementId: agreement.id, narratives: {} });
    expect(row.frozenFigures).toMatchObject({ month, schema: 2 });
    const approvedPage = await (await client.get(`/reports/${month}`)).text();
    expect(approvedPage).toContain("Sentido del voto");
    expect(approvedPage).toContain(`${agreement.number}: 21/09/2093`);
  });

  it("lets communications read but not edit, and keeps jurors out", async () => {
    const comms = await createUser({ role: "COMMUNICATIONS" });
    const c = new TestClient();
    await c.login(comms.email);
    const page = await c.get("/reports/2093-09");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(markup(html)).not.toContain("Aprobar informe");
    expect(markup(html)).not.toContain("Reescribir el texto");
    expect((await c.get("/reports/2093-09/figures.json")).status).toBe(200);
    expect((await c.post("/reports/2093-09", { intent: "narrative", section: "media", text: "No" })).status).toBe(403);
    expect(await db.monthlyReport.count({ where: { month: "2093-09" } })).toBe(0);

    const juror = await createUser({ role: "JUROR" });
    const j = new TestClient();
    await j.login(juror.email);
    expect((await j.get("/reports/2093-09")).status).toBe(403);
    expect((await j.get("/reports/2093-09/figures.json")).status).toBe(403);
    expect((await c.get("/reports/2093-13/figures.json")).status).toBe(404);
  });
});

describe("home dashboard", () => {
  it("shows coordinators their month against the last, with charts and their numbers", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const client = new TestClient();
    await client.login(user.email);
    await makeEvent({ startsAt: "1993-10-12T17:00:00Z", part: "COMMUNITY_ABROAD", appointments: 17, requests: 5, name: "Kermés de octubre" });
    const res = await client.get("/?month=1993-10");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Citas para credencialización");
    expect(html).toContain("<svg");
    expect(html).toContain("Kermés de octubre");
    expect(markup(html)).not.toContain("Contactos nuevos por mes");
  });

  it("shows communications staff contacts and bulletins", async () => {
    const user = await createUser({ role: "COMMUNICATIONS" });
    const client = new TestClient();
    await client.login(user.email);
    await makeSentBulletin(new Date("2093-11-15T18:00:00Z"), 321);
    const html = await (await client.get("/?month=2093-11")).text();
    expect(html).toContain("Boletines enviados");
    expect(html).toMatch(/Destinatarios<\/span><span class="dash-card__value">321</);
  });
});
