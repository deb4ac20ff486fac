/**
 * The figures the monthly report quotes, low-stock alerts, and the CSV exports.
 *
 * Distributed = what reached a destination from the office's stock, net of what came back:
 * - to an event: received into the event's location (TRANSFER), brought there without a shipment
 *   for a hand-out (ADJUSTMENT whose reason starts with UNSHIPPED_PREFIX), less RETURNs from it; in the event's own
 *   month (its local start date), cancelled events left out;
 * - to a partner's office or a foreign-service post: received there (TRANSFER), in the month of
 *   the receipt in the office's time zone (settings).
 * A reversed movement and its reversal both count for nothing. One figure per destination line:
 * events abroad (the event's country is not MX), events in Mexico, online events (the events
 * module's one definition, isOnlineEvent / ONLINE_EVENT_SQL: a virtual workshop, no country, or an
 * online address without a venue — neither abroad nor in Mexico, whatever the organiser's
 * country), partners, foreign-service posts; `total` is their sum.
 *
 * What partners report handing out themselves (PartnerActivity.itemsDistributed, typed on the
 * activity) is not a ledger movement: it is returned beside the ledger figures as `partnerReported`,
 * labelled «reportado por la institución», and never added to them (issue 16: the report gave two
 * different totals when both were summed).
 */
import type { MaterialKind } from "~/generated/prisma/client";
import { db, Prisma } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { csvLine, UTF8_BOM } from "~/modules/contacts";
import { ONLINE_EVENT_SQL } from "~/modules/events/index.server";
import { getSettings } from "~/modules/settings/index.server";
import { UNSHIPPED_PREFIX } from "./fields";

export type DestinationKind = "EVENT" | "PARTNER_OFFICE" | "FOREIGN_SERVICE_POST";

/** The destination lines, in the report's order; `total` is their sum. */
export const DESTINATION_LINES = ["eventsAbroad", "eventsMexico", "eventsOnline", "partners", "foreignServicePosts"] as const;
export type DestinationLine = (typeof DESTINATION_LINES)[number];
export type Split = Record<DestinationLine, number> & { total: number };
const ZERO: Split = { eventsAbroad: 0, eventsMexico: 0, eventsOnline: 0, partners: 0, foreignServicePosts: 0, total: 0 };

type Row = { month: string; materialId: string; code: string; name: string; kind: MaterialKind; destKind: DestinationKind; destId: string; destName: string; country: string | null; online: boolean; quantity: number };

export function monthKey(year: number, month: number): { key: string; next: string } {
  const key = `${year}-${String(month).padStart(2, "0")}`;
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
  return { key, next };
}

const NOT_REVERSED = Prisma.sql`NOT EXISTS (SELECT 1 FROM "StockMovement" r WHERE r."reversesId" = s.id)`;

/**
 * The distribution rows of the months [first, end) (YYYY-MM keys), each row in its month: one read
 * for a single month (the figures page, the report) or for the home chart's six. A range read of
 * the same rows, grouped by month as well, rather than one call per month: each call re-reads the
 * events, locations and ledger of its window, and six calls were most of the home's time.
 */
