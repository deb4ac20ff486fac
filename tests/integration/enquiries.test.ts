/**
 * Citizen enquiries against the real database and web server (decision 025): a Windows-1252,
 * semicolon-separated export with messy spellings imported as ISO-coded records; rejected rows with
 * their lines; re-importing a month only after a confirmation carrying how many rows it replaces
 * (a stale one changes nothing); typed totals when the month has no import; the report's 2.1.3,
 * Anexo 2 and figures.json from those figures; contest enquiries counted in the contest part; and
 * who may see and change them (COMMUNICATIONS reads, JUROR 403, the DAC contributor edits, another
 * area's contributor 403). Months far in the future are this file's own.
 */
import { describe, expect, it } from "vitest";
import type { IneArea } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { hashPassword } from "~/modules/auth/password.server";
import { createSession } from "~/modules/auth/session.server";
import { addContestEnquiry, contestEnquiryCount } from "~/modules/contest/enquiries.server";
import { enquiryFiguresForMonth } from "~/modules/enquiries/figures.server";
import { applyEnquiryImport, loadEnquiryFile, planEnquiryImport, saveEnquiryTotals, storeEnquiryFile } from "~/modules/enquiries/import.server";
import { buildReport } from "~/modules/reports/document";
import { computeReportFigures, figuresJson } from "~/modules/reports/figures.server";
import { liveOutline } from "~/modules/reports/outline.server";
import { createUser, fakeRequest, TEST_PASSWORD } from "../support/factories";
import { TestClient } from "../support/http";

const actorOf = (user: { id: string }) => ({ userId: user.id, ip: "127.0.0.1" });

async function freshMonth(month: string) {
  await db.enquiryImport.deleteMany({ where: { month } });
  await db.enquiryMonthTotal.deleteMany({ where: { month } });
}

/** What Excel writes in Mexico: Windows-1252, semicolons, CRLF, day-first dates. */
const cp1252 = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

const MESSY = [
  "Fecha;Medio;País;Estado;Asunto",
  "01/01/2091;Teléfono;Estados Unidos;California;Credencialización", // line 2
  "02/01/2091;Vía telefónica;USA;CA;Credencialización",
  "03/01/2091;Llamada;EUA;Texas;Registro",
  "04/01/2091;Correo electrónico;EE. UU.;TX;Registro",
  "05/01/2091;E-mail;Alemania;;Voto postal",
  "06/01/2091;Chat;México;Jalisco;Voto postal",
  "07/01/2091;Redes sociales;Canadá;Ontario;Registro",
  "08/01/2091;Teléfono;Narnia;;Registro", // line 9: invalidCountry
  "09/02/2091;Teléfono;USA;CA;Registro", // line 10: outsideMonth
  "10/01/2091;Fax;USA;CA;Registro", // line 11: invalidChannel
  "11/01/2091;Teléfono;Estados Unidos;Ontario;Registro", // line 12: invalidState
  "",
].join("\r\n");

async function upload(month: string, text: string) {
  const bytes = cp1252(text);
  const sha = await storeEnquiryFile(bytes);
  return planEnquiryImport(month, sha, (await loadEnquiryFile(sha))!);
}

