/**
 * Events as lists: the filtered list (most recent first, past events included, paged by key on the
 * index Event(startsAt DESC, id DESC)), its CSV export, the month calendar, "by country" and the
 * figures per country and month that the monthly report quotes.
 *
 * Months are the event's own: an event on 30 Nov 2017 at 20:00 in Los Angeles counts in November
 * even though it is already December in UTC.
 */
import { db, Prisma } from "~/lib/db.server";
import { boundedCount, decodeCursor, encodeCursor, likeContains, searchTerm, type ListCount } from "~/lib/paging.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { csvLine, UTF8_BOM } from "~/modules/contacts";
import { HANDED_OUT_SQL } from "~/modules/materials/index.server";
import { subdivisionName } from "~/modules/geo";
import type { EventLocation } from "./fields";
import { addCounts, withRatios, ZERO_COUNTS, type Figures, type OutcomeCounts } from "./figures";
import { dateParam } from "~/lib/params";
import { optionsCursor, pageOf, type OptionsPage, type OptionsQuery } from "~/lib/options.server";
import { filterFromSearchParams, filterToSearchParams, type EventFilter } from "./schema";
import { datesBetween, monthBounds, startOfZonedDay, utcToZoned, zonedDate } from "~/lib/time";
import { ONLINE_EVENT_SQL } from "./report-part.server";
import { REPORT_PARTS, type ReportPart } from "~/modules/reports";

export const PAGE_SIZE = 50;

export type EventListRow = EventLocation & {
  id: string;
  name: string;
  kind: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  reportPart: ReportPart;
  expectedAttendance: number | null;
  estimatedAttendance: number | null;
  credentialAppointments: number | null;
  registrationRequests: number | null;
  outcomesRecordedAt: Date | null;
  partners: string | null;
  staff: string | null;
  staffCount: number;
  staffConfirmed: number;
  /** Only when asked for: it comes from the materials ledger (read:material). */
  handedOut?: number;
  signups: number;
  confirmedSignups: number;
};

