/**
 * The report as a document (decision 024), in Spanish (the commission's language, whatever the
 * reader's UI language), built by walking the outline in document order: each section is a
 * heading (level = depth, its number, id = the outline key) followed by its content —
 * - COMPUTED sections: the block of the registry named by `computed`, from the month's figures;
 *   staff may rewrite its text ({text, basis}), which replaces the computed paragraphs (tables
 *   stay); when the figures differ from the basis the rewrite was made on, the heading says review;
 * - NARRATIVE / CONTRIBUTED sections: their text; empty and with nothing under them, a «Pendiente»
 *   note (the heading stays).
 * Then the annex list, and the approval line as the source prints it. The page, the print view
 * (PDF) and the DOCX all render this one model (blocks.ts).
 */
import { formatInstantDate } from "~/lib/format";
import { zonedDate } from "~/lib/time";
import { countryName, subdivisionName } from "~/modules/geo/regions";
// 2.1.3, Anexo 2 and the contest part's enquiries: worded by the enquiries module (decision 025).
import { contestEnquiriesSentence, enquiriesAnnexBlocks, enquiriesSectionBlocks } from "~/modules/enquiries/report";
import type { Block, DocumentVersion, HeadingBlock, ReportDocument, TocEntry } from "./blocks";
// Communications (decision 025): the text of 2.1.4's social accounts and microsite, 2.5's accounts and media log.
import { cncsSocialBlocks, digitalBlocks, mediaBlocks } from "~/modules/communications/report";
import { basisKey, communicationsOf, figuresJson, institutionName, reportEnquiryFigures, type ActivityItem, type EventItem, type FiguresJson, type Institution, type MeetingItem, type PartRecords, type ReportFigures } from "./figures.server";
import { monthNameEs } from "./month";
import type { OutlineNode } from "./outline.server";
// issue 17 (contrib-tables): a section's tables and an annex's attached files.
import { formatRowsEs } from "./tables";
import { contributionsOf, type MonthContributions } from "./tables.server";

export type { Block, ReportDocument } from "./blocks";

/** A section's stored text: a rewrite of a computed section keeps the figures it was written on. */
export type NarrativeEntry = { text: string; basis: Record<string, number> | null };
/** Per outline key; a plain string is a text saved before decision 024 (read as it was: added after the figures). */
export type Narratives = Record<string, string | NarrativeEntry>;

export type ApprovalAgreement = { number: string; adoptedOn: string; title: string; vote: string | null };

export type DocumentInput = DocumentVersion & {
  narratives: Narratives;
  figures: ReportFigures;
  outline: OutlineNode[];
  approval: ApprovalAgreement | null;
};

/** What the report page shows beside each section: its state, the computed text and figures, the review flag. */
export type SectionView = {
  key: string;
  number: string | null;
  title: string;
  kind: OutlineNode["kind"];
  computed: string | null;
  /** computed: figures as computed; rewritten: staff's text replaces them; written: a narrative/contributed text; pending: waiting for its text; parent: its content is in its subsections. */
  state: "computed" | "rewritten" | "written" | "pending" | "parent";
  review: boolean;
  /** The computed text (paragraphs and list items), shown beside a rewrite. */
  computedText: string[];
  /** The section's figures now, and the ones a rewrite was made on. */
  figures: Record<string, number> | null;
  basis: Record<string, number> | null;
  /** The stored text (what the editor opens with). */
  text: string;
  /** issue 17 (contrib-tables): what the section holds besides its text (NARRATIVE/CONTRIBUTED sections). */
  extras?: SectionExtrasSummary;
};

/** A section's tables and attachments (counted) and key figures (with the previous month's value when it has one). */
export type SectionExtrasSummary = {
  tables: number;
  attachments: number;
  keyFigures: Array<{ key: string; label: string; value: number; unit: string | null; previous: number | null }>;
};

// ── Spanish formatting ───────────────────────────────────────────────────────────────────────────

