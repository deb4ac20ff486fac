/**
 * Demo data for the partners area (called by prisma/seed.ts after users and contacts): the
 * institutions the November 2017 progress report names, with their real names and kinds, and that
 * month's activities with the report's figures: one record per activity however many institutions
 * shared it, each institution linked (PartnerActivityPartner, the lead included), each with the
 * report part that counts it. Idempotent: institutions are upserted by name, activities,
 * institution links, agreements and follow-ups are created only when missing.
 */
import { db } from "../../app/lib/db.server.ts";
import { normalizeSubdivision } from "../../app/modules/geo/regions.ts";
import type { ActivityKind, PartnerKind, ReportPart } from "../../app/generated/prisma/enums.ts";

type SeedPartner = {
  name: string;
  acronym?: string;
  kind: PartnerKind;
  parent?: string;
  country?: string;
  state?: string;
  city?: string;
  website?: string;
  tags?: string[];
};

type SeedActivity = {
  /** Every institution it was done with; the first is the lead (PartnerActivity.partnerId). */
  partners: string[];
  on: string;
  kind: ActivityKind;
  reportPart: ReportPart;
  summary: string;
  peopleReached?: number;
  itemsDistributed?: number;
  bulletinRecipients?: number;
};

const SRE = "SRE – Instituto de los Mexicanos en el Exterior";
const OPL = [
  { name: "Instituto de Elecciones y Participación Ciudadana de Chiapas", acronym: "IEPC Chiapas", state: "Chiapas", city: "Tuxtla Gutiérrez" },
  { name: "Instituto Electoral de la Ciudad de México", acronym: "IECM", state: "Ciudad de México", city: "Ciudad de México" },
  { name: "Instituto Electoral del Estado de Guanajuato", acronym: "IEEG", state: "Guanajuato", city: "Guanajuato" },
  { name: "Instituto Electoral y de Participación Ciudadana del Estado de Jalisco", acronym: "IEPC Jalisco", state: "Jalisco", city: "Guadalajara" },
  { name: "Instituto Morelense de Procesos Electorales y Participación Ciudadana", acronym: "IMPEPAC", state: "Morelos", city: "Cuernavaca" },
  { name: "Instituto Electoral del Estado de Puebla", acronym: "IEE Puebla", state: "Puebla", city: "Puebla" },
  { name: "Instituto Electoral y de Participación Ciudadana de Yucatán", acronym: "IEPAC", state: "Yucatán", city: "Mérida" },
];
const JUNTAS = ["Chihuahua", "Coahuila", "Nuevo León", "Zacatecas", "Guerrero"];

