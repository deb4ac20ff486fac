/**
 * Citizen enquiries (decision 025), the pure parts: a contact-centre row → ISO codes and a channel
 * whatever the spelling, or its rejection reason; the month's figures worked by hand from counts and
 * from typed totals; the report's 2.1.3 paragraph, Anexo 2 and the contest part's sentence.
 */
import { describe, expect, it } from "vitest";
import { hasKey, LOCALES } from "~/i18n";
import { enquiriesJson, enquiryFiguresFromGroups, enquiryFiguresFromLegacyInput, enquiryFiguresFromTotals, emptyEnquiryFigures, type EnquiryGroup } from "~/modules/enquiries/figures";
import { detectEnquiryDelimiter, ENQUIRY_REJECT_REASONS, enquiryMappingProblem, mapEnquiryHeaders, parseChannel, parseEnquiryDate, toEnquiryRow } from "~/modules/enquiries/import";
import { contestEnquiriesSentence, enquiriesAnnexBlocks, enquiriesSectionBlocks } from "~/modules/enquiries/report";
import { enquiryTotalsSchema, totalsErrors } from "~/modules/enquiries/schema";

const header = "Fecha de atención;Medio de contacto;País de residencia;Entidad;Motivo de la consulta";
const columns = mapEnquiryHeaders(header.split(";"));
const row = (line: string) => toEnquiryRow(line.split(";"), columns.length, columns, "2017-11");

describe("reading the contact centre's rows", () => {
  it("maps Spanish and English headers and detects the delimiter from them", () => {
    expect(detectEnquiryDelimiter(header)).toBe(";");
    expect(columns.map((c) => c.column)).toEqual(["date", "channel", "country", "state", "topic"]);
    expect(mapEnquiryHeaders(["DATE", "Channel", "Country", "State/Province", "Topic"]).map((c) => c.column)).toEqual(["date", "channel", "country", "state", "topic"]);
    expect(detectEnquiryDelimiter("date,channel,country,state,topic")).toBe(",");
    expect(enquiryMappingProblem(mapEnquiryHeaders(["fecha", "país", "tema"]))).toBe("noChannelColumn");
    expect(enquiryMappingProblem(mapEnquiryHeaders(["canal", "país", "tema"]))).toBe("noDateColumn");
  });

  it("codes countries and states whatever the spelling, and reads the channel from Spanish or English words", () => {
    expect(row("03/11/2017;Vía telefónica;Estados Unidos;California;Credencial")).toEqual({ ok: true, row: { occurredOn: "2017-11-03", channel: "PHONE", country: "US", state: "US-CA", topic: "Credencial" } });
    expect(row("2017-11-04;Teléfono;USA;CA;Registro")).toMatchObject({ ok: true, row: { country: "US", state: "US-CA", channel: "PHONE" } });
    expect(row("2017/11/05 10:22;E-mail;EUA;tx;Registro")).toMatchObject({ ok: true, row: { occurredOn: "2017-11-05", channel: "EMAIL", country: "US", state: "US-TX" } });
    expect(row("6-11-17;correo electrónico;EE. UU.;Nueva York;Voto")).toMatchObject({ ok: true, row: { occurredOn: "2017-11-06", country: "US", state: "US-NY" } });
    expect(row("30/11/2017;Redes sociales;Alemania;;Voto")).toMatchObject({ ok: true, row: { channel: "SOCIAL_MEDIA", country: "DE", state: null } });
    expect(row("30/11/2017;Chat en línea;Germany;Baviera;Voto")).toMatchObject({ ok: true, row: { channel: "CHAT", country: "DE", state: "Baviera" } });
    expect(row("30/11/2017;Presencial;Canadá;Ontario;Voto")).toMatchObject({ ok: true, row: { channel: "IN_PERSON", country: "CA", state: "CA-ON" } });
    // A state alone names its country when it is one of the three coded countries' own.
    expect(row("30/11/2017;Otro;;Texas;Voto")).toMatchObject({ ok: true, row: { channel: "OTHER", country: "US", state: "US-TX" } });
    expect(["Llamada", "phone call", "INETEL", "Por correo", "WhatsApp", "Facebook", "in person", "Atención telefónica"].map(parseChannel)).toEqual(["PHONE", "PHONE", "PHONE", "EMAIL", "CHAT", "SOCIAL_MEDIA", "IN_PERSON", "PHONE"]);
    expect(parseEnquiryDate("31/11/2017")).toBeNull();
    expect(parseEnquiryDate("2017-02-29")).toBeNull();
  });

  it("rejects each bad row with its reason", () => {
    const reasons = [
      "03/12/2017;Teléfono;USA;CA;x",
      "fecha;Teléfono;USA;CA;x",
      ";Teléfono;USA;CA;x",
      "03/11/2017;Fax;USA;CA;x",
      "03/11/2017;;USA;CA;x",
      "03/11/2017;Teléfono;Narnia;;x",
      "03/11/2017;Teléfono;USA;Ontario;x",
      "03/11/2017;Teléfono;;;x",
      "03/11/2017;Teléfono;;BC;x",
      "03/11/2017;Teléfono;USA;CA;",
      `03/11/2017;Teléfono;USA;CA;${"x".repeat(201)}`,
      "03/11/2017;Teléfono;USA;CA",
      "03/11/2017;Teléfono;USA;CA;x;y",
    ].map((l) => row(l)).map((o) => (o.ok === false ? o.reason : o.ok));
    expect(reasons).toEqual(["outsideMonth", "invalidDate", "missingDate", "invalidChannel", "missingChannel", "invalidCountry", "invalidState", "missingCountry", "missingCountry", "missingTopic", "topicTooLong", "tooFewFields", "tooManyFields"]);
    expect(row(";;;;")).toEqual({ ok: "blank" });
    expect(toEnquiryRow(["03/11/2017", "Teléfono", "USA", "CA", "x"], 5, columns, "2017-11", true)).toEqual({ ok: false, reason: "malformedQuotes" });
  });

  it("has words for every reason and problem in both languages", () => {
    for (const locale of LOCALES) for (const reason of ENQUIRY_REJECT_REASONS) expect(hasKey(locale, `enquiries.import.reasons.${reason}`), `${locale} ${reason}`).toBe(true);
  });
});