async function distributionRows(first: string, end: string): Promise<Row[]> {
  const { timeZone } = await getSettings();
  // A day's margin on both sides covers every zone; the exact month is computed in SQL.
  const from = new Date(Date.parse(`${first}-01T00:00:00Z`) - 2 * 86_400_000);
  const to = new Date(Date.parse(`${end}-01T00:00:00Z`) + 2 * 86_400_000);
  return db.$queryRaw<Row[]>`
    WITH dist AS (
      SELECT s."materialId", 'EVENT' AS "destKind", e.id AS "destId", e."name" AS "destName", e."country", ${ONLINE_EVENT_SQL} AS online,
        CASE WHEN s."kind" = 'RETURN' THEN -s."quantity" ELSE s."quantity" END AS q,
        to_char(e."startsAt" AT TIME ZONE e."timeZone", 'YYYY-MM') AS month
      FROM "Event" e
        JOIN "Location" l ON l."eventId" = e.id
        -- Into the event's location and back out of it as two index reads: joined on an OR of the
        -- two columns the planner read the whole ledger.
        JOIN LATERAL (
          SELECT m.* FROM "StockMovement" m
          WHERE m."toLocationId" = l.id AND (m."kind" = 'TRANSFER' OR (m."kind" = 'ADJUSTMENT' AND m."reason" LIKE ${`${UNSHIPPED_PREFIX}%`}))
          UNION ALL
          SELECT m.* FROM "StockMovement" m WHERE m."fromLocationId" = l.id AND m."kind" = 'RETURN'
        ) s ON true
      WHERE e."startsAt" >= ${from} AND e."startsAt" < ${to} AND e."status" <> 'CANCELLED' AND ${NOT_REVERSED}
      UNION ALL
      SELECT s."materialId", l."kind"::text, l.id, l."name", l."country", false, s."quantity",
        to_char(s."occurredAt" AT TIME ZONE ${timeZone}, 'YYYY-MM')
      FROM "StockMovement" s JOIN "Location" l ON l.id = s."toLocationId"
      WHERE s."kind" = 'TRANSFER' AND l."kind" IN ('PARTNER_OFFICE', 'FOREIGN_SERVICE_POST')
        AND s."occurredAt" >= ${from} AND s."occurredAt" < ${to} AND ${NOT_REVERSED}
    )
    SELECT d.month, d."materialId", m."code", m."name", m."kind", d."destKind", d."destId", d."destName", d."country", d.online, sum(d.q)::int AS quantity
    FROM dist d JOIN "Material" m ON m.id = d."materialId"
    WHERE d.month >= ${first} AND d.month < ${end}
    GROUP BY d.month, d."materialId", m."code", m."name", m."kind", d."destKind", d."destId", d."destName", d."country", d.online
    HAVING sum(d.q) <> 0
    ORDER BY d.month, m."name", d."destName"`;
}

/** The one line a destination counts in: an online event is neither abroad nor in Mexico. */
function bucket(row: Pick<Row, "destKind" | "country" | "online">): DestinationLine {
  if (row.destKind === "PARTNER_OFFICE") return "partners";
  if (row.destKind === "FOREIGN_SERVICE_POST") return "foreignServicePosts";
  if (row.online || !row.country) return "eventsOnline";
  return row.country === "MX" ? "eventsMexico" : "eventsAbroad";
}

function add(split: Split, row: Row): Split {
  const b = bucket(row);
  return { ...split, [b]: split[b] + row.quantity, total: split.total + row.quantity };
}

export type MaterialDestination = { kind: DestinationKind; id: string; name: string; country: string | null; line: DestinationLine; quantity: number };

/** An activity in which a partner says it handed out items itself (not a ledger movement). */
export type PartnerReportedActivity = {
  activityId: string;
  /** The activity's calendar date, YYYY-MM-DD. */
  date: string;
  kind: string;
  /** Every institution of the activity (the lead one first), each once. */
  institutions: Array<{ id: string; name: string }>;
  summary: string;
  quantity: number;
};
export type PartnerReported = { total: number; byActivity: PartnerReportedActivity[] };

export type MaterialFigures = {
  month: string;
  /** The ledger: one figure per destination line; `total` = their sum. The only materials total. */
  totals: Split & {
    /** @deprecated the old name of `eventsOnline` (same value), until the report stops reading it. */
    eventsNoCountry: number;
  };
  handedOutAtEvents: number;
  byMaterial: Array<{ materialId: string; code: string; name: string; kind: MaterialKind } & Split>;
  byKind: Array<{ kind: MaterialKind } & Split>;
  byDestination: MaterialDestination[];
  byCountry: Array<{ country: string | null; quantity: number }>;
  /** What partners reported handing out themselves: shown labelled, never added to `totals`. */
  partnerReported: PartnerReported;
};

/**
 * The month's distribution from the ledger: totals per destination line, by material, by kind, by
 * destination and by country; what was handed out at the month's events; and, beside them and
 * never added to them, what partners reported handing out themselves (partnerReported).
 */
export async function materialFiguresForMonth(year: number, month: number): Promise<MaterialFigures> {
  return (await materialFiguresForMonths(year, month, 1))[0]!;
}

/**
 * The figures of `count` consecutive months from year-month (oldest first), each exactly what
 * materialFiguresForMonth gives for it: the same rows, read once for the whole range and split by
 * month (three queries whatever the count). The home's chart reads its six months so.
 */
export async function materialFiguresForMonths(year: number, month: number, count: number): Promise<MaterialFigures[]> {
  const keys = Array.from({ length: count }, (_, i) => monthKey(year + Math.floor((month - 1 + i) / 12), ((month - 1 + i) % 12) + 1).key);
  const first = keys[0]!;
  const end = monthKey(Number(keys.at(-1)!.slice(0, 4)), Number(keys.at(-1)!.slice(5, 7))).next;
  const [rows, handedOut, reported] = await Promise.all([distributionRows(first, end), handedOutByMonth(first, end), partnerReportedByMonth(first, end)]);
  const rowsOf = new Map<string, Row[]>(keys.map((k) => [k, []]));
  for (const row of rows) rowsOf.get(row.month)?.push(row);
  return keys.map((key) => figuresOf(key, rowsOf.get(key)!, handedOut.get(key) ?? 0, reported.get(key) ?? []));
}

