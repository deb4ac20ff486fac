/**
 * Demo citizen enquiries (decision 025), called by prisma/seed.ts after the contest: November
 * 2017's 648 enquiries to the INETEL contact centre as records, imported through the enquiries
 * import itself (a CSV in the contact centre's shape, with the spellings people type), and a few
 * enquiries organisations made about the contest. Idempotent: a month that already has an import
 * is left alone; a contest enquiry already logged is not logged again.
 *
 * The source gives: 648 enquiries, mostly by phone, 85.65 % from the United States (555 of 648:
 * 0.8565 × 648 = 555.0), mainly from California and Texas, the other 14.35 % led by Germany, Canada,
 * France and Mexico. Everything else is OUR split, chosen to agree with that:
 * - by state: California 190, Texas 120, then Illinois, Arizona, New York… and 18 without a state;
 * - other countries: Alemania 22, Canadá 18, Francia 14, México 11, then España, Reino Unido…;
 * - channels: phone 512 (79 %), e-mail 74, chat 38, social media 24;
 * - topics and the day of each enquiry (spread over the month);
 * - the four contest enquiries (organisations, days, channels, topics).
 */
import { db } from "../../app/lib/db.server.ts";
import { applyEnquiryImport, planEnquiryImport, storeEnquiryFile } from "../../app/modules/enquiries/import.server.ts";
import { addContestEnquiry } from "../../app/modules/contest/enquiries.server.ts";
import { DEMO_CONTEST_NAME } from "./contest.ts";

export const DEMO_ENQUIRY_MONTH = "2017-11";
const FILE_NAME = "inetel-vmre-noviembre-2017.csv";

// [state as the contact centre writes it, enquiries]: 537 with a state + 18 without = 555 from the US.
const US_STATES: Array<[string, number]> = [
  ["California", 190], ["Texas", 120], ["Illinois", 60], ["AZ", 40], ["Nueva York", 25], ["Florida", 20], ["Georgia", 15],
  ["Colorado", 15], ["Washington", 12], ["NV", 10], ["Oregón", 8], ["Carolina del Norte", 8], ["Utah", 7], ["NJ", 7],
];
const US_WITHOUT_STATE = 18;
// [country as written, enquiries]: 93 from the rest of the world.
const OTHER_COUNTRIES: Array<[string, number]> = [
  ["Alemania", 22], ["Canadá", 18], ["Francia", 14], ["México", 11], ["España", 9], ["Reino Unido", 7],
  ["Italia", 4], ["Países Bajos", 3], ["Suiza", 2], ["Argentina", 1], ["Australia", 1], ["Japón", 1],
];
// [channel as written, enquiries]: 648.
const CHANNELS: Array<[string, number]> = [["Telefónica", 512], ["Correo electrónico", 74], ["Chat", 38], ["Redes sociales", 24]];
// [topic, enquiries]: 648.
const TOPICS: Array<[string, number]> = [
  ["Credencialización en el extranjero", 262],
  ["Inscripción a la Lista Nominal de Electores Residentes en el Extranjero", 168],
  ["Modalidades de voto desde el extranjero", 96],
  ["Seguimiento de trámite", 72],
  ["Otros", 50],
];
// The spellings of «United States» the export mixes (all coded US).
const US_SPELLINGS = ["Estados Unidos", "EUA", "USA", "Estados Unidos de América", "EE. UU."];

const expand = (pairs: Array<[string, number]>) => pairs.flatMap(([value, count]) => Array<string>(count).fill(value));
const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The contact centre's file for November 2017: same bytes every run. */
export function demoEnquiriesCsv(): string {
  const places: Array<[country: string, state: string]> = [
    ...expand(US_STATES).map((state, i): [string, string] => [US_SPELLINGS[i % US_SPELLINGS.length]!, state]),
    ...Array.from({ length: US_WITHOUT_STATE }, (_, i): [string, string] => [US_SPELLINGS[i % US_SPELLINGS.length]!, ""]),
    ...expand(OTHER_COUNTRIES).map((country): [string, string] => [country, ""]),
  ];
  const channels = expand(CHANNELS);
  const topics = expand(TOPICS);
  const total = places.length; // 648
  const lines = ["Fecha;Canal;País;Estado;Tema"];
  for (let i = 0; i < total; i++) {
    // Co-prime strides spread channels, topics and days over the places.
    const channel = channels[(i * 7) % total]!;
    const topic = topics[(i * 11) % total]!;
    const day = 1 + ((i * 13) % 30);
    const [country, state] = places[i]!;
    lines.push([`${String(day).padStart(2, "0")}/11/2017`, channel, country, state, topic].map(csvCell).join(";"));
  }
  return `${lines.join("\r\n")}\r\n`;
}

// Our examples of the «diversas Organizaciones de la Sociedad Civil» the source says were attended.
const CONTEST_ENQUIRIES = [
  { receivedOn: "2017-11-03", organisation: "Casa Comunitaria Raíces del Valle", channel: "EMAIL", topic: "Requisitos", notes: "Preguntó si el certificado de incorporación puede entregarse en copia simple." },
  { receivedOn: "2017-11-07", organisation: "Club de Oriundos Michoacanos de Chicago", channel: "PHONE", topic: "Fechas", notes: "Confirmó la fecha de cierre de la recepción de proyectos (17 de noviembre)." },
  { receivedOn: "2017-11-10", organisation: "Hermandad Zacatecana de Nevada", channel: "PHONE", topic: "Presentación de proyectos", notes: "Dudas sobre el formato anexo 1 y el envío por el consulado." },
  { receivedOn: "2017-11-14", organisation: "Asociación Cívica Guerrerense de Los Ángeles", channel: "EMAIL", topic: "Requisitos", notes: "Preguntó por el comprobante de domicilio a nombre de la organización." },
] as const;

export async function seedEnquiries(): Promise<string> {
  const done: string[] = [];
  const staff = await db.user.findUnique({ where: { email: "coordinacion@alcance.test" }, select: { id: true } });
  const actor = { userId: staff?.id ?? null, ip: "seed" };

  if (!(await db.enquiryImport.findFirst({ where: { month: DEMO_ENQUIRY_MONTH }, select: { id: true } }))) {
    const bytes = new TextEncoder().encode(demoEnquiriesCsv());
    const sha256 = await storeEnquiryFile(bytes);
    const plan = await planEnquiryImport(DEMO_ENQUIRY_MONTH, sha256, bytes);
    if (plan.problem || plan.rejected.length) throw new Error(`demo enquiries: ${plan.problem ?? `${plan.rejected.length} rows rejected (${plan.rejected[0]?.reason})`}`);
    const outcome = await applyEnquiryImport(actor, DEMO_ENQUIRY_MONTH, { sha256, fileName: FILE_NAME }, { replaces: plan.replaces, rows: plan.rows.length });
    if (!outcome.ok) throw new Error(`demo enquiries: ${outcome.reason}`);
    done.push(`${plan.rows.length} November 2017 enquiries imported`);
  }

  const contest = await db.contest.findFirst({ where: { name: DEMO_CONTEST_NAME }, select: { id: true } });
  if (contest) {
    let added = 0;
    for (const e of CONTEST_ENQUIRIES) {
      const exists = await db.contestEnquiry.findFirst({ where: { contestId: contest.id, organisation: e.organisation, receivedOn: new Date(`${e.receivedOn}T00:00:00Z`) }, select: { id: true } });
      if (exists) continue;
      await addContestEnquiry(actor, contest.id, { ...e });
      added++;
    }
    if (added) done.push(`${added} contest enquiries`);
  }
  return `enquiries: ${done.length ? done.join("; ") : "already present"}`;
}
