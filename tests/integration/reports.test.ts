/**
 * The monthly report on the shared test database. Every test uses months of its own (far from the
 * demo data's November 2017, which another file may be seeding), so no global count is assumed.
 * Months with events are in the past (1993–1994): an event counts once it has started (decision 018).
 */
import { randomUUID } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { bulletinFigures, communityFigures, computeReportFigures } from "~/modules/reports/figures.server";
import { monthRange } from "~/modules/reports/month";
import { approveReport, createNewVersion, getReportView, ReportError, saveNarrative } from "~/modules/reports/reports.server";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";
import { inflateSync } from "node:zlib";

const ZONE = "America/Mexico_City";

async function makeEvent(opts: { startsAt: Date; timeZone: string; country?: string | null; appointments?: number; requests?: number; name?: string }) {
  return db.event.create({
    data: {
      name: opts.name ?? `Evento ${randomUUID().slice(0, 8)}`,
      kind: "COMMUNITY_FESTIVAL",
      status: "HELD",
      startsAt: opts.startsAt,
      endsAt: new Date(opts.startsAt.getTime() + 3_600_000),
      timeZone: opts.timeZone,
      country: opts.country === undefined ? "US" : opts.country,
      credentialAppointments: opts.appointments ?? 0,
      registrationRequests: opts.requests ?? 0,
    },
  });
}

async function makeSentBulletin(startedAt: Date, recipients: number) {
  return db.bulletin.create({
    data: { name: `Boletín ${randomUUID().slice(0, 8)}`, subject: "Hola", fromName: "VMRE", fromEmail: "boletin@alcance.test", bodyMarkdown: "Hola", status: "SENT", startedAt, finishedAt: startedAt, recipients },
  });
}

function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
  return xml.replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "").replace(/&amp;/g, "&");
}

/**
 * The text of a PDF as Chromium (Skia) writes it: each page's content stream, its fonts' ToUnicode
 * maps (Identity-H, two-byte codes), and the Tj/TJ strings. Enough to find headings; not a general
 * PDF reader.
 */
function pdfText(pdf: Buffer): string {
  const src = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; stream: string | null }>();
  for (const m of src.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.indexOf("stream");
    let stream: string | null = null;
    if (at >= 0 && /FlateDecode/.test(body.slice(0, at))) {
      const raw = body.slice(at + 6).replace(/^\r?\n/, "");
      const end = raw.lastIndexOf("endstream");
      try {
        stream = inflateSync(Buffer.from(raw.slice(0, end), "latin1")).toString("latin1");
      } catch {
        stream = null;
      }
    }
    objects.set(Number(m[1]), { dict: at >= 0 ? body.slice(0, at) : body, stream });
  }
  const hexChars = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  const cmapOf = (fontObj: number): Map<string, string> => {
    const map = new Map<string, string>();
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObj)?.dict ?? "");
    const cmap = ref ? (objects.get(Number(ref[1]))?.stream ?? "") : "";
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) for (const p of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(p[1]!.toUpperCase(), hexChars(p[2]!));
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const p of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const [a, b, d] = [parseInt(p[1]!, 16), parseInt(p[2]!, 16), parseInt(p[3]!, 16)];
        for (let c = a; c <= b; c++) map.set(c.toString(16).toUpperCase().padStart(4, "0"), String.fromCodePoint(d + c - a));
      }
    return map;
  };
  const out: string[] = [];
  for (const [, page] of [...objects].filter(([, o]) => /\/Type \/Page\b/.test(o.dict)).sort(([a], [b]) => a - b)) {
    const fonts = new Map<string, Map<string, string>>();
    const fontDict = /\/Font <<([^>]*)>>/.exec(page.dict)?.[1] ?? "";
    for (const f of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(f[1]!, cmapOf(Number(f[2])));
    const contents = /\/Contents (\d+) 0 R/.exec(page.dict);
    const stream = contents ? (objects.get(Number(contents[1]))?.stream ?? "") : "";
    let cmap = new Map<string, string>();
    for (const token of stream.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)>|\b(Tm|BT)\b/g)) {
      if (token[1]) cmap = fonts.get(token[1]) ?? new Map();
      else if (token[2] !== undefined) out.push((token[2].toUpperCase().match(/.{4}/g) ?? []).map((c) => cmap.get(c) ?? "").join(""));
      else out.push(" ");
    }
  }
  return out.join("").replace(/\s+/g, " ");
}

const actor = async () => ({ userId: (await createUser({ role: "COORDINATOR" })).id, ip: "127.0.0.1" });