describe("importing the contact centre's file", () => {
  it("reads a Windows-1252 file with semicolons, codes every spelling and lists the rejected rows", async () => {
    const month = "2091-01";
    await freshMonth(month);
    const user = await createUser();
    const plan = await upload(month, MESSY);
    expect(plan).toMatchObject({ encoding: "windows-1252", delimiter: ";", problem: null, replaces: 0, previous: null });
    expect(plan.rows.map((r) => [r.country, r.state, r.channel])).toEqual([
      ["US", "US-CA", "PHONE"],
      ["US", "US-CA", "PHONE"],
      ["US", "US-TX", "PHONE"],
      ["US", "US-TX", "EMAIL"],
      ["DE", null, "EMAIL"],
      ["MX", "MX-JAL", "CHAT"],
      ["CA", "CA-ON", "SOCIAL_MEDIA"],
    ]);
    expect(plan.rows[0]!.topic).toBe("Credencialización");
    expect(plan.rejected.map((r) => [r.line, r.reason])).toEqual([
      [9, "invalidCountry"],
      [10, "outsideMonth"],
      [11, "invalidChannel"],
      [12, "invalidState"],
    ]);
    expect(plan.rejected[0]!.raw).toBe("08/01/2091;Teléfono;Narnia;;Registro");
    // The preview wrote nothing.
    expect((await enquiryFiguresForMonth(month)).source).toBeNull();

    const done = await applyEnquiryImport(actorOf(user), month, { sha256: plan.sha256, fileName: "enero.csv" }, { replaces: 0, rows: 7 });
    expect(done.ok).toBe(true);
    const f = await enquiryFiguresForMonth(month);
    expect(f).toMatchObject({ source: "records", total: 7, fromUs: 4, usPercent: 57.14, restPercent: 42.86, topUsStates: ["US-CA", "US-TX"], topCountries: ["CA", "DE", "MX"] });
    expect(f.byChannel).toEqual([
      { channel: "PHONE", count: 3 },
      { channel: "EMAIL", count: 2 },
      { channel: "CHAT", count: 1 },
      { channel: "SOCIAL_MEDIA", count: 1 },
    ]);
    expect(f.byTopic).toEqual([
      { topic: "Registro", count: 3 },
      { topic: "Credencialización", count: 2 },
      { topic: "Voto postal", count: 2 },
    ]);
    const stored = await db.enquiryImport.findFirstOrThrow({ where: { month } });
    expect(stored).toMatchObject({ fileName: "enero.csv", rows: 7, rejected: 4 });
    expect((stored.rejections as Array<{ line: number }>).map((r) => r.line)).toEqual([9, 10, 11, 12]);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "enquiries.import", entityId: stored.id } });
    expect(entry.after).toMatchObject({ month, rows: 7, rejected: 4, replacedRows: 0 });
  });

  it("replaces a month's rows only when the confirmation carries how many it replaces", async () => {
    const month = "2091-05";
    await freshMonth(month);
    const user = await createUser();
    const first = await upload(month, "fecha,canal,país,estado,tema\r\n2091-05-01,phone,US,CA,a\r\n2091-05-02,phone,US,TX,a\r\n2091-05-03,email,DE,,b\r\n");
    expect((await applyEnquiryImport(actorOf(user), month, { sha256: first.sha256, fileName: "a.csv" }, { replaces: 0, rows: 3 })).ok).toBe(true);

    const second = await upload(month, "fecha,canal,país,estado,tema\r\n2091-05-10,chat,FR,,c\r\n2091-05-11,chat,FR,,c\r\n");
    expect(second).toMatchObject({ replaces: 3, previous: { fileName: "a.csv", rows: 3 } });
    // A confirmation that saw another count (the first import, before this one) changes nothing.
    const stale = await applyEnquiryImport(actorOf(user), month, { sha256: second.sha256, fileName: "b.csv" }, { replaces: 0, rows: 2 });
    expect(stale).toMatchObject({ ok: false, reason: "stale" });
    expect((await enquiryFiguresForMonth(month)).total).toBe(3);
    const ok = await applyEnquiryImport(actorOf(user), month, { sha256: second.sha256, fileName: "b.csv" }, { replaces: 3, rows: 2 });
    expect(ok.ok).toBe(true);
    const f = await enquiryFiguresForMonth(month);
    expect(f).toMatchObject({ total: 2, fromUs: 0, usPercent: 0, topCountries: ["FR"] });
    expect(await db.enquiryImport.count({ where: { month } })).toBe(1);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "enquiries.import", after: { path: ["fileName"], equals: "b.csv" } } });
    expect(entry.after).toMatchObject({ replacedRows: 3, replacedImports: 1 });
  });

  it("refuses a file without the needed columns, or with nothing importable", async () => {
    expect((await upload("2091-06", "correo;país\r\nx@example.org;MX\r\n")).problem).toBe("noDateColumn");
    expect((await upload("2091-06", "fecha;canal;país;tema\r\n")).problem).toBe("headerOnly");
    const none = await upload("2091-06", "fecha;canal;país;tema\r\n01/07/2091;tel;MX;x\r\n");
    expect(none.rows).toHaveLength(0);
    const user = await createUser();
    expect(await applyEnquiryImport(actorOf(user), "2091-06", { sha256: none.sha256, fileName: "x.csv" }, { replaces: 0, rows: 0 })).toMatchObject({ ok: false, reason: "nothingToImport" });
  });
});

