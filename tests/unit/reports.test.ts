import { describe, expect, it } from "vitest";
import type { Block } from "~/modules/reports/blocks";
import { annexTables, buildReport, dayMonth, listEs, narrativeOf, sameBasis, type DocumentInput } from "~/modules/reports/document";
import { figuresJson, type ReportFigures } from "~/modules/reports/figures.server";
import type { MeetingItem } from "~/modules/meetings/figures.server";
import { monthNameEs, monthOf, monthRange } from "~/modules/reports/month";
import { numberOutline, type OutlineKind } from "~/modules/reports/outline.server";
import { approvalSchema, contestCutoffSchema, fieldErrors, narrativeSchema, type MonthlyInputData } from "~/modules/reports/schema";

describe("report months", () => {
  it("starts and ends a month at local midnight in the organisation's zone", () => {
    const r = monthRange("2017-11", "America/Mexico_City");
    expect(r.from.toISOString()).toBe("2017-11-01T06:00:00.000Z");
    expect(r.to.toISOString()).toBe("2017-12-01T06:00:00.000Z");
    const madrid = monthRange("2024-03", "Europe/Madrid");
    expect(madrid.from.toISOString()).toBe("2024-02-29T23:00:00.000Z");
    expect(madrid.to.toISOString()).toBe("2024-03-31T22:00:00.000Z");
  });

  it("puts an instant in its local month", () => {
    expect(monthOf(new Date("2017-12-01T03:00:00Z"), "America/Mexico_City")).toBe("2017-11");
    expect(monthNameEs("2017-11")).toBe("noviembre de 2017");
  });

  it("refuses what is not a month", () => {
    for (const bad of ["2017-13", "2017-1", "nov", "1800-01"]) expect(() => monthRange(bad, "UTC")).toThrow(RangeError);
  });
});

// What the monthly-input form stored before decision 025 (a version approved then froze it as `input`).
const legacyInput: MonthlyInputData = {
  facebookPosts: 14,
  facebookImpressions: 52384,
  facebookFollowers: 22319,
  twitterPosts: 72,
  twitterRetweets: 586,
  twitterLikes: 498,
  twitterComments: 34,
  twitterFollowers: 9350,
  micrositeVisits: 241061,
  micrositeCountries: 125,
  mediaInternet: 43,
  mediaPrint: 23,
  mediaRadio: 21,
  mediaTv: 6,
  mediaPositive: 0,
  mediaNeutral: 93,
  mediaNegative: 0,
  enquiriesTotal: 648,
  enquiriesUsPercent: 85.65,
};

describe("forms", () => {
  it("validates section texts, the contest cutoff and the approval", () => {
    expect(narrativeSchema.parse({ section: "community_abroad", text: " Hola\r\n\r\nMundo " })).toEqual({ section: "community_abroad", text: "Hola\n\nMundo" });
    expect(narrativeSchema.safeParse({ section: "Nope!", text: "" }).success).toBe(false);
    expect(narrativeSchema.safeParse({ section: "media", text: "x".repeat(20_001) }).success).toBe(false);
    expect(contestCutoffSchema.parse({ cutoff: " 2017-12-15 " })).toEqual({ cutoff: "2017-12-15" });
    expect(contestCutoffSchema.parse({ cutoff: "" })).toEqual({ cutoff: null });
    for (const bad of ["2017-02-30", "15/12/2017", "2017-12-15T00:00"]) expect(fieldErrors(contestCutoffSchema.safeParse({ cutoff: bad }).error!)).toEqual({ cutoff: "reports.errors.cutoffDate" });
    expect(fieldErrors(approvalSchema.safeParse({ agreementId: " " }).error!)).toEqual({ agreementId: "reports.errors.agreementRequired" });
  });
});

// ── The source document's outline (as the migration seeds it) ───────────────────────────────────

