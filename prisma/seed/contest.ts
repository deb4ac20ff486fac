/**
 * Demo data for the contest area (called by prisma/seed.ts after users, contacts and partners):
 * the report's contest — 19 projects from fictional civil-society organisations in varied US
 * states, all received in November 2017; requirement reviews and correction requests (subsanes)
 * that leave 15 registered by 27 Nov 2017 (the jury's installation) and 4 not registered or
 * withdrawn; and a weighted rubric for the jury. The evaluation window ends some weeks after the
 * day the seed first runs, so the jury's demo stays usable.
 *
 * Idempotent: a complete demo contest is left alone; a partial one (an interrupted run) is rebuilt.
 * It goes through the contest module's own functions, so every step is audited like real work.
 */
import { db } from "../../app/lib/db.server.ts";
import { normalizeSubdivision } from "../../app/modules/geo/regions.ts";
import type { CheckResult, Role } from "../../app/generated/prisma/enums.ts";
import { endOfZonedDay, zonedToUtc } from "../../app/lib/time.ts";
import { saveRequirements, saveRubric, setContestDocument, type Actor } from "../../app/modules/contest/contest.server.ts";
import { storeUpload } from "../../app/modules/files/storage.server.ts";
import { answerCorrection, requestCorrection } from "../../app/modules/contest/corrections.server.ts";
import { acceptLate, addDocuments, applyMove, createSubmission, saveChecks } from "../../app/modules/contest/submissions.server.ts";

export const DEMO_CONTEST_NAME = "Concurso para la Promoción del Voto de las y los Mexicanos Residentes en el Extranjero 2017-2018";
const ZONE = "America/Mexico_City";
const DEMO_SUBMISSIONS = 19;
const at = (local: string) => zonedToUtc(local, ZONE);

const REQUIREMENTS = [
  { key: "acta", name: "Documento de constitución legal de la organización", description: "Acta constitutiva o certificado de incorporación (Articles of Incorporation) vigente, con el número de registro estatal." },
  { key: "domicilio", name: "Comprobante de domicilio en los Estados Unidos", description: "Recibo de servicios, contrato de arrendamiento o estado de cuenta con antigüedad no mayor a tres meses, a nombre de la organización." },
  { key: "proyecto", name: "Descripción del proyecto en el formato de la convocatoria", description: "Formato anexo 1 completo: objetivos, población objetivo, actividades, calendario y metas de promoción del voto." },
  { key: "presupuesto", name: "Presupuesto desglosado", description: "Formato anexo 2: conceptos, montos en dólares y calendario de gasto; el total no excede el monto máximo de la convocatoria." },
  { key: "carta", name: "Carta compromiso firmada", description: "Firmada por la representación legal: compromiso de apartidismo y de uso de los materiales institucionales del VMRE." },
  { key: "apoyo", name: "Cartas de apoyo de la comunidad", description: "Opcional: cartas de organizaciones o consulados que respalden el proyecto.", required: false },
] as const;
type ReqKey = (typeof REQUIREMENTS)[number]["key"];

const LEVELS_1_5 = (topic: string) =>
  [
    `Insuficiente: el proyecto no muestra ${topic}.`,
    `Básico: muestra ${topic} de forma limitada o poco sustentada.`,
    `Suficiente: muestra ${topic} de forma aceptable.`,
    `Bueno: muestra ${topic} con claridad y evidencia.`,
    `Sobresaliente: muestra ${topic} de forma ejemplar, con evidencia y metas verificables.`,
  ].join("\n");

const RUBRIC = [
  { name: "Pertinencia con los objetivos de la convocatoria", description: "Qué tanto el proyecto promueve la credencialización, el registro a la LNERE y el voto desde el extranjero.", weight: 25, tieBreakRank: 2, topic: "pertinencia con los objetivos" },
  { name: "Alcance e impacto en la comunidad", description: "Población mexicana que alcanzará, metas de registro y presencia en las comunidades objetivo.", weight: 25, tieBreakRank: 1, topic: "alcance e impacto" },
  { name: "Viabilidad técnica y financiera", description: "Congruencia entre actividades, calendario y presupuesto.", weight: 20, tieBreakRank: 3, topic: "viabilidad" },
  { name: "Innovación de la estrategia", description: "Uso creativo de medios, alianzas y formatos para llegar a nuevos públicos.", weight: 15, tieBreakRank: null, topic: "innovación" },
  { name: "Experiencia de la organización", description: "Trayectoria comprobable en trabajo comunitario con la población mexicana.", weight: 15, tieBreakRank: null, topic: "experiencia" },
];