const g = (channel: EnquiryGroup["channel"], country: string, state: string | null, topic: string, n: number): EnquiryGroup => ({ channel, country, state, topic, n });

describe("the month's figures", () => {
  // By hand: 10 enquiries; 7 from the US (California 3, Texas 2, no state 2), 3 elsewhere
  // (Germany 2, Canada 1); phone 6, e-mail 4; topics «Credencial» ×6 (one spelt «credencial»), «Voto» ×4.
  const groups = [
    g("PHONE", "US", "US-CA", "Credencial", 3),
    g("EMAIL", "US", "US-TX", "Voto", 2),
    g("PHONE", "US", null, "credencial", 1),
    g("EMAIL", "US", null, "Credencial", 1),
    g("PHONE", "DE", null, "Voto", 2),
    g("EMAIL", "CA", "CA-ON", "Credencial", 1),
  ];
  const f = enquiryFiguresFromGroups("2017-11", groups);

  it("counts them from the records", () => {
    expect(f).toMatchObject({ source: "records", total: 10, fromUs: 7, usPercent: 70, restPercent: 30, topUsStates: ["US-CA", "US-TX"], topCountries: ["DE", "CA"] });
    expect(f.byChannel).toEqual([{ channel: "PHONE", count: 6 }, { channel: "EMAIL", count: 4 }]);
    expect(f.byUsState).toEqual([{ code: "US-CA", count: 3 }, { code: "US-TX", count: 2 }]);
    expect(f.byCountry).toEqual([{ code: "DE", count: 2 }, { code: "CA", count: 1 }]);
    expect(f.byTopic).toEqual([{ topic: "Credencial", count: 6 }, { topic: "Voto", count: 4 }]);
    expect(enquiriesJson(f)).toEqual({ total: 10, us: 7, us_percent: 70, rest_percent: 30, by_channel_phone: 6, by_channel_email: 4, by_channel_chat: 0, by_channel_social_media: 0, by_channel_in_person: 0, by_channel_other: 0, us_states: 2, countries: 2, topics: 2 });
  });

  it("gives the source's November: 555 of 648 is 85.65 %, the rest 14.35 %", () => {
    const nov = enquiryFiguresFromGroups("2017-11", [g("PHONE", "US", "US-CA", "x", 555), g("PHONE", "DE", null, "x", 93)]);
    expect([nov.usPercent, nov.restPercent]).toEqual([85.65, 14.35]);
  });

  it("takes typed totals as typed, inventing nothing", () => {
    const t = enquiryFiguresFromTotals("2017-11", { total: 648, usPercent: 85.65, byChannel: { PHONE: 500, EMAIL: 100, BOGUS: 3 }, topUsStates: ["US-CA", "US-TX"], topCountries: ["DE"] });
    expect(t).toMatchObject({ source: "totals", total: 648, fromUs: 555, usPercent: 85.65, restPercent: 14.35, byTopic: [], topUsStates: ["US-CA", "US-TX"], topCountries: ["DE"] });
    expect(t.byChannel).toEqual([{ channel: "PHONE", count: 500 }, { channel: "EMAIL", count: 100 }]);
    expect(t.byUsState).toEqual([{ code: "US-CA", count: null }, { code: "US-TX", count: null }]);
    expect(enquiryFiguresFromLegacyInput("2017-11", { enquiriesTotal: 648, enquiriesUsPercent: 85.65 })).toMatchObject({ source: "totals", total: 648, usPercent: 85.65 });
    expect(enquiryFiguresFromLegacyInput("2017-11", null).source).toBeNull();
  });

  it("validates typed totals and codes the typed names", () => {
    const ok = enquiryTotalsSchema.parse({ total: "648", usPercent: "85,65 %", channel_PHONE: "500", channel_EMAIL: "", topUsStates: "California, TX", topCountries: "Alemania; Canadá y Francia" });
    expect(ok).toEqual({ total: 648, usPercent: 85.65, byChannel: { PHONE: 500 }, topUsStates: ["US-CA", "US-TX"], topCountries: ["DE", "CA", "FR"] });
    const bad = enquiryTotalsSchema.safeParse({ total: "", usPercent: "120", channel_PHONE: "x", topUsStates: "Ontario", topCountries: "Estados Unidos" });
    expect(totalsErrors(bad.error!)).toEqual({
      total: { key: "enquiries.errors.required", value: undefined },
      usPercent: { key: "enquiries.errors.percent", value: undefined },
      channel_PHONE: { key: "enquiries.errors.wholeNumber", value: undefined },
      topUsStates: { key: "enquiries.errors.unknownState", value: "Ontario" },
      topCountries: { key: "enquiries.errors.usNotOther", value: undefined },
    });
    const over = enquiryTotalsSchema.safeParse({ total: "10", channel_PHONE: "8", channel_CHAT: "3" });
    expect(totalsErrors(over.error!)).toMatchObject({ channel_PHONE: { key: "enquiries.errors.channelsOverTotal" } });
  });
});