describe("typed totals and the report", () => {
  it("uses typed totals when the month has no import, the records once it has one", async () => {
    const month = "2091-02";
    await freshMonth(month);
    const user = await createUser();
    await saveEnquiryTotals(actorOf(user), month, { total: 648, usPercent: 85.65, byChannel: { PHONE: 500 }, topUsStates: ["US-CA", "US-TX"], topCountries: ["DE", "CA", "FR", "MX"] });
    expect(await enquiryFiguresForMonth(month)).toMatchObject({ source: "totals", total: 648, usPercent: 85.65, restPercent: 14.35, topUsStates: ["US-CA", "US-TX"] });
    const figures = await computeReportFigures(month);
    expect(figuresJson(figures).enquiries).toMatchObject({ total: 648, us_percent: 85.65, by_channel_phone: 500 });
    const { doc } = buildReport({ month, version: 1, state: "DRAFT", approvedAt: null, approvedBy: null, narratives: {}, figures, outline: await liveOutline(), approval: null });
    const at = doc.blocks.findIndex((b) => b.type === "heading" && b.id === "enquiries");
    expect(doc.blocks[at + 1]).toMatchObject({
      type: "paragraph",
      text: expect.stringContaining("se atendieron 648 consultas, en su mayoría vía telefónica, de las cuales el 85.65% fueron recibidas de Estados Unidos, principalmente de los estados de California y Texas, y el 14.35% del resto del mundo entre los que destacan los países: Alemania, Canadá, Francia y México. (Anexo 2)"),
    });

    const plan = await upload(month, "fecha;canal;país;estado;tema\r\n01/02/2091;correo;USA;NV;x\r\n");
    await applyEnquiryImport(actorOf(user), month, { sha256: plan.sha256, fileName: "f.csv" }, { replaces: 0, rows: 1 });
    expect(await enquiryFiguresForMonth(month)).toMatchObject({ source: "records", total: 1, topUsStates: ["US-NV"] });
    expect(await db.auditLog.count({ where: { action: "enquiries.totals.save", entityId: month } })).toBe(1);
  });

  it("counts the organisations' contest enquiries of the month in the contest part", async () => {
    const month = "2091-03";
    const contest = await db.contest.create({
      data: {
        name: "Concurso de prueba de consultas 2091",
        submissionsOpenAt: new Date("2091-02-01T00:00:00Z"),
        submissionsCloseAt: new Date("2091-03-20T00:00:00Z"),
        reviewEndsAt: new Date("2091-03-25T00:00:00Z"),
        evaluationStartsAt: new Date("2091-03-26T00:00:00Z"),
        evaluationEndsAt: new Date("2091-04-10T00:00:00Z"),
        resultsAt: new Date("2091-04-20T00:00:00Z"),
      },
    });
    const user = await createUser();
    const partner = await db.partner.create({ data: { name: `Organización Enlace 2091 ${contest.id}`, acronym: `OE${contest.id.slice(-6)}`, kind: "CIVIL_SOCIETY", country: "US" } });
    const add = (receivedOn: string, organisation: string, topic: string) => addContestEnquiry(actorOf(user), contest.id, { receivedOn, organisation, channel: "PHONE", topic, notes: "" });
    await add("2091-03-02", partner.acronym!.toLowerCase(), "Requisitos");
    await add("2091-03-05", "Club de Oriundos de Prueba", "Fechas");
    await add("2091-03-31", "Club de Oriundos de Prueba", "Requisitos");
    await add("2091-04-01", "Otra organización", "Fechas"); // next month
    // The acronym, typed in lower case, matched the civil-society institution.
    expect((await db.contestEnquiry.findFirstOrThrow({ where: { contestId: contest.id, receivedOn: new Date("2091-03-02T00:00:00Z") } })).partnerId).toBe(partner.id);
    expect(await contestEnquiryCount(contest.id, "2091-03-01", "2091-04-01")).toBe(3);
    expect(await contestEnquiryCount(contest.id, "2091-04-01", "2091-05-01")).toBe(1);

    const figures = await computeReportFigures(month);
    expect(figuresJson(figures).contest.enquiries).toBe(3);
    const { doc } = buildReport({ month, version: 1, state: "DRAFT", approvedAt: null, approvedBy: null, narratives: {}, figures, outline: await liveOutline(), approval: null });
    const texts = doc.blocks.map((b) => (b.type === "paragraph" ? b.text : ""));
    expect(texts).toContain(
      "En relación con el Concurso de prueba de consultas 2091, se atendieron 3 consultas de organizaciones de la sociedad civil (2 organizaciones), interesadas en información sobre requisitos y fechas.",
    );
  });
});