const PARTNERS: SeedPartner[] = [
  {
    name: SRE,
    acronym: "IME",
    kind: "FEDERAL_AGENCY",
    country: "MX",
    state: "Ciudad de México",
    city: "Ciudad de México",
    website: "https://www.gob.mx/ime",
    tags: ["red consular"],
  },
  {
    name: "SEGOB – Consejo Consultivo de Política Migratoria",
    acronym: "CCPM",
    kind: "FEDERAL_AGENCY",
    country: "MX",
    state: "Ciudad de México",
    city: "Ciudad de México",
  },
  {
    name: "Instituto Nacional de Migración – Programa Paisano",
    acronym: "INM",
    kind: "FEDERAL_AGENCY",
    country: "MX",
    state: "Ciudad de México",
    city: "Ciudad de México",
    tags: ["operativo de invierno"],
  },
  {
    name: "PGR – Fiscalía Especializada para la Atención de Delitos Electorales",
    acronym: "FEPADE",
    kind: "FEDERAL_AGENCY",
    country: "MX",
    state: "Ciudad de México",
    city: "Ciudad de México",
  },
  {
    name: "Consejo Nacional de Ciencia y Tecnología",
    acronym: "CONACYT",
    kind: "FEDERAL_AGENCY",
    country: "MX",
    state: "Ciudad de México",
    city: "Ciudad de México",
    tags: ["becarios"],
  },
  {
    name: "STPS – Programa de Trabajadores Agrícolas Temporales en Canadá",
    acronym: "PTAT",
    kind: "FEDERAL_AGENCY",
    country: "MX",
    state: "Ciudad de México",
    city: "Ciudad de México",
    tags: ["canadá"],
  },
  {
    name: "Instituto Nacional para la Educación de los Adultos",
    acronym: "INEA",
    kind: "FEDERAL_AGENCY",
    country: "MX",
    state: "Ciudad de México",
    city: "Ciudad de México",
    tags: ["plazas comunitarias"],
  },
  { name: "ProMéxico", kind: "FEDERAL_AGENCY", country: "MX", state: "Ciudad de México", city: "Ciudad de México" },
  {
    name: "Programa Chevening – Embajada Británica en México",
    acronym: "Chevening",
    kind: "INTERNATIONAL_PROGRAMME",
    country: "MX",
    state: "Ciudad de México",
    city: "Ciudad de México",
    tags: ["becarios"],
  },
  { name: "Universidad del Valle de Atemajac", acronym: "UNIVA", kind: "UNIVERSITY", country: "MX", state: "Jalisco", city: "Lagos de Moreno" },
  {
    name: "Instituto para las Mujeres en la Migración, AC",
    acronym: "IMUMI",
    kind: "CIVIL_SOCIETY",
    country: "MX",
    state: "Ciudad de México",
    city: "Ciudad de México",
    tags: ["prospecto concurso"],
  },
  {
    name: "Consulado General de México en Los Ángeles",
    kind: "FOREIGN_SERVICE_POST",
    parent: SRE,
    country: "US",
    state: "California",
    city: "Los Ángeles",
    tags: ["red consular"],
  },
  {
    name: "Consulado General de México en Chicago",
    kind: "FOREIGN_SERVICE_POST",
    parent: SRE,
    country: "US",
    state: "Illinois",
    city: "Chicago",
    tags: ["red consular"],
  },
  {
    name: "Consulado General de México en Dallas",
    kind: "FOREIGN_SERVICE_POST",
    parent: SRE,
    country: "US",
    state: "Texas",
    city: "Dallas",
    tags: ["red consular"],
  },
  {
    name: "Consulado General de México en Nueva York",
    kind: "FOREIGN_SERVICE_POST",
    parent: SRE,
    country: "US",
    state: "Nueva York",
    city: "Nueva York",
    tags: ["red consular"],
  },
  ...OPL.map((o) => ({ ...o, kind: "LOCAL_ELECTORAL_BODY" as const, country: "MX", tags: ["opl", "pe 2017-2018"] })),
  ...JUNTAS.map((state) => ({
    name: `Junta Local Ejecutiva del INE en ${state}`,
    acronym: `JLE ${state}`,
    kind: "INE_OFFICE" as const,
    country: "MX",
    state,
    tags: ["operativo de invierno"],
  })),
];

