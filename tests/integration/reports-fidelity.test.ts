/**
 * The acceptance test of the monthly report: with the demo data, November 2017 shows the source
 * document's figures, in the generated DOCX (parsed back) and in the HTML. The demo seed is not
 * safe to run beside another seeding test, so this file seeds a database of its own (migrated like
 * the shared one) and computes the report there, in a child process pointed at it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { unzipSync, strFromU8 } from "fflate";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportFigures } from "~/modules/reports/figures.server";
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
const { getReportView } = await import(process.cwd() + "/app/modules/reports/reports.server.ts");
const { docxOf, printHtmlOf } = await import(process.cwd() + "/app/modules/reports/export.server.ts");
const { db } = await import(process.cwd() + "/app/lib/db.server.ts");
const view = await getReportView("2017-11");
const docx = await docxOf(view);
const html = await printHtmlOf(view);
const { homeDashboard } = await import(process.cwd() + "/app/modules/reports/home.server.ts");
const admin = await db.user.findFirstOrThrow({ where: { email: "admin@alcance.test" } });
const home = await homeDashboard({ id: admin.id, role: "ADMIN" }, "2017-11");
process.stdout.write(JSON.stringify({ figures: view.figures, narratives: view.narratives, docx: docx.toString("base64"), html, home }));
await db.$disconnect();
`;

type Home = { coordinator: { figures: Array<{ key: string; current: number }>; charts: { contestFunnel: { labels: string[]; series: Array<{ values: number[] }> } | null } } };
type Result = { figures: ReportFigures; narratives: Record<string, string>; docx: string; html: string; home: Home };
let result: Result;

/** The text of a .docx: its word/document.xml without tags, runs joined. */
function docxText(base64: string): string {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, "base64")));
  const xml = strFromU8(files["word/document.xml"]!);
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

const htmlText = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/\s+/g, " ");

describe("November 2017 report from the demo data (fidelity)", () => {
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
  }, 120_000);

  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  });

  it("computes the source document's figures", () => {
    const f = result.figures;
    const event = (city: string) => f.community.events.find((e) => e.city === city);
    expect(event("Fort Worth")).toMatchObject({ appointments: 65, registrationRequests: 12, attendance: 23000 });
    expect(event("Lynwood")).toMatchObject({ appointments: 30, registrationRequests: 10 });
    expect(f.contest[0]?.funnel.received).toBe(19);
    expect(f.contest[0]?.funnel.registered).toBe(15);
    expect(f.contest[0]?.jurors).toBe(3);
    expect(f.bulletins.count).toBe(2);
    expect(f.bulletins.distinctContacts).toBeGreaterThan(22000);
    expect(f.input).toMatchObject({ facebookPosts: 14, facebookImpressions: 52384, twitterPosts: 72, micrositeVisits: 241061, enquiriesTotal: 648, enquiriesUsPercent: 85.65 });
    // Materials seed (materials area): to events abroad 52,174 and in Mexico 21,664.
    expect(f.promotion.materials.totals.eventsAbroad).toBe(52174);
    expect(f.promotion.materials.totals.eventsMexico).toBe(21664);
  });

  it("says the same on the home page as in the report: events held and the contest funnel", () => {
    const home = result.home.coordinator;
    const figure = (key: string) => home.figures.find((f) => f.key === key)?.current;
    const p = result.figures.promotion.events;
    expect(figure("eventsHeld")).toBe(p.events);
    expect(p.events).toBe(7);
    expect([figure("attendance"), figure("appointments"), figure("registrationRequests")]).toEqual([p.attendance, p.appointments, p.registrationRequests]);
    expect(figure("materialsDistributed")).toBe(result.figures.promotion.materials.totals.total);
    expect(htmlText(result.html)).toContain(`Se participó en ${p.events} eventos`);

    // The home funnel: the total, then each of its parts; the parts add up to it.
    const funnel = home.charts.contestFunnel!;
    const [received, ...parts] = funnel.series[0]!.values;
    expect(funnel.labels[0]).toBe("received");
    expect(funnel.labels).toContain("withdrawn");
    expect(received).toBe(19);
    expect(parts.reduce((s, v) => s + v, 0)).toBe(received);
  });

  it("adds the contest section 2.6 up to its total, the withdrawn project included", () => {
    const text = htmlText(result.html);
    const m = text.match(
      /se han recibido (\d+) proyectos \(\d+ durante el mes\): (\d+) quedaron? debidamente registrados? [^,]*, (\d+) no fueron? registrados?, (\d+) (?:fue retirado|fueron retirados)[^,]*? y (\d+) siguen? en proceso \((\d+) sin revisar aún, (\d+) en revisión y (\d+) en espera de subsane\)/,
    );
    expect(m, "2.6 sentence").toBeTruthy();
    const [total, registered, notRegistered, withdrawn, inProcess, awaiting, review, corrections] = m!.slice(1).map(Number) as number[];
    expect(total).toBe(19);
    expect(withdrawn).toBeGreaterThanOrEqual(1);
    expect(registered! + notRegistered! + withdrawn! + inProcess!).toBe(total);
    expect(awaiting! + review! + corrections!).toBe(inProcess);
  });

  for (const format of ["docx", "html"] as const) {
    it(`shows each figure in the ${format.toUpperCase()}`, () => {
      const text = format === "docx" ? docxText(result.docx) : htmlText(result.html);
      expect(text).toContain("Informe de avances del Voto de los Mexicanos Residentes en el Extranjero");
      expect(text).toContain("Noviembre de 2017");
      for (const heading of ["1. Presentación", "2.1. Secretaría Técnica", "2.3. Vinculación institucional", "2.4. Vinculación con la comunidad en el extranjero", "2.6. Concurso", "2.7. Estrategia digital", "Anexo 1. Eventos"]) {
        expect(text).toContain(heading);
      }
      expect(text).toMatch(/«Día del Músico» \(Fort Worth, Texas, Estados Unidos\): asistencia de 23,000 personas;[^.]*65 citas para credencialización; 12 solicitudes de registro/);
      expect(text).toMatch(/«Entrega de Pavos 2017» \(Lynwood, California, Estados Unidos\):[^.]*30 citas para credencialización; 10 solicitudes de registro/);
      expect(text).toContain("se han recibido 19 proyectos");
      expect(text).toContain("15 quedaron debidamente registrados");
      expect(text).toContain("integrado por 3 especialistas");
      expect(text).toMatch(/Se enviaron 2 boletines electrónicos a 22,\d{3} contactos/);
      expect(text).toContain("14 publicaciones en Facebook, con 52,384 impresiones");
      expect(text).toContain("241,061 visitas desde 125 países");
      expect(text).toContain("fueron 93 notas: 43 en internet, 23 en medios impresos, 21 en radio y 6 en televisión");
      expect(text).toContain("648 consultas ciudadanas");
      expect(text).toContain("85.65 %");
      // The partners' activities, listed.
      expect(text).toContain("Tercer boletín para los becarios de CONACYT en el exterior");
      expect(text).toContain("7,000 destinatarios");
      expect(text).toContain("20,000 materiales");
      expect(text).toContain("Quinta Reunión de Trabajo con los OPL");
      expect(text).toContain("UNIVA");
      // A narrative draft from the seed.
      expect(text).toContain("Los esfuerzos se concentraron en Estados Unidos");
      // Materials (materials area's seed).
      expect(text).toContain("a eventos de vinculación en el extranjero 52,174 materiales");
      expect(text).toContain("a eventos de vinculación en territorio nacional 21,664");
      expect(text).toContain("Aprobó");
    });
  }
});