const SEARCH_EXPR = Prisma.sql`search_text(e."name" || ' ' || coalesce(e."city", '') || ' ' || coalesce(e."venue", ''))`;

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The WHERE fragment (alias e) for a filter. Dates are calendar days in the viewer's zone. */
export function eventWhere(filter: EventFilter, viewerZone: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const term = searchTerm(filter.q);
  if (term) for (const word of new Set(term.split(/\s+/).filter(Boolean))) parts.push(Prisma.sql`${SEARCH_EXPR} LIKE ${likeContains(word)}`);
  if (filter.kind) parts.push(Prisma.sql`e."kind" = ${filter.kind}::"EventKind"`);
  if (filter.status) parts.push(Prisma.sql`e."status" = ${filter.status}::"EventStatus"`);
  if (filter.country) parts.push(Prisma.sql`e."country" = ${filter.country}`);
  if (filter.state) parts.push(Prisma.sql`e."state" = ${filter.state}`);
  // An event is in the range when it overlaps it (a five-week operation shows in every week).
  if (filter.from) parts.push(Prisma.sql`e."endsAt" > ${startOfZonedDay(filter.from, viewerZone)}`);
  if (filter.to) parts.push(Prisma.sql`e."startsAt" < ${startOfZonedDay(nextDay(filter.to), viewerZone)}`);
  if (filter.staff) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "EventStaff" s WHERE s."eventId" = e.id AND s."userId" = ${filter.staff})`);
  if (filter.partner) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "EventPartner" p WHERE p."eventId" = e.id AND p."partnerId" = ${filter.partner})`);
  if (filter.reportPart) parts.push(Prisma.sql`e."reportPart" = ${filter.reportPart}::"ReportPart"`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

const LIST_SELECT = Prisma.sql`e.id, e."name", e."kind"::text AS "kind", e."status"::text AS "status", e."startsAt", e."endsAt", e."timeZone",
  e."country", e."state", e."city", e."venue", e."onlineUrl", e."reportPart"::text AS "reportPart", e."expectedAttendance", e."estimatedAttendance", e."credentialAppointments",
  e."registrationRequests", e."outcomesRecordedAt",
  (SELECT string_agg(pa."name", '; ' ORDER BY pa."name") FROM "EventPartner" ep JOIN "Partner" pa ON pa.id = ep."partnerId" WHERE ep."eventId" = e.id) AS "partners",
  (SELECT string_agg(u."name", '; ' ORDER BY u."name") FROM "EventStaff" es JOIN "User" u ON u.id = es."userId" WHERE es."eventId" = e.id) AS "staff",
  (SELECT count(*)::int FROM "EventStaff" es WHERE es."eventId" = e.id) AS "staffCount",
  (SELECT count(*)::int FROM "EventStaff" es WHERE es."eventId" = e.id AND es.confirmed) AS "staffConfirmed",
  (SELECT count(*)::int FROM "EventSignup" su WHERE su."eventId" = e.id) AS "signups",
  (SELECT count(su."confirmedAt")::int FROM "EventSignup" su WHERE su."eventId" = e.id) AS "confirmedSignups"`;

// The list page never shows it; the CSV adds it for readers of the materials ledger.
const HANDED_OUT_SELECT = Prisma.sql`, ${HANDED_OUT_SQL} AS "handedOut"`;

function parseCursor(cursor: string | null | undefined): { startsAt: Date; id: string } | null {
  const values = decodeCursor(cursor, 2);
  if (!values) return null;
  const [at, id] = values;
  if (typeof at !== "string" || typeof id !== "string" || Number.isNaN(Date.parse(at))) return null;
  return { startsAt: new Date(at), id };
}

async function selectPage(
  where: Prisma.Sql,
  cursor: { startsAt: Date; id: string } | null,
  take: number,
  handedOut = false,
): Promise<{ rows: EventListRow[]; next: string | null }> {
  const after = cursor ? Prisma.sql`AND (e."startsAt", e.id) < (${cursor.startsAt}, ${cursor.id})` : Prisma.empty;
  const rows = await db.$queryRaw<EventListRow[]>`
    SELECT ${LIST_SELECT} ${handedOut ? HANDED_OUT_SELECT : Prisma.empty} FROM "Event" e WHERE ${where} ${after}
    ORDER BY e."startsAt" DESC, e.id DESC LIMIT ${take + 1}`;
  const page = rows.slice(0, take);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > take && last ? encodeCursor([last.startsAt.toISOString(), last.id]) : null };
}

/** The list's filter from a request's URL: a from/to that is not a calendar day (2017-02-30) is a 400. */
export function eventFilterFromUrl(request: Request, url: URL): EventFilter {
  dateParam(request, url.searchParams.get("from"));
  dateParam(request, url.searchParams.get("to"));
  return filterFromSearchParams(url.searchParams);
}

export type EventList = { rows: EventListRow[]; nextCursor: string | null; count: ListCount };