/** One month's figures from its distribution rows (in distributionRows' order). */
function figuresOf(key: string, rows: Row[], handedOutAtEvents: number, reported: PartnerReportedActivity[]): MaterialFigures {
  const byMaterial = new Map<string, { materialId: string; code: string; name: string; kind: MaterialKind } & Split>();
  const byKind = new Map<MaterialKind, Split>();
  const byDestination = new Map<string, MaterialDestination>();
  const byCountry = new Map<string, number>();
  let totals = ZERO;
  for (const row of rows) {
    totals = add(totals, row);
    const m = byMaterial.get(row.materialId) ?? { materialId: row.materialId, code: row.code, name: row.name, kind: row.kind, ...ZERO };
    byMaterial.set(row.materialId, { ...m, ...add(m, row) });
    byKind.set(row.kind, add(byKind.get(row.kind) ?? ZERO, row));
    const d = byDestination.get(row.destId) ?? { kind: row.destKind, id: row.destId, name: row.destName, country: row.country, line: bucket(row), quantity: 0 };
    byDestination.set(row.destId, { ...d, quantity: d.quantity + row.quantity });
    byCountry.set(row.country ?? "", (byCountry.get(row.country ?? "") ?? 0) + row.quantity);
  }
  return {
    month: key,
    totals: { ...totals, eventsNoCountry: totals.eventsOnline },
    handedOutAtEvents,
    byMaterial: [...byMaterial.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "es")),
    byKind: [...byKind].map(([kind, split]) => ({ kind, ...split })).sort((a, b) => b.total - a.total),
    byDestination: [...byDestination.values()].sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name, "es")),
    byCountry: [...byCountry].map(([country, quantity]) => ({ country: country || null, quantity })).sort((a, b) => b.quantity - a.quantity),
    partnerReported: { total: reported.reduce((sum, a) => sum + a.quantity, 0), byActivity: reported },
  };
}

/** Handed out at the events of each month [first, end) (the event's local month; cancelled left out). */
async function handedOutByMonth(first: string, end: string): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<Array<{ month: string; quantity: number }>>`
    SELECT x.month, coalesce(sum(x."quantity"), 0)::int AS quantity FROM (
      SELECT s."quantity", to_char(e."startsAt" AT TIME ZONE e."timeZone", 'YYYY-MM') AS month
      FROM "StockMovement" s JOIN "Event" e ON e.id = s."eventId"
      WHERE s."kind" = 'HANDOUT' AND e."status" <> 'CANCELLED' AND ${NOT_REVERSED}
        AND e."startsAt" >= ${new Date(Date.parse(`${first}-01T00:00:00Z`) - 2 * 86_400_000)} AND e."startsAt" < ${new Date(Date.parse(`${end}-01T00:00:00Z`) + 2 * 86_400_000)}
    ) x
    WHERE x.month >= ${first} AND x.month < ${end}
    GROUP BY x.month`;
  return new Map(rows.map((r) => [r.month, r.quantity]));
}

/**
 * What partners said they handed out themselves in each month [first, end) (PartnerActivity.
 * itemsDistributed of the activities dated in it, any kind — MATERIALS_DELIVERED and others), each
 * activity once however many institutions share it, the first 1,000 of each month. Not from the
 * ledger; never added to its figures.
 */