describe("who may see and change the enquiries", () => {
  const origin = () => ({ origin: new URL(new TestClient().baseUrl).origin });

  async function signedIn(opts: { role: "ADMIN" | "COORDINATOR" | "COMMUNICATIONS" | "JUROR" } | { area: IneArea }) {
    const client = new TestClient();
    const user =
      "role" in opts
        ? await createUser({ role: opts.role })
        : await db.user.create({ data: { email: `contrib-${opts.area.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@alcance.test`, name: `Contributor ${opts.area}`, role: "CONTRIBUTOR", ineArea: opts.area, passwordHash: await hashPassword(TEST_PASSWORD), locale: "es" } });
    if ("role" in opts && opts.role === "ADMIN") {
      await db.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
      const cookie = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
      const fresh = () => new TestClient(client.ip);
      return {
        user,
        get: (path: string) => fresh().request(path, { method: "GET", headers: { cookie } }),
        post: (path: string, form: Record<string, string>) => fresh().request(path, { method: "POST", body: new URLSearchParams(form), headers: { cookie, "content-type": "application/x-www-form-urlencoded", ...origin() } }),
        upload: (path: string, body: FormData) => fresh().request(path, { method: "POST", body, headers: { cookie, ...origin() } }),
      };
    }
    expect((await client.login(user.email)).status).toBe(302);
    return {
      user,
      get: (path: string) => client.get(path),
      post: (path: string, form: Record<string, string>) => client.post(path, form, { headers: origin() }),
      upload: (path: string, body: FormData) => client.request(path, { method: "POST", body, headers: origin() }),
    };
  }
  const file = (text: string) => {
    const body = new FormData();
    body.set("file", new Blob([cp1252(text)], { type: "text/csv" }), "consultas.csv");
    return body;
  };

  it("lets the coordinator import through the pages: review with rejections, a two-step replace, the CSV of rejected rows", async () => {
    const month = "2091-07";
    await freshMonth(month);
    const c = await signedIn({ role: "COORDINATOR" });
    const up = await c.upload(`/enquiries/${month}`, file("Fecha;Canal;País;Estado;Tema\r\n01/07/2091;Teléfono;Estados Unidos;California;Registro\r\n02/07/2091;Fax;USA;CA;Registro\r\n"));
    expect(up.status).toBe(302);
    const review = up.headers.get("location")!;
    expect(review).toMatch(new RegExp(`^/enquiries/${month}\\?file=[a-f0-9]{64}&name=consultas\\.csv#review$`));
    const page = await (await c.get(review.replace(/#.*$/, ""))).text();
    expect(page).toContain("1 consultas se importarían; 1 filas se rechazan.");
    expect(page).toContain("Canal desconocido");
    expect(page).toContain("Importar 1 consulta");
    const sha = /file=([a-f0-9]{64})/.exec(review)![1]!;
    const csv = await c.get(`/enquiries/${month}/rejections.csv?file=${sha}`);
    expect(csv.status).toBe(200);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer())).toBe('\uFEFFLínea,Motivo,Fila original\r\n3,"Canal desconocido (teléfono, correo, chat, redes sociales, presencial u otro).",02/07/2091;Fax;USA;CA;Registro\r\n');
    const confirm = await c.post(review.replace(/#.*$/, ""), { intent: "confirm", file: sha, fileName: "consultas.csv", rows: "1", replaces: "0" });
    expect(confirm.status).toBe(302);
    expect(await enquiryFiguresForMonth(month)).toMatchObject({ source: "records", total: 1, topUsStates: ["US-CA"] });

    // Importing again says how many rows it replaces; a confirmation with another count is refused.
    const again = await c.upload(`/enquiries/${month}`, file("fecha,canal,pais,estado,tema\r\n2091-07-09,email,DE,,x\r\n2091-07-10,email,DE,,x\r\n"));
    const sha2 = /file=([a-f0-9]{64})/.exec(again.headers.get("location")!)![1]!;
    const page2 = await (await c.get(`/enquiries/${month}?file=${sha2}`)).text();
    expect(page2).toContain("Atención: este mes ya tiene 1 consultas importadas de «consultas.csv». Se borrarán y se reemplazarán por las 2 de este archivo.");
    expect(page2).toContain("Reemplazar 1 consultas por 2");
    const stale = await c.post(`/enquiries/${month}?file=${sha2}`, { intent: "confirm", file: sha2, fileName: "b.csv", rows: "2", replaces: "0" });
    expect(stale.status).toBe(409);
    expect((await enquiryFiguresForMonth(month)).total).toBe(1);
    expect((await c.post(`/enquiries/${month}?file=${sha2}`, { intent: "confirm", file: sha2, fileName: "b.csv", rows: "2", replaces: "1" })).status).toBe(302);
    expect(await enquiryFiguresForMonth(month)).toMatchObject({ total: 2, topCountries: ["DE"] });
    const last = await c.get(`/enquiries/${month}/rejections.csv`);
    expect(last.status).toBe(200);

    // Typed totals with an unknown name come back with a translated message, never a 500.
    const bad = await c.post(`/enquiries/${month}`, { intent: "totals", total: "12", topUsStates: "Atlantis" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Estado de Estados Unidos no reconocido: «Atlantis».");
  });

  it("lets COMMUNICATIONS read only, refuses jurors and other areas' contributors, and lets the DAC contributor edit", async () => {
    const month = "2091-08";
    await freshMonth(month);
    const comms = await signedIn({ role: "COMMUNICATIONS" });
    expect((await comms.get(`/enquiries/${month}`)).status).toBe(200);
    expect((await comms.get("/enquiries")).status).toBe(200);
    const page = await (await comms.get(`/enquiries/${month}`)).text();
    expect(page).not.toContain('name="intent" value="totals"');
    expect((await comms.post(`/enquiries/${month}`, { intent: "totals", total: "5" })).status).toBe(403);
    expect((await comms.upload(`/enquiries/${month}`, file("fecha;canal;país;tema\r\n01/08/2091;tel;MX;x\r\n"))).status).toBe(403);

    const juror = await signedIn({ role: "JUROR" });
    for (const path of ["/enquiries", `/enquiries/${month}`, `/enquiries/${month}/rejections.csv`]) expect((await juror.get(path)).status, path).toBe(403);
    expect((await juror.post(`/enquiries/${month}`, { intent: "totals", total: "5" })).status).toBe(403);

    const deoe = await signedIn({ area: "DEOE" });
    expect((await deoe.get(`/enquiries/${month}`)).status).toBe(403);
    expect((await deoe.post(`/enquiries/${month}`, { intent: "totals", total: "5" })).status).toBe(403);

    // The month's round gives 2.1.3 to Atención Ciudadana (a contributor reaches only what the round gives).
    await db.reportContribution.create({ data: { month, sectionKey: "enquiries", ownerArea: "DAC", dueOn: new Date(`${month}-28T00:00:00Z`) } });
    const dac = await signedIn({ area: "DAC" });
    expect((await dac.get(`/enquiries/${month}`)).status).toBe(200);
    const saved = await dac.post(`/enquiries/${month}`, { intent: "totals", total: "648", usPercent: "85.65", topUsStates: "California, TX", topCountries: "Alemania, Canadá, Francia, México" });
    expect(saved.status).toBe(302);
    expect(await db.enquiryMonthTotal.findUniqueOrThrow({ where: { month } })).toMatchObject({ total: 648, usPercent: 85.65, topUsStates: ["US-CA", "US-TX"], topCountries: ["DE", "CA", "FR", "MX"], updatedById: dac.user.id });
    expect(await db.enquiryMonthTotal.count({ where: { month, total: 5 } })).toBe(0);

    const admin = await signedIn({ role: "ADMIN" });
    expect((await admin.get(`/enquiries/${month}`)).status).toBe(200);
    expect((await admin.post(`/enquiries/${month}`, { intent: "totals", total: "649" })).status).toBe(302);
  });

  it("logs a contest enquiry from the contest page's form for those who edit the contest", async () => {
    const contest = await db.contest.create({
      data: { name: "Concurso HTTP 2092", submissionsOpenAt: new Date("2092-01-01T00:00:00Z"), submissionsCloseAt: new Date("2092-02-01T00:00:00Z"), reviewEndsAt: new Date("2092-02-10T00:00:00Z"), evaluationStartsAt: new Date("2092-02-11T00:00:00Z"), evaluationEndsAt: new Date("2092-03-01T00:00:00Z"), resultsAt: new Date("2092-03-10T00:00:00Z") },
    });
    const c = await signedIn({ role: "COORDINATOR" });
    const overview = await (await c.get(`/contest/${contest.id}`)).text();
    expect(overview).toContain(`action="/contest/${contest.id}/enquiries"`);
    const bad = await c.post(`/contest/${contest.id}/enquiries`, { receivedOn: "2092-02-30", organisation: "", channel: "FAX", topic: "x" });
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain("Escribe una fecha válida.");
    expect(badPage).toContain("Elige un canal de la lista.");
    const ok = await c.post(`/contest/${contest.id}/enquiries`, { receivedOn: "2092-01-15", organisation: "Club Oriundos HTTP", channel: "EMAIL", topic: "Requisitos", notes: "Pregunta por el acta" });
    expect(ok.status).toBe(302);
    expect(await (await c.get(`/contest/${contest.id}`)).text()).toContain("Club Oriundos HTTP");
    expect(await contestEnquiryCount(contest.id, "2092-01-01", "2092-02-01")).toBe(1);

    const juror = await signedIn({ role: "JUROR" });
    expect((await juror.post(`/contest/${contest.id}/enquiries`, { receivedOn: "2092-01-15", organisation: "x", channel: "EMAIL", topic: "x" })).status).toBe(403);
    const comms = await signedIn({ role: "COMMUNICATIONS" });
    expect((await comms.get(`/contest/${contest.id}/enquiries`)).status).toBe(403);
  });
});
