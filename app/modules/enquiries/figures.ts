/**
 * The month's citizen-enquiry figures (decisions 018, 025): their shape and the pure rules that
 * make them, from the records' counts or from the typed totals. The database side is
 * figures.server.ts (enquiryFiguresForMonth), the one definition every page, the report, the DOCX
 * and figures.json read. Plain JSON, so an approved report stores it as it is.
 */
import type { EnquiryChannel } from "~/generated/prisma/enums";
import { ENQUIRY_CHANNELS } from "./import";

/** How many US states and other countries the report names. */
export const TOP_US_STATES = 2;
export const TOP_COUNTRIES = 4;

/** records: counted from the month's import; totals: typed by hand; null: nothing for the month yet. */
export type EnquirySource = "records" | "totals" | null;

export type EnquiryFigures = {
  month: string;
  source: EnquirySource;
  total: number;
  /** Enquiries from the United States: counted (records), or the typed share of the total, rounded (totals); null when unknown. */
  fromUs: number | null;
  /** Share from the United States, two decimals (85.65); null when unknown. */
  usPercent: number | null;
  /** 100 − usPercent, two decimals, so the two always add up to 100. */
  restPercent: number | null;
  /** Channels with at least one enquiry, most first (ties in the enum's order). */
  byChannel: Array<{ channel: EnquiryChannel; count: number }>;
  /** US states (ISO 3166-2), most first; a typed top has no counts (null). Enquiries from the US without a state are not listed. */
  byUsState: Array<{ code: string; count: number | null }>;
  /** Countries other than the United States (ISO 3166-1), most first; typed: the typed top, without counts. */
  byCountry: Array<{ code: string; count: number | null }>;
  /** Topics (spelling folded: the most used spelling is shown), most first; typed totals have none. */
  byTopic: Array<{ topic: string; count: number }>;
  /** The states and countries the report names (the first of the lists above). */
  topUsStates: string[];
  topCountries: string[];
};

export type EnquiryGroup = { channel: EnquiryChannel; country: string | null; state: string | null; topic: string; n: number };

export const round2 = (v: number) => Math.round(v * 100) / 100;

export function emptyEnquiryFigures(month: string): EnquiryFigures {
  return { month, source: null, total: 0, fromUs: null, usPercent: null, restPercent: null, byChannel: [], byUsState: [], byCountry: [], byTopic: [], topUsStates: [], topCountries: [] };
}

const channelOrder = (c: EnquiryChannel) => ENQUIRY_CHANNELS.indexOf(c);
const foldTopic = (t: string) => t.toLocaleLowerCase("es-MX").normalize("NFD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim();

function ranked(counts: Map<string, number>): Array<{ code: string; count: number }> {
  return [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** The figures from the records' counts grouped by channel, country, state and topic (one query's rows). */
export function enquiryFiguresFromGroups(month: string, groups: readonly EnquiryGroup[]): EnquiryFigures {
  const total = groups.reduce((s, g) => s + g.n, 0);
  const channels = new Map<EnquiryChannel, number>();
  const states = new Map<string, number>();
  const countries = new Map<string, number>();
  const topics = new Map<string, { count: number; spellings: Map<string, number> }>();
  let fromUs = 0;
  for (const g of groups) {
    channels.set(g.channel, (channels.get(g.channel) ?? 0) + g.n);
    if (g.country === "US") {
      fromUs += g.n;
      if (g.state && /^US-/.test(g.state)) states.set(g.state, (states.get(g.state) ?? 0) + g.n);
    } else if (g.country) countries.set(g.country, (countries.get(g.country) ?? 0) + g.n);
    const key = foldTopic(g.topic);
    const t = topics.get(key) ?? { count: 0, spellings: new Map<string, number>() };
    t.count += g.n;
    t.spellings.set(g.topic, (t.spellings.get(g.topic) ?? 0) + g.n);
    topics.set(key, t);
  }
  const usPercent = total ? round2((fromUs / total) * 100) : null;
  const byUsState = ranked(states);
  const byCountry = ranked(countries);
  return {
    month,
    source: "records",
    total,
    fromUs,
    usPercent,
    restPercent: usPercent === null ? null : round2(100 - usPercent),
    byChannel: [...channels].map(([channel, count]) => ({ channel, count })).sort((a, b) => b.count - a.count || channelOrder(a.channel) - channelOrder(b.channel)),
    byUsState,
    byCountry,
    byTopic: [...topics.values()]
      .map((t) => ({ topic: [...t.spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "es-MX"))[0]![0], count: t.count }))
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic, "es-MX")),
    topUsStates: byUsState.slice(0, TOP_US_STATES).map((s) => s.code),
    topCountries: byCountry.slice(0, TOP_COUNTRIES).map((c) => c.code),
  };
}

