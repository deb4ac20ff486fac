/**
 * The acceptance test of the monthly report (issue 16, "Done when"): with the demo data, November
 * 2017 says what the source document says — in figures.json (the numbers), in the document model
 * every rendering prints, in the print view and in the DOCX. The demo seed is not safe to run
 * beside another seeding test, so this file seeds a database of its own (migrated like the shared
 * one) and computes the report there, in a child process pointed at it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { strFromU8, unzipSync } from "fflate";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Block, ReportDocument } from "~/modules/reports/blocks";
import type { FiguresJson, ReportFigures } from "~/modules/reports/figures.server";
import { TEST_ADMIN_URL, TEST_DB_NAME } from "../support/test-env";

const DB_NAME = `${TEST_DB_NAME}_reports`;
const url = new URL(TEST_ADMIN_URL);
url.pathname = `/${DB_NAME}`;
const DATABASE_URL = url.toString();

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: TEST_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const COMPUTE = `
const { getReportView, viewFiguresJson } = await import(process.cwd() + "/app/modules/reports/reports.server.ts");
const { docxOf, documentOf, printHtmlOf } = await import(process.cwd() + "/app/modules/reports/export.server.ts");
const { homeDashboard } = await import(process.cwd() + "/app/modules/reports/home.server.ts");
const { db } = await import(process.cwd() + "/app/lib/db.server.ts");
const view = await getReportView("2017-11");
const admin = await db.user.findFirstOrThrow({ where: { email: "admin@alcance.test" } });
const out = { json: viewFiguresJson(view), figures: view.figures, doc: await documentOf(view), html: await printHtmlOf(view), docx: (await docxOf(view)).toString("base64"), home: await homeDashboard({ id: admin.id, role: "ADMIN" }, "2017-11") };
process.stdout.write(JSON.stringify(out));
await db.$disconnect();
`;

type Home = { coordinator: { figures: Array<{ key: string; current: number }> } };
type Result = { json: FiguresJson; figures: ReportFigures; doc: ReportDocument; html: string; docx: string; home: Home };
let result: Result;

/** The text of a .docx: its word/document.xml without tags, paragraphs on lines. */
function docxText(base64: string): string {
  const xml = strFromU8(unzipSync(new Uint8Array(Buffer.from(base64, "base64")))["word/document.xml"]!);
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}
const htmlText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");

/** The document model's text: every block, headings with their numbers. */
const modelText = (blocks: Block[]) =>
  blocks.map((b) => (b.type === "heading" ? `${b.number ? `${b.number}. ` : ""}${b.text}` : b.type === "bullets" ? b.items.join("\n") : b.type === "table" ? [b.caption, ...b.rows.map((r) => r.join(" "))].join("\n") : b.text)).join("\n");
const section = (doc: ReportDocument, key: string) => {
  const at = doc.blocks.findIndex((b) => b.type === "heading" && b.id === key);
  const next = doc.blocks.findIndex((b, i) => i > at && b.type === "heading");
  return at < 0 ? "" : modelText(doc.blocks.slice(at + 1, next < 0 ? undefined : next));
};
const count = (text: string, needle: string) => text.split(needle).length - 1;

/** The source document's sections, in its order (2.1.4's parts unnumbered, as the source prints them). */
const SOURCE_HEADINGS: Array<[number: string | null, title: RegExp]> = [
  ["1", /^Presentación$/],
  ["2", /^Avances generados$/i],
  ["2.1", /^Dirección Ejecutiva del Registro Federal de Electores/],
  ["2.1.1", /^Secretaría Técnica de la CVMRE$/],
  ["2.1.2", /^Actividades registrales$/],
  ["2.1.3", /^Dirección de Atención Ciudadana$/],
  ["2.1.4", /^Oficina de Vinculación Electoral de Mexicanos Residentes en el Extranjero$/],
  [null, /^Vinculación institucional$/],
  [null, /^Vinculación con la comunidad en el extranjero$/],
  [null, /^Vinculación con instancias educativas$/],
  [null, /^Vinculación con Órganos Desconcentrados$/],
  [null, /^En el marco de la Estrategia Digital$/],
  ["2.2", /^Dirección Ejecutiva de Organización Electoral/],
  ["2.3", /^Dirección Ejecutiva de Capacitación Electoral y Educación Cívica/],
  ["2.4", /^Unidad Técnica de Servicios de Informática/],
  ["2.5", /^Coordinación Nacional de Comunicación Social/],
];