describe("which month a record belongs to", () => {
  it("counts a bulletin by the organisation's local time, not by UTC", async () => {
    // 1 April 2093, 03:00 UTC = 31 March, 21:00 in Mexico City.
    const b = await makeSentBulletin(new Date("2093-04-01T03:00:00Z"), 120);
    const march = await bulletinFigures(monthRange("2093-03", ZONE));
    const april = await bulletinFigures(monthRange("2093-04", ZONE));
    expect(march.bulletins.map((x) => x.id)).toContain(b.id);
    expect(april.bulletins.map((x) => x.id)).not.toContain(b.id);
    // By UTC months it would have been April's.
    expect((await bulletinFigures(monthRange("2093-04", "UTC"))).bulletins.map((x) => x.id)).toContain(b.id);
    expect((await bulletinFigures(monthRange("2093-03", "UTC"))).bulletins.map((x) => x.id)).not.toContain(b.id);
  });

  it("counts an event by its own local date", async () => {
    // 1 February 1994, 05:00 UTC = 31 January, 21:00 in Los Angeles: a January event.
    const e = await makeEvent({ startsAt: new Date("1994-02-01T05:00:00Z"), timeZone: "America/Los_Angeles", appointments: 4 });
    const jan = await communityFigures(monthRange("1994-01", ZONE));
    const feb = await communityFigures(monthRange("1994-02", ZONE));
    expect(jan.events.find((x) => x.id === e.id)).toMatchObject({ appointments: 4, date: "1994-01-31" });
    expect(feb.events.find((x) => x.id === e.id)).toBeUndefined();
  });
});

describe("approval freezes the figures", () => {
  it("keeps an approved report unchanged after a data correction, and a new version shows the correction", async () => {
    const who = await actor();
    const month = "1993-05";
    const e = await makeEvent({ startsAt: new Date("1993-05-10T18:00:00Z"), timeZone: "America/Chicago", appointments: 7, requests: 2, name: `Feria ${randomUUID().slice(0, 6)}` });
    await saveNarrative(who, month, "community", "Texto de la comunidad.");
    expect((await approveReport(who, month)).version).toBe(1);
    await expect(saveNarrative(who, month, "community", "Otro texto")).rejects.toMatchObject({ code: "approved" });
    await expect(approveReport(who, month)).rejects.toBeInstanceOf(ReportError);

    // A correction to the data after approval.
    await db.event.update({ where: { id: e.id }, data: { credentialAppointments: 9 } });
    const approved = await getReportView(month);
    expect(approved.state).toBe("APPROVED");
    expect(approved.figures.community.events.find((x) => x.id === e.id)?.appointments).toBe(7);
    expect((await computeReportFigures(month)).community.events.find((x) => x.id === e.id)?.appointments).toBe(9);

    expect((await createNewVersion(who, month)).version).toBe(2);
    const v2 = await getReportView(month);
    expect(v2).toMatchObject({ version: 2, state: "DRAFT", narratives: { community: "Texto de la comunidad." } });
    expect(v2.figures.community.events.find((x) => x.id === e.id)?.appointments).toBe(9);
    expect((await getReportView(month, { version: 1 })).figures.community.events.find((x) => x.id === e.id)?.appointments).toBe(7);
    const log = await db.auditLog.findMany({ where: { actorId: who.userId, action: { startsWith: "report." } }, orderBy: { id: "asc" }, select: { action: true } });
    expect(log.map((l) => l.action)).toEqual(["report.narrative.save", "report.approve", "report.version.create"]);
  });
});