async function partnerReportedByMonth(first: string, end: string): Promise<Map<string, PartnerReportedActivity[]>> {
  const rows = await db.$queryRaw<Array<{ month: string; id: string; date: string; kind: string; summary: string; quantity: number; institutions: Array<{ id: string; name: string }> }>>`
    SELECT a.month, a.id, to_char(a."occurredOn", 'YYYY-MM-DD') AS date, a."kind"::text AS kind, a."summary", a."itemsDistributed" AS quantity,
      (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p."name") ORDER BY (p.id = a."partnerId") DESC, p."name", p.id), '[]'::json)
         FROM "Partner" p
        -- A UNION, not "p.id = a.partnerId OR p.id IN (…)": the OR read every institution once per activity (660 → 18 ms at 5,000 institutions).
        WHERE p.id IN (SELECT a."partnerId" UNION SELECT x."partnerId" FROM "PartnerActivityPartner" x WHERE x."activityId" = a.id)) AS institutions
    FROM (
      SELECT a.*, to_char(a."occurredOn", 'YYYY-MM') AS month,
        row_number() OVER (PARTITION BY to_char(a."occurredOn", 'YYYY-MM') ORDER BY a."occurredOn", a.id) AS n
      FROM "PartnerActivity" a
      WHERE a."occurredOn" >= ${`${first}-01`}::date AND a."occurredOn" < ${`${end}-01`}::date AND a."itemsDistributed" > 0
    ) a
    WHERE a.n <= 1000
    ORDER BY a."occurredOn", a.id`;
  const out = new Map<string, PartnerReportedActivity[]>();
  for (const r of rows) {
    const list = out.get(r.month) ?? [];
    list.push({ activityId: r.id, date: r.date, kind: r.kind, institutions: r.institutions, summary: r.summary, quantity: r.quantity });
    out.set(r.month, list);
  }
  return out;
}

export type LowStockAlert = { materialId: string; code: string; name: string; unit: string; locationId: string; locationName: string; quantity: number; threshold: number };

/**
 * Active materials below their threshold in an active warehouse that keeps them (has held them
 * once), emptiest first.
 */