describe("November 2017 report from the demo data (fidelity, issue 16)", () => {
  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${DB_NAME}"`);
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL, NODE_ENV: "development" as const };
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env, stdio: ["ignore", "ignore", "inherit"] });
    const seed = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { env, encoding: "utf8" });
    expect(seed.status, seed.stderr).toBe(0);
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", COMPUTE], { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    result = JSON.parse(run.stdout) as Result;
  }, 180_000);

  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  });

  it("answers figures.json with the source document's figures", () => {
    const j = result.json;
    expect(j.secretariat).toEqual({ working_meetings: 8, workshops: 1, commission_sessions: 1, agreements: 2 });
    expect(j.community_abroad).toMatchObject({ events: 2, appointments: 95, registration_requests: 22 });
    expect(j.educational.events).toBeGreaterThanOrEqual(1);
    expect(j.educational.attendance).toBeGreaterThanOrEqual(70);
    expect(j.materials).toMatchObject({ events_abroad: 52_174, events_mexico: 21_664 });
    expect(j.contest).toMatchObject({ received: 19, registered: 15, jurors_designated: 3 });
    expect(j.contest.received).toBe(j.contest.registered + j.contest.not_registered + j.contest.withdrawn + j.contest.in_process);
    expect(j.digital.bulletins).toBe(2);
    expect(j.digital.bulletin_recipients).toBeGreaterThan(22_000);
    expect(j.enquiries).toMatchObject({ total: 648, us: 555, us_percent: 85.65, rest_percent: 14.35 });
    expect(j.enquiries.by_channel_phone * 2).toBeGreaterThan(648);
    expect(j.contest.enquiries).toBeGreaterThanOrEqual(3);
    expect(j.media.notes).toBe(93);
    // Issue 17: 2.1.2 (DERFE's contributed key figure) and 2.5 (the CNCS accounts, records).
    expect((j as unknown as Record<string, Record<string, number>>).registration).toMatchObject({ solicitudes: 38_096 });
    expect(j.cncs).toMatchObject({ twitter_posts: 15, twitter_impressions: 73_385, twitter_likes: 174, twitter_retweets: 149, facebook_posts: 15, facebook_reach: 28_403, facebook_impressions: 52_001 });
    for (const [part, values] of Object.entries(j)) if (part !== "month") for (const v of Object.values(values as Record<string, unknown>)) expect(typeof v, part).toBe("number");
  });

  it("prints the same figures in the document, in the source's words", () => {
    const doc = result.doc;
    const secretariat = section(doc, "secretariat");
    expect(secretariat).toContain("8 reuniones de trabajo, 1 taller y 1 sesión de la Comisión; se aprobaron 2 acuerdos");
    expect(count(secretariat, "INE/CVMRE-04SO: 15/11/2017")).toBe(1);
    expect(count(secretariat, "INE/CVMRE-05SO: 15/11/2017")).toBe(1);
    expect(secretariat).toContain("Los días 3, 6, 9, 23 y 27 de noviembre");

    const community = section(doc, "community_abroad");
    expect(community).toMatch(/«[^»]*Día del Músico[^»]*», en Fort Worth, Texas, Estados Unidos/);
    expect(community).toMatch(/Lynwood, California, Estados Unidos/);
    expect(community).toContain("se lograron 95 citas para credencialización y 22 solicitudes de registro");
    expect(community).toMatch(/con la comunidad en el extranjero[^.]*, con una asistencia estimada de/);

    const all = modelText(doc.blocks);
    expect(count(all, "UNIVA") + count(all, "Universidad del Valle de Atemajac") - count(all, "Universidad del Valle de Atemajac (UNIVA)")).toBe(1);
    expect(section(doc, "educational")).toMatch(/alrededor de 70 personas/);

    const materials = section(doc, "materials");
    expect(materials).toContain("la suma total de los materiales fue de 52,174");
    expect(materials).toContain("la suma total de los materiales fue de 21,664");

    const contest = section(doc, "contest");
    expect(contest).toMatch(/Hasta el 15 de diciembre fueron recibidos 19 proyectos/);
    expect(contest).toContain("15 proyectos quedaron debidamente registrados");
    expect(contest).toContain("integrado por 3 especialistas");
    expect(section(doc, "digital")).toMatch(/Se enviaron 2 boletines electrónicos a 22,\d{3} registros de la base de datos de contactos del VMRE/);
    expect(section(doc, "digital")).toContain("14 publicaciones en Facebook, obteniendo un alcance de 52,384 impresiones");
    expect(section(doc, "enquiries")).toContain(
      "durante el mes de noviembre de 2017 se atendieron 648 consultas, en su mayoría vía telefónica, de las cuales el 85.65% fueron recibidas de Estados Unidos, principalmente de los estados de California y Texas, y el 14.35% del resto del mundo entre los que destacan los países: Alemania, Canadá, Francia y México. (Anexo 2)",
    );
    expect(section(doc, "contest")).toMatch(/se atendieron \d+ consultas de organizaciones de la sociedad civil/);
    expect(section(doc, "media")).toContain("En total fueron 93 notas");
  });

  it("prints the sections in the source's order, each record once, without ISO timestamps or template braces", () => {
    const headings = result.doc.blocks.filter((b) => b.type === "heading");
    let at = -1;
    for (const [number, title] of SOURCE_HEADINGS) {
      const i = headings.findIndex((h, k) => k > at && h.number === number && title.test(h.text));
      expect(i, `${number ?? ""} ${title}`).toBeGreaterThan(at);
      at = i;
    }
    expect(result.doc.annexes.map((a) => a.number)).toEqual(["Anexo 1", "Anexo 2", "Anexo 3", "Anexo 4", "Anexo 5", "Anexo 6", "Anexo 7"]);

    const all = modelText(result.doc.blocks);
    for (const text of [all, htmlText(result.html), docxText(result.docx)]) {
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(text).not.toContain("{{");
    }
    // No record twice: every list item once; every event, meeting and activity of the month named at most once.
    const items = result.doc.blocks.flatMap((b) => (b.type === "bullets" ? b.items : []));
    expect(items.filter((item, i) => items.indexOf(item) !== i)).toEqual([]);
    const f = result.figures;
    for (const e of f.all.events) expect(count(all, `«${e.name}»`), e.name).toBeLessThanOrEqual(1);
    for (const m of f.all.meetings) expect(count(all, m.subject), m.subject).toBeLessThanOrEqual(1);
    for (const a of f.all.activities) expect(count(all, a.summary.trim().replace(/\.$/, "")), a.summary).toBeLessThanOrEqual(1);
  });

  it("renders the same document in the print view and the DOCX: real headings, the figures, the approval line when approved", () => {
    const print = htmlText(result.html);
    const docx = docxText(result.docx);
    expect(result.html).toMatch(/<h[1-6][^>]*>(?:<span[^>]*>)?\s*2\.1\.1\.?(?:<\/span>)?\s+Secretaría Técnica de la CVMRE\s*<\/h[1-6]>/);
    for (const text of [print, docx]) {
      expect(text).toContain("Informe de avances del Voto de los Mexicanos Residentes en el Extranjero");
      expect(text).toMatch(/Noviembre de 2017/);
      expect(text).toMatch(/2\.1\.4\.?\s+Oficina de Vinculación Electoral de Mexicanos Residentes en el Extranjero/);
      expect(text).toContain("8 reuniones de trabajo, 1 taller y 1 sesión de la Comisión");
      expect(text).toContain("se lograron 95 citas para credencialización y 22 solicitudes de registro");
      expect(text).toContain("52,174");
      expect(text).toContain("21,664");
      expect(text).toMatch(/Hasta el 15 de diciembre fueron recibidos 19 proyectos/);
      expect(text).toMatch(/Se enviaron 2 boletines electrónicos a 22,\d{3} registros/);
      // Issue 17: DERFE's tables (2.1.2, Anexo 1), the enquiries (2.1.3), the CNCS figures (2.5).
      expect(text).toContain("Solicitudes recibidas por tipo, con corte al 30 de noviembre de 2017");
      for (const figure of ["38,096", "2,587", "2,250", "33,259", "648 consultas", "73,385", "28,403", "52,001"]) expect(text, figure).toContain(figure);
    }
  });

  it("says the same on the home page as in the report's events", () => {
    const figure = (key: string) => result.home.coordinator.figures.find((x) => x.key === key)?.current;
    const t = result.figures.all.eventTotals;
    expect([figure("eventsHeld"), figure("attendance"), figure("appointments"), figure("registrationRequests")]).toEqual([t.events, t.attendance, t.appointments, t.registrationRequests]);
    expect(figure("materialsDistributed")).toBe(result.figures.materials.totals.total);
  });
});