describe("/reports over HTTP", () => {
  it("lets a coordinator write narratives and the monthly figures, validating them, and export DOCX, CSV and PDF", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const client = new TestClient();
    expect((await client.login(user.email)).status).toBe(302);
    const month = "1993-07";
    await makeEvent({ startsAt: new Date("1993-07-04T17:00:00Z"), timeZone: "America/Chicago", appointments: 41, requests: 13, name: "Feria del 4 de julio" });

    const page = await client.get(`/reports/${month}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Informe de avances del Voto de los Mexicanos Residentes en el Extranjero");
    expect(html).toContain("Julio de 1993");
    expect(html).toMatch(/«Feria del 4 de julio» \(Estados Unidos\): 41 citas para credencialización; 13 solicitudes de registro/);

    const saved = await client.post(`/reports/${month}`, { intent: "narrative", section: "partners", text: "Se fortaleció la red de aliados." });
    expect(saved.status).toBe(302);
    expect(await (await client.get(`/reports/${month}`)).text()).toContain("Se fortaleció la red de aliados.");

    const input = { intent: "input", facebookPosts: "14", facebookImpressions: "52,384", facebookFollowers: "22319", twitterPosts: "72", twitterRetweets: "586", twitterLikes: "498", twitterComments: "34", twitterFollowers: "9350", micrositeVisits: "241061", micrositeCountries: "125", mediaInternet: "43", mediaPrint: "23", mediaRadio: "21", mediaTv: "6", mediaPositive: "0", mediaNeutral: "90", mediaNegative: "0", enquiriesTotal: "648", enquiriesUsPercent: "85.65" };
    const bad = await client.post(`/reports/${month}`, { ...input, twitterLikes: "muchos" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Escribe un número entero sin decimales");
    expect(badHtml).toContain("Las notas por sentido deben sumar lo mismo que las notas por medio.");
    expect(badHtml).toContain('value="muchos"');
    expect(await db.monthlyInput.findUnique({ where: { month } })).toBeNull();
    const good = await client.post(`/reports/${month}`, { ...input, mediaNeutral: "93" });
    expect(good.status).toBe(302);
    expect((await db.monthlyInput.findUniqueOrThrow({ where: { month } })).data).toMatchObject({ facebookImpressions: 52384, enquiriesUsPercent: 85.65 });
    expect(await (await client.get(`/reports/${month}`)).text()).toContain("14 publicaciones en Facebook, con 52,384 impresiones");

    const docx = await client.get(`/reports/${month}/export.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    const text = docxText(new Uint8Array(await docx.arrayBuffer()));
    for (const heading of ["1. Presentación", "2.4. Vinculación con la comunidad en el extranjero", "2.9. Atención ciudadana", "Anexo 1. Eventos del mes", "Aprobó"]) expect(text).toContain(heading);
    expect(text).toContain("41 citas para credencialización");
    expect(text).toContain("Se fortaleció la red de aliados.");

    const csv = await client.get(`/reports/${month}/annex/events.csv`);
    expect(csv.status).toBe(200);
    const csvText = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(csvText.split("\r\n")[0]).toBe("\uFEFFFecha,Evento,Lugar,Asistencia,Citas para credencialización,Solicitudes de registro,Materiales entregados,Registros en kiosco");
    expect(csvText).toContain("1993-07-04,Feria del 4 de julio,Estados Unidos,0,41,13,0,0");
    expect((await client.get(`/reports/${month}/annex/nope.csv`)).status).toBe(404);

    const pdf = await client.get(`/reports/${month}/export.pdf`);
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const pdfWords = pdfText(bytes);
    expect(pdfWords).toContain("Informe de avances");
    expect(pdfWords).toContain("Vinculación con la comunidad en el extranjero");

    const print = await client.get(`/reports/${month}/print`);
    expect(print.status).toBe(200);
    expect(await print.text()).toContain("@page");
  }, 60_000);

  it("approves over HTTP and refuses edits to the approved version", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const client = new TestClient();
    await client.login(user.email);
    const month = "2093-08";
    expect((await client.post(`/reports/${month}`, { intent: "approve" })).status).toBe(302);
    const refused = await client.post(`/reports/${month}`, { intent: "narrative", section: "media", text: "Tarde" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("El informe ya está aprobado");
    const row = await db.monthlyReport.findFirstOrThrow({ where: { month }, orderBy: { version: "desc" } });
    expect(row).toMatchObject({ state: "APPROVED", approvedById: user.id, narratives: {} });
    expect(row.frozenFigures).toMatchObject({ month });
    expect(await db.auditLog.count({ where: { action: "report.approve", actorId: user.id } })).toBe(1);
  });

  it("lets communications read but not edit, and keeps jurors out", async () => {
    const comms = await createUser({ role: "COMMUNICATIONS" });
    const c = new TestClient();
    await c.login(comms.email);
    const page = await c.get("/reports/2093-09");
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain("Aprobar informe");
    expect((await c.post("/reports/2093-09", { intent: "narrative", section: "media", text: "No" })).status).toBe(403);
    expect(await db.monthlyReport.count({ where: { month: "2093-09" } })).toBe(0);

    const juror = await createUser({ role: "JUROR" });
    const j = new TestClient();
    await j.login(juror.email);
    expect((await j.get("/reports/2093-09")).status).toBe(403);
    expect((await j.get("/reports/2093-09/export.docx")).status).toBe(403);
    const home = await j.get("/");
    expect(home.status).toBe(302);
    expect(home.headers.get("location")).toBe("/jury");
    expect((await c.get("/reports/2093-13")).status).toBe(404);
  });
});

describe("home dashboard", () => {
  it("shows coordinators their month against the last, with charts and their numbers", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const client = new TestClient();
    await client.login(user.email);
    await makeEvent({ startsAt: new Date("1993-10-12T17:00:00Z"), timeZone: "America/Chicago", appointments: 17, requests: 5, name: "Kermés de octubre" });
    const res = await client.get("/?month=1993-10");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Citas para credencialización");
    expect(html).toContain("<svg");
    expect(html).toContain("Kermés de octubre");
    expect(html).toContain("Ver los datos como tabla");
    expect(html).toContain("data:text/csv");
    expect(html).not.toContain("Crecimiento de la base de contactos");
  });

  it("shows communications staff contacts and bulletins", async () => {
    const user = await createUser({ role: "COMMUNICATIONS" });
    const client = new TestClient();
    await client.login(user.email);
    await makeSentBulletin(new Date("2093-11-15T18:00:00Z"), 321);
    const html = await (await client.get("/?month=2093-11")).text();
    expect(html).toContain("Crecimiento de la base de contactos");
    expect(html).toContain("Boletines enviados");
    expect(html).not.toContain("Citas para credencialización");
    expect(html).toMatch(/Destinatarios<\/span><span class="dash-card__value">321</);
  });
});
