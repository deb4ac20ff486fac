/**
 * One record of the contact centre's export (date, channel, country, state, topic) → the enquiry as
 * it will be stored, or the reason it is rejected (decision 025). Pure: the preview, the import and
 * the tests share it. Header names, encoding and delimiter are read as the contacts import reads
 * them (normalizeHeader, splitHeader: case, accents, spaces and punctuation ignored); countries and
 * states go through the one normaliser (decision 019), whatever the spelling («Estados Unidos»,
 * «USA», «California», «CA»). Reasons are stable codes and translation keys
 * `enquiries.import.reasons.<code>`.
 */
import type { EnquiryChannel } from "~/generated/prisma/enums";
import { detectDelimiterByColumns, mapHeadersToColumns, normalizeHeader, type ImportDelimiter } from "~/modules/contacts";
import { normalizeRegion } from "~/modules/geo";

export const ENQUIRY_CHANNELS = ["PHONE", "EMAIL", "CHAT", "SOCIAL_MEDIA", "IN_PERSON", "OTHER"] as const satisfies readonly EnquiryChannel[];

export const ENQUIRY_COLUMNS = ["date", "channel", "country", "state", "topic"] as const;
export type EnquiryColumn = (typeof ENQUIRY_COLUMNS)[number];

const COLUMN_ALIASES: Record<EnquiryColumn, readonly string[]> = {
  date: ["fecha", "date", "dia", "day", "fechadeatencion", "fechaatencion", "fechadelaconsulta", "fechaconsulta", "fechadecontacto", "fechahora", "datetime", "receivedon", "received"],
  channel: ["canal", "channel", "medio", "via", "mediodecontacto", "canaldeatencion", "mediodeatencion", "tipodecontacto", "contactchannel", "source"],
  country: ["pais", "country", "paisdeorigen", "paisderesidencia", "countryoforigin", "countryofresidence"],
  state: ["estado", "state", "entidad", "region", "provincia", "province", "stateprovince", "estadoprovincia", "entidadfederativa"],
  topic: ["tema", "topic", "asunto", "subject", "motivo", "motivodelaconsulta", "tipodeconsulta", "categoria", "category", "reason", "temadeconsulta"],
};
const BY_ALIAS = new Map<string, EnquiryColumn>();
for (const column of ENQUIRY_COLUMNS) for (const alias of COLUMN_ALIASES[column]) BY_ALIAS.set(alias, column);

export function columnForHeader(header: string): EnquiryColumn | null {
  return BY_ALIAS.get(normalizeHeader(header)) ?? null;
}

export type EnquiryColumnMapping = { header: string; column: EnquiryColumn | null };
export type EnquiryFileProblem = "emptyFile" | "headerOnly" | "noDateColumn" | "noChannelColumn" | "noCountryColumn" | "noTopicColumn" | "tooManyRows";

/** The delimiter from the header line: the candidate that names the most known columns, then the most cells. */
export function detectEnquiryDelimiter(header: string): ImportDelimiter {
  return detectDelimiterByColumns(header, columnForHeader);
}

/** Each header → its column; a column claimed twice keeps its first header. */
export function mapEnquiryHeaders(headers: readonly string[]): EnquiryColumnMapping[] {
  return mapHeadersToColumns<EnquiryColumn>(headers, columnForHeader);
}

/** A file without a date, channel, country or topic column cannot be imported (the state column is optional). */
export function enquiryMappingProblem(columns: readonly EnquiryColumnMapping[]): EnquiryFileProblem | null {
  const mapped = new Set(columns.map((c) => c.column).filter(Boolean));
  if (!mapped.has("date")) return "noDateColumn";
  if (!mapped.has("channel")) return "noChannelColumn";
  if (!mapped.has("country")) return "noCountryColumn";
  if (!mapped.has("topic")) return "noTopicColumn";
  return null;
}

// ── Channels ────────────────────────────────────────────────────────────────────────────────────

/** Words the contact centre (and people) use for each channel, normalised like headers. */
const CHANNEL_WORDS: Record<EnquiryChannel, readonly string[]> = {
  PHONE: ["telefono", "telefonica", "telefonico", "viatelefonica", "llamada", "llamadas", "llamadatelefonica", "tel", "inetel", "phone", "telephone", "call", "phonecall", "calls", "voz", "voice", "lineatelefonica", "01800", "800"],
  EMAIL: ["correo", "correoelectronico", "correoe", "email", "mail", "emails", "electronicmail", "ecorreo"],
  CHAT: ["chat", "chatenlinea", "webchat", "chatweb", "livechat", "mensajeria", "whatsapp", "sms", "mensaje", "mensajes", "message", "messaging"],
  SOCIAL_MEDIA: ["redessociales", "redsocial", "redes", "socialmedia", "social", "socialnetworks", "facebook", "twitter", "messenger", "instagram", "x"],
  IN_PERSON: ["presencial", "enpersona", "inperson", "personal", "walkin", "modulo", "ventanilla", "oficina", "faceaface", "facetoface"],
  OTHER: ["otro", "otros", "other", "others", "otra", "otras"],
};
const CHANNEL_BY_WORD = new Map<string, EnquiryChannel>();
for (const channel of ENQUIRY_CHANNELS) for (const word of CHANNEL_WORDS[channel]) CHANNEL_BY_WORD.set(word, channel);
for (const channel of ENQUIRY_CHANNELS) CHANNEL_BY_WORD.set(normalizeHeader(channel), channel);

