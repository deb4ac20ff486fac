/**
 * Demo data: one user per role and the November 2017 month of the source report
 * (../shared/seeds/000_9b5df074e05c70eb.txt), rebuilt from its text: meetings, sessions and
 * agreements as records (seed/meetings.ts), the partners' activities (seed/partners.ts), the events
 * (seed/events.ts), the materials ledger (seed/materials.ts), bulletins, contest, jury and the
 * report's monthly input. Idempotent: running it twice changes nothing. Refuses to run in production.
 *
 * Where the source gives only a total or no detail, the split is ours; each file says so where it
 * makes it. In short:
 * - materials: the split of 52,174 (to events abroad) between Fort Worth (32,134) and Lynwood
 *   (20,040) and among the materials; all 21,664 (to events in Mexico) to UNIVA, November's only
 *   event in Mexico; which díptico was handed out; the printer's quantities (seed/materials.ts);
 * - meetings: in-person format where the source does not say virtual; DERFE as the commission
 *   sessions' participant; the agreements' owner areas; one participant «Representantes de
 *   partidos políticos» for the unnamed parties (seed/meetings.ts);
 * - days the source does not give (the partners' activities: the month's last day; the Operativo de
 *   Invierno from 1 Dec), the bulletins' send days (8 and 24 Nov) and wording;
 * - the contacts' creation dates, spread over January–October 2017 (backdateContacts below).
 */
import "dotenv/config";
import { createHash } from "node:crypto";
import { db } from "../app/lib/db.server.ts";
import { closeImportPool, createBatch, inspectSource, runBatch } from "../app/modules/contacts/import/pipeline.server.ts";
import { closeRedis } from "../app/lib/redis.server.ts";
import { hashPassword } from "../app/modules/auth/password.server.ts";
import { DEFAULT_SETTINGS } from "../app/modules/settings/settings.server.ts";
import type { Role } from "../app/generated/prisma/client.ts";
import { seedPartners } from "./seed/partners.ts";
import { seedMeetings } from "./seed/meetings.ts";
import { seedEvents } from "./seed/events.ts";
import { seedBulletins } from "./seed/bulletins.ts";
import { seedContest } from "./seed/contest.ts";
import { seedMaterials } from "./seed/materials.ts";
import { seedJury } from "./seed/jury.ts";
import { seedReports } from "./seed/reports.ts";
import { seedContributors } from "./seed/contributors.ts";
import { seedCommunications } from "./seed/communications.ts";
import { seedEnquiries } from "./seed/enquiries.ts";
import { seedContributionsContent } from "./seed/contributions-content.ts";
import { seedPortal } from "./seed/portal.ts";

export const DEFAULT_SEED_PASSWORD = "alcance-demo-2017";

export const DEMO_USERS: Array<{ email: string; name: string; role: Role }> = [
  { email: "admin@alcance.test", name: "Ana Administradora", role: "ADMIN" },
  { email: "coordinacion@alcance.test", name: "Carlos Coordinador", role: "COORDINATOR" },
  { email: "comunicacion@alcance.test", name: "Citlali Comunicación", role: "COMMUNICATIONS" },
  { email: "jurado1@alcance.test", name: "Dra. Julia Jurado", role: "JUROR" },
  { email: "jurado2@alcance.test", name: "Mtro. Jorge Jurado", role: "JUROR" },
  { email: "jurado3@alcance.test", name: "Lic. Josefina Jurado", role: "JUROR" },
];

const PRIVACY_NOTICE_V1 = `Aviso de privacidad simplificado. El Instituto Nacional Electoral, a través de la oficina de promoción del Voto de los Mexicanos Residentes en el Extranjero, utiliza tus datos de contacto únicamente para enviarte información sobre la credencialización y el voto desde el extranjero. Puedes ejercer tus derechos de acceso, rectificación, cancelación y oposición (ARCO) y darte de baja en cualquier momento desde el enlace incluido en cada boletín.`;
const PRIVACY_NOTICE_EN = `Short privacy notice. The National Electoral Institute (INE), through the office that promotes the Vote of Mexicans Living Abroad, uses your contact details only to send you information about getting your voter ID card and voting from abroad. You can exercise your rights of access, rectification, cancellation and objection (ARCO) and unsubscribe at any time from the link included in every bulletin.`;

// ── Demo contacts ───────────────────────────────────────────────────────────────────────────────
// ~22,500 fictional people (deterministic: a seeded PRNG), loaded as a CSV through the import
// pipeline itself (COPY into staging, one INSERT … ON CONFLICT per batch). The addresses use the
// reserved .example domain, so none can belong to anybody.