const nf = new Intl.NumberFormat("es-MX");
export const n = (v: number | null | undefined) => nf.format(v ?? 0);
const pl = (v: number, one: string, many: string) => `${n(v)} ${v === 1 ? one : many}`;
const MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
const ymd = (date: string) => date.split("-").map(Number) as [number, number, number];
/** "2017-11-19" → "19 de noviembre". */
export const dayMonth = (date: string) => {
  const [, m, d] = ymd(date);
  return `${d} de ${MONTHS[m - 1]}`;
};
/** ["2017-11-03", "2017-11-06"] → "3 y 6 de noviembre" (one month) or "30 de octubre y 2 de noviembre". */
function dayList(dates: string[]): string {
  const months = new Set(dates.map((d) => d.slice(0, 7)));
  if (months.size === 1) return `${listEs(dates.map((d) => String(ymd(d)[2])))} de ${MONTHS[ymd(dates[0]!)[1] - 1]}`;
  return listEs(dates.map(dayMonth));
}
/** "21/12/2017", as the source writes an agreement's date. */
export const dmy = (date: string) => {
  const [y, m, d] = ymd(date);
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
};
/** "A, B y C". */
export function listEs(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} y ${items[items.length - 1]}`;
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const place = (e: { city: string | null; state: string | null; country: string | null }) =>
  [e.city, e.state ? subdivisionName(e.state) : null, e.country ? countryName(e.country, "es-MX") : null].filter(Boolean).join(", ");

const AREA: Record<string, string> = {
  DERFE: "DERFE",
  DEOE: "DEOE",
  DECEYEC: "DECEyEC",
  UNICOM: "UNICOM",
  CNCS: "CNCS",
  DAC: "Dirección de Atención Ciudadana",
  UTVOPL: "UTVOPL",
  VMRE_OFFICE: "Oficina de Vinculación Electoral de Mexicanos Residentes en el Extranjero",
};
const MEETING_KIND: Record<string, [string, string]> = {
  WORKING_MEETING: ["Reunión de trabajo", "Reuniones de trabajo"],
  WORKSHOP: ["Taller", "Talleres"],
  COMMISSION_SESSION: ["Sesión de la Comisión", "Sesiones de la Comisión"],
  COUNCIL_SESSION: ["Sesión de consejo", "Sesiones de consejo"],
  OTHER: ["Reunión", "Reuniones"],
};
const JURY_SESSION: Record<string, string> = { INSTALLATION: "la Sesión de Instalación del Jurado Dictaminador", DELIBERATION: "una sesión de deliberación del Jurado Dictaminador", RESULTS: "la sesión de resultados del Jurado Dictaminador" };

/** A bulletin's merge tags as a reader sees them without a contact: {{nombre | "amiga, amigo"}} → its fallback, else nothing. */
export function withoutMergeTags(text: string): string {
  const out = text.replace(/\{\{\s*[^{}|]*?\s*(?:\|\s*"([^"{}]*)")?\s*\}\}/g, (_, fallback: string | undefined) => fallback ?? "").replace(/\{\{|\}\}/g, "");
  const tidy = out.replace(/\s+([,.;:])/g, "$1").replace(/^[\s,;:]+/, "").replace(/\s{2,}/g, " ").trim();
  return capital(tidy);
}

const sentence = (s: string) => (/[.:;!?»)]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

function participantsOf(m: MeetingItem): string[] {
  return m.participants.map((p) => (p.type === "partner" ? (p.acronym ?? p.name) : p.type === "area" ? (AREA[p.area] ?? p.area) : p.name));
}

/** An event's institutions not already named by the event's own name. */
function eventInstitutions(e: EventItem): string[] {
  const name = e.name.toLowerCase();
  return e.institutions.filter((i) => !name.includes(i.name.toLowerCase()) && !(i.acronym && name.includes(i.acronym.toLowerCase()))).map(institutionName);
}

// ── Lines: each record once ──────────────────────────────────────────────────────────────────────

type Line = { date: string; text: string; after?: Block[] };

const fold = (s: string) => s.toLocaleLowerCase("es-MX").replace(/[\s.:;,]+$/u, "");

function meetingLines(meetings: MeetingItem[]): Line[] {
  // Repeated meetings (same kind, subject and participants) read as one line with their days, as the source does.
  const groups = new Map<string, MeetingItem[]>();
  for (const m of meetings) {
    const key = m.kind === "COMMISSION_SESSION" || m.agreements.length ? m.id : JSON.stringify([m.kind, m.subject, m.summary, m.format, participantsOf(m)]);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((group) => {
    const m = group[0]!;
    const many = group.length > 1;
    const [one, several] = MEETING_KIND[m.kind] ?? ["Reunión", "Reuniones"];
    const when = many ? `Los días ${dayList(group.map((g) => g.heldOn))}` : `El ${dayMonth(m.heldOn)}`;
    const who = participantsOf(m);
    // A summary that restates the subject is printed instead of it, so the meeting is named once.
    const restates = !!m.summary && fold(m.summary).startsWith(fold(m.subject));
    const parts = [`${when}: ${many ? several : one}${m.format === "ONLINE" ? " virtual" : ""} — ${sentence(restates ? m.summary! : m.subject)}`];
    if (who.length) parts.push(`Participaron: ${listEs(who)}.`);
    if (m.summary && !restates && m.summary !== m.subject) parts.push(sentence(m.summary));
    const line: Line = { date: m.heldOn, text: parts.join(" ") };
    if (m.agreements.length) {
      line.text = `${line.text} Se ${m.agreements.length === 1 ? "aprobó el siguiente Acuerdo" : "aprobaron los siguientes Acuerdos"}:`;
      line.after = [{ type: "bullets", items: m.agreements.map((a) => `${a.number}: ${dmy(a.adoptedOn)}: ${sentence(a.title)}`) }];
    }
    return line;
  });
}

function reach(a: ActivityItem): string {
  const parts = [
    a.peopleReached ? `alcance de ${n(a.peopleReached)} personas` : null,
    a.itemsDistributed ? `${n(a.itemsDistributed)} materiales distribuidos por la institución` : null,
    a.bulletinRecipients ? `${n(a.bulletinRecipients)} destinatarios` : null,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join("; ")})` : "";
}

