/**
 * Demo data for the events area (called by prisma/seed.ts after users, contacts and partners): the
 * events of the November 2017 progress report, with their real names, places, time zones, figures
 * and the report part that counts each: the two community events abroad (Fort Worth, Lynwood;
 * COMMUNITY_ABROAD), the UNIVA conference (EDUCATIONAL) and the Operativo de Invierno, which runs in
 * December (DECENTRALIZED). Workshops and meetings are Meeting records (prisma/seed/meetings.ts);
 * the New York tour is CNCS's (2.5) and is no event here. Idempotent: an event is created only
 * when its fixed id is missing; organising partners (looked up by name, skipped when missing) and
 * staff are linked when missing. What was handed out is in the materials ledger (prisma/seed/materials.ts).
 */
import { db } from "../../app/lib/db.server.ts";
import type { EventKind, EventStatus, ReportPart } from "../../app/generated/prisma/enums.ts";
import { zonedToUtc } from "../../app/lib/time.ts";
import { normalizeRegion } from "../../app/modules/geo/regions.ts";

function regionOf(country: string | undefined, state: string | undefined): { country: string | null; state: string | null } {
  const region = normalizeRegion(country, state);
  return { country: region.country, state: region.state };
}

type SeedEvent = {
  id: string;
  name: string;
  kind: EventKind;
  status: EventStatus;
  reportPart: ReportPart;
  timeZone: string;
  starts: string;
  ends: string;
  country?: string;
  state?: string;
  city?: string;
  venue?: string;
  expectedAttendance?: number;
  description?: string;
  materialsRequest?: string;
  materialsRequestedOn?: string;
  outcomes?: { estimatedAttendance?: number; credentialAppointments?: number; registrationRequests?: number; notes?: string; recordedOn: string };
  kiosk?: { slug: string; opens: string; closes: string };
  partners?: string[];
  staff?: Array<[email: string, confirmed: boolean]>;
};

const JUNTAS = ["Chihuahua", "Coahuila", "Nuevo León", "Zacatecas", "Guerrero"].map((s) => `Junta Local Ejecutiva del INE en ${s}`);

export const SEED_EVENTS: SeedEvent[] = [
  {
    id: "seed-event-univa-2017",
    name: "Conferencia “Votar desde el extranjero; un derecho y una responsabilidad” (Semana UNIVA)",
    kind: "FORUM",
    status: "HELD",
    reportPart: "EDUCATIONAL",
    timeZone: "America/Mexico_City",
    starts: "2017-11-02T11:00",
    ends: "2017-11-02T13:00",
    country: "MX",
    state: "Jalisco",
    city: "Lagos de Moreno",
    venue: "Universidad del Valle de Atemajac, campus Lagos de Moreno",
    expectedAttendance: 60,
    description: "Conferencia en el marco de la Semana UNIVA: la importancia del voto, cómo obtener la credencial, el registro y el ejercicio del voto desde el extranjero.",
    outcomes: { estimatedAttendance: 70, notes: "Alrededor de 70 estudiantes y académicos. Se desahogaron dudas del público asistente.", recordedOn: "2017-11-03T10:00" },
    partners: ["Universidad del Valle de Atemajac"],
    staff: [["coordinacion@alcance.test", true]],
  },
  {
    id: "seed-event-paisano-invierno-2017",
    name: "Operativo de Invierno 2017 (Programa Paisano)",
    kind: "OPERATION",
    status: "CONFIRMED",
    reportPart: "DECENTRALIZED",
    timeZone: "America/Mexico_City",
    // The INE's presence in the operation: December and the first days of January (start date ours).
    starts: "2017-12-01T00:00",
    ends: "2018-01-08T23:59",
    country: "MX",
    description:
      "Presencia del INE y los OPLE en el Operativo de Invierno y Caravanas del Instituto Nacional de Migración, en 420 puntos de internación, con el apoyo de las Juntas Locales Ejecutivas de Chihuahua, Coahuila, Nuevo León, Zacatecas y Guerrero.",
    materialsRequest: "244,900 dípticos para su distribución en 420 puntos de internación.",
    materialsRequestedOn: "2017-11-06T10:00",
    partners: ["Instituto Nacional de Migración – Programa Paisano", ...JUNTAS],
    staff: [["coordinacion@alcance.test", true]],
  },
  {
    id: "seed-event-dia-del-musico-2017",
    name: "Día del Músico",
    kind: "COMMUNITY_FESTIVAL",
    status: "HELD",
    reportPart: "COMMUNITY_ABROAD",
    timeZone: "America/Chicago",
    starts: "2017-11-19T10:00",
    ends: "2017-11-19T20:00",
    country: "US",
    state: "Texas",
    city: "Fort Worth",
    venue: "Gran Plaza",
    expectedAttendance: 20000,
    description: "Módulo informativo sobre la credencialización, el registro y el voto desde el extranjero en la celebración del Día del Músico.",
    // What was sent is our split of the source's total (prisma/seed/materials.ts); 2,000 dípticos,
    // 500 botones and 500 lápices were handed out (the source).
    materialsRequest:
      "20,000 dípticos EUA, Canadá y Resto del Mundo, 3,000 dípticos México Vocalías y MAC, 5,000 folletos, 2,000 postales, 1,000 credenciales de muestra, 500 botones, 500 lápices, 130 carteles y 4 displays; lo que no se entregue en el evento queda en resguardo para los siguientes eventos de la zona.",
    materialsRequestedOn: "2017-11-08T10:00",
    outcomes: {
      estimatedAttendance: 23000,
      credentialAppointments: 65,
      registrationRequests: 12,
      notes: "Aforo de más de 23,000 personas (ciudadanos, medios y organizaciones).",
      recordedOn: "2017-11-20T10:00",
    },
    kiosk: { slug: "dia-del-musico-2017", opens: "2017-11-19T09:00", closes: "2017-11-19T21:00" },
    staff: [
      ["coordinacion@alcance.test", true],
      ["comunicacion@alcance.test", true],
    ],
  },
  {
    id: "seed-event-entrega-de-pavos-2017",
    name: "Entrega de Pavos 2017",
    kind: "COMMUNITY_FESTIVAL",
    status: "HELD",
    reportPart: "COMMUNITY_ABROAD",
    timeZone: "America/Los_Angeles",
    starts: "2017-11-21T09:00",
    ends: "2017-11-21T15:00",
    country: "US",
    state: "California",
    city: "Lynwood",
    description: "Módulo informativo sobre la credencialización, el registro y el voto desde el extranjero en la entrega de pavos.",
    // Our split of the source's total, as in Fort Worth; 1,500 dípticos, 1,000 postales and 500
    // credenciales were handed out (the source).
    materialsRequest:
      "10,000 dípticos EUA, Canadá y Resto del Mundo, 2,000 dípticos México Vocalías y MAC, 3,000 folletos, 3,000 postales, 2,000 credenciales de muestra, 38 carteles y 2 displays; lo que no se entregue en el evento queda en resguardo para los siguientes eventos de la zona.",
    materialsRequestedOn: "2017-11-10T10:00",
    outcomes: { credentialAppointments: 30, registrationRequests: 10, recordedOn: "2017-11-22T10:00" },
    kiosk: { slug: "entrega-de-pavos-2017", opens: "2017-11-21T08:00", closes: "2017-11-21T16:00" },
    staff: [["coordinacion@alcance.test", false]],
  },
];

