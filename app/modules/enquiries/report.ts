/**
 * The report's 2.1.3 «Dirección de Atención Ciudadana» and Anexo 2, in Spanish (the commission's
 * language), from the month's enquiry figures (figures.server.ts) — pure: figures in, blocks out.
 * Worded like the source report (noviembre de 2017):
 * «…se atendieron 648 consultas, en su mayoría vía telefónica, de las cuales el 85.65% fueron
 * recibidas de Estados Unidos, principalmente de los estados de California y Texas, y el 14.35% del
 * resto del mundo entre los que destacan los países: Alemania, Canadá, Francia y México. (Anexo 2)»
 * Also the contest part's sentence on the enquiries organisations made about the contest.
 */
import type { EnquiryChannel } from "~/generated/prisma/enums";
import type { Block } from "~/modules/reports";
import { countryName, subdivisionName } from "~/modules/geo";
import type { EnquiryFigures } from "./figures";

const nf = new Intl.NumberFormat("es-MX");
const n = (v: number) => nf.format(v);
const pf = new Intl.NumberFormat("es-MX", { maximumFractionDigits: 2 });
const pct = (v: number) => `${pf.format(v)}%`;
const pl = (v: number, one: string, many: string) => `${n(v)} ${v === 1 ? one : many}`;
function listEs(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} y ${items[items.length - 1]}`;
}
const share = (v: number, total: number) => (total ? pct(Math.round((v / total) * 10_000) / 100) : "—");

/** How the source says each channel: «en su mayoría vía telefónica». */
export const CHANNEL_PHRASE_ES: Record<EnquiryChannel, string> = {
  PHONE: "vía telefónica",
  EMAIL: "por correo electrónico",
  CHAT: "por chat",
  SOCIAL_MEDIA: "por redes sociales",
  IN_PERSON: "de manera presencial",
  OTHER: "por otros medios",
};
/** The channel's name in the annex tables. */
export const CHANNEL_LABEL_ES: Record<EnquiryChannel, string> = {
  PHONE: "Teléfono (INETEL)",
  EMAIL: "Correo electrónico",
  CHAT: "Chat",
  SOCIAL_MEDIA: "Redes sociales",
  IN_PERSON: "Presencial",
  OTHER: "Otros medios",
};

const stateNames = (codes: string[]) => codes.map((c) => subdivisionName(c, "es"));
const countryNames = (codes: string[]) => codes.map((c) => countryName(c, "es-MX"));

/** 2.1.3: one paragraph, as the source writes it; `annex` is the annex's number («Anexo 2») or null. */
export function enquiriesSectionBlocks(f: EnquiryFigures, opts: { monthName: string; annex: string | null }): Block[] {
  if (f.source === null) return [{ type: "paragraph", text: "Atención ciudadana: cifras pendientes de captura para este mes." }];
  const intro = `Como parte de los servicios que brinda la Dirección de Atención Ciudadana (DAC), a través del Centro de Atención INETEL en el tema VMRE, durante el mes de ${opts.monthName}`;
  const annex = opts.annex ? ` (${opts.annex})` : "";
  if (f.total === 0) return [{ type: "paragraph", text: `${intro} no se registraron consultas.${annex}` }];
  let text = `${intro} se atendieron ${pl(f.total, "consulta", "consultas")}`;
  const main = f.byChannel[0];
  if (main && main.count > 0) text += `, ${main.count * 2 > f.total ? "en su mayoría" : "principalmente"} ${CHANNEL_PHRASE_ES[main.channel]}`;
  const states = stateNames(f.topUsStates);
  const countries = countryNames(f.topCountries);
  const others = countries.length ? ` entre los que destacan ${countries.length === 1 ? "el país" : "los países"}: ${listEs(countries)}` : "";
  if (f.usPercent !== null && f.restPercent !== null) {
    if (f.usPercent === 0) text += `, todas del resto del mundo${others}`;
    else {
      text += `, de las cuales el ${pct(f.usPercent)} fueron recibidas de Estados Unidos`;
      if (states.length) text += `, principalmente ${states.length === 1 ? "del estado de" : "de los estados de"} ${listEs(states)}`;
      if (f.restPercent > 0) text += `, y el ${pct(f.restPercent)} del resto del mundo${others}`;
    }
  } else if (countries.length) text += `; entre los países de origen destacan: ${listEs(countries)}`;
  return [{ type: "paragraph", text: `${text}.${annex}` }];
}

/** Anexo 2: the month's summary, then by channel, by US state, by country and by topic (each table only when there is something to show). */
export function enquiriesAnnexBlocks(f: EnquiryFigures): Block[] {
  if (f.source === null) return [{ type: "pending", text: "Pendiente: cifras de atención ciudadana del mes." }];
  const records = f.source === "records";
  const summary: string[][] = [["Consultas atendidas", n(f.total)]];
  if (f.usPercent !== null && f.restPercent !== null) {
    summary.push(
      ["Recibidas de Estados Unidos", records && f.fromUs !== null ? `${n(f.fromUs)} (${pct(f.usPercent)})` : pct(f.usPercent)],
      ["Recibidas del resto del mundo", records && f.fromUs !== null ? `${n(f.total - f.fromUs)} (${pct(f.restPercent)})` : pct(f.restPercent)],
    );
  }
  const blocks: Block[] = [
    {
      type: "table",
      id: "annex_enquiries",
      caption: `Consultas atendidas por el Centro de Atención INETEL sobre el VMRE${records ? "" : " (totales capturados)"}`,
      headers: ["Concepto", "Cifra"],
      rows: summary,
    },
  ];
  if (f.byChannel.length) {
    const counted = f.byChannel.reduce((s, c) => s + c.count, 0);
    const rows = f.byChannel.map((c) => [CHANNEL_LABEL_ES[c.channel], n(c.count), share(c.count, f.total)]);
    if (counted < f.total) rows.push(["Sin medio informado", n(f.total - counted), share(f.total - counted, f.total)]);
    blocks.push({ type: "table", id: "annex_enquiries_channel", caption: "Consultas por medio de contacto", headers: ["Medio", "Consultas", "% del total"], rows: [...rows, ["Total", n(f.total), "100%"]] });
  }
  if (f.byUsState.length) {
    if (records) {
      const us = f.fromUs ?? 0;
      const listed = f.byUsState.reduce((s, x) => s + (x.count ?? 0), 0);
      const rows = f.byUsState.map((s) => [subdivisionName(s.code, "es"), n(s.count ?? 0), share(s.count ?? 0, us)]);
      if (listed < us) rows.push(["Sin estado informado", n(us - listed), share(us - listed, us)]);
      blocks.push({ type: "table", id: "annex_enquiries_states", caption: "Consultas recibidas de Estados Unidos, por estado", headers: ["Estado", "Consultas", "% de Estados Unidos"], rows: [...rows, ["Total Estados Unidos", n(us), "100%"]] });
    } else blocks.push({ type: "table", id: "annex_enquiries_states", caption: "Estados de Estados Unidos con más consultas", headers: ["Estado"], rows: f.byUsState.map((s) => [subdivisionName(s.code, "es")]) });
  }
  if (f.byCountry.length) {
    if (records) {
      const rest = f.total - (f.fromUs ?? 0);
      const rows = f.byCountry.map((c) => [countryName(c.code, "es-MX"), n(c.count ?? 0), share(c.count ?? 0, rest)]);
      blocks.push({ type: "table", id: "annex_enquiries_countries", caption: "Consultas recibidas del resto del mundo, por país", headers: ["País", "Consultas", "% del resto del mundo"], rows: [...rows, ["Total resto del mundo", n(rest), "100%"]] });
    } else blocks.push({ type: "table", id: "annex_enquiries_countries", caption: "Países (fuera de Estados Unidos) con más consultas", headers: ["País"], rows: f.byCountry.map((c) => [countryName(c.code, "es-MX")]) });
  }
  if (f.byTopic.length) {
    blocks.push({ type: "table", id: "annex_enquiries_topics", caption: "Consultas por tema", headers: ["Tema", "Consultas", "% del total"], rows: [...f.byTopic.map((t) => [t.topic, n(t.count), share(t.count, f.total)]), ["Total", n(f.total), "100%"]] });
  }
  return blocks;
}

/** The month's contest enquiries from organisations, as the contest part counts them. */
export type ContestEnquirySummary = { count: number; organisations: number; topics: string[] };

/** «En relación con el Concurso …, se atendieron 4 consultas de organizaciones de la sociedad civil (3 organizaciones), interesadas en información sobre requisitos y fechas.» — null with none. */
export function contestEnquiriesSentence(contestName: string, e: ContestEnquirySummary | null | undefined): string | null {
  if (!e || e.count <= 0) return null;
  const who = e.count === 1 ? "de una organización de la sociedad civil" : `de organizaciones de la sociedad civil${e.organisations > 1 && e.organisations < e.count ? ` (${pl(e.organisations, "organización", "organizaciones")})` : ""}`;
  const topics = e.topics.map((t) => t.trim().replace(/[.;:,]+$/, "")).filter(Boolean);
  const about = topics.length ? `, ${e.count === 1 ? "interesada" : "interesadas"} en información sobre ${listEs(topics.map((t) => (/^\p{Lu}\p{Ll}/u.test(t) ? t.charAt(0).toLocaleLowerCase("es-MX") + t.slice(1) : t)))}` : "";
  return `En relación con el ${contestName}, se ${e.count === 1 ? "atendió" : "atendieron"} ${pl(e.count, "consulta", "consultas")} ${who}${about}.`;
}