const ROWS: Array<[key: string, parent: string | null, position: number, title: string, numbered: boolean, kind: OutlineKind, computed: string | null, owner: string | null]> = [
  ["presentation", null, 1, "Presentación", true, "COMPUTED", "presentation", "DERFE"],
  ["advances", null, 2, "Avances generados", true, "NARRATIVE", null, "DERFE"],
  ["derfe", "advances", 1, "Dirección Ejecutiva del Registro Federal de Electores (DERFE)", true, "NARRATIVE", null, "DERFE"],
  ["secretariat", "derfe", 1, "Secretaría Técnica de la CVMRE", true, "COMPUTED", "secretariat", "DERFE"],
  ["registration", "derfe", 2, "Actividades registrales", true, "CONTRIBUTED", null, "DERFE"],
  ["enquiries", "derfe", 3, "Dirección de Atención Ciudadana", true, "COMPUTED", "enquiries", "DAC"],
  ["liaison", "derfe", 4, "Oficina de Vinculación Electoral de Mexicanos Residentes en el Extranjero", true, "NARRATIVE", null, "VMRE_OFFICE"],
  ["institutional", "liaison", 1, "Vinculación institucional", false, "COMPUTED", "institutional", "VMRE_OFFICE"],
  ["community_abroad", "liaison", 2, "Vinculación con la comunidad en el extranjero", false, "COMPUTED", "community_abroad", "VMRE_OFFICE"],
  ["contest", "liaison", 3, "Concurso para la Promoción del Voto", false, "COMPUTED", "contest", "VMRE_OFFICE"],
  ["educational", "liaison", 4, "Vinculación con instancias educativas", false, "COMPUTED", "educational", "VMRE_OFFICE"],
  ["decentralized", "liaison", 5, "Vinculación con Órganos Desconcentrados", false, "COMPUTED", "decentralized", "VMRE_OFFICE"],
  ["digital", "liaison", 6, "En el marco de la Estrategia Digital", false, "COMPUTED", "digital", "VMRE_OFFICE"],
  ["deoe", "advances", 2, "Dirección Ejecutiva de Organización Electoral (DEOE)", true, "CONTRIBUTED", null, "DEOE"],
  ["deceyec", "advances", 3, "Dirección Ejecutiva de Capacitación Electoral y Educación Cívica (DECEYEC)", true, "NARRATIVE", null, "DECEYEC"],
  ["deceyec_outreach", "deceyec", 1, "Actividades en materia de Difusión y Campañas Institucionales", true, "CONTRIBUTED", null, "DECEYEC"],
  ["materials", "deceyec_outreach", 1, "Distribución de materiales impresos", false, "COMPUTED", "materials", "VMRE_OFFICE"],
  ["unicom", "advances", 4, "Unidad Técnica de Servicios de Informática (UNICOM)", true, "CONTRIBUTED", null, "UNICOM"],
  ["cncs", "advances", 5, "Coordinación Nacional de Comunicación Social (CNCS)", true, "CONTRIBUTED", null, "CNCS"],
  ["media", "cncs", 1, "Monitoreo de medios", false, "COMPUTED", "media", "CNCS"],
  ["annexes", null, 3, "Anexos", false, "NARRATIVE", null, null],
  ["annex_registration", "annexes", 1, "Solicitudes de inscripción", true, "CONTRIBUTED", null, "DERFE"],
  ["annex_enquiries", "annexes", 2, "Atención ciudadana: consultas sobre el VMRE", true, "COMPUTED", "annex_enquiries", "DAC"],
];
const outline = numberOutline(ROWS.map(([key, parent, position, title, numbered, kind, computed, ownerArea]) => ({ id: key, key, parentId: parent, position, title, numbered, kind, computed, ownerArea })));

const tot = (events: number, attendance: number, appointments: number, registrationRequests: number) => ({ events, attendance, appointments, registrationRequests, handedOut: 0, signups: 0 });
const meeting = (id: string, heldOn: string, kind: MeetingItem["kind"], subject: string, participants: MeetingItem["participants"], agreements: MeetingItem["agreements"] = []): MeetingItem => ({ id, kind, heldOn, subject, summary: null, format: "IN_PERSON", reportPart: "SECRETARIAT", participants, agreements });
const areas: MeetingItem["participants"] = [
  { type: "area", area: "DERFE" },
  { type: "area", area: "DECEYEC" },
];
const agreements = [
  { id: "a4", number: "INE/CVMRE-04SO", adoptedOn: "2017-11-15", title: "Se designa a los tres especialistas del jurado dictaminador", status: "APPROVED", vote: null, meetingId: "s1" },
  { id: "a5", number: "INE/CVMRE-05SO", adoptedOn: "2017-11-15", title: "Se modifica el anexo 21 del Reglamento de Elecciones", status: "APPROVED", vote: null, meetingId: "s1" },
];
const secretariatMeetings = [
  ...[3, 6, 9, 23, 27].map((d) => meeting(`w${d}`, `2017-11-${String(d).padStart(2, "0")}`, "WORKING_MEETING", "Revisión de los Lineamientos", areas)),
  meeting("s1", "2017-11-15", "COMMISSION_SESSION", "Cuarta Sesión Ordinaria de la Comisión Temporal del VMRE", areas, agreements),
];
const fortWorth = { id: "fw", name: "Día del Músico", date: "2017-11-19", kind: "COMMUNITY_FESTIVAL", country: "US", state: "US-TX", city: "Fort Worth", online: false, reportPart: "COMMUNITY_ABROAD" as const, attendance: 23000, appointments: 65, registrationRequests: 12, handedOut: 3000, signups: 0, institutions: [] };
const univa = { id: "un", name: "Votar desde el extranjero; un derecho y una responsabilidad", date: "2017-11-02", kind: "FORUM", country: "MX", state: "MX-JAL", city: "Lagos de Moreno", online: false, reportPart: "EDUCATIONAL" as const, attendance: 70, appointments: 0, registrationRequests: 0, handedOut: 0, signups: 0, institutions: [{ name: "Universidad del Valle de Atemajac", acronym: "UNIVA", kind: "UNIVERSITY" }] };
const empty = { events: [], activities: [], meetings: [] };