type Outcome =
  | { kind: "registered"; on: string }
  | { kind: "corrected"; rounds: Array<{ items: ReqKey[]; note: string; asked: string; answered: string }>; on: string }
  | { kind: "noAnswer"; items: ReqKey[]; note: string; asked: string; closed: string }
  | { kind: "notRegistered"; missing: ReqKey; on: string; reason: string }
  | { kind: "withdrawn"; on: string; reason: string };

type Demo = { org: string; state: string; city: string; person: string; email: string; phone: string; title: string; communities: string; cities: string; budget: string; received: string; channel: string; outcome: Outcome; late?: string };

const DEMOS: Demo[] = [
  { org: "Casa Comunitaria Raíces del Valle", state: "California", city: "Fresno", person: "Rosa Elena Mejía", email: "rosa.mejia@raicesdelvalle.example", phone: "+1 559 555 0101", title: "Voto en el Valle: brigadas en campos agrícolas", communities: "Trabajadoras y trabajadores agrícolas del Valle Central", cities: "Fresno, Visalia, Bakersfield", budget: "24500.00", received: "2017-11-01T11:20", channel: "EMAIL", outcome: { kind: "registered", on: "2017-11-20T12:00" } },
  { org: "Red Binacional Mixteca de Oxnard", state: "California", city: "Oxnard", person: "Genaro Santiago López", email: "genaro.santiago@redmixteca.example", phone: "+1 805 555 0102", title: "Mi voto también habla mixteco", communities: "Comunidades indígenas mixtecas y zapotecas", cities: "Oxnard, Santa María, Salinas", budget: "27800.00", received: "2017-11-02T09:45", channel: "IN_PERSON", outcome: { kind: "corrected", rounds: [{ items: ["presupuesto"], note: "El presupuesto suma 31,200 USD y excede el monto máximo; ajústelo.", asked: "2017-11-17T10:00", answered: "2017-11-21T16:30" }], on: "2017-11-22T12:00" } },
  { org: "Alianza Paisana del Norte de Texas", state: "Texas", city: "Fort Worth", person: "Ramiro Castillo Peña", email: "ramiro.castillo@alianzapaisana.example", phone: "+1 817 555 0103", title: "Credencial y voto en las plazas de Fort Worth", communities: "Familias mexicanas en mercados y plazas comerciales", cities: "Fort Worth, Arlington, Dallas", budget: "22000.00", received: "2017-11-03T13:10", channel: "EMAIL", outcome: { kind: "registered", on: "2017-11-20T13:00" } },
  { org: "Centro Cultural Tenochtitlan de Houston", state: "Texas", city: "Houston", person: "Itzel Navarro Ruiz", email: "itzel.navarro@cctenochtitlan.example", phone: "+1 713 555 0104", title: "Jóvenes que votan: talleres en preparatorias", communities: "Jóvenes mexicanos de 18 a 29 años", cities: "Houston, Pasadena", budget: "19850.00", received: "2017-11-06T10:05", channel: "WEB_FORM", outcome: { kind: "registered", on: "2017-11-20T16:00" } },
  { org: "Mujeres Unidas de Pilsen", state: "Illinois", city: "Chicago", person: "Guadalupe Ortiz Reyes", email: "guadalupe.ortiz@mujerespilsen.example", phone: "+1 312 555 0105", title: "Ellas deciden: promotoras del voto en Pilsen y La Villita", communities: "Mujeres mexicanas jefas de familia", cities: "Chicago, Cicero", budget: "21300.00", received: "2017-11-06T15:40", channel: "EMAIL", outcome: { kind: "registered", on: "2017-11-21T11:00" } },
  { org: "Coalición Sonorense de Arizona", state: "Arizona", city: "Phoenix", person: "Héctor Valenzuela Díaz", email: "hector.valenzuela@coalicionsonorense.example", phone: "+1 602 555 0106", title: "Ruta del voto: caravanas informativas", communities: "Familias de origen sonorense y sinaloense", cities: "Phoenix, Tucson, Yuma", budget: "29000.00", received: "2017-11-07T12:25", channel: "MAIL", outcome: { kind: "noAnswer", items: ["acta", "domicilio"], note: "El certificado de incorporación está vencido y el comprobante de domicilio no está a nombre de la organización.", asked: "2017-11-16T10:00", closed: "2017-11-24T10:00" } },
  { org: "Fundación Puente Poblano de Nueva York", state: "Nueva York", city: "Nueva York", person: "Verónica Flores Aguilar", email: "veronica.flores@puentepoblano.example", phone: "+1 718 555 0107", title: "Poblanos en Nueva York rumbo a 2018", communities: "Comunidad poblana y mixteca de Queens y el Bronx", cities: "Nueva York, Yonkers", budget: "26400.00", received: "2017-11-08T09:15", channel: "EMAIL", outcome: { kind: "corrected", rounds: [{ items: ["carta"], note: "La carta compromiso no tiene la firma de la representación legal.", asked: "2017-11-17T11:00", answered: "2017-11-20T15:00" }, { items: ["proyecto"], note: "Falta el calendario de actividades del formato anexo 1.", asked: "2017-11-21T10:00", answered: "2017-11-24T13:00" }], on: "2017-11-25T10:00" } },
  { org: "Asociación Jalisciense de Georgia", state: "Georgia", city: "Atlanta", person: "Jorge Ibáñez Chávez", email: "jorge.ibanez@jaliscogeorgia.example", phone: "+1 404 555 0108", title: "Del mariachi a la urna: festivales comunitarios", communities: "Familias jaliscienses y michoacanas", cities: "Atlanta, Gainesville, Dalton", budget: "18900.00", received: "2017-11-08T17:50", channel: "WEB_FORM", outcome: { kind: "registered", on: "2017-11-21T12:30" } },
  { org: "Unidos por Florida, Inc.", state: "Florida", city: "Immokalee", person: "Daniela Gómez Salazar", email: "daniela.gomez@unidosflorida.example", phone: "+1 239 555 0109", title: "Voto en los campos de Immokalee", communities: "Trabajadores agrícolas temporales y sus familias", cities: "Immokalee, Homestead, Orlando", budget: "23750.00", received: "2017-11-09T10:30", channel: "EMAIL", outcome: { kind: "withdrawn", on: "2017-11-21T09:00", reason: "La organización retiró su proyecto por escrito el 20 de noviembre: no podrá operarlo en 2018." } },
  { org: "Colectivo Chicano de las Rocosas", state: "Colorado", city: "Denver", person: "Arturo Domínguez Ávila", email: "arturo.dominguez@chicanorocosas.example", phone: "+1 303 555 0110", title: "Rocosas votan: radio comunitaria y redes", communities: "Población mexicana en zonas rurales de Colorado", cities: "Denver, Greeley, Pueblo", budget: "20500.00", received: "2017-11-09T14:05", channel: "EMAIL", outcome: { kind: "registered", on: "2017-11-22T10:00" } },
  { org: "Hermandad Zacatecana de Nevada", state: "Nevada", city: "Las Vegas", person: "Yolanda Muñoz Torres", email: "yolanda.munoz@zacatecanosnv.example", phone: "+1 702 555 0111", title: "Clubes de oriundos por el voto", communities: "Clubes de oriundos zacatecanos", cities: "Las Vegas, Reno", budget: "17600.00", received: "2017-11-10T11:40", channel: "CONSULATE", outcome: { kind: "corrected", rounds: [{ items: ["domicilio"], note: "El comprobante de domicilio tiene más de tres meses.", asked: "2017-11-18T10:00", answered: "2017-11-22T12:00" }], on: "2017-11-23T10:00" } },
  { org: "Comunidad Purépecha del Noroeste", state: "Washington", city: "Yakima", person: "Ramón Chávez Cruz", email: "ramon.chavez@purepechanw.example", phone: "+1 509 555 0112", title: "Juchari uinapikua: el voto purépecha", communities: "Comunidades purépechas en la industria frutícola", cities: "Yakima, Wenatchee, Pasco", budget: "25200.00", received: "2017-11-10T16:20", channel: "MAIL", outcome: { kind: "registered", on: "2017-11-22T11:00" } },
  { org: "Proyecto Voz Migrante de Oregon", state: "Oregon", city: "Salem", person: "Fernanda Ruiz Mendoza", email: "fernanda.ruiz@vozmigrante.example", phone: "+1 503 555 0113", title: "Voz migrante, voto migrante", communities: "Jornaleros y trabajadoras de viveros", cities: "Salem, Woodburn, Portland", budget: "16800.00", received: "2017-11-13T10:10", channel: "EMAIL", outcome: { kind: "notRegistered", missing: "acta", on: "2017-11-24T12:00", reason: "No acreditó su constitución legal: presentó una solicitud de registro en trámite, no el certificado de incorporación." } },
  { org: "Enlace Hispano de las Carolinas", state: "Carolina del Norte", city: "Raleigh", person: "Citlali Morales Vázquez", email: "citlali.morales@enlacecarolinas.example", phone: "+1 919 555 0114", title: "Credencialízate en las Carolinas", communities: "Familias mexicanas en zonas rurales de Carolina del Norte", cities: "Raleigh, Charlotte, Durham", budget: "22900.00", received: "2017-11-13T15:35", channel: "WEB_FORM", outcome: { kind: "registered", on: "2017-11-23T11:00" } },
  { org: "Centro de Derechos del Migrante de Nuevo México", state: "Nuevo México", city: "Albuquerque", person: "Óscar Peña Gutiérrez", email: "oscar.pena@cdmnm.example", phone: "+1 505 555 0115", title: "Frontera que vota", communities: "Población mexicana en la frontera de Nuevo México", cities: "Albuquerque, Las Cruces", budget: "19400.00", received: "2017-11-14T09:55", channel: "EMAIL", outcome: { kind: "registered", on: "2017-11-23T12:00" } },
  { org: "Red de Clubes Guanajuatenses de Utah", state: "Utah", city: "Salt Lake City", person: "Paola Jiménez Romero", email: "paola.jimenez@guanajuatoutah.example", phone: "+1 801 555 0116", title: "Guanajuato en Utah: del club a la casilla", communities: "Clubes de oriundos guanajuatenses", cities: "Salt Lake City, Ogden, Provo", budget: "15900.00", received: "2017-11-15T12:15", channel: "EMAIL", outcome: { kind: "registered", on: "2017-11-24T10:00" } },
  { org: "Comité Mexicano de Filadelfia", state: "Pensilvania", city: "Filadelfia", person: "Eduardo Sánchez Núñez", email: "eduardo.sanchez@comitefilly.example", phone: "+1 215 555 0117", title: "Filadelfia rumbo al 2018", communities: "Comunidad poblana del sur de Filadelfia", cities: "Filadelfia, Norristown, Kennett Square", budget: "21700.00", received: "2017-11-16T10:45", channel: "IN_PERSON", outcome: { kind: "noAnswer", items: ["presupuesto", "proyecto"], note: "El presupuesto no está desglosado y el proyecto no usa el formato anexo 1.", asked: "2017-11-17T12:00", closed: "2017-11-24T11:00" } },
  { org: "Mexicanos Unidos de Nueva Jersey", state: "Nueva Jersey", city: "Passaic", person: "Lucía Hernández Ortiz", email: "lucia.hernandez@munj.example", phone: "+1 973 555 0118", title: "Passaic vota desde el extranjero", communities: "Familias mexicanas de Passaic y Paterson", cities: "Passaic, Paterson, Newark", budget: "18300.00", received: "2017-11-16T18:20", channel: "EMAIL", outcome: { kind: "corrected", rounds: [{ items: ["carta", "domicilio"], note: "Falta la carta compromiso y el comprobante de domicilio.", asked: "2017-11-20T10:00", answered: "2017-11-24T17:00" }], on: "2017-11-26T12:00" } },
  // Arrived by courier the day after the closing date; the administration accepted it.
  { org: "Frente Cívico Oaxaqueño de Oklahoma", state: "Oklahoma", city: "Oklahoma City", person: "Raúl Aguilar Mendoza", email: "raul.aguilar@frenteoaxaca.example", phone: "+1 405 555 0119", title: "Guelaguetza por el voto", communities: "Comunidades oaxaqueñas", cities: "Oklahoma City, Tulsa", budget: "14950.00", received: "2017-11-18T10:30", channel: "MAIL", late: "La guía de paquetería acredita el envío el 16 de noviembre, antes del cierre; el retraso fue de la empresa de mensajería.", outcome: { kind: "registered", on: "2017-11-24T13:00" } },
];

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