function activityLines(activities: ActivityItem[]): Line[] {
  return activities.map((a) => ({ date: a.date, text: `${listEs(a.institutions.map(institutionName))}. El ${dayMonth(a.date)}: ${a.summary.trim().replace(/\.$/, "")}${reach(a)}.` }));
}

function eventOutcomes(e: EventItem): string[] {
  return [
    e.attendance ? `${e.online ? "participaron en línea" : "contó con una asistencia de alrededor de"} ${n(e.attendance)} personas` : null,
    e.handedOut ? `se entregaron ${n(e.handedOut)} materiales` : null,
    e.appointments || e.registrationRequests || e.reportPart === "COMMUNITY_ABROAD" ? `se lograron ${pl(e.appointments, "cita", "citas")} para credencialización y ${pl(e.registrationRequests, "solicitud", "solicitudes")} de registro` : null,
  ].filter((x): x is string => !!x);
}

function eventLines(events: EventItem[]): Line[] {
  return events.map((e) => {
    const where = e.online ? "en línea" : `en ${place(e)}`;
    const withWho = eventInstitutions(e);
    const outcomes = eventOutcomes(e);
    const text = `El ${dayMonth(e.date)}, se participó en «${e.name}», ${where}${withWho.length ? `, con ${listEs(withWho)}` : ""}.${outcomes.length ? ` ${capital(outcomes.join("; "))}.` : ""}`;
    return { date: e.date, text };
  });
}

/** A part's records in date order, each once, as bullets (with the blocks that follow a line, e.g. a session's agreements). */
function recordBlocks(records: PartRecords, extra: Line[] = []): Block[] {
  const lines = [...meetingLines(records.meetings), ...eventLines(records.events), ...activityLines(records.activities), ...extra].sort((a, b) => a.date.localeCompare(b.date));
  const out: Block[] = [];
  let items: string[] = [];
  for (const l of lines) {
    items.push(l.text);
    if (l.after) {
      out.push({ type: "bullets", items }, ...l.after);
      items = [];
    }
  }
  if (items.length) out.push({ type: "bullets", items });
  return out;
}

const para = (text: string): Block => ({ type: "paragraph", text });

// ── The computed blocks, by `computed` key ──────────────────────────────────────────────────────

type Ctx = { f: ReportFigures; j: FiguresJson; month: string; monthName: string; annexOf: (computed: string) => string | null };