export const DEMO_CONTACTS = 22_500;
export const DEMO_IMPORT_ID = "seed-demo-contacts";

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN_NAMES = [
  "José", "María", "Juan", "Guadalupe", "Francisco", "Ana", "Luis", "Sofía", "Carlos", "Fernanda", "Jesús", "Verónica",
  "Miguel Ángel", "Ximena", "Raúl", "Itzel", "Alejandro", "Mariana", "Jorge", "Daniela", "Ricardo", "Lucía", "Eduardo",
  "Valeria", "Héctor", "Paola", "Arturo", "Citlali", "Fernando", "Gabriela", "Ramón", "Yolanda", "Óscar", "Rocío",
];
const FAMILY_NAMES = [
  "Pérez", "García", "Hernández", "López", "Martínez", "González", "Rodríguez", "Sánchez", "Ramírez", "Núñez", "Flores",
  "Gómez", "Díaz", "Cruz", "Morales", "Ortiz", "Reyes", "Jiménez", "Ruiz", "Mendoza", "Aguilar", "Vázquez", "Castillo",
  "Romero", "Gutiérrez", "Chávez", "Torres", "Domínguez", "Ibáñez", "Muñoz", "Peña", "Salazar", "Zúñiga", "Ávila",
];
// [ISO country code (the list shows it in the reader's language), weight, [state, [cities]]…]:
// mostly the United States, then Canada, Spain, Germany, France, the United Kingdom.
const GEOGRAPHY: Array<[string, number, Array<[string, string[]]>]> = [
  ["US", 72, [
    ["Texas", ["Houston", "Dallas", "San Antonio", "El Paso", "Austin"]],
    ["California", ["Los Ángeles", "San Diego", "San José", "Fresno", "Sacramento"]],
    ["Illinois", ["Chicago", "Aurora", "Joliet"]],
    ["Arizona", ["Phoenix", "Tucson"]],
    ["Nueva York", ["Nueva York", "Yonkers"]],
    ["Georgia", ["Atlanta"]],
    ["Florida", ["Miami", "Orlando"]],
    ["Colorado", ["Denver"]],
  ]],
  ["CA", 10, [["Ontario", ["Toronto", "Ottawa"]], ["Quebec", ["Montreal"]], ["Columbia Británica", ["Vancouver"]], ["Alberta", ["Calgary"]]]],
  ["ES", 8, [["Madrid", ["Madrid"]], ["Cataluña", ["Barcelona"]], ["Andalucía", ["Sevilla", "Málaga"]], ["Comunidad Valenciana", ["Valencia"]]]],
  ["DE", 4, [["Berlín", ["Berlín"]], ["Baviera", ["Múnich"]], ["Hesse", ["Fráncfort"]]]],
  ["FR", 3, [["Isla de Francia", ["París"]], ["Auvernia-Ródano-Alpes", ["Lyon"]]]],
  ["GB", 3, [["Inglaterra", ["Londres", "Mánchester"]], ["Escocia", ["Edimburgo"]]]],
];
const DOMAINS = ["correo.example", "buzon.example", "mail.example", "webmail.example"];
const TAGS = ["boletin", "credencial", "voto-2018", "feria-binacional", "consulado", "estudiante"];

