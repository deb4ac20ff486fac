/**
 * Reading a network's CSV export into one account's month (decision 025). Two shapes are read:
 * - a per-post export (Facebook page insights «Publicaciones», Meta Business Suite, Twitter/X
 *   «Actividad de los Tweets»): one row per post; the month's posts are the rows dated in it;
 * - a per-day export (Facebook page «Página», X account overview): one row per day with a posts
 *   column («Create Post», «Publicaciones»), summed over the month's days.
 * Columns are matched by name in Spanish or English (case, accents, spaces and punctuation do not
 * matter); each figure is the sum over the month's rows, except followers (the last day's value,
 * the figure at the month's close) and the best post (the row with the largest reach, or
 * impressions). Rows dated outside the month are counted and left out. A column that is not there
 * gives no figure (null), never a zero. Nothing is saved here: the page shows what was read and
 * the person saves it (typed entry is always possible instead).
 */
import Papa from "papaparse";
import type { AccountFigures } from "./shapes";
import { bestDelimiter, detectEncoding, headerLine, normalizeHeader, type ImportDelimiter } from "~/modules/contacts";

export const CSV_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const CSV_IMPORT_MAX_ROWS = 100_000;

export const CSV_FIELDS = ["date", "posts", "impressions", "reach", "shares", "likes", "reactions", "comments", "engagements", "followers", "postId", "permalink", "text"] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/**
 * Header names (normalised) per field, most specific first. Facebook's old page-insights export
 * names its columns «Lifetime Post Total Reach» …; Meta Business Suite «Reach», «Alcance»; Twitter's
 * tweet activity «impressions», «retweets», «replies», «likes» (es: «impresiones», «Retweets»,
 * «respuestas», «Me gusta»); X's account overview «Impressions», «Likes», «Reposts», «Replies»,
 * «Create Post», «New follows».
 */
const ALIASES: Record<CsvField, readonly string[]> = {
  date: ["date", "fecha", "time", "hora", "posted", "publishtime", "horadepublicacion", "fechadepublicacion", "publicado", "createdat", "day", "dia"],
  posts: ["createpost", "crearpost", "posts", "publicaciones", "tweets", "tuits", "postspublished", "publicacionesrealizadas"],
  impressions: ["impressions", "impresiones", "lifetimeposttotalimpressions", "dailytotalimpressions", "dailypagetotalimpressions", "views", "visualizaciones"],
  reach: ["reach", "alcance", "lifetimeposttotalreach", "dailytotalreach", "dailypagetotalreach", "personasalcanzadas", "accountsreached", "cuentasalcanzadas"],
  shares: ["shares", "compartidos", "vecesquesecompartio", "vecescompartido", "retweets", "retuits", "reposts", "reposteos", "republicaciones", "lifetimetalkingaboutthispostbyactiontypeshare"],
  likes: ["likes", "megusta", "lifetimetalkingaboutthispostbyactiontypelike"],
  reactions: ["reactions", "reacciones", "reaccionescomentariosyvecesquesecompartio"],
  comments: ["comments", "comentarios", "replies", "respuestas", "lifetimetalkingaboutthispostbyactiontypecomment"],
  engagements: ["engagements", "interacciones", "engagement", "interaccion", "lifetimeengagedusers", "totalinteractions", "interaccionestotales"],
  followers: ["followers", "seguidores", "lifetimetotallikes", "totalfollowers", "totaldeseguidores", "pagefollowers", "seguidoresdelapagina"],
  postId: ["postid", "tweetid", "iddeltweet", "iddetweet", "iddelapublicacion", "identificadordelapublicacion", "iddelpost"],
  permalink: ["permalink", "tweetpermalink", "enlacepermanente", "enlacepermanentedeltweet", "link", "enlace", "url"],
  text: ["postmessage", "tweettext", "textodeltweet", "title", "titulo", "description", "descripcion", "mensaje", "message", "text", "texto"],
};

const BY_ALIAS = new Map<string, CsvField>();
for (const field of CSV_FIELDS) for (const alias of ALIASES[field]) if (!BY_ALIAS.has(alias)) BY_ALIAS.set(alias, field);
const SPANISH = new Set(["fecha", "hora", "horadepublicacion", "fechadepublicacion", "publicado", "dia", "impresiones", "alcance", "compartidos", "megusta", "comentarios", "respuestas", "interacciones", "seguidores", "publicaciones"]);