const COMPUTED: Record<string, (c: Ctx) => Block[]> = {
  presentation: ({ monthName }) => [
    para(
      `A propósito de dar a conocer las actividades realizadas en el marco del proyecto del Voto de los Mexicanos Residentes en el Extranjero (VMRE), y de conformidad con el Plan Integral de Trabajo del VMRE, se presenta este informe que da cuenta de las actividades realizadas durante el mes de ${monthName}.`,
    ),
  ],

  secretariat: ({ f, j, monthName }) => {
    const s = j.secretariat;
    const sessionAgreements = new Set(f.secretariat.meetings.flatMap((m) => m.agreements.map((a) => a.id)));
    const loose = f.secretariat.agreements.filter((a) => !sessionAgreements.has(a.id));
    const blocks: Block[] = [
      para(
        `Durante el mes de ${monthName}, la Secretaría Técnica de la CVMRE llevó a cabo ${pl(s.working_meetings, "reunión de trabajo", "reuniones de trabajo")}, ${pl(s.workshops, "taller", "talleres")} y ${pl(s.commission_sessions, "sesión de la Comisión", "sesiones de la Comisión")}; se ${s.agreements === 1 ? "aprobó" : "aprobaron"} ${pl(s.agreements, "acuerdo", "acuerdos")}. De esta forma, se llevaron a cabo las siguientes actividades:`,
      ),
      ...recordBlocks(f.secretariat),
    ];
    if (loose.length) blocks.push(para("Asimismo, se aprobaron los siguientes Acuerdos:"), { type: "bullets", items: loose.map((a) => `${a.number}: ${dmy(a.adoptedOn)}: ${sentence(a.title)}`) });
    return blocks;
  },

  enquiries: ({ f, monthName, annexOf }) => enquiriesSectionBlocks(reportEnquiryFigures(f), { monthName, annex: annexOf("annex_enquiries") }),

  institutional: ({ f }) => {
    const blocks = recordBlocks(f.institutional);
    return blocks.length ? blocks : [para("Sin actividades de vinculación institucional registradas en el mes.")];
  },

  community_abroad: ({ f, j }) => {
    const c = j.community_abroad;
    const blocks = recordBlocks(f.community_abroad);
    if (c.events || c.online_events)
      blocks.push(
        para(
          `En total, se participó en ${pl(c.events, "evento", "eventos")} con la comunidad en el extranjero${c.online_events ? ` (además de ${pl(c.online_events, "evento", "eventos")} en línea, sin contar su asistencia)` : ""}, con una asistencia estimada de ${n(c.attendance)} personas; se lograron ${pl(c.appointments, "cita", "citas")} para credencialización y ${pl(c.registration_requests, "solicitud", "solicitudes")} de registro.`,
        ),
      );
    return blocks.length ? blocks : [para("Sin actividades con la comunidad en el extranjero registradas en el mes.")];
  },

  contest: ({ f, monthName }) => {
    const blocks: Block[] = [];
    const cut = f.contest.cutoffOn ? `Hasta el ${dayMonth(f.contest.cutoffOn)}` : `Al cierre de ${monthName}`;
    for (const c of f.contest.contests) {
      const k = c.funnel;
      const split = [
        k.awaitingReview ? `${n(k.awaitingReview)} sin revisar aún` : null,
        k.underReview ? `${n(k.underReview)} en revisión` : null,
        k.awaitingCorrections ? `${n(k.awaitingCorrections)} en espera de subsane` : null,
      ].filter((x): x is string => !!x);
      const parts = [
        `${pl(k.registered, "proyecto quedó debidamente registrado", "proyectos quedaron debidamente registrados")} al cumplir con la totalidad de los requisitos`,
        k.notRegistered ? pl(k.notRegistered, "no fue registrado", "no fueron registrados") : null,
        k.withdrawn ? pl(k.withdrawn, "fue retirado por su organización", "fueron retirados por sus organizaciones") : null,
        k.pending ? `${pl(k.pending, "sigue en proceso", "siguen en proceso")}${split.length ? ` (${listEs(split)})` : ""}` : null,
      ].filter((x): x is string => !!x);
      blocks.push(para(`${cut} fueron recibidos ${pl(k.received, "proyecto", "proyectos")} del ${c.name}, de los cuales se realizó la revisión de cumplimiento de requisitos para el registro: ${listEs(parts)}.`));
      if (c.jurors)
        blocks.push(
          para(
            `El Jurado Dictaminador está integrado por ${pl(c.jurors, "especialista", "especialistas")}${c.designation ? `, designados por la CVMRE mediante el Acuerdo ${c.designation.number} del ${dayMonth(c.designation.adoptedOn)}` : ""}.`,
          ),
        );
      if (c.sessions.length) blocks.push({ type: "bullets", items: c.sessions.map((s) => `El ${dayMonth(s.date)}, se llevó a cabo ${JURY_SESSION[s.kind] ?? "una sesión del Jurado Dictaminador"}.`) });
      const asked = contestEnquiriesSentence(c.name, c.enquiries);
      if (asked) blocks.push(para(asked));
    }
    blocks.push(...recordBlocks(f.contest));
    return blocks.length ? blocks : [para("No hubo un concurso en curso durante el mes.")];
  },

  educational: ({ f, j }) => {
    const blocks = recordBlocks(f.educational);
    if (!blocks.length) return [para("Sin actividades con instancias educativas registradas en el mes.")];
    if (j.educational.events > 1) blocks.push(para(`En total, ${pl(j.educational.events, "evento", "eventos")} con instancias educativas, con una asistencia de alrededor de ${n(j.educational.attendance)} personas.`));
    return blocks;
  },

  decentralized: ({ f }) => {
    const blocks = recordBlocks(f.decentralized);
    return blocks.length ? blocks : [para("Sin actividades con los Órganos Desconcentrados registradas en el mes.")];
  },

  digital: ({ f }) => {
    const b = f.digital.bulletins;
    const blocks: Block[] = digitalBlocks(communicationsOf(f), (code) => countryName(code, "es-MX"));
    if (b.count) {
      const list = b.bulletins.map((x) => `«${withoutMergeTags(x.subject)}» (${dayMonth(localDay(x.startedAt, f.timeZone))})`);
      blocks.push(para(`Se ${b.count === 1 ? "envió" : "enviaron"} ${pl(b.count, "boletín electrónico", "boletines electrónicos")} a ${pl(b.distinctContacts, "registro", "registros")} de la base de datos de contactos del VMRE: ${listEs(list)}.`));
    } else blocks.push(para("No se enviaron boletines electrónicos durante el mes."));
    blocks.push(...recordBlocks(f.digital));
    return blocks;
  },

  materials: ({ f }) => {
    const m = f.materials;
    const names = (key: "eventsAbroad" | "eventsMexico") => listEs(m.byMaterial.filter((x) => x[key] > 0).map((x) => x.name));
    const blocks: Block[] = [para("Atendiendo las necesidades de los eventos de vinculación, se destinaron distintos materiales impresos de difusión dependiendo de la sede de cada evento, ya fuera en territorio nacional o en el extranjero:")];
    const line = (label: string, key: "eventsAbroad" | "eventsMexico") =>
      m.totals[key] ? `${label}: se distribuyeron los siguientes materiales: ${names(key)}; la suma total de los materiales fue de ${n(m.totals[key])}.` : `${label}: no se distribuyeron materiales en el mes.`;
    const items = [line("Eventos de vinculación en el extranjero", "eventsAbroad"), line("Eventos de vinculación en territorio nacional", "eventsMexico")];
    if (m.totals.eventsOnline) items.push(`Eventos en línea o sin sede: ${n(m.totals.eventsNoCountry)} materiales.`);
    if (m.totals.partners) items.push(`A instituciones aliadas se enviaron ${n(m.totals.partners)} materiales.`);
    if (m.totals.foreignServicePosts) items.push(`A representaciones de México en el exterior se enviaron ${n(m.totals.foreignServicePosts)} materiales.`);
    blocks.push({ type: "bullets", items });
    if (m.partnerReported.total) {
      const detail = m.partnerReported.items.filter((x) => x.quantity > 0).map((x) => `${x.name}: ${n(x.quantity)}`);
      blocks.push(
        para(
          `Además, las instituciones aliadas informan haber distribuido por su cuenta ${n(m.partnerReported.total)} materiales${detail.length ? ` (${detail.join("; ")})` : ""}: es una cifra reportada por ellas, no incluida en las sumas anteriores.`,
        ),
      );
    }
    return blocks;
  },

  media: ({ f }) => mediaBlocks(communicationsOf(f).media),

  cncs_social: ({ f }) => cncsSocialBlocks(communicationsOf(f)),

  annex_enquiries: ({ f }) => enquiriesAnnexBlocks(reportEnquiryFigures(f)),
};

