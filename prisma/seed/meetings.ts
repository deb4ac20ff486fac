/**
 * Demo data for meetings, commission sessions and their agreements (decision 024; called by
 * prisma/seed.ts after partners): the meetings of the November 2017 progress report, each one record
 * however many took part, with the source's dates, subjects and participants.
 *
 * 2.1.1 Secretaría Técnica (reportPart SECRETARIAT): 8 working meetings (3, 6, 9, 23 and 27 Nov with
 * DERFE, DECEYEC, DEOE and CNCS; 7 Nov with the OPL Chiapas liaison; 10 Nov with the political
 * parties' representatives; 29 Nov the Quinta Reunión de Trabajo with the seven OPL), 1 workshop
 * (16 Nov, online, the seven OPL), 1 commission session (15 Nov, Cuarta Sesión Ordinaria) and its 2
 * agreements (INE/CVMRE-04SO, -05SO).
 * 2.1.4 Vinculación institucional (reportPart INSTITUTIONAL): 7 Nov the online workshop with
 * Mexicans in Europe (SRE-IME), 10 Nov the SEGOB council's Tercera Sesión Ordinaria, 30 Nov IMUMI.
 * December: the Tercera Sesión Extraordinaria (21 Dec 2017) that adopted INE/CVMRE-03SE, the
 * agreement that approves the November report (not linked to the draft: approving is the report's
 * own step).
 *
 * Ours, not the source's: the formats of meetings the source does not call virtual (in person); the
 * commission sessions' participant (DERFE, as the Secretaría Técnica); the agreements' owner areas
 * (04SO the liaison office that runs the contest, 05SO DEOE, 03SE DERFE); the meetings' subjects are
 * short titles written from the source's sentences, their summaries quote it.
 *
 * Idempotent: fixed ids; participants and agreements are added when missing.
 */
import { db } from "../../app/lib/db.server.ts";
import type { IneArea, MeetingFormat, MeetingKind, ReportPart } from "../../app/generated/prisma/enums.ts";

type Participant = { partner: string } | { area: IneArea } | { party: string };

type SeedMeeting = {
  id: string;
  kind: MeetingKind;
  on: string;
  subject: string;
  summary?: string;
  format: MeetingFormat;
  reportPart: ReportPart;
  participants: Participant[];
};

type SeedAgreement = {
  number: string;
  adoptedOn: string;
  title: string;
  ownerArea: IneArea;
  vote: string | null;
  meetingId: string;
};

const SRE = "SRE – Instituto de los Mexicanos en el Exterior";
const OPL = [
  "Instituto de Elecciones y Participación Ciudadana de Chiapas",
  "Instituto Electoral de la Ciudad de México",
  "Instituto Electoral del Estado de Guanajuato",
  "Instituto Electoral y de Participación Ciudadana del Estado de Jalisco",
  "Instituto Morelense de Procesos Electorales y Participación Ciudadana",
  "Instituto Electoral del Estado de Puebla",
  "Instituto Electoral y de Participación Ciudadana de Yucatán",
];
const INTERNAL_AREAS: Participant[] = (["DERFE", "DECEYEC", "DEOE", "CNCS"] as const).map((area) => ({ area }));

/** The source does not name the parties: one participant stands for all their representatives. */
export const POLITICAL_PARTIES = "Representantes de partidos políticos";

const INTERNAL_SUBJECT = "Reunión de trabajo con DERFE, DECEYEC, DEOE y CNCS: Lineamientos del voto postal y Paquete Electoral Postal";
const INTERNAL_SUMMARY =
  "Reunión de trabajo con personal de la DERFE, DECEYEC, DEOE y CNCS, con el objetivo principal de revisar las modificaciones a los Lineamientos para la organización del voto de las y los ciudadanos mexicanos residentes en el extranjero para los procesos electorales federal y locales 2017-2018, el flujo general para la integración del Paquete Electoral Postal, Sobre Postal Voto y Sobre Voto, así como la revisión de las especificaciones técnicas de dichos documentos.";