export async function listEvents(filter: EventFilter, cursor: string | null | undefined, viewerZone: string, take = PAGE_SIZE): Promise<EventList> {
  const where = eventWhere(filter, viewerZone);
  const [page, count] = await Promise.all([selectPage(where, parseCursor(cursor), take), boundedCount(Prisma.sql`"Event" e`, where)]);
  return { rows: page.rows, nextCursor: page.next, count };
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────────

export const CSV_COLUMNS = [
  "name",
  "kind",
  "status",
  "startLocal",
  "endLocal",
  "timeZone",
  "startsAtUtc",
  "country",
  "state",
  "city",
  "venue",
  "onlineUrl",
  "reportPart",
  "partners",
  "staff",
  "expectedAttendance",
  "estimatedAttendance",
  "credentialAppointments",
  "registrationRequests",
  "handedOut",
  "signups",
  "confirmedSignups",
] as const;

export const CSV_HEADERS: Record<"es" | "en", Record<(typeof CSV_COLUMNS)[number], string>> = {
  es: {
    name: "nombre",
    kind: "tipo",
    status: "estado_evento",
    startLocal: "inicio_local",
    endLocal: "fin_local",
    timeZone: "zona_horaria",
    startsAtUtc: "inicio_utc",
    country: "país",
    state: "estado",
    city: "ciudad",
    venue: "sede",
    onlineUrl: "enlace",
    reportPart: "se_informa_en",
    partners: "instituciones",
    staff: "personal",
    expectedAttendance: "asistencia_esperada",
    estimatedAttendance: "asistencia_estimada",
    credentialAppointments: "citas_credencial",
    registrationRequests: "solicitudes_registro",
    handedOut: "materiales_entregados",
    signups: "registros_kiosco",
    confirmedSignups: "registros_confirmados",
  },
  en: {
    name: "name",
    kind: "kind",
    status: "status",
    startLocal: "start_local",
    endLocal: "end_local",
    timeZone: "time_zone",
    startsAtUtc: "starts_at_utc",
    country: "country",
    state: "state",
    city: "city",
    venue: "venue",
    onlineUrl: "online_url",
    reportPart: "report_part",
    partners: "partners",
    staff: "staff",
    expectedAttendance: "expected_attendance",
    estimatedAttendance: "estimated_attendance",
    credentialAppointments: "credential_appointments",
    registrationRequests: "registration_requests",
    handedOut: "items_handed_out",
    signups: "kiosk_signups",
    confirmedSignups: "confirmed_signups",
  },
};

function csvCells(row: EventListRow, columns: ReadonlyArray<(typeof CSV_COLUMNS)[number]>): unknown[] {
  return columns.map((column) => {
    switch (column) {
      case "startLocal":
        return utcToZoned(row.startsAt, row.timeZone).replace("T", " ");
      case "endLocal":
        return utcToZoned(row.endsAt, row.timeZone).replace("T", " ");
      case "startsAtUtc":
        return row.startsAt.toISOString();
      case "state":
        // Stored as an ISO 3166-2 code in the US, Canada and Mexico; a reader wants the name, as the CSV always gave.
        return subdivisionName(row.state);
      default:
        return row[column];
    }
  });
}

type CsvOptions = { delimiter?: string; lang?: "es" | "en"; pageSize?: number; materials?: boolean };

/**
 * The filtered list as CSV text chunks (BOM and header first; every cell neutralised).
 * `materials: false` (a reader without read:material) leaves out the items-handed-out column.
 */
export async function* eventsCsv(filter: EventFilter, viewerZone: string, opts: CsvOptions = {}, progress = { rows: 0 }) {
  const delimiter = opts.delimiter ?? ",";
  const headers = CSV_HEADERS[opts.lang ?? "es"];
  const materials = opts.materials ?? true;
  const columns = materials ? CSV_COLUMNS : CSV_COLUMNS.filter((c) => c !== "handedOut");
  yield UTF8_BOM + csvLine(columns.map((c) => headers[c]), delimiter);
  const where = eventWhere(filter, viewerZone);
  let cursor: { startsAt: Date; id: string } | null = null;
  for (;;) {
    const page: { rows: EventListRow[]; next: string | null } = await selectPage(where, cursor, opts.pageSize ?? 1000, materials);
    if (page.rows.length) {
      progress.rows += page.rows.length;
      yield page.rows.map((row) => csvLine(csvCells(row, columns), delimiter)).join("");
    }
    if (!page.next) break;
    cursor = parseCursor(page.next);
  }
}

/** The export as a Response body; audited once the last row is written (with the row count). */
export function eventsCsvStream(actor: AuditActor, filter: EventFilter, viewerZone: string, opts: Omit<CsvOptions, "pageSize"> = {}): ReadableStream<Uint8Array> {
  const progress = { rows: 0 };
  const chunks = eventsCsv(filter, viewerZone, opts, progress);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          await audit(actor, { action: "events.export", entity: "event", after: { filter: Object.fromEntries(filterToSearchParams(filter)), rows: progress.rows } });
          controller.close();
        } else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

// ── Calendar ────────────────────────────────────────────────────────────────────────────────────

export type CalendarEvent = { id: string; name: string; kind: string; status: string; startsAt: Date; endsAt: Date; timeZone: string; city: string | null; country: string | null };

/**
 * The month's events by day ("YYYY-MM-DD" → events), each on every local day it spans in its own
 * zone, within the month.
 */
export async function calendarMonth(month: string): Promise<{ days: Record<string, CalendarEvent[]>; count: number }> {
  const { first, next } = monthBounds(month);
  // A day's margin on both sides covers every zone; the exact local days are computed below.
  const from = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000);
  const to = new Date(Date.parse(`${next}T00:00:00Z`) + 86_400_000);
  const events = await db.event.findMany({
    where: { startsAt: { lt: to }, endsAt: { gt: from } },
    select: { id: true, name: true, kind: true, status: true, startsAt: true, endsAt: true, timeZone: true, city: true, country: true },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 1000,
  });
  const days: Record<string, CalendarEvent[]> = {};
  const lastDay = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  let count = 0;
  for (const event of events) {
    const startDay = zonedDate(event.startsAt, event.timeZone);
    const endDay = zonedDate(new Date(event.endsAt.getTime() - 1), event.timeZone);
    const fromDay = startDay < first ? first : startDay;
    const toDay = endDay > lastDay ? lastDay : endDay;
    if (fromDay > toDay) continue;
    count += 1;
    for (const day of datesBetween(fromDay, toDay)) (days[day] ??= []).push(event);
  }
  return { days, count };
}