const ascii = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z]/g, "");
const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The demo file: same seed, same bytes, every time. Consent and subscription use the export's columns. */
export function demoContactsCsv(count = DEMO_CONTACTS): string {
  const random = mulberry32(20171128);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const totalWeight = GEOGRAPHY.reduce((sum, [, weight]) => sum + weight, 0);
  const lines = ["correo,nombre,apellidos,país,estado,ciudad,idioma,teléfono,etiquetas,consentimiento,suscripción"];
  for (let i = 0; i < count; i++) {
    const given = pick(GIVEN_NAMES);
    const first = pick(FAMILY_NAMES);
    const family = `${first} ${pick(FAMILY_NAMES)}`;
    let roll = random() * totalWeight;
    const region = GEOGRAPHY.find(([, weight]) => (roll -= weight) < 0) ?? GEOGRAPHY[0]!;
    const [country, , states] = region;
    const [state, cities] = pick(states);
    const city = pick(cities);
    const language = country === "US" || country === "CA" ? (random() < 0.25 ? "en" : "es") : "es";
    const phone = random() < 0.3 ? `+1 555 ${String(1000 + (i % 9000))}` : "";
    const tags = TAGS.filter(() => random() < 0.2).join(";");
    // ~1% pending (no double opt-in yet), ~0.7% unsubscribed: > 22,000 confirmed and subscribed.
    const status = random();
    const consent = status < 0.01 ? "PENDING" : "CONFIRMED";
    const subscription = status >= 0.01 && status < 0.017 ? "UNSUBSCRIBED" : "SUBSCRIBED";
    const email = `${ascii(given)}.${ascii(first)}.${i + 1}@${pick(DOMAINS)}`;
    lines.push([email, given, family, country, state, city, language, phone, tags, consent, subscription].map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * The demo contacts joined the database over the months before November 2017, not on the day the
 * seed runs: each imported contact (and its consent record) is dated between 2 Jan and 31 Oct 2017,
 * more of them in the later months (our spread: the day is 302 × √u for a u fixed by the contact's
 * id). Only contacts still dated after October are touched, so a second run changes nothing.
 */
async function backdateContacts(): Promise<number> {
  const moved = await db.$executeRaw`
    UPDATE "Contact" c SET "createdAt" = t.at, "updatedAt" = t.at
    FROM (
      SELECT id, timestamptz '2017-01-02 15:00:00+00'
        + floor(302 * sqrt(((id::bigint * 7919) % 10007) / 10007.0)) * interval '1 day'
        + ((id::bigint * 104729) % 32400) * interval '1 second' AS at
      FROM "Contact" WHERE "importBatchId" = ${DEMO_IMPORT_ID} AND "createdAt" >= timestamptz '2017-11-01 00:00:00+00'
    ) t
    WHERE c.id = t.id`;
  await db.$executeRaw`
    UPDATE "ConsentRecord" r SET "at" = c."createdAt"
    FROM "Contact" c
    WHERE r."contactId" = c.id AND r."importBatchId" = ${DEMO_IMPORT_ID} AND r."at" > c."createdAt"`;
  return moved;
}

/** Loads the demo contacts once: a finished demo import means they are there (or were edited since). */
async function seedContacts(): Promise<string> {
  const existing = await db.importBatch.findUnique({ where: { id: DEMO_IMPORT_ID }, select: { status: true } });
  if (existing?.status === "DONE") {
    const moved = await backdateContacts();
    return moved ? `contacts: already present; ${moved} dated January–October 2017` : "contacts: already present";
  }
  const bytes = Buffer.from(demoContactsCsv(), "utf8");
  const source = async function* () {
    for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20));
  };
  const actor = { userId: null, ip: "seed" };
  if (!existing) {
    const shape = await inspectSource(source, "utf-8");
    await createBatch(
      actor,
      { name: "contactos-demo.csv", size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), encoding: "utf-8" },
      shape,
      { onDuplicate: "SKIP", consentBasis: "Registro en evento con aviso de privacidad v1 (datos de demostración)", sourceText: "Datos de demostración" },
      false,
      DEMO_IMPORT_ID,
    );
  }
  const started = Date.now();
  const result = await runBatch(DEMO_IMPORT_ID, source, actor);
  const moved = await backdateContacts();
  return `contacts: ${result.created} created from ${result.rows} rows (${moved} dated January–October 2017) in ${((Date.now() - started) / 1000).toFixed(1)} s`;
}

async function main() {
  if (process.env.NODE_ENV === "production") {
    console.error("The demo seed refuses to run with NODE_ENV=production.");
    process.exit(1);
  }
  const password = process.env.SEED_PASSWORD || DEFAULT_SEED_PASSWORD;
  let created = 0;
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: demo.email } });
    if (existing) continue;
    await db.user.create({ data: { ...demo, passwordHash: await hashPassword(password), locale: "es" } });
    created++;
  }
  await db.settings.upsert({ where: { id: 1 }, create: { id: 1, ...DEFAULT_SETTINGS }, update: {} });
  const notice = await db.privacyNotice.findFirst();
  if (!notice) await db.privacyNotice.create({ data: { version: 1, language: "es", text: PRIVACY_NOTICE_V1 } });
  // The English kiosk and mails show this one; versions are numbered across languages.
  if (!(await db.privacyNotice.findFirst({ where: { language: "en" } }))) {
    const last = await db.privacyNotice.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    await db.privacyNotice.create({ data: { version: (last?.version ?? 0) + 1, language: "en", text: PRIVACY_NOTICE_EN } });
  }
  console.error(`[seed] users: ${created} created, ${DEMO_USERS.length - created} already present`);
  console.error(`[seed] ${await seedContacts()}`);
  // Order matters: meetings and events link partners; bulletins go to the demo contacts; jurors
  // link the commission agreement that designated them.
  console.error(`[seed] ${await seedPartners()}`);
  console.error(`[seed] ${await seedMeetings()}`);
  console.error(`[seed] ${await seedEvents()}`);
  console.error(`[seed] ${await seedMaterials()}`);
  console.error(`[seed] ${await seedBulletins()}`);
  console.error(`[seed] ${await seedContest()}`);
  console.error(`[seed] ${await seedJury()}`);
  console.error(`[seed] ${await seedCommunications()}`);
  console.error(`[seed] ${await seedEnquiries()}`);
  console.error(`[seed] ${await seedReports()}`);
  console.error(`[seed] ${await seedContributors(password)}`);
  console.error(`[seed] ${await seedContributionsContent()}`);
  console.error(`[seed] ${await seedPortal(password)}`);
  // Planner statistics for everything just loaded (never analysed, the contacts list would
  // estimate 22,500 rows as «cerca de 11,764»).
  await db.$executeRaw`ANALYZE`;
}

main()
  .then(async () => {
    await closeImportPool();
    await closeRedis();
    await db.$disconnect();
  })
  .catch(async (error) => {
    console.error(error);
    await closeImportPool();
    await closeRedis();
    await db.$disconnect();
    process.exit(1);
  });