export async function seedEvents(): Promise<string> {
  const emails = [...new Set(SEED_EVENTS.flatMap((e) => (e.staff ?? []).map(([email]) => email)))];
  const users = new Map((await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const coordinatorId = users.get("coordinacion@alcance.test") ?? null;
  let created = 0;
  let partnerLinks = 0;
  let missingPartners = 0;
  for (const e of SEED_EVENTS) {
    const at = (local: string) => zonedToUtc(local, e.timeZone);
    const exists = await db.event.findUnique({ where: { id: e.id }, select: { id: true } });
    if (!exists) {
      await db.event.create({
        data: {
          id: e.id,
          name: e.name,
          kind: e.kind,
          status: e.status,
          reportPart: e.reportPart,
          timeZone: e.timeZone,
          startsAt: at(e.starts),
          endsAt: at(e.ends),
          // Coded as every form codes it (decision 019): "Texas" → "US-TX".
          ...regionOf(e.country, e.state),
          city: e.city ?? null,
          venue: e.venue ?? null,
          expectedAttendance: e.expectedAttendance ?? null,
          description: e.description ?? null,
          materialsRequest: e.materialsRequest ?? null,
          materialsRequestedAt: e.materialsRequestedOn ? at(e.materialsRequestedOn) : null,
          estimatedAttendance: e.outcomes?.estimatedAttendance ?? null,
          credentialAppointments: e.outcomes?.credentialAppointments ?? null,
          registrationRequests: e.outcomes?.registrationRequests ?? null,
          outcomeNotes: e.outcomes?.notes ?? null,
          outcomesRecordedAt: e.outcomes ? at(e.outcomes.recordedOn) : null,
          outcomesRecordedById: e.outcomes ? coordinatorId : null,
          signupSlug: e.kiosk?.slug ?? null,
          signupOpensAt: e.kiosk ? at(e.kiosk.opens) : null,
          signupClosesAt: e.kiosk ? at(e.kiosk.closes) : null,
          createdById: coordinatorId,
        },
      });
      created += 1;
    }
    const staff = (e.staff ?? []).flatMap(([email, confirmed]) => (users.has(email) ? [{ eventId: e.id, userId: users.get(email)!, confirmed }] : []));
    if (staff.length) await db.eventStaff.createMany({ data: staff, skipDuplicates: true });
    if (e.partners?.length) {
      const partners = await db.partner.findMany({ where: { name: { in: e.partners } }, select: { id: true } });
      missingPartners += e.partners.length - partners.length;
      if (partners.length) {
        const linked = await db.eventPartner.createMany({ data: partners.map((p) => ({ eventId: e.id, partnerId: p.id })), skipDuplicates: true });
        partnerLinks += linked.count;
      }
    }
  }
  return `events: ${created} created, ${SEED_EVENTS.length - created} already present; ${partnerLinks} partner links added${missingPartners ? `, ${missingPartners} partners not found (skipped)` : ""}`;
}