/** The typed totals as stored (EnquiryMonthTotal). */
export type EnquiryTotalsInput = { total: number; usPercent: number | null; byChannel: unknown; topUsStates: readonly string[]; topCountries: readonly string[] };

/** The figures from typed totals: what was typed, nothing invented (no counts by state or country, no topics). */
export function enquiryFiguresFromTotals(month: string, t: EnquiryTotalsInput): EnquiryFigures {
  const typed = (t.byChannel && typeof t.byChannel === "object" ? t.byChannel : {}) as Record<string, unknown>;
  const byChannel = ENQUIRY_CHANNELS.flatMap((channel) => {
    const v = typed[channel];
    return typeof v === "number" && Number.isFinite(v) && v > 0 ? [{ channel, count: v }] : [];
  }).sort((a, b) => b.count - a.count || channelOrder(a.channel) - channelOrder(b.channel));
  const usPercent = t.usPercent === null || t.usPercent === undefined ? null : round2(t.usPercent);
  return {
    month,
    source: "totals",
    total: t.total,
    fromUs: usPercent === null ? null : Math.round((t.total * usPercent) / 100),
    usPercent,
    restPercent: usPercent === null ? null : round2(100 - usPercent),
    byChannel,
    byUsState: t.topUsStates.map((code) => ({ code, count: null })),
    byCountry: t.topCountries.map((code) => ({ code, count: null })),
    byTopic: [],
    topUsStates: [...t.topUsStates],
    topCountries: [...t.topCountries],
  };
}

/** figures.json `enquiries`: plain numbers only (the review basis compares them key by key). */
export type EnquiriesJson = {
  total: number;
  us: number;
  us_percent: number;
  rest_percent: number;
  by_channel_phone: number;
  by_channel_email: number;
  by_channel_chat: number;
  by_channel_social_media: number;
  by_channel_in_person: number;
  by_channel_other: number;
  us_states: number;
  countries: number;
  topics: number;
};

export function enquiriesJson(f: EnquiryFigures): EnquiriesJson {
  const channel = (c: EnquiryChannel) => f.byChannel.find((x) => x.channel === c)?.count ?? 0;
  return {
    total: f.total,
    us: f.fromUs ?? 0,
    us_percent: f.usPercent ?? 0,
    rest_percent: f.restPercent ?? 0,
    by_channel_phone: channel("PHONE"),
    by_channel_email: channel("EMAIL"),
    by_channel_chat: channel("CHAT"),
    by_channel_social_media: channel("SOCIAL_MEDIA"),
    by_channel_in_person: channel("IN_PERSON"),
    by_channel_other: channel("OTHER"),
    us_states: f.byUsState.length,
    countries: f.byCountry.length,
    topics: f.byTopic.length,
  };
}

/**
 * An approved report frozen before decision 025 has no enquiry figures, only the totals typed on
 * the monthly-input form: read them as typed totals (what it printed).
 */
export function enquiryFiguresFromLegacyInput(month: string, input: unknown): EnquiryFigures {
  const i = (input && typeof input === "object" ? input : {}) as { enquiriesTotal?: unknown; enquiriesUsPercent?: unknown };
  if (typeof i.enquiriesTotal !== "number") return emptyEnquiryFigures(month);
  return enquiryFiguresFromTotals(month, { total: i.enquiriesTotal, usPercent: typeof i.enquiriesUsPercent === "number" ? i.enquiriesUsPercent : null, byChannel: {}, topUsStates: [], topCountries: [] });
}