/** The computed blocks a section key can name (the admin outline editor offers these). */
export const COMPUTED_BLOCKS = Object.keys(COMPUTED);

function localDay(instant: string, zone: string): string {
  return zonedDate(new Date(instant), zone);
}

// ── Narratives ───────────────────────────────────────────────────────────────────────────────────

/** A stored narrative, whatever its age: {text, basis, legacy} (legacy: a plain string from before decision 024). */
export function narrativeOf(narratives: Narratives, key: string): { text: string; basis: Record<string, number> | null; legacy: boolean } | null {
  const v = narratives[key];
  if (typeof v === "string") return v.trim() ? { text: v, basis: null, legacy: true } : null;
  if (v && typeof v === "object" && typeof v.text === "string" && v.text.trim()) return { text: v.text, basis: v.basis ?? null, legacy: false };
  return null;
}

function textBlocks(text: string): Block[] {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: "paragraph" as const, text: p, narrative: true }));
}

function blockText(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.type === "paragraph" ? [b.text] : b.type === "bullets" ? b.items.map((i) => `• ${i}`) : b.type === "pending" ? [b.text] : []));
}

export function sameBasis(a: Record<string, number> | null, b: Record<string, number> | null): boolean {
  if (!a || !b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}

/** The section's figures (its part of figures.json), or null for a section that counts nothing. */
export function sectionFigures(j: FiguresJson, computed: string | null): Record<string, number> | null {
  const key = basisKey(computed);
  return key ? { ...(j[key] as Record<string, number>) } : null;
}

function pendingText(node: OutlineNode): string {
  const who = node.ownerArea ? (AREA[node.ownerArea] ?? node.ownerArea) : null;
  return who ? `Pendiente: la información de ${who} para esta sección.` : "Pendiente: el texto de esta sección.";
}

// ── The document ─────────────────────────────────────────────────────────────────────────────────

export function buildReport(input: DocumentInput): { doc: ReportDocument; sections: SectionView[] } {
  const { figures: f, narratives, outline } = input;
  const monthName = monthNameEs(input.month);
  const j = figuresJson(f);
  const annexNumber = new Map(outline.filter((o) => o.isAnnex && o.computed).map((o) => [o.computed!, o.number]));
  const ctx: Ctx = { f, j, month: input.month, monthName, annexOf: (c) => annexNumber.get(c) ?? null };
  // issue 17 (contrib-tables): the sections' own tables and files, as frozen with the figures.
  const own = contributionBlocks(contributionsOf(f));

  // A section has content when it counts something, has a text, or a subsection does.
  const children = new Map<string | null, OutlineNode[]>();
  for (const o of outline) children.set(o.parentKey, [...(children.get(o.parentKey) ?? []), o]);
  const memo = new Map<string, boolean>();
  const hasContent = (o: OutlineNode): boolean => {
    if (!memo.has(o.key)) memo.set(o.key, (o.kind === "COMPUTED" && !!o.computed && !!COMPUTED[o.computed]) || !!narrativeOf(narratives, o.key) || (o.kind !== "COMPUTED" && own.blocks.has(o.key)) || (children.get(o.key) ?? []).some(hasContent));
    return memo.get(o.key)!;
  };

  const blocks: Block[] = [];
  const toc: TocEntry[] = [];
  const sections: SectionView[] = [];
  for (const node of outline) {
    const heading: HeadingBlock = { type: "heading", level: Math.min(6, Math.max(1, node.depth)) as HeadingBlock["level"], number: node.number, text: node.title, id: node.key };
    const stored = narrativeOf(narratives, node.key);
    const view: SectionView = { key: node.key, number: node.number, title: node.title, kind: node.kind, computed: node.computed, state: "parent", review: false, computedText: [], figures: null, basis: null, text: stored?.text ?? "" };
    let content: Block[] = [];
    const computedFn = node.kind === "COMPUTED" && node.computed ? COMPUTED[node.computed] : undefined;
    if (computedFn) {
      const computed = computedFn(ctx);
      view.computedText = blockText(computed);
      view.figures = sectionFigures(j, node.computed);
      if (stored && !stored.legacy) {
        // The rewrite replaces the computed text; its tables stay.
        content = [...textBlocks(stored.text), ...computed.filter((b) => b.type === "table")];
        view.state = "rewritten";
        view.basis = stored.basis;
        view.review = !sameBasis(stored.basis, view.figures);
      } else {
        content = [...computed, ...(stored ? textBlocks(stored.text) : [])];
        view.state = "computed";
      }
    } else if (stored || own.blocks.has(node.key)) {
      // issue 17 (contrib-tables): the narrative, then the section's tables and attached files.
      content = [...(stored ? textBlocks(stored.text) : []), ...(own.blocks.get(node.key) ?? [])];
      view.state = "written";
    } else if (!(children.get(node.key) ?? []).some(hasContent)) {
      content = [{ type: "pending", text: pendingText(node) }];
      view.state = "pending";
    }
    if (node.kind !== "COMPUTED") view.extras = own.summary(node.key);
    if (view.state === "pending") heading.pending = true;
    if (view.review) heading.review = true;
    blocks.push(heading, ...content);
    toc.push({ id: node.key, number: node.number, text: node.title, level: heading.level });
    sections.push(view);
  }

  const annexes = outline
    .filter((o) => o.isAnnex && o.depth === 2)
    .map((o) => ({ id: o.key, number: o.number ?? "", title: o.title, pending: sections.find((s) => s.key === o.key)?.state === "pending", ...own.annexFiles(o.key) }));
  const approval = input.approval ? { agreement: input.approval.number, adoptedOn: dmy(input.approval.adoptedOn), text: input.approval.title, vote: input.approval.vote } : null;
  const status =
    input.state === "APPROVED"
      ? `Versión ${input.version}, aprobada el ${input.approval ? formatLongDate(input.approval.adoptedOn) : formatInstantDate(input.approvedAt ?? new Date(), "es", f.timeZone, "long")}${input.approval ? ` mediante el Acuerdo ${input.approval.number}` : input.approvedBy ? ` por ${input.approvedBy}` : ""}`
      : `Versión ${input.version} — BORRADOR`;
  const doc: ReportDocument = {
    title: "Informe de avances del Voto de los Mexicanos Residentes en el Extranjero",
    subtitle: input.institutionName ?? "Oficina de Vinculación Electoral de Mexicanos Residentes en el Extranjero",
    monthLabel: capital(monthName),
    status,
    blocks,
    toc,
    annexes,
    approval,
    signature: [
      { role: "Elaboró", name: "Coordinación de vinculación" },
      { role: "Aprobó", name: input.state === "APPROVED" && input.approvedBy ? input.approvedBy : "" },
    ],
  };
  return { doc, sections };
}

// ── issue 17 (contrib-tables): a section's tables and attached files ─────────────────────────────

const FILE_KIND: Record<string, string> = { "application/pdf": "PDF", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX" };

/** Per section key: its tables as `table` blocks (cells in es-MX) and its attached files as a list; the summaries the page shows. */
function contributionBlocks(c: MonthContributions) {
  const blocks = new Map<string, Block[]>();
  const add = (key: string, b: Block) => blocks.set(key, [...(blocks.get(key) ?? []), b]);
  for (const t of c.tables) add(t.sectionKey, { type: "table", id: `t-${t.id}`, caption: t.title, headers: t.columns.map((col) => col.name), rows: formatRowsEs(t) });
  const files = new Map<string, MonthContributions["attachments"]>();
  for (const a of c.attachments) files.set(a.sectionKey, [...(files.get(a.sectionKey) ?? []), a]);
  for (const [key, list] of files) {
    add(key, { type: "paragraph", text: list.length === 1 ? "Archivo adjunto a este anexo (se entrega con el informe):" : "Archivos adjuntos a este anexo (se entregan con el informe):" });
    add(key, { type: "bullets", items: list.map((a) => `${a.title} (${a.fileName}, ${FILE_KIND[a.mediaType] ?? a.mediaType})`) });
  }
  const previous = new Map(c.previousKeyFigures.map((k) => [`${k.sectionKey}\u0000${k.key}`, k.value]));
  return {
    blocks,
    summary: (key: string): SectionExtrasSummary => ({
      tables: c.tables.filter((t) => t.sectionKey === key).length,
      attachments: files.get(key)?.length ?? 0,
      keyFigures: c.keyFigures.filter((k) => k.sectionKey === key).map((k) => ({ key: k.key, label: k.label, value: k.value, unit: k.unit, previous: previous.get(`${k.sectionKey}\u0000${k.key}`) ?? null })),
    }),
    annexFiles: (key: string): { attachments?: Array<{ title: string; fileName: string; mediaType: string }> } => {
      const list = files.get(key);
      return list?.length ? { attachments: list.map((a) => ({ title: a.title, fileName: a.fileName, mediaType: a.mediaType })) } : {};
    },
  };
}

function formatLongDate(date: string): string {
  const [y] = ymd(date);
  return `${dayMonth(date)} de ${y}`;
}

/** Builds the document. */
export function buildReportDocument(input: DocumentInput): ReportDocument {
  return buildReport(input).doc;
}

// ── Annex tables (CSV) ──────────────────────────────────────────────────────────────────────────

/** Which columns hold a calendar date or an instant: CSV keeps machine forms. */
export type AnnexDateKind = "date" | "instant";
export type Annex = { id: string; title: string; headers: string[]; rows: Array<Array<string | number | null>>; dates: Record<number, AnnexDateKind> };

const PART_ES: Record<string, string> = {
  SECRETARIAT: "Secretaría Técnica",
  INSTITUTIONAL: "Vinculación institucional",
  COMMUNITY_ABROAD: "Comunidad en el extranjero",
  CONTEST: "Concurso",
  EDUCATIONAL: "Instancias educativas",
  DECENTRALIZED: "Órganos desconcentrados",
  DIGITAL: "Estrategia digital",
  NOT_REPORTED: "No se informa",
};
const ACTIVITY_KINDS: Record<string, string> = { MATERIALS_DELIVERED: "Envío de materiales", JOINT_EVENT: "Evento conjunto", PARTNER_BULLETIN: "Boletín de la institución", MEDIA: "Acción en medios", OTHER: "Otra" };

/** The month's records behind the sections, as tables with raw values (the CSV annexes: /reports/<month>/annex/<id>.csv). */
export function annexTables(f: ReportFigures): Annex[] {
  return [
    {
      id: "events",
      title: "Eventos del mes y sus resultados",
      headers: ["Fecha", "Evento", "Lugar", "Apartado del informe", "Asistencia", "Citas para credencialización", "Solicitudes de registro", "Materiales entregados", "Registros en kiosco"],
      rows: f.all.events.map((e) => [e.date, e.name, e.online ? "En línea" : place(e), PART_ES[e.reportPart] ?? e.reportPart, e.attendance, e.appointments, e.registrationRequests, e.handedOut, e.signups]),
      dates: { 0: "date" },
    },
    {
      id: "materials",
      title: "Materiales distribuidos",
      headers: ["Clave", "Material", "Eventos en el extranjero", "Eventos en México", "Eventos en línea", "Instituciones aliadas", "Representaciones en el exterior", "Total"],
      rows: f.materials.byMaterial.map((m) => [m.code, m.name, m.eventsAbroad, m.eventsMexico, m.eventsOnline, m.partners, m.foreignServicePosts, m.total]),
      dates: {},
    },
    {
      id: "activities",
      title: "Actividades con instituciones aliadas",
      headers: ["Fecha", "Instituciones", "Tipo", "Apartado del informe", "Actividad", "Personas alcanzadas", "Materiales distribuidos por la institución", "Destinatarios de boletín"],
      rows: f.all.activities.map((a) => [a.date, a.institutions.map(institutionName).join("; "), ACTIVITY_KINDS[a.kind] ?? a.kind, PART_ES[a.reportPart] ?? a.reportPart, a.summary, a.peopleReached, a.itemsDistributed, a.bulletinRecipients]),
      dates: { 0: "date" },
    },
    {
      id: "meetings",
      title: "Reuniones, talleres y sesiones",
      headers: ["Fecha", "Tipo", "Modalidad", "Apartado del informe", "Asunto", "Participantes", "Acuerdos"],
      rows: f.all.meetings.map((m) => [m.heldOn, MEETING_KIND[m.kind]?.[0] ?? m.kind, m.format === "ONLINE" ? "Virtual" : "Presencial", PART_ES[m.reportPart] ?? m.reportPart, m.subject, participantsOf(m).join("; "), m.agreements.map((a) => a.number).join("; ")]),
      dates: { 0: "date" },
    },
    {
      id: "contest",
      title: "Concurso: proyectos al corte",
      headers: ["Concurso", "Recibidos", "Registrados", "No registrados", "Retirados", "En proceso", "Jurado"],
      rows: f.contest.contests.map((c) => [c.name, c.funnel.received, c.funnel.registered, c.funnel.notRegistered, c.funnel.withdrawn, c.funnel.pending, c.jurors]),
      dates: {},
    },
    {
      id: "bulletins",
      title: "Boletines electrónicos enviados",
      headers: ["Inicio del envío", "Boletín", "Asunto", "Destinatarios", "Enviados", "Fallidos"],
      rows: f.digital.bulletins.bulletins.map((b) => [b.startedAt, b.name, b.subject, b.recipients, b.sent, b.failed]),
      dates: { 0: "instant" },
    },
  ];
}

export const ANNEX_IDS = ["events", "materials", "activities", "meetings", "contest", "bulletins"] as const;

export type { EventItem, Institution };
