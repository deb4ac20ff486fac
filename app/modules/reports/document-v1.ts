/**
 * The legacy report (approved versions from before decision 024): their frozen figures have the
 * old shape (sections 2.1–2.9 by topic, no `schema`), so they are read and printed as they were
 * approved, into today's document model. Nothing new is written in this shape.
 */
import { formatDate, formatDateTime, formatInstantDate } from "~/lib/format";
import { countryName, subdivisionName } from "~/modules/geo/regions";
import type { Block, DocumentVersion, ReportDocument, TocEntry } from "./blocks";
import { monthNameEs } from "./month";
import type { MonthlyInputData } from "./schema";
import { compareEs } from "~/lib/collate";

type Totals = { events: number; attendance: number; appointments: number; registrationRequests: number; handedOut: number; signups: number };
type LegacyActivity = { id: string; date: string; kind: string; partner: string; partnerKind: string; summary: string; peopleReached: number | null; itemsDistributed: number | null; bulletinRecipients: number | null };
type LegacyEvent = { id: string; name: string; date: string; kind: string; country: string | null; state: string | null; city: string | null; attendance: number; appointments: number; registrationRequests: number; handedOut: number; signups: number };
type LegacyFunnel = { received: number; inReview: number; corrections: number; registered: number; notRegistered: number; withdrawn: number; pending: number; awaitingReview?: number; underReview?: number; awaitingCorrections?: number };
type LegacySplit = { eventsAbroad: number; eventsMexico: number; eventsNoCountry: number; partners: number; foreignServicePosts: number; total: number };
type LegacyInput = MonthlyInputData;

/** The frozen figures of a version approved before decision 024. */
export type LegacyFigures = {
  month: string;
  timeZone: string;
  secretariat: { activities: LegacyActivity[]; meetings: number; workshops: number; institutions: number; jurySessions: Array<{ kind: string; heldAt: string; contest: string }> };
  promotion: { events: Totals; materials: { totals: LegacySplit; byMaterial: Array<{ code: string; name: string; eventsAbroad: number; eventsMexico: number; partners: number; foreignServicePosts: number; total: number }> } };
  partners: { activities: LegacyActivity[]; institutions: number; itemsDistributed: number; bulletinRecipients: number };
  community: { events: LegacyEvent[]; totals: Totals };
  education: { activities: LegacyActivity[]; eventsInMexico: LegacyEvent[]; totals: Totals };
  contest: Array<{ id: string; name: string; funnel: LegacyFunnel; receivedInMonth: number; jurors: number; sessions: Array<{ kind: string; heldAt: string }> }>;
  bulletins: { bulletins: Array<{ id: string; name: string; subject: string; startedAt: string; recipients: number; sent: number; failed: number }>; count: number; recipients: number; sent: number; failed: number; distinctContacts: number };
  input: LegacyInput | null;
};

/** Figures frozen before decision 024 have no `schema`. */
export function isLegacyFigures(f: unknown): f is LegacyFigures {
  return !!f && typeof f === "object" && !("schema" in f) && "promotion" in f;
}

type ReportSection = "presentation" | "secretariat" | "promotion" | "partners" | "community" | "education" | "contest" | "digital" | "media" | "enquiries";
type Narratives = Partial<Record<string, unknown>>;

export type LegacyDocumentInput = DocumentVersion & {
  narratives: Narratives;
  figures: LegacyFigures;
};