/**
 * The month the calendar opens on: the current one (in the viewer's zone) when it has events,
 * otherwise the month of the most recent event that has started (or, with none, the next one).
 */
export async function defaultCalendarMonth(viewerZone: string, now = new Date()): Promise<string> {
  const current = zonedDate(now, viewerZone).slice(0, 7);
  const { count } = await calendarMonth(current);
  if (count > 0) return current;
  const recent =
    (await db.event.findFirst({ where: { startsAt: { lte: now } }, orderBy: [{ startsAt: "desc" }, { id: "desc" }], select: { startsAt: true, timeZone: true } })) ??
    (await db.event.findFirst({ orderBy: [{ startsAt: "asc" }, { id: "asc" }], select: { startsAt: true, timeZone: true } }));
  return recent ? zonedDate(recent.startsAt, recent.timeZone).slice(0, 7) : current;
}

// ── Figures by country and month ────────────────────────────────────────────────────────────────

/** What the figures name of an event, beside its counts. */
type CountedEvent = Pick<EventListRow, "id" | "name" | "kind" | "status" | "country" | "state" | "city" | "startsAt" | "timeZone">;

type OutcomeRow = CountedEvent & {
  month: string;
  reportPart: ReportPart;
  online: boolean;
  attendance: number;
  appointments: number;
  registrationRequests: number;
  handedOut: number;
  signups: number;
  confirmedSignups: number;
};

/** isHeld() in SQL, over "Event" aliased e: started by `now` and not cancelled. */
export function heldEventSql(now: Date): Prisma.Sql {
  return Prisma.sql`e."status" <> 'CANCELLED'::"EventStatus" AND e."startsAt" <= ${now}`;
}

