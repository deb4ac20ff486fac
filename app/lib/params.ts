/**
 * Input from the URL and the request body, checked at the edge: every loader and action reads its
 * path segments, query values and form body through these helpers, so a value that cannot be
 * valid never reaches a module or PostgreSQL.
 *
 * - A path segment that cannot name a record (wrong shape, out of the column's range) → 404.
 * - A query value that is present but malformed (2017-02-30, month 13) → 400.
 * - Search text is trimmed, capped and cleared of NUL bytes; it is never an error.
 * - An unknown choice in a list filter (status, kind…) is ignored: the list shows everything.
 * - A body that is not a form → 415; a form body that cannot be read → 400.
 *
 * Errors are thrown Responses with a translated plain-text body (what a resource route answers);
 * page routes show the localized error page from their ErrorBoundary instead.
 */
import type { z } from "zod";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, translate, type Locale } from "~/i18n";

const INT4_MAX = 2_147_483_647;
const INT8_MAX = 9_223_372_036_854_775_807n;
// The years the app reasons about (lib/time.ts isMonth): wide enough for any real record.
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** Strings PostgreSQL cannot store (text columns refuse NUL). db.server.ts strips them from every query too. */
export function stripNul(value: string): string {
  return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
}

// ── Errors ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The reader's language without a database round trip: the language cookie (set by /locale and
 * at login) or Accept-Language. Page routes render their error in the session's own language.
 */
export function requestLocale(request: Request): Locale {
  const cookie = /(?:^|;\s*)alcance_lang=([^;]*)/.exec(request.headers.get("cookie") ?? "")?.[1];
  if (cookie) {
    try {
      const value: unknown = JSON.parse(atob(decodeURIComponent(cookie)));
      if (isLocale(value)) return value;
    } catch {
      // Not our cookie's shape: fall through to the header.
    }
  }
  return localeFromAcceptLanguage(request.headers.get("accept-language"));
}