// The partners' own activities of 2.1.4 (reportPart INSTITUTIONAL) and the Juntas Locales' (DECENTRALIZED).
// Meetings, workshops and sessions are Meeting records (prisma/seed/meetings.ts); UNIVA is an event
// only (prisma/seed/events.ts). The quantities here are what the partners report handing out
// themselves, never the ledger's. Where the source gives no day, the month's last day is ours.
const ACTIVITIES: SeedActivity[] = [
  {
    partners: [SRE],
    on: "2017-11-30",
    kind: "MATERIALS_DELIVERED",
    reportPart: "INSTITUTIONAL",
    summary:
      "Se actualizaron los materiales digitales para las plataformas del IME y se distribuyeron 948 mil 747 materiales impresos en las sedes diplomáticas y consulares alrededor del mundo.",
    itemsDistributed: 948_747,
  },
  {
    partners: ["Instituto Nacional de Migración – Programa Paisano"],
    on: "2017-11-30",
    kind: "MATERIALS_DELIVERED",
    reportPart: "INSTITUTIONAL",
    summary:
      "Se convino la presencia del INE y los OPLE en el Operativo de Invierno y Caravanas; se enviaron 244 mil 900 dípticos para 420 puntos de internación.",
    itemsDistributed: 244_900,
  },
  {
    // FEPADE sent its materials to three consulates: each one's timeline shows it.
    partners: [
      "PGR – Fiscalía Especializada para la Atención de Delitos Electorales",
      "Consulado General de México en Los Ángeles",
      "Consulado General de México en Chicago",
      "Consulado General de México en Dallas",
    ],
    on: "2017-11-30",
    kind: "MATERIALS_DELIVERED",
    reportPart: "INSTITUTIONAL",
    summary: "Envío de materiales para prevención de delitos a los consulados de Los Ángeles, Chicago y Dallas; acompañamiento en la difusión del VMRE.",
  },
  {
    partners: ["Consejo Nacional de Ciencia y Tecnología"],
    on: "2017-11-30",
    kind: "PARTNER_BULLETIN",
    reportPart: "INSTITUTIONAL",
    summary: "Tercer boletín para los becarios de CONACYT en el exterior.",
    bulletinRecipients: 7_000,
  },
  {
    partners: ["STPS – Programa de Trabajadores Agrícolas Temporales en Canadá"],
    on: "2017-11-30",
    kind: "MATERIALS_DELIVERED",
    reportPart: "INSTITUTIONAL",
    summary: "Se enviaron 20 mil dípticos y promocionales a las 32 oficinas del PTAT en el país; se acordó presencia del INE en diciembre y enero.",
    itemsDistributed: 20_000,
  },
  {
    partners: ["Instituto Nacional para la Educación de los Adultos"],
    on: "2017-11-30",
    kind: "OTHER",
    reportPart: "INSTITUTIONAL",
    summary:
      "Líneas del Programa de Trabajo del Convenio General: 300 plazas comunitarias en Estados Unidos, 6 videoconferencias y difusión de materiales impresos y digitales.",
  },
  {
    partners: ["ProMéxico"],
    on: "2017-11-30",
    kind: "MATERIALS_DELIVERED",
    reportPart: "INSTITUTIONAL",
    summary: "Distribuyeron 5 mil dípticos en sus eventos de Los Ángeles, Chicago, Lisboa, Hong Kong, Montreal, Dubái, Nueva Delhi y Estocolmo.",
    itemsDistributed: 5_000,
  },
  {
    partners: ["Programa Chevening – Embajada Británica en México"],
    on: "2017-11-30",
    kind: "OTHER",
    reportPart: "INSTITUTIONAL",
    summary: "Se actualizaron los materiales digitales; se trabajan las fechas de reuniones informativas con aspirantes, becarios y ex becarios.",
  },
  {
    // One invitation, five Juntas: one activity.
    partners: JUNTAS.map((state) => `Junta Local Ejecutiva del INE en ${state}`),
    on: "2017-11-30",
    kind: "OTHER",
    reportPart: "DECENTRALIZED",
    summary:
      "Invitación a sumarse al Operativo de Invierno del Programa Paisano en los puntos de internación (Meta Colectiva 7); seguimiento a la participación de las Juntas Locales Ejecutivas de Chihuahua, Coahuila, Nuevo León, Zacatecas y Guerrero.",
  },
  // The New York tour and the Facebook Lives are CNCS's (2.5, a contributed section): kept on the
  // consulates' timelines, not counted by the liaison office's parts (NOT_REPORTED). The Los Angeles
  // Facebook Live has no date in the source: the month's last day is ours.
  {
    partners: ["Consulado General de México en Nueva York"],
    on: "2017-11-17",
    kind: "MEDIA",
    reportPart: "NOT_REPORTED",
    summary: "Facebook Live con el Consejero Enrique Andrade durante su gira de trabajo en Nueva York (17 y 18 de noviembre).",
  },
  {
    partners: ["Consulado General de México en Los Ángeles"],
    on: "2017-11-30",
    kind: "MEDIA",
    reportPart: "NOT_REPORTED",
    summary: "Facebook Live del Consejero Enrique Andrade en el Consulado de Los Ángeles.",
  },
];