export function fieldForCsvHeader(header: string): CsvField | null {
  return BY_ALIAS.get(normalizeHeader(header)) ?? null;
}

/** The figures a reading yields: null where the export has no such column. */
export type CsvFigures = AccountFigures;

export type CsvProblem = "empty" | "noColumns" | "tooManyRows";

export type CsvReading = {
  encoding: string;
  delimiter: ImportDelimiter;
  /** posts: one row per post; daily: one row per day with a posts column. */
  kind: "posts" | "daily";
  /** Every header and the field it fills (null: not read). */
  columns: Array<{ header: string; field: CsvField | null }>;
  /** Day order of slashed dates, as deduced from the file. */
  dateOrder: "dmy" | "mdy" | null;
  rows: number;
  inMonth: number;
  outsideMonth: number;
  /** Lines refused (first 20), with the reason and the column. */
  rejected: Array<{ line: number; reason: "badDate" | "badNumber"; column?: string }>;
  rejectedCount: number;
  /** Description lines under the header (Facebook's second header row), skipped. */
  skipped: number;
  figures: CsvFigures;
  problem: CsvProblem | null;
};

/** "1,234", "1.234", "1 234", "1234" → 1234; "", "-", "--", "N/A" → null; anything else → NaN. */
export function parseCount(value: string | undefined): number | null {
  const v = (value ?? "").trim().replace(/[\s\u00a0]/g, "");
  if (v === "" || /^-+$/.test(v) || /^n\/?a$/i.test(v)) return null;
  if (/^\d+$/.test(v)) return Number(v);
  if (/^\d{1,3}([.,]\d{3})+$/.test(v)) return Number(v.replace(/[.,]/g, ""));
  // A whole number written with decimals ("12.0", "12,00").
  if (/^\d+[.,]0+$/.test(v)) return Number(v.split(/[.,]/)[0]);
  return Number.NaN;
}

/** A date cell as YYYY-MM-DD: ISO (with or without time), or d/m/y and m/d/y by `order`. */
export function parseCsvDate(value: string | undefined, order: "dmy" | "mdy"): string | null {
  const v = (value ?? "").trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/.exec(v);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[\s,T].*)?$/.exec(v);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const [a, b] = [Number(m[1]), Number(m[2])];
    return order === "dmy" ? valid(year, b, a) : valid(year, a, b);
  }
  return null;
}