const figures = {
  schema: 2,
  month: "2017-11",
  timeZone: "America/Mexico_City",
  range: { from: "2017-11-01T06:00:00.000Z", to: "2017-12-01T06:00:00.000Z" },
  computedAt: "2017-12-05T00:00:00.000Z",
  secretariat: { ...empty, meetings: secretariatMeetings, counts: { working_meetings: 5, workshops: 0, commission_sessions: 1, agreements: 2 }, agreements },
  institutional: {
    ...empty,
    activities: [{ id: "c1", date: "2017-11-20", kind: "PARTNER_BULLETIN", institutions: [{ name: "Consejo Nacional de Ciencia y Tecnología", acronym: "CONACYT", kind: "FEDERAL_AGENCY" }], summary: "Se envió el tercer boletín para los becarios", peopleReached: null, itemsDistributed: null, bulletinRecipients: 7000, eventId: null, reportPart: "INSTITUTIONAL" }],
  },
  community_abroad: { ...empty, events: [fortWorth], totals: tot(1, 23000, 65, 12), onlineEvents: 0 },
  contest: { ...empty, cutoffOn: "2017-12-15", contests: [{ id: "k", name: "Concurso para la Promoción del Voto", funnel: { received: 19, inReview: 19, corrections: 6, registered: 15, notRegistered: 3, withdrawn: 1, pending: 0, awaitingReview: 0, underReview: 0, awaitingCorrections: 0 }, jurors: 3, designation: { number: "INE/CVMRE-04SO", adoptedOn: "2017-11-15" }, sessions: [{ kind: "INSTALLATION", date: "2017-11-27" }] }] },
  educational: { ...empty, events: [univa], totals: tot(1, 70, 0, 0) },
  decentralized: { ...empty, totals: tot(0, 0, 0, 0) },
  digital: { ...empty, bulletins: { bulletins: [{ id: "b1", name: "B1", subject: "Concurso", startedAt: "2017-11-08T18:00:00.000Z", recipients: 22100, sent: 22100, failed: 0 }, { id: "b2", name: "B2", subject: "Corazón Chilango", startedAt: "2017-11-24T18:00:00.000Z", recipients: 22150, sent: 22150, failed: 0 }], count: 2, recipients: 44250, sent: 44250, failed: 0, distinctContacts: 22180 } },
  materials: {
    totals: { eventsAbroad: 52174, eventsMexico: 21664, eventsOnline: 0, partners: 0, foreignServicePosts: 0, total: 73838 },
    handedOutAtEvents: 0,
    byMaterial: [
      { code: "FOL", name: "Folleto «¿Cómo puedo votar desde el extranjero?»", kind: "LEAFLET", eventsAbroad: 30000, eventsMexico: 0, eventsOnline: 0, partners: 0, foreignServicePosts: 0, total: 30000 },
      { code: "DIP", name: "Díptico App", kind: "LEAFLET", eventsAbroad: 22174, eventsMexico: 21664, eventsOnline: 0, partners: 0, foreignServicePosts: 0, total: 43838 },
    ],
    partnerReported: { total: 5000, items: [{ name: "PROMEXICO", quantity: 5000 }] },
  },
  all: { events: [fortWorth, univa], eventTotals: tot(2, 23070, 65, 12), activities: [], meetings: secretariatMeetings },
  input: { ...legacyInput },
} as unknown as ReportFigures;