export const SESSION_NOVEMBER_ID = "seed-meeting-2017-11-15-cvmre-4so";
export const SESSION_DECEMBER_ID = "seed-meeting-2017-12-21-cvmre-3se";
export const IMUMI_MEETING_ID = "seed-meeting-2017-11-30-imumi";

export const SEED_MEETINGS: SeedMeeting[] = [
  ...["03", "06", "09", "23", "27"].map(
    (day): SeedMeeting => ({
      id: `seed-meeting-2017-11-${day}-areas`,
      kind: "WORKING_MEETING",
      on: `2017-11-${day}`,
      subject: INTERNAL_SUBJECT,
      summary: INTERNAL_SUMMARY,
      format: "IN_PERSON",
      reportPart: "SECRETARIAT",
      participants: INTERNAL_AREAS,
    }),
  ),
  {
    id: "seed-meeting-2017-11-07-opl-chiapas",
    kind: "WORKING_MEETING",
    on: "2017-11-07",
    subject: "Reunión con el enlace del OPL de Chiapas en Estados Unidos",
    summary:
      "Se le compartió información para la implementación y promoción del VMRE, y se facilitó apoyo para el envío de materiales de promoción a diversas ciudades.",
    format: "IN_PERSON",
    reportPart: "SECRETARIAT",
    participants: [{ partner: OPL[0]! }],
  },
  {
    id: "seed-meeting-2017-11-10-partidos",
    kind: "WORKING_MEETING",
    on: "2017-11-10",
    subject: "Reunión de trabajo con representantes de partidos políticos: propuesta de modificación a los Lineamientos del voto postal",
    summary:
      "Revisión de la propuesta de modificación a los Lineamientos para la Organización del Voto Postal de las y los Mexicanos Residentes en el Extranjero para los procesos electorales federal y locales 2017-2018, previo a su aprobación por la CTVMRE, consistentes en: 1) incluir la referencia a otras elecciones a nivel local, a fin de considerar la elección desde el extranjero del Diputado Local por el principio de representación proporcional en el estado de Jalisco; 2) modificar el orden para realizar el escrutinio y cómputo de las elecciones federal y local, y número de votos por MEC Única; 3) eliminar la referencia de que el Sobre-Voto se producirá en papel seguridad.",
    format: "IN_PERSON",
    reportPart: "SECRETARIAT",
    participants: [{ party: POLITICAL_PARTIES }],
  },
  {
    id: SESSION_NOVEMBER_ID,
    kind: "COMMISSION_SESSION",
    on: "2017-11-15",
    subject: "Cuarta Sesión Ordinaria de la Comisión Temporal del Voto de los Mexicanos Residentes en el Extranjero",
    format: "IN_PERSON",
    reportPart: "SECRETARIAT",
    participants: [{ area: "DERFE" }],
  },
  {
    id: "seed-meeting-2017-11-16-taller-opl",
    kind: "WORKSHOP",
    on: "2017-11-16",
    subject: "Taller virtual con los OPL: Aplicación móvil de Registro en la Lista Nominal de Electores Residentes en el Extranjero",
    summary:
      "Taller virtual con los Organismos Públicos Locales de Chiapas, Ciudad de México, Guanajuato, Jalisco, Morelos, Puebla y Yucatán, entidades que implementarán el voto desde el extranjero para el Proceso Electoral 2017-2018, cuyo objetivo fue la capacitación para utilizar la Aplicación móvil de Registro en la Lista Nominal de Electores Residentes en el Extranjero, a fin de que éstos lo repliquen en las entidades correspondientes.",
    format: "ONLINE",
    reportPart: "SECRETARIAT",
    participants: OPL.map((partner) => ({ partner })),
  },
  {
    id: "seed-meeting-2017-11-29-quinta-opl",
    kind: "WORKING_MEETING",
    on: "2017-11-29",
    subject: "Quinta Reunión de Trabajo con los OPL",
    summary:
      "Quinta Reunión de Trabajo con los OPL de Chiapas, Ciudad de México, Guanajuato, Jalisco, Morelos, Puebla y Yucatán: revisar los avances en materia de registro a la Lista Nominal de Electores Residentes en el Extranjero; promoción del VMRE por parte del INE y de los OPL; la modificación a los «Lineamientos para la organización del voto postal de las ciudadanas y los ciudadanos mexicanos residentes en el extranjero para los procesos electorales federal y locales 2017-2018» y la revisión de los elementos del Paquete Electoral Postal.",
    format: "IN_PERSON",
    reportPart: "SECRETARIAT",
    participants: OPL.map((partner) => ({ partner })),
  },
  // 2.1.4 Vinculación institucional.
  {
    id: "seed-meeting-2017-11-07-taller-europa",
    kind: "WORKSHOP",
    on: "2017-11-07",
    subject: "Taller virtual con mexicanos que residen en Europa sobre el VMRE",
    summary:
      "Bajo los auspicios del IME y la Dirección General de Asuntos Consulares de la Cancillería se discutieron el trámite de la credencial para votar, el registro para votar y la emisión del voto. Participaron 29 Embajadas y Consulados de México en Europa, 2 Consulados Honorarios, los Capítulos Suiza, Italia y Noruega de la Red Global MX y 12 asociaciones de mexicanos en Europa (Mexicanos por España, Mexicanas en Madrid, Asociación de Mexicanos en España, Mexicanos en Eslovenia, Asociación «Viva México», AMEX Berna y Vaud/Neuchatel, entre otras).",
    format: "ONLINE",
    reportPart: "INSTITUTIONAL",
    participants: [{ partner: SRE }],
  },
  {
    id: "seed-meeting-2017-11-10-segob",
    kind: "COUNCIL_SESSION",
    on: "2017-11-10",
    subject: "Tercera Sesión Ordinaria del Consejo Consultivo de Política Migratoria (SEGOB)",
    summary:
      "Se presentó el proyecto del VMRE ante el Consejo, que aglutina a las secretarías e instancias del gobierno federal, órganos constitucionalmente autónomos, organizaciones nacionales e internacionales y académicos. Derivado de la reunión, se enviaron materiales digitales que fueron distribuidos entre las instituciones para su difusión.",
    format: "IN_PERSON",
    reportPart: "INSTITUTIONAL",
    participants: [{ partner: "SEGOB – Consejo Consultivo de Política Migratoria" }],
  },
  {
    id: IMUMI_MEETING_ID,
    kind: "WORKING_MEETING",
    on: "2017-11-30",
    subject: "Reunión con el Instituto para las Mujeres en la Migración (IMUMI)",
    summary: "Reunión para explorar acciones de apoyo en la promoción del voto extraterritorial.",
    format: "IN_PERSON",
    reportPart: "INSTITUTIONAL",
    participants: [{ partner: "Instituto para las Mujeres en la Migración, AC" }],
  },
  // December: the session that approved the November report.
  {
    id: SESSION_DECEMBER_ID,
    kind: "COMMISSION_SESSION",
    on: "2017-12-21",
    subject: "Tercera Sesión Extraordinaria de la Comisión Temporal del Voto de los Mexicanos Residentes en el Extranjero",
    format: "IN_PERSON",
    reportPart: "SECRETARIAT",
    participants: [{ area: "DERFE" }],
  },
];