async function actorFor(email: string, role: Role): Promise<Actor> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  return { userId: user?.id ?? null, ip: "seed", role };
}

export async function seedContest(): Promise<string> {
  const existing = await db.contest.findFirst({ where: { name: DEMO_CONTEST_NAME }, select: { id: true, _count: { select: { submissions: true } } } });
  if (existing && existing._count.submissions >= DEMO_SUBMISSIONS) return "contest: already present";
  // An interrupted run leaves a partial contest: rebuild it (organisations are kept and reused).
  if (existing) await db.contest.delete({ where: { id: existing.id } });

  const staff = await actorFor("coordinacion@alcance.test", "COORDINATOR");
  const admin = await actorFor("admin@alcance.test", "ADMIN");
  // A deadline given as a day: the end of that day in the contest's zone (decision 022).
  const evaluationEndsAt = endOfZonedDay(new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10), ZONE);
  const contest = await db.contest.create({
    data: {
      name: DEMO_CONTEST_NAME,
      description:
        "Concurso dirigido a las organizaciones de la sociedad civil en los Estados Unidos de América que promueven la credencialización, el registro y el voto de las y los mexicanos residentes en el extranjero (punto tercero del Acuerdo INE/CG438/2017). Jurado dictaminador designado por la CTVMRE el 15 de noviembre de 2017 (INE/CVMRE-04SO) e instalado el 27 de noviembre de 2017.",
      submissionsOpenAt: at("2017-09-04T09:00"),
      submissionsCloseAt: at("2017-11-17T23:59"),
      reviewEndsAt: at("2017-11-26T23:59"),
      correctionDays: 5,
      evaluationStartsAt: at("2017-11-27T10:00"),
      evaluationEndsAt,
      resultsAt: new Date(evaluationEndsAt.getTime() + 7 * 86_400_000),
      createdById: admin.userId,
    },
  });
  const contestId = contest.id;
  for (const [kind, fileName] of [["call", "convocatoria-concurso-osc-2017.pdf"], ["rules", "reglas-de-operacion-concurso-osc-2017.pdf"]] as const) {
    const stored = await storeUpload(pdf(`${DEMO_CONTEST_NAME} — ${fileName}`));
    await setContestDocument(admin, contestId, kind, { fileName, sha256: stored.sha256 });
  }

  const requirements = await saveRequirements(staff, contestId, REQUIREMENTS.map((r) => ({ id: null, name: r.name, description: r.description, required: !("required" in r) || r.required !== false, remove: false })));
  const reqId = Object.fromEntries(REQUIREMENTS.map((r, i) => [r.key, requirements[i]!.id])) as Record<ReqKey, string>;
  // The rubric is set before evaluation starts; the contest's phase today (evaluation) locks it,
  // so the seed writes it straight away and leaves the lock to the dates.
  await db.contest.update({ where: { id: contestId }, data: { phaseOverride: "REVIEW", phaseOverrideReason: "seed" } });
  await saveRubric(
    staff,
    contestId,
    RUBRIC.map((c) => ({ id: null, name: c.name, description: c.description, weight: c.weight, scaleMin: 1, scaleMax: 5, levels: LEVELS_1_5(c.topic), tieBreakRank: c.tieBreakRank, remove: false })),
  );
  await db.contest.update({ where: { id: contestId }, data: { phaseOverride: null, phaseOverrideReason: null } });

  const allMet = (except: ReqKey[] = [], result: CheckResult = "NEEDS_CORRECTION", note: string | null = null) =>
    REQUIREMENTS.map((r) => ({ requirementId: reqId[r.key], result: except.includes(r.key) ? result : ("MET" as CheckResult), note: except.includes(r.key) ? note : null }));

  let corrections = 0;
  for (const [i, demo] of DEMOS.entries()) {
    let partner = await db.partner.findUnique({ where: { name: demo.org }, select: { id: true } });
    partner ??= await db.partner.create({ data: { name: demo.org, kind: "CIVIL_SOCIETY", country: "US", state: normalizeSubdivision(demo.state, "US") ?? null, city: demo.city, tags: ["concurso"], createdById: staff.userId }, select: { id: true } });
    let person = await db.partnerPerson.findFirst({ where: { partnerId: partner.id, email: demo.email }, select: { id: true } });
    person ??= await db.partnerPerson.create({ data: { partnerId: partner.id, name: demo.person, position: "Representación legal", email: demo.email, phone: demo.phone }, select: { id: true } });

    const received = at(demo.received);
    const submission = await createSubmission(
      staff,
      contestId,
      {
        partnerMode: "existing",
        partnerId: partner.id,
        contactPersonId: person.id,
        orgName: null,
        orgCity: null,
        orgState: null,
        contactName: null,
        contactEmail: null,
        contactPhone: null,
        title: demo.title,
        summary: `Proyecto de ${demo.org} para promover la credencialización y el voto desde el extranjero entre ${demo.communities.toLowerCase()}.`,
        targetCommunities: demo.communities,
        targetCities: demo.cities,
        requestedBudget: demo.budget,
        receivedAt: received,
        channel: demo.channel as "EMAIL",
      },
      { folio: `OSC-2017-${String(i + 1).padStart(3, "0")}` },
    );
    const sid = submission.id;
    await addDocuments(staff, contestId, sid, [{ fileName: "proyecto-y-anexos.pdf", bytes: pdf(`${demo.org} — ${demo.title}`) }], { at: received });
    if (demo.late) await acceptLate(admin, contestId, sid, demo.late);

    // The first review, two to four days after receipt.
    const firstReview = new Date(Math.max(received.getTime() + 2 * 86_400_000, at("2017-11-16T09:00").getTime()));
    const o = demo.outcome;
    if (o.kind === "registered") {
      await saveChecks(staff, contestId, sid, allMet(), firstReview);
    } else if (o.kind === "corrected") {
      for (const [round, r] of o.rounds.entries()) {
        await saveChecks(staff, contestId, sid, allMet(r.items, "NEEDS_CORRECTION", r.note), round === 0 ? new Date(Math.min(firstReview.getTime(), at(r.asked).getTime() - 3_600_000)) : at(r.asked));
        const request = await requestCorrection(staff, contestId, sid, { items: r.items.map((k) => reqId[k]), message: null, deadline: new Date(at(r.asked).getTime() + 5 * 86_400_000) }, { now: at(r.asked), sendMail: false });
        await db.correctionRequest.update({ where: { id: request.id }, data: { mailStatus: "sent" } });
        await answerCorrection(staff, contestId, sid, request.id, { note: "La organización envió los documentos corregidos por correo electrónico." }, [{ fileName: `subsane-${round + 1}.pdf`, bytes: pdf(`${demo.org} subsane ${round + 1}`) }], { at: at(r.answered) });
        corrections++;
      }
      await saveChecks(staff, contestId, sid, allMet(), new Date(at(o.on).getTime() - 3_600_000));
    } else if (o.kind === "noAnswer") {
      await saveChecks(staff, contestId, sid, allMet(o.items, "NEEDS_CORRECTION", o.note), new Date(at(o.asked).getTime() - 3_600_000));
      const request = await requestCorrection(staff, contestId, sid, { items: o.items.map((k) => reqId[k]), message: null, deadline: new Date(at(o.asked).getTime() + 5 * 86_400_000) }, { now: at(o.asked), sendMail: false });
      await db.correctionRequest.update({ where: { id: request.id }, data: { mailStatus: "sent" } });
      corrections++;
    } else if (o.kind === "notRegistered") {
      await saveChecks(staff, contestId, sid, allMet([o.missing], "MISSING", "Presentó la solicitud de incorporación en trámite, no el certificado."), firstReview);
    } else {
      await saveChecks(staff, contestId, sid, allMet(), firstReview);
    }

    await db.$transaction(async (tx) => {
      if (o.kind === "registered" || o.kind === "corrected") await applyMove(tx, staff, sid, "REGISTERED", null, { at: at(o.on) });
      else if (o.kind === "noAnswer") await applyMove(tx, staff, sid, "NOT_REGISTERED", "No subsanó dentro del plazo de cinco días.", { at: at(o.closed) });
      else if (o.kind === "notRegistered") await applyMove(tx, staff, sid, "NOT_REGISTERED", o.reason, { at: at(o.on) });
      else await applyMove(tx, staff, sid, "WITHDRAWN", o.reason, { at: at(o.on) });
    });
  }
  // The closed-without-answer requests stay on record as cancelled by the not-registered move.
  return `contest: "${DEMO_CONTEST_NAME}" with ${DEMOS.length} projects and ${corrections} correction requests`;
}