/** One row per event held by `now` (see isHeld) whose local start falls in [fromMonth, toMonth). */
async function outcomeRows(fromMonth: string, toMonthExclusive: string, now: Date): Promise<OutcomeRow[]> {
  const from = new Date(Date.parse(`${fromMonth}-01T00:00:00Z`) - 86_400_000);
  const to = new Date(Date.parse(`${toMonthExclusive}-01T00:00:00Z`) + 86_400_000);
  return db.$queryRaw<OutcomeRow[]>`
    SELECT * FROM (
      SELECT e.id, e."name", e."status"::text AS "status", e."country", e."state", e."city", e."startsAt", e."timeZone",
        to_char(e."startsAt" AT TIME ZONE e."timeZone", 'YYYY-MM') AS "month",
        e."kind"::text AS "kind", e."reportPart"::text AS "reportPart", ${ONLINE_EVENT_SQL} AS "online",
        coalesce(e."estimatedAttendance", 0) AS "attendance",
        coalesce(e."credentialAppointments", 0) AS "appointments",
        coalesce(e."registrationRequests", 0) AS "registrationRequests",
        ${HANDED_OUT_SQL} AS "handedOut",
        su."signups", su."confirmedSignups"
      FROM "Event" e
      -- Both counts in one read of the (eventId, confirmedAt) index: 43 → 12 ms for a year of 1,800 events.
      CROSS JOIN LATERAL (SELECT count(*)::int AS "signups", count(s."confirmedAt")::int AS "confirmedSignups" FROM "EventSignup" s WHERE s."eventId" = e.id) su
      WHERE e."startsAt" >= ${from} AND e."startsAt" < ${to} AND ${heldEventSql(now)}
    ) AS r
    WHERE r."month" >= ${fromMonth} AND r."month" < ${toMonthExclusive}
    ORDER BY r."startsAt" ASC, r.id ASC`;
}

function countsOf(row: OutcomeRow): OutcomeCounts {
  return {
    events: 1,
    attendance: row.attendance,
    appointments: row.appointments,
    registrationRequests: row.registrationRequests,
    signups: row.signups,
    confirmedSignups: row.confirmedSignups,
    handedOut: row.handedOut,
  };
}

export type CountryFigures = { country: string | null; figures: Figures };
export type CountryMonthFigures = { country: string | null; month: string; figures: Figures };

function groupBy<K extends string>(rows: OutcomeRow[], key: (row: OutcomeRow) => K): Map<K, OutcomeCounts> {
  const out = new Map<K, OutcomeCounts>();
  for (const row of rows) out.set(key(row), addCounts(out.get(key(row)) ?? ZERO_COUNTS, countsOf(row)));
  return out;
}

const byCountryOrder = (a: { country: string | null; figures: Figures }, b: { country: string | null; figures: Figures }) =>
  b.figures.events - a.figures.events || (a.country ?? "~").localeCompare(b.country ?? "~");

/**
 * Where a held event is counted in the report: its stored part (Event.reportPart, explicit and
 * editable, defaulted by report-part.ts), except that an online event is never «comunidad en el
 * extranjero» (the form refuses it; a row stored so before the rule existed is counted under
 * INSTITUTIONAL, the default for online events, and said so with `reclassified`).
 */
function countedPart(row: Pick<OutcomeRow, "reportPart" | "online">): { reportPart: ReportPart; reclassified: boolean } {
  if (row.online && row.reportPart === "COMMUNITY_ABROAD") return { reportPart: "INSTITUTIONAL", reclassified: true };
  return { reportPart: row.reportPart, reclassified: false };
}

export type MonthEventFigures = CountedEvent & {
  /** Where the report counts it (see countedPart); each event is in exactly one part. */
  reportPart: ReportPart;
  /** Stored as COMMUNITY_ABROAD but online: counted under INSTITUTIONAL instead. */
  reclassified: boolean;
  /** isOnlineEvent: a virtual workshop, no country, or an online address without a venue. */
  online: boolean;
  figures: Figures;
};

export type EventMonthFigures = {
  month: string;
  events: MonthEventFigures[];
  byCountry: CountryFigures[];
  /** Every part (zeros included); the parts add up to `totals` (an event is counted once). */
  byPart: Record<ReportPart, Figures>;
  totals: Figures;
};