export const AGREEMENT_JURY = "INE/CVMRE-04SO";
export const AGREEMENT_REPORT_APPROVAL = "INE/CVMRE-03SE";

export const SEED_AGREEMENTS: SeedAgreement[] = [
  {
    number: AGREEMENT_JURY,
    adoptedOn: "2017-11-15",
    title:
      "Acuerdo de la Comisión Temporal del Voto de los Mexicanos Residentes en el Extranjero del Consejo General del Instituto Nacional Electoral, por el que se designa a los tres especialistas que integran el jurado dictaminador responsable de evaluar los proyectos y dictaminar los ganadores del Concurso para la promoción del voto de las y los mexicanos residentes en el extranjero, dirigido a las organizaciones de la sociedad civil en los estados unidos de américa, y se aprueba su instalación, en cumplimiento del punto tercero del acuerdo INE/CG438/2017.",
    ownerArea: "VMRE_OFFICE",
    vote: null,
    meetingId: SESSION_NOVEMBER_ID,
  },
  {
    number: "INE/CVMRE-05SO",
    adoptedOn: "2017-11-15",
    title:
      "Acuerdo de la Comisión Temporal del Voto de los Mexicanos Residentes en el Extranjero del Consejo General del Instituto Nacional Electoral, por el que se modifica el anexo 21 del Reglamento de Elecciones del Instituto Nacional Electoral, relativo a los «Lineamientos para la organización del voto postal de las ciudadanas y los ciudadanos mexicanos residentes en el extranjero para los procesos electorales federal y locales 2017-2018».",
    ownerArea: "DEOE",
    vote: null,
    meetingId: SESSION_NOVEMBER_ID,
  },
  {
    number: AGREEMENT_REPORT_APPROVAL,
    adoptedOn: "2017-12-21",
    title:
      "La Comisión Temporal del Voto de los Mexicanos Residentes en el Extranjero aprueba el Informe de avances del Voto de las y los Mexicanos Residentes en el Extranjero, para su presentación en la próxima sesión del Consejo General.",
    ownerArea: "DERFE",
    vote: "Aprobado por unanimidad de la Consejera y los Consejeros Electorales: Lic. Enrique Andrade González, Presidente de la Comisión; Mtro. Marco Antonio Baños Martínez; Dr. Benito Nacif Hernández.",
    meetingId: SESSION_DECEMBER_ID,
  },
];

