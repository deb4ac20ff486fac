/**
 * The report's communications text, in Spanish, from the month's figures (pure: figures → blocks).
 * Worded as the source report («Informe de avances», noviembre de 2017) words them:
 * - 2.1.4 «En el marco de la Estrategia Digital»: the programme's (VMRE office) accounts, Facebook
 *   first, then the microsite (`digitalBlocks`); the bulletins sentence stays with the report;
 * - 2.5 CNCS «Redes sociales»: the CNCS's accounts, Twitter first (`cncsSocialBlocks`);
 * - 2.5 «Monitoreo de medios»: the monitoring log's counts and shares (`mediaBlocks`).
 * A figure the month does not have (null) is left out of the sentence, never printed as 0.
 */
import type { Block } from "~/modules/reports";
import type { AccountMonth, CommunicationsFigures, MediaFigures, MediaMedium, MicrositeFigures, Network } from "./shapes";

const nf = new Intl.NumberFormat("es-MX");
const n = (v: number) => nf.format(v);
const pl = (v: number, one: string, many: string) => `${n(v)} ${v === 1 ? one : many}`;
const para = (text: string): Block => ({ type: "paragraph", text });
function listEs(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} y ${items[items.length - 1]}`;
}
const present = (v: number | null): v is number => v !== null;

const NETWORK_ES: Record<Network, string> = { FACEBOOK: "Facebook", TWITTER: "Twitter", INSTAGRAM: "Instagram", YOUTUBE: "YouTube", TIKTOK: "TikTok", OTHER: "" };

/** The network's name; the handle too when the area has two accounts on the same network. */
function accountLabel(a: AccountMonth, all: AccountMonth[]): string {
  const name = NETWORK_ES[a.network] || a.name || a.handle;
  return all.filter((x) => x.network === a.network).length > 1 ? `${name} (${a.handle})` : name;
}

// ── 2.1.4 Estrategia digital ────────────────────────────────────────────────────────────────────

/** One account's clause of the social-media sentence; the first opens it, the rest follow as their own sentences. */
function vmreAccountText(a: AccountMonth, first: boolean, all: AccountMonth[]): string {
  const label = accountLabel(a, all);
  let s = first ? `se realizaron un total de ${pl(a.posts, "publicación", "publicaciones")} en ${label}` : `En ${label}, se llevaron a cabo ${pl(a.posts, "publicación", "publicaciones")}`;
  if (present(a.impressions)) s += `, obteniendo un alcance de ${n(a.impressions)} impresiones`;
  else if (present(a.reach)) s += `, con un alcance de ${n(a.reach)} personas`;
  const received = [
    present(a.shares) ? `${n(a.shares)} ${a.network === "TWITTER" ? "retweets" : a.shares === 1 ? "vez compartida" : "veces compartidas"}` : null,
    present(a.likes) ? `${n(a.likes)} me gusta` : null,
    present(a.comments) ? pl(a.comments, "comentario", "comentarios") : null,
  ].filter((x): x is string => !!x);
  if (received.length) s += `, mismas que recibieron ${listEs(received)}`;
  if (present(a.followers)) {
    // As the source: with only impressions, the community «cerrara con»; after the reactions, its own sentence.
    s += received.length || !present(a.impressions) ? `. El periodo en esta red social, cerró con ${pl(a.followers, "seguidor", "seguidores")}.` : ` lo que contribuyó a que la comunidad cerrara con ${pl(a.followers, "seguidor", "seguidores")}.`;
  } else s += ".";
  return s;
}

/** Facebook first, then Twitter, then the rest (the order `sortAccounts` gives). */
export function vmreSocialBlocks(accounts: AccountMonth[]): Block[] {
  if (!accounts.length) return [];
  const sentences = accounts.map((a, i) => vmreAccountText(a, i === 0, accounts));
  return [para(`En el marco de las acciones de promoción del VMRE en plataformas digitales, en el mes de reporte, para redes sociales, ${sentences.join(" ")}`)];
}

const NUMBER_WORDS = ["", "primer", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"];
/** The report's names for countries where it does not use the ISO name (the source writes «Holanda»). */
const REPORT_COUNTRY_NAMES: Record<string, string> = { NL: "Holanda" };

export function micrositeBlocks(m: MicrositeFigures | null, countryName: (code: string) => string): Block[] {
  if (!m) return [para("Cifras del micrositio: pendientes de captura para este mes.")];
  const top = m.topCountries.map((c) => REPORT_COUNTRY_NAMES[c] ?? countryName(c));
  let ranking = "";
  if (top.length === 1) ranking = `, de los cuales ${top[0]} ocupa el primer lugar`;
  else if (top.length > 1) ranking = `, de los cuales ${listEs(top)} se ubican entre los ${NUMBER_WORDS[top.length] ?? n(top.length)} primeros lugares`;
  return [para(`En cuanto al micrositio del VMRE, en el periodo de reporte se obtuvieron ${pl(m.visits, "visita", "visitas")} desde ${pl(m.countries, "país", "países")}${ranking}.`)];
}

/** 2.1.4's communications paragraphs: the programme's accounts, then the microsite (the report adds its bulletins sentence). */
export function digitalBlocks(c: CommunicationsFigures, countryName: (code: string) => string): Block[] {
  const area = c.areas.VMRE_OFFICE;
  if (!area.accounts.length && !c.microsite) return [para("Cifras de redes sociales y del micrositio: pendientes de captura para este mes.")];
  const social = vmreSocialBlocks(area.accounts);
  return [...(social.length ? social : [para("Cifras de redes sociales: pendientes de captura para este mes.")]), ...micrositeBlocks(c.microsite, countryName)];
}

// ── 2.5 CNCS: redes sociales ────────────────────────────────────────────────────────────────────

function cncsTwitterText(a: AccountMonth): string[] {
  const out = [`En total fueron ${pl(a.posts, "publicación", "publicaciones")} a través de esta red social.`];
  if (present(a.impressions)) out.push(`Estos tuits alcanzaron ${n(a.impressions)} impresiones (número de veces que los usuarios vieron el tuit).`);
  if (present(a.reach)) out.push(`Las publicaciones tuvieron un alcance de ${n(a.reach)} personas.`);
  const got = [present(a.likes) ? `${n(a.likes)} “me gusta”` : null, present(a.shares) ? pl(a.shares, "retuit", "retuits") : null, present(a.comments) ? pl(a.comments, "respuesta", "respuestas") : null].filter((x): x is string => !!x);
  if (got.length) out.push(`Se consiguieron ${listEs(got)}.`);
  return out;
}

function cncsPageText(a: AccountMonth): string[] {
  const reach = present(a.reach) ? `, que tuvieron un alcance total de ${n(a.reach)} (alcance se refiere a cuando un usuario es expuesto a una publicación, por eso es menor a las impresiones)` : "";
  const out = [`En esta red social se generaron ${pl(a.posts, "publicación", "publicaciones")}${reach}.`];
  if (present(a.impressions))
    out.push(
      `${present(a.reach) ? "De ese alcance se generaron" : "Se generaron"} ${n(a.impressions)} impresiones (número de veces que una publicación se despliega, ya sea en el timeline de un usuario o cuando este la comparte se van generando un mayor número de impresiones de una sola publicación).`,
    );
  const got = [present(a.likes) ? `${n(a.likes)} “me gusta”` : null, present(a.comments) ? pl(a.comments, "comentario", "comentarios") : null].filter((x): x is string => !!x);
  const shared = present(a.shares) ? `se ${a.shares === 1 ? "compartió 1 vez" : `compartieron ${n(a.shares)} veces`}` : null;
  if (got.length && shared) out.push(`Además, del total de publicaciones se consiguieron ${got.join(", ")} y ${shared}.`);
  else if (got.length) out.push(`Además, del total de publicaciones se consiguieron ${listEs(got)}.`);
  else if (shared) out.push(`Además, las publicaciones ${shared}.`);
  return out;
}

/** 2.5 «Redes sociales»: each CNCS account (Twitter first), its name as a line and its figures as the source words them. */
export function cncsSocialBlocks(c: CommunicationsFigures): Block[] {
  const accounts = [...c.areas.CNCS.accounts].sort((a, b) => Number(b.network === "TWITTER") - Number(a.network === "TWITTER"));
  if (!accounts.length) return [para("Redes sociales de la CNCS: cifras pendientes de captura para este mes.")];
  const blocks: Block[] = [];
  for (const a of accounts) {
    const text = a.network === "TWITTER" ? cncsTwitterText(a) : cncsPageText(a);
    if (present(a.engagements)) text.push(`En total se alcanzaron ${pl(a.engagements, "interacción", "interacciones")}.`);
    if (present(a.followers)) text.push(`La cuenta cerró el periodo con ${pl(a.followers, "seguidor", "seguidores")}.`);
    blocks.push(para(accountLabel(a, accounts)), para(text.join(" ")));
    if (present(a.bestPostReach)) blocks.push(para(`El post más exitoso obtuvo un alcance de ${pl(a.bestPostReach, "persona", "personas")}.`));
  }
  return blocks;
}

// ── 2.5 Monitoreo de medios ─────────────────────────────────────────────────────────────────────

const TONE_ES = { POSITIVE: ["“positiva”", "“positivas”"], NEUTRAL: ["“neutra”", "“neutras”"], NEGATIVE: ["“negativa”", "“negativas”"] } as const;

const MEDIUM_LINES: Record<MediaMedium, (count: number, share: number) => string> = {
  INTERNET: (c, s) => `Internet: fueron publicadas ${pl(c, "nota", "notas")} por esta vía (las notas de los medios electrónicos representaron el ${s} por ciento del total).`,
  PRINT: (c, s) => `Medios impresos: fueron publicadas un total de ${pl(c, "nota", "notas")}; las notas en medios impresos representaron el ${s} por ciento del total.`,
  RADIO: (c, s) => `Radio: se contabilizaron ${pl(c, "nota", "notas")} por este medio (las notas de radio representaron el ${s} por ciento del total).`,
  TV: (c, s) => `Televisión: fueron transmitidas ${pl(c, "nota", "notas")} (las notas televisivas representaron el ${s} por ciento del total).`,
};

/** «Monitoreo de medios»: the total and its tones, one line per medium with its share, and the other item types when logged. */
export function mediaBlocks(m: MediaFigures): Block[] {
  if (!m.notes) return [para("No se registraron notas en el monitoreo de medios del mes.")];
  const tones = (["NEUTRAL", "POSITIVE", "NEGATIVE"] as const)
    .filter((t) => m.byTone[t] > 0)
    .map((t, i) => `${n(m.byTone[t])} ${i === 0 ? "se consideraron como " : "como "}${TONE_ES[t][m.byTone[t] === 1 ? 0 : 1]} (${m.shares.byTone[t]} por ciento del total)`);
  const items = (["INTERNET", "PRINT", "RADIO", "TV"] as const).map((k) => MEDIUM_LINES[k](m.byMedium[k], m.shares.byMedium[k]));
  if (m.byType.INTERVIEW) items.push(`Entrevistas: se registraron ${pl(m.byType.INTERVIEW, "entrevista", "entrevistas")} durante el mes.`);
  if (m.byType.PRESS_RELEASE) items.push(`Comunicados: se registraron ${pl(m.byType.PRESS_RELEASE, "comunicado publicado", "comunicados publicados")}.`);
  if (m.byType.PAID_INSERTION) items.push(`Inserciones pagadas: ${pl(m.byType.PAID_INSERTION, "inserción", "inserciones")}.`);
  return [para(`En total fueron ${pl(m.notes, "nota", "notas")}${tones.length ? `, de las cuales ${listEs(tones)}` : ""}.`), { type: "bullets", items }];
}