/**
 * The events figures of a month — the one definition the home page, the report, its CSV annex and
 * "by country" all use (decision 018): each event held by `now` (isHeld: started, not cancelled)
 * whose local date is in the month, each country (null = no country) and the totals, and per
 * report part (byPart): «comunidad en el extranjero» is byPart.COMMUNITY_ABROAD — never an online
 * event, so no attendance abroad comes from one — «instancias educativas» byPart.EDUCATIONAL, etc.
 * totals.events is "events held"; attendance, appointments and requests are those events' outcomes.
 */
export async function eventFiguresForMonth(year: number, month: number, now: Date = new Date()): Promise<EventMonthFigures> {
  return (await eventFiguresForMonths(year, month, 1, now))[0]!;
}

/**
 * The figures of `count` consecutive months from year-month (oldest first), each exactly what
 * eventFiguresForMonth gives for it: the held events of the whole range read once (outcomeRows),
 * then split by their local month. The home compares a month with the one before in one read.
 */
export async function eventFiguresForMonths(year: number, month: number, count: number, now: Date = new Date()): Promise<EventMonthFigures[]> {
  const keyOf = (i: number) => `${year + Math.floor((month - 1 + i) / 12)}-${String(((month - 1 + i) % 12) + 1).padStart(2, "0")}`;
  const keys = Array.from({ length: count }, (_, i) => keyOf(i));
  const rows = await outcomeRows(keys[0]!, keyOf(count), now);
  const rowsOf = new Map<string, OutcomeRow[]>(keys.map((k) => [k, []]));
  for (const row of rows) rowsOf.get(row.month)?.push(row);
  return keys.map((key) => monthFigures(key, rowsOf.get(key)!));
}

/** One month's figures from its outcome rows (in outcomeRows' order). */
function monthFigures(key: string, rows: OutcomeRow[]): EventMonthFigures {
  const countries = groupBy(rows, (r) => r.country ?? "");
  const parts = groupBy(rows, (r) => countedPart(r).reportPart);
  return {
    month: key,
    events: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      status: r.status,
      country: r.country,
      state: r.state,
      city: r.city,
      startsAt: r.startsAt,
      timeZone: r.timeZone,
      ...countedPart(r),
      online: r.online,
      figures: withRatios(countsOf(r)),
    })),
    byCountry: [...countries].map(([country, counts]) => ({ country: country || null, figures: withRatios(counts) })).sort(byCountryOrder),
    byPart: Object.fromEntries(REPORT_PARTS.map((part) => [part, withRatios(parts.get(part) ?? ZERO_COUNTS)])) as Record<ReportPart, Figures>,
    totals: withRatios(rows.reduce((sum, r) => addCounts(sum, countsOf(r)), ZERO_COUNTS)),
  };
}

/** "By country" for a year: per country, and per country and month, with the year's totals. */
export async function figuresByCountry(year: number, now: Date = new Date()) {
  const rows = await outcomeRows(`${year}-01`, `${year + 1}-01`, now);
  const perCountry = groupBy(rows, (r) => r.country ?? "");
  const perCountryMonth = groupBy(rows, (r) => `${r.country ?? ""}|${r.month}`);
  return {
    year,
    countries: [...perCountry].map(([country, counts]) => ({ country: country || null, figures: withRatios(counts) })).sort(byCountryOrder),
    months: [...perCountryMonth]
      .map(([k, counts]) => {
        const [country = "", month = ""] = k.split("|");
        return { country: country || null, month, figures: withRatios(counts) };
      })
      .sort((a, b) => a.month.localeCompare(b.month) || (a.country ?? "~").localeCompare(b.country ?? "~")),
    totals: withRatios(rows.reduce((sum, r) => addCounts(sum, countsOf(r)), ZERO_COUNTS)),
  };
}