export async function lowStockAlerts(limit = 100): Promise<LowStockAlert[]> {
  return db.$queryRaw<LowStockAlert[]>`
    SELECT m.id AS "materialId", m."code", m."name", m."unit", l.id AS "locationId", l."name" AS "locationName",
      sl."quantity", m."lowStockThreshold" AS threshold
    FROM "StockLevel" sl JOIN "Material" m ON m.id = sl."materialId" JOIN "Location" l ON l.id = sl."locationId"
    WHERE m."active" AND m."lowStockThreshold" > 0 AND l."kind" = 'WAREHOUSE' AND l."active"
      AND sl."quantity" < m."lowStockThreshold"
    ORDER BY sl."quantity"::float / m."lowStockThreshold", m."name", l."name"
    LIMIT ${limit}`;
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────────

type Lang = "es" | "en";

const HEADERS = {
  stock: {
    es: ["clave", "material", "tipo", "unidad", "lugar", "tipo_de_lugar", "país", "existencia", "mínimo"],
    en: ["code", "material", "kind", "unit", "location", "location_kind", "country", "quantity", "threshold"],
  },
  movements: {
    es: ["id", "fecha_utc", "tipo", "clave", "material", "desde", "hacia", "cantidad", "envío", "proveedor", "orden", "motivo", "revierte", "revertido_por"],
    en: ["id", "occurred_at_utc", "kind", "code", "material", "from", "to", "quantity", "shipment", "supplier", "order_ref", "reason", "reverses", "reversed_by"],
  },
  figures: {
    es: ["mes", "clave", "material", "tipo", "eventos_extranjero", "eventos_méxico", "eventos_en_línea", "instituciones", "representaciones", "total"],
    en: ["month", "code", "material", "kind", "events_abroad", "events_mexico", "events_online", "partners", "foreign_service_posts", "total"],
  },
} as const;

export type CsvKind = keyof typeof HEADERS;

async function* stockCsv(delimiter: string, lang: Lang, progress: { rows: number }) {
  yield UTF8_BOM + csvLine(HEADERS.stock[lang], delimiter);
  let after: { m: string; l: string } | null = null;
  for (;;) {
    const cond: Prisma.Sql = after ? Prisma.sql`AND (sl."materialId", sl."locationId") > (${after.m}, ${after.l})` : Prisma.empty;
    const rows: Array<{ materialId: string; locationId: string; code: string; name: string; kind: string; unit: string; location: string; locationKind: string; country: string | null; quantity: number; threshold: number }> = await db.$queryRaw`
      SELECT sl."materialId", sl."locationId", m."code", m."name", m."kind"::text AS kind, m."unit", l."name" AS location, l."kind"::text AS "locationKind", l."country", sl."quantity", m."lowStockThreshold" AS threshold
      FROM "StockLevel" sl JOIN "Material" m ON m.id = sl."materialId" JOIN "Location" l ON l.id = sl."locationId"
      WHERE sl."quantity" > 0 ${cond} ORDER BY sl."materialId", sl."locationId" LIMIT 1000`;
    if (rows.length === 0) break;
    progress.rows += rows.length;
    yield rows.map((r) => csvLine([r.code, r.name, r.kind, r.unit, r.location, r.locationKind, r.country, r.quantity, r.threshold], delimiter)).join("");
    const last = rows[rows.length - 1]!;
    after = { m: last.materialId, l: last.locationId };
  }
}

async function* movementsCsv(year: number, month: number, delimiter: string, lang: Lang, progress: { rows: number }) {
  yield UTF8_BOM + csvLine(HEADERS.movements[lang], delimiter);
  const { key, next } = monthKey(year, month);
  const { timeZone } = await getSettings();
  let afterId = 0n;
  for (;;) {
    const rows: Array<{ id: bigint; occurredAt: Date; kind: string; code: string; name: string; fromName: string | null; toName: string | null; quantity: number; number: number | null; supplier: string | null; orderRef: string | null; reason: string | null; reversesId: bigint | null; reversedBy: bigint | null }> = await db.$queryRaw`
      SELECT s.id, s."occurredAt", s."kind"::text AS kind, m."code", m."name", f."name" AS "fromName", t."name" AS "toName", s."quantity", sh."number",
        s."supplier", s."orderRef", s."reason", s."reversesId", (SELECT r.id FROM "StockMovement" r WHERE r."reversesId" = s.id) AS "reversedBy"
      FROM "StockMovement" s JOIN "Material" m ON m.id = s."materialId" LEFT JOIN "Location" f ON f.id = s."fromLocationId"
        LEFT JOIN "Location" t ON t.id = s."toLocationId" LEFT JOIN "Shipment" sh ON sh.id = s."shipmentId"
      WHERE s."occurredAt" >= (${`${key}-01 00:00`}::timestamp AT TIME ZONE ${timeZone}) AND s."occurredAt" < (${`${next}-01 00:00`}::timestamp AT TIME ZONE ${timeZone})
        AND s.id > ${afterId}
      ORDER BY s.id LIMIT 1000`;
    if (rows.length === 0) break;
    progress.rows += rows.length;
    yield rows
      .map((r) => csvLine([r.id, r.occurredAt, r.kind, r.code, r.name, r.fromName, r.toName, r.quantity, r.number, r.supplier, r.orderRef, r.reason, r.reversesId, r.reversedBy], delimiter))
      .join("");
    afterId = rows[rows.length - 1]!.id;
  }
}

async function* figuresCsv(year: number, month: number, delimiter: string, lang: Lang, progress: { rows: number }) {
  yield UTF8_BOM + csvLine(HEADERS.figures[lang], delimiter);
  const figures = await materialFiguresForMonth(year, month);
  progress.rows = figures.byMaterial.length;
  yield figures.byMaterial.map((r) => csvLine([figures.month, r.code, r.name, r.kind, r.eventsAbroad, r.eventsMexico, r.eventsOnline, r.partners, r.foreignServicePosts, r.total], delimiter)).join("");
}

export function materialsCsv(kind: CsvKind, opts: { year?: number; month?: number; delimiter?: string; lang?: Lang } = {}, progress = { rows: 0 }): AsyncGenerator<string> {
  const delimiter = opts.delimiter ?? ",";
  const lang = opts.lang ?? "es";
  const year = opts.year ?? new Date().getUTCFullYear();
  const month = opts.month ?? new Date().getUTCMonth() + 1;
  if (kind === "stock") return stockCsv(delimiter, lang, progress);
  if (kind === "movements") return movementsCsv(year, month, delimiter, lang, progress);
  return figuresCsv(year, month, delimiter, lang, progress);
}

/** An export as a Response body; audited once the last row is written (with the row count). */
export function materialsCsvStream(actor: AuditActor, kind: CsvKind, opts: { year?: number; month?: number; delimiter?: string; lang?: Lang } = {}): ReadableStream<Uint8Array> {
  const progress = { rows: 0 };
  const chunks = materialsCsv(kind, opts, progress);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          await audit(actor, { action: "materials.export", entity: "material", after: { kind, year: opts.year ?? null, month: opts.month ?? null, rows: progress.rows } });
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

/** The month the figures page opens on: the latest with a movement into a destination, else this one. */
export async function latestDistributionMonth(now = new Date()): Promise<{ year: number; month: number }> {
  const rows = await db.$queryRaw<Array<{ at: Date }>>`
    SELECT s."occurredAt" AS at FROM "StockMovement" s
    WHERE s."kind" IN ('TRANSFER', 'HANDOUT') AND s."toLocationId" IS NOT NULL AND s."occurredAt" <= ${now}
    ORDER BY s."occurredAt" DESC LIMIT 1`;
  const at = rows[0]?.at ?? now;
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1 };
}