const input = (over: Partial<DocumentInput> = {}): DocumentInput => ({
  month: "2017-11",
  version: 1,
  state: "DRAFT",
  approvedAt: null,
  approvedBy: null,
  narratives: {},
  figures,
  outline,
  approval: null,
  ...over,
});

const text = (blocks: Block[]) => blocks.map((b) => (b.type === "heading" ? `${b.number ?? ""} ${b.text}` : b.type === "bullets" ? b.items.join("\n") : b.type === "table" ? b.rows.flat().join(" ") : b.text)).join("\n");
function section(blocks: Block[], key: string): string {
  const at = blocks.findIndex((b) => b.type === "heading" && b.id === key);
  const next = blocks.findIndex((b, i) => i > at && b.type === "heading");
  return text(blocks.slice(at + 1, next < 0 ? undefined : next));
}

describe("the document follows the outline", () => {
  const { doc, sections } = buildReport(input());

  it("prints every section of the outline in its order, numbered, at its depth", () => {
    const headings = doc.blocks.filter((b) => b.type === "heading");
    expect(headings.map((h) => h.id)).toEqual(outline.map((o) => o.key));
    expect(headings.slice(0, 5).map((h) => [h.number, h.text, h.level])).toEqual([
      ["1", "Presentación", 1],
      ["2", "Avances generados", 1],
      ["2.1", "Dirección Ejecutiva del Registro Federal de Electores (DERFE)", 2],
      ["2.1.1", "Secretaría Técnica de la CVMRE", 3],
      ["2.1.2", "Actividades registrales", 3],
    ]);
    expect(headings.find((h) => h.id === "institutional")).toMatchObject({ number: null, level: 4 });
    expect(headings.find((h) => h.id === "cncs")).toMatchObject({ number: "2.5" });
    expect(doc.toc.map((t) => t.id)).toEqual(outline.map((o) => o.key));
    expect(doc.annexes).toEqual([
      { id: "annex_registration", number: "Anexo 1", title: "Solicitudes de inscripción", pending: true },
      { id: "annex_enquiries", number: "Anexo 2", title: "Atención ciudadana: consultas sobre el VMRE", pending: false },
    ]);
  });

  it("keeps a section waiting for its text with a «Pendiente» note; a parent with content needs none", () => {
    expect(doc.blocks.find((b) => b.type === "heading" && b.id === "deoe")).toMatchObject({ pending: true });
    expect(section(doc.blocks, "deoe")).toBe("Pendiente: la información de DEOE para esta sección.");
    expect(section(doc.blocks, "derfe")).toBe("");
    expect(sections.find((s) => s.key === "derfe")?.state).toBe("parent");
    // Its only content is a computed subsection: no note.
    expect(section(doc.blocks, "deceyec_outreach")).toBe("");
  });

  it("writes 2.1.1 as the source does: counts, the repeated meetings as one line, the session and its agreements once", () => {
    const s = section(doc.blocks, "secretariat");
    expect(s).toContain("la Secretaría Técnica de la CVMRE llevó a cabo 5 reuniones de trabajo, 0 talleres y 1 sesión de la Comisión; se aprobaron 2 acuerdos.");
    expect(s).toContain("Los días 3, 6, 9, 23 y 27 de noviembre: Reuniones de trabajo — Revisión de los Lineamientos. Participaron: DERFE y DECEyEC.");
    expect(s).toContain("El 15 de noviembre: Sesión de la Comisión — Cuarta Sesión Ordinaria de la Comisión Temporal del VMRE. Participaron: DERFE y DECEyEC. Se aprobaron los siguientes Acuerdos:");
    expect(s).toContain("INE/CVMRE-04SO: 15/11/2017: Se designa a los tres especialistas del jurado dictaminador.");
    expect(s.split("INE/CVMRE-05SO").length - 1).toBe(1);
  });

  it("writes each part of 2.1.4 from its records, each once", () => {
    expect(section(doc.blocks, "community_abroad")).toContain(
      "El 19 de noviembre, se participó en «Día del Músico», en Fort Worth, Texas, Estados Unidos. Contó con una asistencia de alrededor de 23,000 personas; se entregaron 3,000 materiales; se lograron 65 citas para credencialización y 12 solicitudes de registro.",
    );
    // The event names its institution, once (the activity tied to it is told by the event).
    const edu = section(doc.blocks, "educational");
    expect(edu).toContain("«Votar desde el extranjero; un derecho y una responsabilidad», en Lagos de Moreno, Jalisco, México, con Universidad del Valle de Atemajac (UNIVA). Contó con una asistencia de alrededor de 70 personas.");
    expect(section(doc.blocks, "institutional")).toBe("Consejo Nacional de Ciencia y Tecnología (CONACYT). El 20 de noviembre: Se envió el tercer boletín para los becarios (7,000 destinatarios).");
    expect(section(doc.blocks, "decentralized")).toBe("Sin actividades con los Órganos Desconcentrados registradas en el mes.");
    const contest = section(doc.blocks, "contest");
    expect(contest).toContain("Hasta el 15 de diciembre fueron recibidos 19 proyectos del Concurso para la Promoción del Voto");
    expect(contest).toContain("15 proyectos quedaron debidamente registrados al cumplir con la totalidad de los requisitos, 3 no fueron registrados y 1 fue retirado por su organización.");
    expect(contest).toContain("integrado por 3 especialistas, designados por la CVMRE mediante el Acuerdo INE/CVMRE-04SO del 15 de noviembre.");
    expect(contest).toContain("El 27 de noviembre, se llevó a cabo la Sesión de Instalación del Jurado Dictaminador.");
    expect(section(doc.blocks, "digital")).toContain("Se enviaron 2 boletines electrónicos a 22,180 registros de la base de datos de contactos del VMRE: «Concurso» (8 de noviembre) y «Corazón Chilango» (24 de noviembre).");
    // A version frozen before decision 025 (no enquiry figures) reads the typed totals of its monthly input.
    expect(section(doc.blocks, "enquiries")).toContain("se atendieron 648 consultas, de las cuales el 85.65% fueron recibidas de Estados Unidos, y el 14.35% del resto del mundo. (Anexo 2)");
    // Figures frozen before decision 025 (no `communications`): read from the typed input, worded as the source.
    expect(section(doc.blocks, "digital")).toContain("se realizaron un total de 14 publicaciones en Facebook, obteniendo un alcance de 52,384 impresiones lo que contribuyó a que la comunidad cerrara con 22,319 seguidores.");
    expect(section(doc.blocks, "media")).toContain("En total fueron 93 notas, de las cuales 93 se consideraron como “neutras” (100 por ciento del total).");
    expect(section(doc.blocks, "annex_enquiries")).toBe("Consultas atendidas 648 Recibidas de Estados Unidos 85.65% Recibidas del resto del mundo 14.35%");
    // The contest part counts the month's enquiries from organisations (absent from figures frozen before).
    expect(contest).not.toContain("consultas de organizaciones");
  });

  it("gives materials one figure per destination from the ledger and labels what partners report, never adding it", () => {
    const m = section(doc.blocks, "materials");
    expect(m).toContain("Eventos de vinculación en el extranjero: se distribuyeron los siguientes materiales: Folleto «¿Cómo puedo votar desde el extranjero?» y Díptico App; la suma total de los materiales fue de 52,174.");
    expect(m).toContain("Eventos de vinculación en territorio nacional: se distribuyeron los siguientes materiales: Díptico App; la suma total de los materiales fue de 21,664.");
    expect(m).toContain("las instituciones aliadas informan haber distribuido por su cuenta 5,000 materiales (PROMEXICO: 5,000): es una cifra reportada por ellas, no incluida en las sumas anteriores.");
    expect(figuresJson(figures).materials).toMatchObject({ events_abroad: 52174, events_mexico: 21664, total: 73838, partner_reported: 5000 });
  });

  it("prints no ISO timestamp, no template braces, no record twice", () => {
    const all = text(doc.blocks);
    expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(all).not.toContain("{{");
    for (const name of ["Día del Músico", "Universidad del Valle de Atemajac", "Revisión de los Lineamientos", "INE/CVMRE-04SO: 15/11/2017", "tercer boletín", "Corazón Chilango"]) expect(all.split(name).length - 1, name).toBe(1);
  });

  it("gives figures.json plain numbers, per part", () => {
    const j = figuresJson(figures);
    expect(j.secretariat).toEqual({ working_meetings: 5, workshops: 0, commission_sessions: 1, agreements: 2 });
    expect(j.community_abroad).toMatchObject({ events: 1, attendance: 23000, appointments: 65, registration_requests: 12 });
    expect(j.contest).toMatchObject({ received: 19, registered: 15, not_registered: 3, withdrawn: 1, jurors_designated: 3 });
    expect(j.digital).toMatchObject({ bulletins: 2, bulletin_recipients: 22180, facebook_posts: 14 });
    expect(j.enquiries).toMatchObject({ total: 648, us_percent: 85.65, rest_percent: 14.35, us: 555, by_channel_phone: 0 });
    expect(j.contest.enquiries).toBe(0);
    expect(j.media.notes).toBe(93);
    const numbers = Object.entries(j).flatMap(([k, v]) => (k === "month" ? [] : Object.values(v)));
    for (const v of numbers) expect(typeof v).toBe("number");
  });

  it("keeps the CSV annexes' tables", () => {
    expect(annexTables(figures).map((a) => a.id)).toEqual(["events", "materials", "activities", "meetings", "contest", "bulletins"]);
  });
});