function valid(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The delimiter whose header cells name the most known columns, then the most frequent. */
export function detectCsvDelimiter(header: string): ImportDelimiter {
  return bestDelimiter(header, (cells) => [cells.filter((h) => fieldForCsvHeader(h)).length]);
}

/** The day order of slashed dates: a first part over 12 means d/m, a second over 12 m/d; else the headers' language. */
function dateOrderOf(cells: string[], spanish: boolean): "dmy" | "mdy" | null {
  let dmy = false;
  let mdy = false;
  for (const c of cells) {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(c.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
  }
  if (dmy !== mdy) return dmy ? "dmy" : "mdy";
  return cells.some((c) => /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(c.trim())) ? (spanish ? "dmy" : "mdy") : null;
}

const NUMERIC: CsvField[] = ["posts", "impressions", "reach", "shares", "likes", "reactions", "comments", "engagements", "followers"];

/** Reads an export (bytes as uploaded) for `month` ("2017-11"). Pure: no database. */
export function readNetworkCsv(bytes: Uint8Array, month: string): CsvReading {
  const encoding = detectEncoding(bytes);
  const empty: CsvReading = {
    encoding,
    delimiter: ",",
    kind: "posts",
    columns: [],
    dateOrder: null,
    rows: 0,
    inMonth: 0,
    outsideMonth: 0,
    rejected: [],
    rejectedCount: 0,
    skipped: 0,
    figures: { posts: 0, impressions: null, reach: null, followers: null, shares: null, likes: null, comments: null, engagements: null, bestPost: null, bestPostReach: null },
    problem: "empty",
  };
  const text = new TextDecoder(encoding === "utf-8-bom" ? "utf-8" : encoding).decode(bytes).replace(/^\uFEFF/, "");
  const header = headerLine(text, true);
  if (!header || !header.line.trim()) return empty;
  const delimiter = detectCsvDelimiter(header.line);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: "greedy" });
  const [head = [], ...records] = parsed.data;
  // Each field once: the first column that names it.
  const taken = new Set<CsvField>();
  const columns = head.map((h) => {
    const field = fieldForCsvHeader(h);
    if (!field || taken.has(field)) return { header: h, field: null };
    taken.add(field);
    return { header: h, field };
  });
  const reading: CsvReading = { ...empty, delimiter, columns, problem: null };
  const index = new Map(columns.flatMap((c, i) => (c.field ? [[c.field, i] as const] : [])));
  if (![...index.keys()].some((f) => NUMERIC.includes(f))) return { ...reading, problem: "noColumns" };
  if (records.length > CSV_IMPORT_MAX_ROWS) return { ...reading, problem: "tooManyRows" };
  const kind: CsvReading["kind"] = index.has("posts") && !index.has("postId") && !index.has("permalink") && !index.has("text") ? "daily" : "posts";
  const dateAt = index.get("date");
  const spanish = head.some((h) => SPANISH.has(normalizeHeader(h)));
  const order = dateAt === undefined ? null : dateOrderOf(records.map((r) => r[dateAt] ?? ""), spanish);
  reading.kind = kind;
  reading.dateOrder = order;

  const sums = new Map<CsvField, number>();
  let posts = 0;
  let followers: { date: string; value: number } | null = null;
  let best: { score: number; label: string | null; reach: number | null } | null = null;
  const reject = (line: number, reason: "badDate" | "badNumber", column?: string) => {
    reading.rejectedCount += 1;
    if (reading.rejected.length < 20) reading.rejected.push({ line, reason, ...(column ? { column } : {}) });
  };
  records.forEach((cells, i) => {
    const line = i + 2;
    const numbers = new Map<CsvField, number | null>();
    let badNumber: string | null = null;
    for (const f of NUMERIC) {
      const at = index.get(f);
      if (at === undefined) continue;
      const v = parseCount(cells[at]);
      if (v !== null && Number.isNaN(v)) badNumber ??= head[at] ?? f;
      else numbers.set(f, v);
    }
    const date = dateAt === undefined ? null : parseCsvDate(cells[dateAt], order ?? (spanish ? "dmy" : "mdy"));
    if (dateAt !== undefined && !date) {
      // A description row (Facebook's second header line): no date and no number at all.
      if (badNumber || [...numbers.values()].every((v) => v === null)) reading.skipped += 1;
      else reject(line, "badDate", head[dateAt]);
      return;
    }
    reading.rows += 1;
    if (date && date.slice(0, 7) !== month) {
      reading.outsideMonth += 1;
      return;
    }
    if (badNumber) return reject(line, "badNumber", badNumber);
    reading.inMonth += 1;
    posts += kind === "daily" ? (numbers.get("posts") ?? 0) : 1;
    for (const [f, v] of numbers) if (v !== null && f !== "posts" && f !== "followers") sums.set(f, (sums.get(f) ?? 0) + v);
    const f = numbers.get("followers");
    if (f !== null && f !== undefined && (!followers || (date ?? "") >= followers.date)) followers = { date: date ?? "", value: f };
    if (kind === "posts") {
      const reach = numbers.get("reach") ?? null;
      const score = reach ?? numbers.get("impressions") ?? null;
      if (score !== null && (!best || score > best.score)) {
        const label = [index.get("permalink"), index.get("text"), index.get("postId")].map((at) => (at === undefined ? "" : (cells[at] ?? "").trim())).find((s) => s !== "") ?? null;
        best = { score, label: label ? label.slice(0, 500) : null, reach };
      }
    }
  });
  const sum = (f: CsvField) => (index.has(f) ? (sums.get(f) ?? 0) : null);
  const chosen = best as { score: number; label: string | null; reach: number | null } | null;
  reading.figures = {
    posts,
    impressions: sum("impressions"),
    reach: sum("reach"),
    followers: index.has("followers") ? ((followers as { value: number } | null)?.value ?? null) : null,
    shares: sum("shares"),
    // «Me gusta» when the export has them, else its reactions (Facebook's likes are reactions).
    likes: index.has("likes") ? sum("likes") : sum("reactions"),
    comments: sum("comments"),
    engagements: sum("engagements"),
    bestPost: chosen?.label ?? null,
    bestPostReach: chosen?.reach ?? null,
  };
  return reading;
}