/** The years that have events (newest first), and the one "by country" opens on. */
export async function eventYears(now = new Date()): Promise<{ years: number[]; defaultYear: number }> {
  // Newest year first, then the greatest year below the last one found: one probe of
  // Event_localYear_idx per year (the expression must stay the index's, word for word).
  const rows = await db.$queryRaw<Array<{ year: number }>>`
    WITH RECURSIVE y AS (
      SELECT max(extract(year FROM e."startsAt" AT TIME ZONE e."timeZone")::int) AS year FROM "Event" e
      UNION ALL
      SELECT (SELECT max(extract(year FROM e."startsAt" AT TIME ZONE e."timeZone")::int) FROM "Event" e WHERE extract(year FROM e."startsAt" AT TIME ZONE e."timeZone")::int < y.year)
      FROM y WHERE y.year IS NOT NULL
    )
    SELECT year FROM y WHERE year IS NOT NULL LIMIT 50`;
  const years = rows.map((r) => r.year);
  const thisYear = now.getUTCFullYear();
  const recent = await db.event.findFirst({ where: { startsAt: { lte: now } }, orderBy: [{ startsAt: "desc" }, { id: "desc" }], select: { startsAt: true, timeZone: true } });
  const defaultYear = years.includes(thisYear) ? thisYear : recent ? Number(zonedDate(recent.startsAt, recent.timeZone).slice(0, 4)) : (years[0] ?? thisYear);
  return { years, defaultYear };
}

/** Filter choices: countries and states that have events, staff, partners linked to events. */
export async function getEventFilterOptions() {
  const [places, staff, partners] = await Promise.all([
    db.$queryRaw<Array<{ country: string; state: string | null }>>`
      SELECT DISTINCT "country", "state" FROM "Event" WHERE "country" IS NOT NULL ORDER BY "country", "state" LIMIT 500`,
    db.$queryRaw<Array<{ id: string; name: string }>>`
      SELECT DISTINCT u.id, u."name" FROM "EventStaff" s JOIN "User" u ON u.id = s."userId" ORDER BY u."name" LIMIT 500`,
    db.$queryRaw<Array<{ id: string; name: string }>>`
      SELECT DISTINCT p.id, p."name" FROM "EventPartner" ep JOIN "Partner" p ON p.id = ep."partnerId" ORDER BY p."name" LIMIT 500`,
  ]);
  return {
    countries: [...new Set(places.map((p) => p.country))],
    states: places.filter((p): p is { country: string; state: string } => !!p.state),
    staff,
    partners,
  };
}

/**
 * The event picker (SearchPicker, /events/options): up to `limit` events whose name, city or venue
 * holds every word of `q`, newest first — the list's trigram search and its (startsAt DESC, id DESC)
 * index, paged by that key. The label carries the date (events repeat names year after year).
 */
export async function eventOptions(query: OptionsQuery): Promise<OptionsPage> {
  const parts: Prisma.Sql[] = [];
  const term = searchTerm(query.q);
  if (term) for (const word of new Set(term.split(/\s+/).filter(Boolean))) parts.push(Prisma.sql`${SEARCH_EXPR} LIKE ${likeContains(word)}`);
  const after = optionsCursor(query.after, 2);
  const afterAt = after ? new Date(after[0]!) : null;
  if (after && afterAt && !Number.isNaN(afterAt.getTime())) parts.push(Prisma.sql`(e."startsAt", e."id") < (${afterAt}, ${after[1]})`);
  const rows = await db.$queryRaw<Array<{ id: string; name: string; startsAt: Date; city: string | null }>>`
    SELECT e."id", e."name", e."startsAt", e."city" FROM "Event" e
    WHERE ${parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`}
    ORDER BY e."startsAt" DESC, e."id" DESC LIMIT ${query.limit + 1}`;
  return pageOf(
    rows,
    query.limit,
    (r) => ({ id: r.id, label: `${r.name} · ${r.startsAt.toISOString().slice(0, 10)}`, detail: r.city }),
    (r) => encodeCursor([r.startsAt.toISOString(), r.id]),
  );
}