describe("rewrites, legacy texts, approval line", () => {
  it("replaces the computed text with a rewrite, flagging review only when the figures moved", () => {
    const basis = figuresJson(figures).community_abroad;
    const same = buildReport(input({ narratives: { community_abroad: { text: "Texto propio.", basis } } }));
    expect(section(same.doc.blocks, "community_abroad")).toBe("Texto propio.");
    expect(same.sections.find((s) => s.key === "community_abroad")).toMatchObject({ state: "rewritten", review: false });
    const moved = buildReport(input({ narratives: { community_abroad: { text: "Texto propio.", basis: { ...basis, appointments: 60 } } } }));
    expect(moved.doc.blocks.find((b) => b.type === "heading" && b.id === "community_abroad")).toMatchObject({ review: true });
    const view = moved.sections.find((s) => s.key === "community_abroad")!;
    expect(view).toMatchObject({ review: true, basis: expect.objectContaining({ appointments: 60 }), figures: expect.objectContaining({ appointments: 65 }) });
    expect(view.computedText.join("\n")).toContain("65 citas para credencialización");
  });

  it("reads old plain-string texts after the computed figures", () => {
    const { doc } = buildReport(input({ narratives: { digital: "Los esfuerzos se concentraron en Estados Unidos.", deoe: "Texto de la DEOE." } }));
    expect(section(doc.blocks, "digital")).toMatch(/Corazón Chilango.*\nLos esfuerzos se concentraron en Estados Unidos\.$/s);
    expect(section(doc.blocks, "deoe")).toBe("Texto de la DEOE.");
    expect(narrativeOf({ a: "x", b: { text: "y", basis: null }, c: "" }, "c")).toBeNull();
    expect(sameBasis({ a: 1 }, { a: 1, b: 0 })).toBe(true);
    expect(sameBasis({ a: 1 }, { a: 2 })).toBe(false);
  });

  it("prints the approval line as the source does", () => {
    const { doc } = buildReport(
      input({
        state: "APPROVED",
        approvedAt: "2017-12-21T18:00:00Z",
        approvedBy: "Lic. Enrique Andrade",
        approval: { number: "INE/CVMRE-03SE", adoptedOn: "2017-12-21", title: "La Comisión Temporal del Voto de los Mexicanos Residentes en el Extranjero aprueba el Informe de avances", vote: "Aprobado por unanimidad." },
      }),
    );
    expect(doc.approval).toEqual({ agreement: "INE/CVMRE-03SE", adoptedOn: "21/12/2017", text: "La Comisión Temporal del Voto de los Mexicanos Residentes en el Extranjero aprueba el Informe de avances", vote: "Aprobado por unanimidad." });
    expect(doc.status).toBe("Versión 1, aprobada el 21 de diciembre de 2017 mediante el Acuerdo INE/CVMRE-03SE");
    expect(doc.monthLabel).toBe("Noviembre de 2017");
  });

  it("says dates and lists in Spanish", () => {
    expect(dayMonth("2017-11-03")).toBe("3 de noviembre");
    expect(listEs(["A", "B", "C"])).toBe("A, B y C");
  });
});

describe("merge tags never reach the document", () => {
  it("prints a bulletin subject's merge tag as its fallback, or without it", async () => {
    const { withoutMergeTags } = await import("~/modules/reports/document");
    expect(withoutMergeTags('{{nombre | "Amiga, amigo"}}, tu voto cuenta desde el extranjero')).toBe("Amiga, amigo, tu voto cuenta desde el extranjero");
    expect(withoutMergeTags("{{nombre}}, quedan pocas semanas")).toBe("Quedan pocas semanas");
    expect(withoutMergeTags("Hola {{ pais }} y {{roto")).toBe("Hola y roto");
  });
});