describe("2.1.3 and Anexo 2", () => {
  const text = (blocks: ReturnType<typeof enquiriesSectionBlocks>) => blocks.map((b) => (b.type === "paragraph" || b.type === "pending" ? b.text : b.type === "table" ? `${b.caption}: ${b.rows.map((r) => r.join(" ")).join(" | ")}` : "")).join("\n");

  it("writes the source's sentence from records", () => {
    const f = enquiryFiguresFromGroups("2017-11", [
      g("PHONE", "US", "US-CA", "Credencial", 300),
      g("PHONE", "US", "US-TX", "Credencial", 200),
      g("EMAIL", "US", "US-IL", "Voto", 55),
      g("CHAT", "DE", null, "Voto", 30),
      g("EMAIL", "CA", null, "Voto", 25),
      g("EMAIL", "FR", null, "Voto", 20),
      g("EMAIL", "MX", null, "Voto", 12),
      g("EMAIL", "ES", null, "Voto", 6),
    ]);
    expect(text(enquiriesSectionBlocks(f, { monthName: "noviembre de 2017", annex: "Anexo 2" }))).toBe(
      "Como parte de los servicios que brinda la Dirección de Atención Ciudadana (DAC), a través del Centro de Atención INETEL en el tema VMRE, durante el mes de noviembre de 2017 se atendieron 648 consultas, en su mayoría vía telefónica, de las cuales el 85.65% fueron recibidas de Estados Unidos, principalmente de los estados de California y Texas, y el 14.35% del resto del mundo entre los que destacan los países: Alemania, Canadá, Francia y México. (Anexo 2)",
    );
    const annex = text(enquiriesAnnexBlocks(f));
    expect(annex).toContain("Consultas atendidas 648 | Recibidas de Estados Unidos 555 (85.65%) | Recibidas del resto del mundo 93 (14.35%)");
    expect(annex).toContain("Consultas por medio de contacto: Teléfono (INETEL) 500 77.16% | Correo electrónico 118 18.21% | Chat 30 4.63% | Total 648 100%");
    expect(annex).toContain("Consultas recibidas de Estados Unidos, por estado: California 300 54.05% | Texas 200 36.04% | Illinois 55 9.91% | Total Estados Unidos 555 100%");
    expect(annex).toContain("Consultas recibidas del resto del mundo, por país: Alemania 30 32.26% | Canadá 25 26.88% | Francia 20 21.51% | México 12 12.9% | España 6 6.45% | Total resto del mundo 93 100%");
    expect(annex).toContain("Consultas por tema: Credencial 500 77.16% | Voto 148 22.84% | Total 648 100%");
  });

  it("says «principalmente» for a channel short of half, leaves out what typed totals do not give, and waits for missing figures", () => {
    const plurality = enquiryFiguresFromGroups("2017-12", [g("EMAIL", "US", "US-CA", "x", 4), g("PHONE", "US", "US-CA", "x", 3), g("CHAT", "US", "US-CA", "x", 3)]);
    expect(text(enquiriesSectionBlocks(plurality, { monthName: "diciembre de 2017", annex: null }))).toBe(
      "Como parte de los servicios que brinda la Dirección de Atención Ciudadana (DAC), a través del Centro de Atención INETEL en el tema VMRE, durante el mes de diciembre de 2017 se atendieron 10 consultas, principalmente por correo electrónico, de las cuales el 100% fueron recibidas de Estados Unidos, principalmente del estado de California.",
    );
    const typed = enquiryFiguresFromTotals("2017-11", { total: 648, usPercent: 85.65, byChannel: {}, topUsStates: [], topCountries: [] });
    expect(text(enquiriesSectionBlocks(typed, { monthName: "noviembre de 2017", annex: "Anexo 2" }))).toMatch(/se atendieron 648 consultas, de las cuales el 85\.65% fueron recibidas de Estados Unidos, y el 14\.35% del resto del mundo\. \(Anexo 2\)$/);
    expect(text(enquiriesAnnexBlocks(typed))).toBe("Consultas atendidas por el Centro de Atención INETEL sobre el VMRE (totales capturados): Consultas atendidas 648 | Recibidas de Estados Unidos 85.65% | Recibidas del resto del mundo 14.35%");
    expect(text(enquiriesSectionBlocks(emptyEnquiryFigures("2018-01"), { monthName: "enero de 2018", annex: "Anexo 2" }))).toBe("Atención ciudadana: cifras pendientes de captura para este mes.");
    expect(enquiriesAnnexBlocks(emptyEnquiryFigures("2018-01"))).toEqual([{ type: "pending", text: "Pendiente: cifras de atención ciudadana del mes." }]);
  });

  it("counts the organisations' contest enquiries in the contest part", () => {
    expect(contestEnquiriesSentence("Concurso X", { count: 4, organisations: 4, topics: ["Requisitos", "Fechas", "Presentación de proyectos"] })).toBe(
      "En relación con el Concurso X, se atendieron 4 consultas de organizaciones de la sociedad civil, interesadas en información sobre requisitos, fechas y presentación de proyectos.",
    );
    expect(contestEnquiriesSentence("Concurso X", { count: 3, organisations: 2, topics: ["CURP"] })).toBe("En relación con el Concurso X, se atendieron 3 consultas de organizaciones de la sociedad civil (2 organizaciones), interesadas en información sobre CURP.");
    expect(contestEnquiriesSentence("Concurso X", { count: 1, organisations: 1, topics: [] })).toBe("En relación con el Concurso X, se atendió 1 consulta de una organización de la sociedad civil.");
    expect(contestEnquiriesSentence("Concurso X", { count: 0, organisations: 0, topics: [] })).toBeNull();
    expect(contestEnquiriesSentence("Concurso X", undefined)).toBeNull();
  });
});