const day = (on: string) => new Date(`${on}T00:00:00.000Z`);

export async function seedMeetings(): Promise<string> {
  const coordinator = await db.user.findUnique({ where: { email: "coordinacion@alcance.test" }, select: { id: true } });
  const names = [...new Set(SEED_MEETINGS.flatMap((m) => m.participants.flatMap((p) => ("partner" in p ? [p.partner] : []))))];
  const partners = new Map((await db.partner.findMany({ where: { name: { in: names } }, select: { id: true, name: true } })).map((p) => [p.name, p.id]));
  let meetings = 0;
  let participants = 0;
  let missing = 0;
  for (const m of SEED_MEETINGS) {
    const exists = await db.meeting.findUnique({ where: { id: m.id }, select: { id: true } });
    if (!exists) {
      await db.meeting.create({
        data: { id: m.id, kind: m.kind, heldOn: day(m.on), subject: m.subject, summary: m.summary, format: m.format, reportPart: m.reportPart, createdById: coordinator?.id ?? null },
      });
      meetings += 1;
    }
    const rows = m.participants.flatMap((p): Array<{ meetingId: string; ineArea?: IneArea; politicalParty?: string; partnerId?: string }> => {
      if ("area" in p) return [{ meetingId: m.id, ineArea: p.area }];
      if ("party" in p) return [{ meetingId: m.id, politicalParty: p.party }];
      const partnerId = partners.get(p.partner);
      if (!partnerId) {
        missing += 1;
        return [];
      }
      return [{ meetingId: m.id, partnerId }];
    });
    participants += (await db.meetingParticipant.createMany({ data: rows, skipDuplicates: true })).count;
  }
  let agreements = 0;
  for (const a of SEED_AGREEMENTS) {
    const exists = await db.commissionAgreement.findUnique({ where: { number: a.number }, select: { id: true } });
    if (exists) continue;
    await db.commissionAgreement.create({
      data: { number: a.number, adoptedOn: day(a.adoptedOn), title: a.title, status: "APPROVED", ownerArea: a.ownerArea, vote: a.vote, meetingId: a.meetingId, createdById: coordinator?.id ?? null },
    });
    agreements += 1;
  }
  // The follow-up agreed at the IMUMI meeting (created by the partners seed) belongs to it.
  await db.followUp.updateMany({ where: { title: "Enviar a IMUMI la propuesta de acciones conjuntas de promoción", meetingId: null }, data: { meetingId: IMUMI_MEETING_ID } });
  return `meetings: ${meetings} created, ${SEED_MEETINGS.length - meetings} already present; ${participants} participants and ${agreements} commission agreements added${missing ? `, ${missing} institutions not found (skipped)` : ""}`;
}