export function errorResponse(request: Request, status: 400 | 404 | 415): Response {
  const locale = requestLocale(request);
  const body = `${translate(locale, `errors.${status}.title`)}\n${translate(locale, `errors.${status}.body`)}\n`;
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export const notFound = (request: Request): Response => errorResponse(request, 404);
export const badRequest = (request: Request): Response => errorResponse(request, 400);

// ── Path segments ───────────────────────────────────────────────────────────────────────────────

/**
 * The id column types of prisma/schema.prisma: `int` (autoincrement int4), `bigint` (int8, kept a
 * string), `key` (cuid() and the seed's readable ids: letters, digits, - and _), `sha256` (stored
 * files), `month` (YYYY-MM).
 */
export type IdKind = "int" | "bigint" | "key" | "sha256" | "month";
type IdValue<K extends IdKind> = K extends "int" ? number : string;

const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

function checkId(value: string | undefined, kind: IdKind): number | string | null {
  if (value === undefined) return null;
  switch (kind) {
    case "int": {
      if (!/^\d{1,10}$/.test(value)) return null;
      const n = Number(value);
      return n >= 1 && n <= INT4_MAX ? n : null;
    }
    case "bigint":
      return /^\d{1,19}$/.test(value) && BigInt(value) >= 1n && BigInt(value) <= INT8_MAX ? value : null;
    case "key":
      return KEY.test(value) ? value : null;
    case "sha256":
      return /^[0-9a-f]{64}$/.test(value) ? value : null;
    case "month":
      return isMonth(value) ? value : null;
  }
}

/** One path segment as its column type, or a 404. */
export function idParam<K extends IdKind>(request: Request, value: string | undefined, kind: K): IdValue<K> {
  const id = checkId(value, kind);
  if (id === null) throw notFound(request);
  return id as IdValue<K>;
}

/**
 * A route's path segments at once: `const { contestId, submissionId } = routeParams(request,
 * params, { contestId: "key", submissionId: "key" })`.
 */
export function routeParams<S extends Record<string, IdKind>>(
  request: Request,
  params: Record<string, string | undefined>,
  spec: S,
): { [P in keyof S]: IdValue<S[P]> } {
  const out: Record<string, number | string> = {};
  for (const [name, kind] of Object.entries(spec)) out[name] = idParam(request, params[name], kind);
  return out as { [P in keyof S]: IdValue<S[P]> };
}

/**
 * One path segment, or a 404 (never a 500): by column type (default "key") or by a zod schema.
 *
 *   const id = requireParam(params, "id", "int");            // number
 *   const month = requireParam(params, "month", "month");    // "2026-11"
 *   const tab = requireParam(params, "tab", z.enum(["a", "b"]));
 *
 * Without the request the 404's text is in the default language; page routes show their
 * localized ErrorBoundary anyway (use idParam(request, …) in a resource route that answers text).
 */
export function requireParam<K extends IdKind = "key">(params: Record<string, string | undefined>, name: string, kind?: K): IdValue<K>;
export function requireParam<S extends z.ZodType>(params: Record<string, string | undefined>, name: string, schema: S): z.output<S>;
export function requireParam(params: Record<string, string | undefined>, name: string, spec: IdKind | z.ZodType = "key"): unknown {
  const value = params[name];
  if (typeof spec === "string") {
    const id = checkId(value, spec);
    if (id !== null) return id;
  } else if (value !== undefined) {
    const parsed = spec.safeParse(value);
    if (parsed.success) return parsed.data;
  }
  const body = `${translate(DEFAULT_LOCALE, "errors.404.title")}\n${translate(DEFAULT_LOCALE, "errors.404.body")}\n`;
  throw new Response(body, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

// ── Query values ────────────────────────────────────────────────────────────────────────────────

/** Search text: NUL bytes out, trimmed, at most `max` characters; undefined when empty. */
export function searchParam(value: string | null | undefined, max = 200): string | undefined {
  const text = stripNul(value ?? "").trim().slice(0, max);
  return text === "" ? undefined : text;
}

/** An id passed in the query (?contact=12): undefined when absent, 400 when it cannot be an id. */
export function idQuery<K extends IdKind>(request: Request, value: string | null | undefined, kind: K): IdValue<K> | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const id = checkId(value, kind);
  if (id === null) throw badRequest(request);
  return id as IdValue<K>;
}

/** One of a fixed list of choices; anything else is ignored (the filter is off). */
export function enumParam<T extends string>(value: string | null | undefined, choices: readonly T[]): T | undefined {
  return choices.find((c) => c === value);
}

export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (leap years included).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isMonth(value: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return !!m && Number(m[1]) >= MIN_YEAR && Number(m[1]) <= MAX_YEAR && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** A calendar date (YYYY-MM-DD that exists: no 2017-02-30): undefined when absent, 400 when malformed. */
export function dateParam(request: Request, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (!isCalendarDate(value)) throw badRequest(request);
  return value;
}

/** A month (YYYY-MM): undefined when absent, 400 when malformed. */
export function monthParam(request: Request, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (!isMonth(value)) throw badRequest(request);
  return value;
}

/** A year (YYYY): undefined when absent, 400 when malformed. */
export function yearParam(request: Request, value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (!/^\d{4}$/.test(value) || Number(value) < MIN_YEAR || Number(value) > MAX_YEAR) throw badRequest(request);
  return Number(value);
}

// ── Bodies ──────────────────────────────────────────────────────────────────────────────────────

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** A multipart body with a boundary, or a 415: for the actions that only take file uploads. */
export function requireMultipart(request: Request): void {
  if (mediaType(request) !== "multipart/form-data" || !/;\s*boundary=/i.test(request.headers.get("content-type") ?? "")) {
    throw errorResponse(request, 415);
  }
}

/** Whether the body is multipart (a form with files) rather than a plain form. */
export function isMultipartBody(request: Request): boolean {
  return mediaType(request) === "multipart/form-data";
}

/**
 * What the body parsers throw on a body that is not the form it claims to be: undici's
 * formData() and Remix's multipart parser throw TypeError, the multipart stream parser
 * "malformed multipart…" errors. Anything else (a storage failure in an upload handler) is ours.
 */
function isUnreadableBody(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && /^malformed multipart/i.test(error.message));
}

/**
 * Reads a body with `read` (request.formData() or a multipart parser): 415 when the body is not a
 * form at all, 400 when it cannot be read as one. Other errors (a part over the size limit) pass.
 */
export async function readBody<T>(request: Request, read: () => Promise<T>): Promise<T> {
  const type = mediaType(request);
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") throw errorResponse(request, 415);
  try {
    return await read();
  } catch (error) {
    if (isUnreadableBody(error)) throw badRequest(request);
    throw error;
  }
}

/** The form of a plain (or multipart, files kept in memory) POST: 415 when it is no form, 400 when unreadable. */
export function formBody(request: Request): Promise<FormData> {
  return readBody(request, () => request.formData());
}