export async function seedPartners(): Promise<string> {
  const coordinator = await db.user.findFirst({ where: { email: "coordinacion@alcance.test" }, select: { id: true } });
  const ids = new Map<string, string>();
  for (const p of PARTNERS) {
    const data = {
      acronym: p.acronym ?? null,
      kind: p.kind,
      country: p.country ?? null,
      // Stored as an ISO 3166-2 code, as every way in stores it (decision 019).
      state: normalizeSubdivision(p.state, p.country) ?? null,
      city: p.city ?? null,
      website: p.website ?? null,
      tags: p.tags ?? [],
    };
    const row = await db.partner.upsert({
      where: { name: p.name },
      create: { name: p.name, ...data, createdById: coordinator?.id ?? null },
      update: {},
      select: { id: true },
    });
    ids.set(p.name, row.id);
  }
  for (const p of PARTNERS) {
    if (p.parent) await db.partner.updateMany({ where: { id: ids.get(p.name)!, parentId: null }, data: { parentId: ids.get(p.parent)! } });
  }
  let created = 0;
  let links = 0;
  for (const a of ACTIVITIES) {
    const partnerId = ids.get(a.partners[0]!)!;
    const occurredOn = new Date(`${a.on}T00:00:00.000Z`);
    let activity = await db.partnerActivity.findFirst({ where: { partnerId, occurredOn, kind: a.kind, summary: a.summary }, select: { id: true } });
    if (!activity) {
      activity = await db.partnerActivity.create({
        data: {
          partnerId,
          occurredOn,
          kind: a.kind,
          reportPart: a.reportPart,
          summary: a.summary,
          peopleReached: a.peopleReached ?? null,
          itemsDistributed: a.itemsDistributed ?? null,
          bulletinRecipients: a.bulletinRecipients ?? null,
          createdById: coordinator?.id ?? null,
          ...(coordinator ? { users: { create: [{ userId: coordinator.id }] } } : {}),
        },
        select: { id: true },
      });
      created++;
    }
    // Every institution, the lead included (decision 024).
    const institutions = a.partners.map((name) => ({ activityId: activity.id, partnerId: ids.get(name)! }));
    links += (await db.partnerActivityPartner.createMany({ data: institutions, skipDuplicates: true })).count;
  }
  const inea = ids.get("Instituto Nacional para la Educación de los Adultos")!;
  if (!(await db.agreement.findFirst({ where: { partnerId: inea }, select: { id: true } }))) {
    await db.agreement.create({
      data: {
        partnerId: inea,
        title: "Convenio General de Colaboración INE–INEA",
        status: "SIGNED",
        notes: "Programa de Trabajo para la promoción del VMRE en 300 plazas comunitarias.",
      },
    });
  }
  if (coordinator) {
    const follow = [
      {
        partner: "Instituto para las Mujeres en la Migración, AC",
        title: "Enviar a IMUMI la propuesta de acciones conjuntas de promoción",
        dueOn: "2017-12-08",
      },
      {
        partner: "STPS – Programa de Trabajadores Agrícolas Temporales en Canadá",
        title: "Confirmar fechas de presencia del INE con beneficiarios del PTAT",
        dueOn: "2017-12-15",
      },
      {
        partner: "Programa Chevening – Embajada Británica en México",
        title: "Acordar fechas de reuniones informativas con becarios Chevening",
        dueOn: "2017-12-12",
      },
    ];
    for (const f of follow) {
      const partnerId = ids.get(f.partner)!;
      if (await db.followUp.findFirst({ where: { partnerId, title: f.title }, select: { id: true } })) continue;
      await db.followUp.create({
        data: { partnerId, title: f.title, ownerId: coordinator.id, dueOn: new Date(`${f.dueOn}T00:00:00.000Z`), createdById: coordinator.id },
      });
    }
  }
  return `partners: ${PARTNERS.length} institutions, ${created} new activities (November 2017), ${links} institution links added`;
}