/** «Teléfono», «vía telefónica», «Correo electrónico», «E-mail», «Chat en línea», «Redes sociales» … → the channel; null when unknown. */
export function parseChannel(value: string): EnquiryChannel | null {
  const key = normalizeHeader(value);
  if (!key) return null;
  const direct = CHANNEL_BY_WORD.get(key);
  if (direct) return direct;
  // «Vía telefónica», «Por correo», «Atención telefónica»: the word after a leading preposition.
  const stripped = key.replace(/^(atencionpor|atencion|via|por|by|canal)/, "");
  return CHANNEL_BY_WORD.get(stripped) ?? null;
}

// ── Dates ───────────────────────────────────────────────────────────────────────────────────────

function calendar(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A calendar date as the export writes it: 2017-11-03, 2017/11/03, 03/11/2017 or 3-11-17 (day
 * first, as in Mexico), with an optional time after it (ignored: the day the enquiry was received
 * at the contact centre is what counts). Null when it is not a real date.
 */
export function parseEnquiryDate(value: string): string | null {
  const text = value.trim().replace(/[T\s].*$/, "");
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return calendar(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(text);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return calendar(year, Number(m[2]), Number(m[1]));
  }
  return null;
}

// ── Rows ────────────────────────────────────────────────────────────────────────────────────────

export const TOPIC_MAX = 200;

export const ENQUIRY_REJECT_REASONS = [
  "tooFewFields",
  "tooManyFields",
  "malformedQuotes",
  "missingDate",
  "invalidDate",
  "outsideMonth",
  "missingChannel",
  "invalidChannel",
  "missingCountry",
  "invalidCountry",
  "invalidState",
  "missingTopic",
  "topicTooLong",
] as const;
export type EnquiryRejectReason = (typeof ENQUIRY_REJECT_REASONS)[number];

export type EnquiryRow = { occurredOn: string; channel: EnquiryChannel; country: string; state: string | null; topic: string };
export type EnquiryRowOutcome = { ok: true; row: EnquiryRow } | { ok: false; reason: EnquiryRejectReason } | { ok: "blank" };

function singleLine(value: string): string {
  const unquoted = value.length > 1 && /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
  return unquoted.trim().replace(/\s+/g, " ").normalize("NFC");
}

/** The row as it will be stored for `month` ("2017-11"); `expected` is the header's number of fields. */
export function toEnquiryRow(fields: readonly string[], expected: number, columns: readonly EnquiryColumnMapping[], month: string, quoteError = false): EnquiryRowOutcome {
  if (fields.every((f) => f.trim() === "")) return { ok: "blank" };
  const reject = (reason: EnquiryRejectReason): EnquiryRowOutcome => ({ ok: false, reason });
  if (quoteError) return reject("malformedQuotes");
  if (fields.length < expected) return reject("tooFewFields");
  if (fields.length > expected) return reject("tooManyFields");
  const index = new Map<EnquiryColumn, number>();
  columns.forEach((c, i) => {
    if (c.column && !index.has(c.column)) index.set(c.column, i);
  });
  const cell = (column: EnquiryColumn) => {
    const i = index.get(column);
    return i === undefined ? "" : singleLine(fields[i] ?? "");
  };
  const dateCell = cell("date");
  if (!dateCell) return reject("missingDate");
  const occurredOn = parseEnquiryDate(dateCell);
  if (!occurredOn) return reject("invalidDate");
  if (occurredOn.slice(0, 7) !== month) return reject("outsideMonth");
  const channelCell = cell("channel");
  if (!channelCell) return reject("missingChannel");
  const channel = parseChannel(channelCell);
  if (!channel) return reject("invalidChannel");
  const countryCell = cell("country");
  const stateCell = cell("state");
  if (!countryCell && !stateCell) return reject("missingCountry");
  const region = normalizeRegion(countryCell, stateCell);
  if (region.unknown.some((u) => u.field === "country")) return reject("invalidCountry");
  if (region.unknown.length) return reject("invalidState");
  // A state alone that names no coded state (or an ambiguous one, «BC») leaves the country unknown.
  if (!region.country) return reject("missingCountry");
  const topic = cell("topic");
  if (!topic) return reject("missingTopic");
  if (topic.length > TOPIC_MAX) return reject("topicTooLong");
  return { ok: true, row: { occurredOn, channel, country: region.country, state: region.state && region.state.length <= 120 ? region.state : null, topic } };
}