const nf = new Intl.NumberFormat("es-MX");
export const n = (v: number | null | undefined) => nf.format(v ?? 0);
/** "1 evento" / "2 eventos". */
const pl = (v: number, one: string, many: string) => `${n(v)} ${v === 1 ? one : many}`;
const pct = (v: number) => `${new Intl.NumberFormat("es-MX", { maximumFractionDigits: 2 }).format(v)} %`;
const countryLabel = (code: string | null) => (code ? countryName(code, "es-MX") : "en línea");
const dayMonth = (date: string) => {
  const [, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} de ${monthNameEs(`2000-${String(m).padStart(2, "0")}`).split(" ")[0]}`;
};
const place = (e: { city: string | null; state: string | null; country: string | null }) =>
  [e.city, e.state ? subdivisionName(e.state) : null, countryLabel(e.country)].filter(Boolean).join(", ");

const SECTION_TITLES: Record<ReportSection, string> = {
  presentation: "Presentación",
  secretariat: "Secretaría Técnica y reuniones de trabajo",
  promotion: "Actividades de promoción para el registro",
  partners: "Vinculación institucional",
  community: "Vinculación con la comunidad en el extranjero",
  education: "Vinculación con instancias educativas",
  contest: "Concurso para la Promoción del Voto",
  digital: "Estrategia digital y boletines electrónicos",
  media: "Monitoreo de medios",
  enquiries: "Atención ciudadana",
};

const ACTIVITY_KINDS: Record<string, string> = {
  MEETING: "Reunión",
  WORKSHOP: "Taller",
  MATERIALS_DELIVERED: "Envío de materiales",
  JOINT_EVENT: "Evento conjunto",
  PARTNER_BULLETIN: "Boletín de la institución",
  MEDIA: "Acción en medios",
  OTHER: "Otra",
};
const SESSION_KINDS: Record<string, string> = { INSTALLATION: "Sesión de instalación", DELIBERATION: "Sesión de deliberación", RESULTS: "Sesión de resultados" };

/** Which columns hold a calendar date or an instant: the document prints them, the CSV keeps ISO. */
export type AnnexDateKind = "date" | "instant";
type Annex = { id: string; title: string; headers: string[]; rows: Array<Array<string | number | null>>; dates: Record<number, AnnexDateKind> };

/** The tables behind the sections (raw values: the CSV export writes these). */
export function legacyAnnexTables(f: LegacyFigures): Annex[] {
  const activities = [...f.secretariat.activities, ...f.partners.activities, ...f.education.activities].sort((a, b) => a.date.localeCompare(b.date) || compareEs(a.partner, b.partner));
  const allEvents = [...f.community.events, ...f.education.eventsInMexico].sort((a, b) => a.date.localeCompare(b.date));
  return [
    {
      id: "events",
      title: "Eventos del mes y sus resultados",
      headers: ["Fecha", "Evento", "Lugar", "Asistencia", "Citas para credencialización", "Solicitudes de registro", "Materiales entregados", "Registros en kiosco"],
      rows: allEvents.map((e) => [e.date, e.name, place(e), e.attendance, e.appointments, e.registrationRequests, e.handedOut, e.signups]),
      dates: { 0: "date" },
    },
    {
      id: "materials",
      title: "Materiales distribuidos",
      headers: ["Clave", "Material", "Eventos en el extranjero", "Eventos en México", "Instituciones aliadas", "Representaciones en el exterior", "Total"],
      rows: f.promotion.materials.byMaterial.map((m) => [m.code, m.name, m.eventsAbroad, m.eventsMexico, m.partners, m.foreignServicePosts, m.total]),
      dates: {},
    },
    {
      id: "activities",
      title: "Actividades con instituciones aliadas",
      headers: ["Fecha", "Institución", "Tipo", "Actividad", "Personas alcanzadas", "Materiales", "Destinatarios de boletín"],
      rows: activities.map((a) => [a.date, a.partner, ACTIVITY_KINDS[a.kind] ?? a.kind, a.summary, a.peopleReached, a.itemsDistributed, a.bulletinRecipients]),
      dates: { 0: "date" },
    },
    {
      id: "contest",
      title: "Concurso: proyectos al cierre del mes",
      headers: ["Concurso", "Recibidos", "Revisados", "Con subsane", "Registrados", "No registrados", "Retirados", "Pendientes", "Jurado"],
      rows: f.contest.map((c) => [c.name, c.funnel.received, c.funnel.inReview, c.funnel.corrections, c.funnel.registered, c.funnel.notRegistered, c.funnel.withdrawn, c.funnel.pending, c.jurors]),
      dates: {},
    },
    {
      id: "bulletins",
      title: "Boletines electrónicos enviados",
      headers: ["Inicio del envío", "Boletín", "Asunto", "Destinatarios", "Enviados", "Fallidos"],
      rows: f.bulletins.bulletins.map((b) => [b.startedAt, b.name, b.subject, b.recipients, b.sent, b.failed]),
      dates: { 0: "instant" },
    },
  ];
}

type FunnelFigures = LegacyFunnel;

/**
 * The contest funnel in words: the total and every part of it (each project is in exactly one, so
 * they add up to the total — a withdrawn project is not left out), then the stage counts, which
 * overlap the parts and are said apart. Reports approved before the in-process split (frozen
 * figures without awaitingReview) show the in-process total alone.
 */
function funnelSentence(f: FunnelFigures, receivedInMonth: number): string {
  const v = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;
  const split =
    typeof f.awaitingReview === "number"
      ? ` (${n(f.awaitingReview)} sin revisar aún, ${n(f.underReview)} en revisión y ${n(f.awaitingCorrections)} en espera de subsane)`
      : "";
  const parts = [
    `${v(f.registered, "quedó debidamente registrado", "quedaron debidamente registrados")} al cumplir con la totalidad de los requisitos`,
    v(f.notRegistered, "no fue registrado", "no fueron registrados"),
    v(f.withdrawn, "fue retirado por su organización", "fueron retirados por sus organizaciones"),
  ];
  const inProcess = `${v(f.pending, "sigue en proceso", "siguen en proceso")}${split}`;
  return `con corte al cierre del mes se han recibido ${n(f.received)} proyectos (${n(receivedInMonth)} durante el mes): ${parts.join(", ")} y ${inProcess}. A lo largo de la revisión, ${v(f.corrections, "requirió subsane", "requirieron subsane")}.`;
}


/** A date cell as the reader sees it elsewhere: a calendar date as a date, an instant in the office's zone, named. */
function annexDate(value: string, kind: AnnexDateKind | undefined, zone: string): string {
  if (kind === "date") return formatDate(value, "es");
  if (kind === "instant") return formatDateTime(value, "es", zone, { zoneName: true });
  return value;
}

function activityLine(a: LegacyActivity): string {
  const reach = [
    a.peopleReached ? `${n(a.peopleReached)} personas` : null,
    a.itemsDistributed ? `${n(a.itemsDistributed)} materiales` : null,
    a.bulletinRecipients ? `${n(a.bulletinRecipients)} destinatarios` : null,
  ].filter(Boolean);
  return `${dayMonth(a.date)} — ${a.partner}: ${a.summary}${reach.length ? ` (${reach.join("; ")})` : ""}`;
}

function narrativeBlocks(value: unknown): Block[] {
  const text = typeof value === "string" ? value : value && typeof value === "object" && typeof (value as { text?: unknown }).text === "string" ? (value as { text: string }).text : "";
  if (!text) return [];
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: "paragraph" as const, text: p, narrative: true }));
}

/** Builds the document. */
export function buildLegacyDocument(input: LegacyDocumentInput): ReportDocument {
  const { figures: f, narratives } = input;
  const monthLabel = monthNameEs(input.month);
  const blocks: Block[] = [];
  const section = (key: ReportSection, number: string, level: 1 | 2 = 2) => blocks.push({ type: "heading", level, number, text: SECTION_TITLES[key], id: key });
  const para = (text: string) => blocks.push({ type: "paragraph", text });
  const bullets = (items: string[]) => items.length && blocks.push({ type: "bullets", items });
  const narrative = (key: ReportSection) => blocks.push(...narrativeBlocks(narratives[key]));

  section("presentation", "1", 1);
  para(`Se presenta este informe que da cuenta de las actividades realizadas en el marco del proyecto del Voto de los Mexicanos Residentes en el Extranjero (VMRE) durante el mes de ${monthLabel}. Las cifras se obtienen de los registros de Alcance al cierre del mes (zona horaria ${f.timeZone}).`);
  narrative("presentation");

  blocks.push({ type: "heading", level: 1, number: "2", text: "Avances generados", id: "advances" });

  section("secretariat", "2.1");
  const s = f.secretariat;
  para(`Durante el mes se llevaron a cabo ${pl(s.meetings, "reunión", "reuniones")} de trabajo y ${pl(s.workshops, "taller", "talleres")} con ${pl(s.institutions, "institución", "instituciones")} (Organismos Públicos Locales y órganos desconcentrados del Instituto), con ${pl(s.activities.length, "actividad registrada", "actividades registradas")}.`);
  bullets(s.activities.map(activityLine));
  bullets(s.jurySessions.map((j) => `${dayMonth(j.heldAt.slice(0, 10))} — ${SESSION_KINDS[j.kind] ?? j.kind} del Jurado Dictaminador (${j.contest}).`));
  narrative("secretariat");

  section("promotion", "2.2");
  const p = f.promotion;
  para(`Se participó en ${pl(p.events.events, "evento", "eventos")}, con una asistencia estimada de ${n(p.events.attendance)} personas; se lograron ${n(p.events.appointments)} citas para credencialización y ${n(p.events.registrationRequests)} solicitudes de registro a la Lista Nominal de Electores Residentes en el Extranjero.`);
  para(`Distribución de materiales impresos: a eventos de vinculación en el extranjero ${n(p.materials.totals.eventsAbroad)} materiales; a eventos de vinculación en territorio nacional ${n(p.materials.totals.eventsMexico)}; a eventos en línea o sin país ${n(p.materials.totals.eventsNoCountry)}; a instituciones aliadas ${n(p.materials.totals.partners)}; a representaciones de México en el exterior ${n(p.materials.totals.foreignServicePosts)}. La suma total fue de ${n(p.materials.totals.total)} materiales (Anexo 2).`);
  narrative("promotion");

  section("partners", "2.3");
  const pa = f.partners;
  para(`Se ${pa.activities.length === 1 ? "registró" : "registraron"} ${pl(pa.activities.length, "actividad", "actividades")} de vinculación con ${pl(pa.institutions, "institución aliada", "instituciones aliadas")}, con ${n(pa.itemsDistributed)} materiales distribuidos por su conducto y ${n(pa.bulletinRecipients)} destinatarios de boletines enviados por ellas (Anexo 3).`);
  bullets(pa.activities.map(activityLine));
  narrative("partners");

  section("community", "2.4");
  const c = f.community;
  para(`Se participó en ${pl(c.totals.events, "evento", "eventos")} con la comunidad en el extranjero, con una asistencia estimada de ${n(c.totals.attendance)} personas, ${n(c.totals.appointments)} citas para credencialización y ${n(c.totals.registrationRequests)} solicitudes de registro (Anexo 1).`);
  bullets(
    c.events.map((e) => {
      const outcomes = [
        e.attendance ? `asistencia de ${n(e.attendance)} personas` : null,
        e.handedOut ? `${n(e.handedOut)} materiales entregados` : null,
        `${n(e.appointments)} citas para credencialización`,
        `${n(e.registrationRequests)} solicitudes de registro`,
      ].filter(Boolean);
      return `El ${dayMonth(e.date)}, «${e.name}» (${place(e)}): ${outcomes.join("; ")}.`;
    }),
  );
  narrative("community");

  section("education", "2.5");
  const ed = f.education;
  para(`Se registraron ${pl(ed.activities.length, "actividad", "actividades")} con instituciones educativas y ${pl(ed.totals.events, "evento", "eventos")} en territorio nacional, con una asistencia estimada de ${n(ed.totals.attendance)} personas.`);
  bullets(ed.activities.map(activityLine));
  bullets(ed.eventsInMexico.map((e) => `El ${dayMonth(e.date)}, «${e.name}» (${place(e)})${e.attendance ? `: asistencia de alrededor de ${n(e.attendance)} personas` : ""}.`));
  narrative("education");

  section("contest", "2.6");
  if (f.contest.length === 0) para("No hubo un concurso en curso durante el mes.");
  for (const ct of f.contest) {
    para(`${ct.name}: ${funnelSentence(ct.funnel, ct.receivedInMonth)} El Jurado Dictaminador está integrado por ${n(ct.jurors)} especialistas.`);
    bullets(ct.sessions.map((j) => `${dayMonth(j.heldAt.slice(0, 10))} — ${SESSION_KINDS[j.kind] ?? j.kind} del Jurado Dictaminador.`));
  }
  narrative("contest");

  const i = f.input;
  section("digital", "2.7");
  if (i) {
    para(`En redes sociales se realizaron ${n(i.facebookPosts)} publicaciones en Facebook, con ${n(i.facebookImpressions)} impresiones; la comunidad cerró con ${n(i.facebookFollowers)} seguidores. En Twitter se hicieron ${n(i.twitterPosts)} publicaciones, que recibieron ${n(i.twitterRetweets)} retweets, ${n(i.twitterLikes)} me gusta y ${n(i.twitterComments)} comentarios; cerró con ${n(i.twitterFollowers)} seguidores.`);
    para(`El micrositio del VMRE recibió ${n(i.micrositeVisits)} visitas desde ${n(i.micrositeCountries)} países.`);
  } else para("Cifras de redes sociales y micrositio: pendientes de captura para este mes.");
  const b = f.bulletins;
  para(`Se ${b.count === 1 ? "envió" : "enviaron"} ${pl(b.count, "boletín electrónico", "boletines electrónicos")} a ${pl(b.distinctContacts, "contacto", "contactos")} de la base de datos del VMRE (${n(b.sent)} envíos entregados al servidor de correo, ${n(b.failed)} fallidos; Anexo 5).`);
  narrative("digital");

  section("media", "2.8");
  if (i) {
    const total = i.mediaInternet + i.mediaPrint + i.mediaRadio + i.mediaTv;
    para(`En total fueron ${n(total)} notas: ${n(i.mediaInternet)} en internet, ${n(i.mediaPrint)} en medios impresos, ${n(i.mediaRadio)} en radio y ${n(i.mediaTv)} en televisión. Por su sentido, ${n(i.mediaPositive)} positivas, ${n(i.mediaNeutral)} neutras y ${n(i.mediaNegative)} negativas.`);
  } else para("Monitoreo de medios: pendiente de captura para este mes.");
  narrative("media");

  section("enquiries", "2.9");
  if (i) para(`Se atendieron ${n(i.enquiriesTotal)} consultas ciudadanas sobre el VMRE, de las cuales el ${pct(i.enquiriesUsPercent)} fueron recibidas de Estados Unidos.`);
  else para("Atención ciudadana: pendiente de captura para este mes.");
  narrative("enquiries");

  blocks.push({ type: "heading", level: 1, number: null, text: "Anexos", id: "annexes" });
  legacyAnnexTables(f).forEach((a, index) => {
    blocks.push({
      type: "table",
      id: a.id,
      caption: `Anexo ${index + 1}. ${a.title}`,
      headers: a.headers,
      rows: a.rows.map((r) => r.map((v, column) => (typeof v === "number" ? n(v) : v ? annexDate(v, a.dates[column], f.timeZone) : ""))),
    });
  });

  const status =
    input.state === "APPROVED"
      ? `Versión ${input.version}, aprobada el ${formatInstantDate(input.approvedAt ?? new Date(), "es", f.timeZone, "long")}${input.approvedBy ? ` por ${input.approvedBy}` : ""}`
      : `Versión ${input.version} — BORRADOR`;
  const toc: TocEntry[] = blocks.flatMap((b) => (b.type === "heading" ? [{ id: b.id, number: b.number, text: b.text, level: b.level }] : []));
  return {
    toc,
    annexes: [],
    approval: null,
    title: "Informe de avances del Voto de los Mexicanos Residentes en el Extranjero",
    subtitle: input.institutionName ?? "Oficina de Vinculación Electoral de Mexicanos Residentes en el Extranjero",
    monthLabel: monthLabel.charAt(0).toUpperCase() + monthLabel.slice(1),
    status,
    blocks,
    signature: [
      { role: "Elaboró", name: "Coordinación de vinculación" },
      { role: "Aprobó", name: input.state === "APPROVED" && input.approvedBy ? input.approvedBy : "" },
    ],
  };
}
