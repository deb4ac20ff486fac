/**
 * The scale dataset (issue 20): years of an office's records in a database of its own, for
 * bench/pages.ts. Deterministic (row i of every table is a function of i; the time window is fixed:
 * it ends on 1 January 2027), generated with set-based SQL (`INSERT … SELECT generate_series`).
 *
 *   npm run seed:scale -- --years 10 [--scale 0.05] [--database alcance_scale] [--keep-demo]
 *
 * Steps: drop and create the database, migrate it with the project's migrations, load the demo data
 * (prisma/seed.ts: one user per role, the contributors, November 2017 with every relation; the
 * password is SEED_PASSWORD or the demo one), then add the volume below. Sizes at --years 10 and
 * --scale 1 (the figures); each is multiplied by years/10 × scale:
 *   1,000,000 contacts (+ one consent record each), 5,000 institutions, 60,000 activities (+ 20,000
 *   follow-ups), 20,000 events with outcomes and 200,000 sign-ups, 500 materials, 1,000,000 ledger
 *   movements, 30,000 shipments, 10 contests with 2,000 submissions (5 juries scored), 500 bulletins,
 *   120 monthly reports with meetings, contributions and enquiries, 5 years of audit log (10,000,000).
 * Sampled: bulletin deliveries. All of them would be 500 × ~900,000 ≈ 450M rows (≈ 60 GB with their
 * indexes); each bulletin keeps its real recipient count and DELIVERY_SAMPLE delivery rows.
 */
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import pg from "pg";

const { values: opts } = parseArgs({
  args: process.argv.slice(2),
  options: {
    years: { type: "string", default: "10" },
    scale: { type: "string", default: "1" },
    database: { type: "string", default: "alcance_scale" },
  },
  strict: true,
});

const YEARS = Number(opts.years);
const SCALE = Number(opts.scale);
if (!Number.isInteger(YEARS) || YEARS < 1 || YEARS > 10 || !(SCALE > 0 && SCALE <= 1)) {
  console.error("--years must be an integer 1–10 and --scale a number in (0, 1]");
  process.exit(2);
}
if (!/^[\w-]+$/.test(opts.database)) {
  console.error(`refusing the database name "${opts.database}"`);
  process.exit(2);
}
const FACTOR = (YEARS / 10) * SCALE;
const n = (full: number, min = 1) => Math.max(min, Math.round(full * FACTOR));
export const SIZES = {
  contacts: n(1_000_000, 1000),
  partners: n(5_000, 50),
  activities: n(60_000, 100),
  followUps: n(20_000, 50),
  events: n(20_000, 100),
  signups: n(200_000, 500),
  materials: Math.max(20, Math.round(500 * SCALE)),
  locations: Math.max(20, Math.round(300 * SCALE)),
  movements: n(1_000_000, 1000),
  shipments: n(30_000, 50),
  contests: Math.max(2, Math.round(YEARS * SCALE)),
  submissions: n(2_000, 20),
  bulletins: n(500, 10),
  months: YEARS * 12,
  meetingsPerMonth: 10,
  auditRows: n(10_000_000, 10_000),
};
// Delivery rows kept per bulletin (see above).
const DELIVERY_SAMPLE = Math.max(100, Math.round(10_000 * SCALE));
const WINDOW_END = "2027-01-01";
const WINDOW_START = `${2027 - YEARS}-01-01`;

const log = (message: string) => console.error(`[seed:scale] ${message}`);
const BASE_URL = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/alcance";
const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};
export const SCALE_URL = withDatabase(BASE_URL, opts.database);

async function recreate(): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(BASE_URL, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${opts.database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${opts.database}"`);
  await admin.end();
  const env = { ...process.env, DATABASE_URL: SCALE_URL };
  log("migrating");
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env, stdio: ["ignore", "ignore", "inherit"] });
  log("loading the demo data (users of every role, November 2017)");
  execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
}

// h(k): a deterministic non-negative pseudo-random integer for row g.i and purpose k.
const h = (k: number) => `(hashint8(g.i::bigint * 64 + ${k}) & 2147483647)`;
// A timestamp in the window, spread evenly by row (row i of n).
const spread = (total: number) => `(timestamptz '${WINDOW_START}' + (g.i - 1) * ((timestamptz '${WINDOW_END}' - timestamptz '${WINDOW_START}') / ${total}))`;

const GIVEN = ["María", "José", "Juan", "Guadalupe", "Luis", "Ana", "Jesús", "Carlos", "Francisco", "Miguel", "Verónica", "Alejandro", "Sofía", "Fernanda", "Lucía", "Ramón", "Andrés", "Mónica", "Raúl", "Patricia", "Héctor", "Beatriz", "Inés", "Rocío", "Tomás", "Ximena", "Óscar", "Itzel"];
const FAMILY = ["Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres", "Díaz", "Gutiérrez", "Ruiz", "Mendoza", "Aguilar", "Ortiz", "Moreno", "Castillo", "Romero", "Álvarez", "Méndez", "Chávez", "Rivera", "Juárez", "Ramos"];
const CITIES: Array<[string, string, string, string]> = [
  ["US", "California", "Los Ángeles", "America/Los_Angeles"], ["US", "Texas", "Houston", "America/Chicago"], ["US", "Illinois", "Chicago", "America/Chicago"],
  ["US", "Arizona", "Phoenix", "America/Phoenix"], ["US", "Nueva York", "Nueva York", "America/New_York"], ["US", "Texas", "Dallas", "America/Chicago"],
  ["CA", "Ontario", "Toronto", "America/Toronto"], ["ES", "Madrid", "Madrid", "Europe/Madrid"], ["DE", "Berlín", "Berlín", "Europe/Berlin"],
  ["MX", "Jalisco", "Guadalajara", "America/Mexico_City"],
];
const TAGS = ["voto-2018", "credencial", "boletin", "chicago", "houston", "los-angeles", "estudiante", "voluntario", "prensa", "consulado"];
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (a: string[]) => `ARRAY[${a.map(lit).join(",")}]::text[]`;
const pick = (a: string[], k: number) => `(${arr(a)})[1 + ${h(k)} % ${a.length}]`;
const city = (col: 0 | 1 | 2 | 3, k: number) => `(${arr(CITIES.map((c) => c[col]))})[1 + ${h(k)} % ${CITIES.length}]`;
const enumPick = (type: string, values: string[], k: number) => `(${arr(values)})[1 + ${h(k)} % ${values.length}]::"${type}"`;

type Step = { name: string; rows?: number; sql: string | string[] };

function steps(): Step[] {
  const S = SIZES;
  const monthsSql = `SELECT to_char(timestamptz '${WINDOW_START}' + (m.i * interval '1 month'), 'YYYY-MM') AS month, m.i FROM generate_series(0, ${S.months - 1}) AS m(i)`;
  return [
    {
      name: "contacts",
      rows: S.contacts,
      sql: `INSERT INTO "Contact" ("id", "email", "givenName", "familyName", "country", "state", "city", "language", "tags", "source", "consentStatus", "subscriptionStatus", "createdAt", "updatedAt")
        SELECT 10000000 + g.i, 'persona' || g.i || '@scale.example', ${pick(GIVEN, 1)}, ${pick(FAMILY, 2)} || ' ' || ${pick(FAMILY, 3)},
          ${city(0, 4)}, ${city(1, 4)}, ${city(2, 4)}, CASE WHEN ${h(5)} % 10 < 7 THEN 'es' ELSE 'en' END,
          CASE WHEN ${h(6)} % 3 = 0 THEN '{}'::text[] ELSE ARRAY[${pick(TAGS, 7)}] END,
          (CASE WHEN ${h(8)} % 10 < 8 THEN 'IMPORT' ELSE 'EVENT_SIGNUP' END)::"ContactSource",
          (CASE WHEN ${h(9)} % 100 < 88 THEN 'CONFIRMED' WHEN ${h(9)} % 100 < 96 THEN 'PENDING' ELSE 'WITHDRAWN' END)::"ConsentStatus",
          (CASE WHEN ${h(10)} % 100 < 92 THEN 'SUBSCRIBED' WHEN ${h(10)} % 100 < 97 THEN 'UNSUBSCRIBED' ELSE 'BOUNCED' END)::"SubscriptionStatus",
          ${spread(S.contacts)}, ${spread(S.contacts)}
        FROM generate_series(1, ${S.contacts}) AS g(i)`,
    },
    {
      name: "consent records",
      rows: S.contacts,
      sql: `INSERT INTO "ConsentRecord" ("contactId", "status", "method", "basis", "privacyNoticeVersion", "privacyNoticeLanguage", "at")
        SELECT c."id", c."consentStatus", (CASE WHEN c."source" = 'IMPORT' THEN 'IMPORT' ELSE 'EVENT_SIGNUP' END)::"ConsentMethod", 'scale', 1, 'es', c."createdAt"
        FROM "Contact" c WHERE c."id" > 10000000`,
    },
    {
      name: "institutions",
      rows: S.partners,
      sql: `INSERT INTO "Partner" ("id", "name", "kind", "country", "state", "city", "status", "tags", "createdAt", "updatedAt")
        SELECT 'scp' || g.i, 'Institución ' || ${pick(FAMILY, 1)} || ' ' || g.i,
          ${enumPick("PartnerKind", ["CIVIL_SOCIETY", "CIVIL_SOCIETY", "UNIVERSITY", "FOREIGN_SERVICE_POST", "MEDIA", "PRIVATE_COMPANY", "LOCAL_ELECTORAL_BODY"], 2)},
          ${city(0, 3)}, ${city(1, 3)}, ${city(2, 3)}, (CASE WHEN ${h(4)} % 10 < 8 THEN 'ACTIVE' ELSE 'PROSPECT' END)::"PartnerStatus",
          CASE WHEN ${h(5)} % 2 = 0 THEN ARRAY[${pick(TAGS, 6)}] ELSE '{}'::text[] END, ${spread(S.partners)}, ${spread(S.partners)}
        FROM generate_series(1, ${S.partners}) AS g(i)`,
    },
    {
      name: "events",
      rows: S.events,
      sql: `INSERT INTO "Event" ("id", "name", "kind", "status", "startsAt", "endsAt", "timeZone", "country", "state", "city", "venue", "reportPart", "expectedAttendance",
          "estimatedAttendance", "credentialAppointments", "registrationRequests", "outcomesRecordedAt", "createdAt", "updatedAt")
        SELECT 'sce' || g.i, 'Feria de credencialización ' || ${city(2, 1)} || ' ' || g.i,
          ${enumPick("EventKind", ["COMMUNITY_FESTIVAL", "INFO_BOOTH", "FORUM", "WORKSHOP", "VIRTUAL_WORKSHOP", "CONSULAR_VISIT"], 2)},
          (CASE WHEN ${spread(S.events)} < timestamptz '2026-12-01' THEN (CASE WHEN ${h(3)} % 20 = 0 THEN 'CANCELLED' ELSE 'HELD' END) ELSE 'PLANNED' END)::"EventStatus",
          ${spread(S.events)}, ${spread(S.events)} + interval '4 hours', ${city(3, 1)}, ${city(0, 1)}, ${city(1, 1)}, ${city(2, 1)}, 'Plaza ' || g.i,
          ${enumPick("ReportPart", ["COMMUNITY_ABROAD", "INSTITUTIONAL", "EDUCATIONAL"], 4)}, 100 + ${h(5)} % 900,
          CASE WHEN ${spread(S.events)} < timestamptz '2026-12-01' THEN 50 + ${h(6)} % 900 END,
          CASE WHEN ${spread(S.events)} < timestamptz '2026-12-01' THEN ${h(7)} % 80 END,
          CASE WHEN ${spread(S.events)} < timestamptz '2026-12-01' THEN ${h(8)} % 40 END,
          CASE WHEN ${spread(S.events)} < timestamptz '2026-12-01' THEN ${spread(S.events)} + interval '1 day' END,
          ${spread(S.events)} - interval '30 days', ${spread(S.events)}
        FROM generate_series(1, ${S.events}) AS g(i)`,
    },
    {
      name: "event partners",
      rows: S.events,
      sql: `INSERT INTO "EventPartner" ("eventId", "partnerId") SELECT 'sce' || g.i, 'scp' || (1 + ${h(1)} % ${S.partners}) FROM generate_series(1, ${S.events}) AS g(i)`,
    },
    {
      name: "event sign-ups",
      rows: S.signups,
      // Sign-up i: event i mod events, contact spread over the contacts (unique per event).
      sql: `INSERT INTO "EventSignup" ("eventId", "contactId", "at", "confirmedAt")
        SELECT 'sce' || (1 + (g.i - 1) % ${S.events}), 10000000 + 1 + ((g.i - 1) / ${S.events} * 7919 + (g.i - 1) % ${S.events} * 104729) % ${S.contacts},
          e."startsAt" - interval '2 days', CASE WHEN ${h(1)} % 2 = 0 THEN e."startsAt" END
        FROM generate_series(1, ${S.signups}) AS g(i) JOIN "Event" e ON e."id" = 'sce' || (1 + (g.i - 1) % ${S.events})
        ON CONFLICT DO NOTHING`,
    },
    {
      name: "activities",
      rows: S.activities,
      sql: [
        `INSERT INTO "PartnerActivity" ("id", "partnerId", "occurredOn", "kind", "summary", "peopleReached", "itemsDistributed", "reportPart", "createdAt", "updatedAt")
          SELECT 'sca' || g.i, 'scp' || (1 + ${h(1)} % ${S.partners}), ${spread(S.activities)}::date,
            ${enumPick("ActivityKind", ["MATERIALS_DELIVERED", "JOINT_EVENT", "PARTNER_BULLETIN", "MEDIA", "OTHER"], 2)}, 'Actividad conjunta ' || g.i,
            ${h(3)} % 500, ${h(4)} % 300, ${enumPick("ReportPart", ["INSTITUTIONAL", "COMMUNITY_ABROAD", "EDUCATIONAL", "DECENTRALIZED"], 5)}, ${spread(S.activities)}, ${spread(S.activities)}
          FROM generate_series(1, ${S.activities}) AS g(i)`,
        `INSERT INTO "PartnerActivityPartner" ("activityId", "partnerId") SELECT "id", "partnerId" FROM "PartnerActivity" WHERE "id" LIKE 'sca%'`,
      ],
    },
    {
      name: "follow-ups",
      rows: S.followUps,
      sql: `INSERT INTO "FollowUp" ("id", "partnerId", "activityId", "title", "ownerId", "dueOn", "state", "doneAt", "createdAt", "updatedAt")
        SELECT 'scf' || g.i, a."partnerId", a."id", 'Dar seguimiento ' || g.i, u."id", a."occurredOn" + 14,
          (CASE WHEN a."occurredOn" < date '2026-11-01' AND ${h(2)} % 10 > 0 THEN 'DONE' ELSE 'OPEN' END)::"FollowUpState",
          CASE WHEN a."occurredOn" < date '2026-11-01' AND ${h(2)} % 10 > 0 THEN a."occurredOn" + 10 END, a."createdAt", a."createdAt"
        FROM generate_series(1, ${S.followUps}) AS g(i)
        JOIN "PartnerActivity" a ON a."id" = 'sca' || (1 + (g.i - 1) * ${Math.max(1, Math.floor(S.activities / S.followUps))} % ${S.activities})
        CROSS JOIN LATERAL (SELECT "id" FROM "User" WHERE "role" IN ('COORDINATOR', 'COMMUNICATIONS') ORDER BY "email" OFFSET (g.i % 2) LIMIT 1) u`,
    },
    {
      name: "materials and locations",
      rows: S.materials + S.locations,
      sql: [
        `INSERT INTO "Material" ("id", "code", "name", "kind", "language", "lowStockThreshold")
          SELECT 'scm' || g.i, 'SC-' || lpad(g.i::text, 4, '0'), 'Material de promoción ' || g.i,
            ${enumPick("MaterialKind", ["LEAFLET", "POSTER", "POSTCARD", "BOOKLET", "BUTTON", "PENCIL"], 1)}, 'es', 100
          FROM generate_series(1, ${S.materials}) AS g(i)`,
        // Locations: 1–5 warehouses, the rest foreign-service posts; one HANDED_OUT sink.
        `INSERT INTO "Location" ("id", "name", "kind", "country", "state", "city")
          SELECT 'scl' || g.i, CASE WHEN g.i <= 5 THEN 'Bodega ' || g.i ELSE 'Consulado ' || ${city(2, 1)} || ' ' || g.i END,
            (CASE WHEN g.i <= 5 THEN 'WAREHOUSE' WHEN g.i = 6 THEN 'HANDED_OUT' ELSE 'FOREIGN_SERVICE_POST' END)::"LocationKind", ${city(0, 1)}, ${city(1, 1)}, ${city(2, 1)}
          FROM generate_series(1, ${S.locations}) AS g(i)`,
      ],
    },
    {
      name: "shipments",
      rows: S.shipments,
      sql: [
        `INSERT INTO "Shipment" ("id", "fromLocationId", "toLocationId", "status", "carrier", "requestedAt", "shippedAt", "receivedAt", "updatedAt")
          SELECT 'scs' || g.i, 'scl' || (1 + ${h(1)} % 5), 'scl' || (7 + ${h(2)} % ${S.locations - 6}),
            (CASE WHEN ${spread(S.shipments)} < timestamptz '2026-11-15' THEN 'RECEIVED' ELSE 'REQUESTED' END)::"ShipmentStatus", 'DHL',
            ${spread(S.shipments)}, CASE WHEN ${spread(S.shipments)} < timestamptz '2026-11-15' THEN ${spread(S.shipments)} + interval '2 days' END,
            CASE WHEN ${spread(S.shipments)} < timestamptz '2026-11-15' THEN ${spread(S.shipments)} + interval '7 days' END, ${spread(S.shipments)}
          FROM generate_series(1, ${S.shipments}) AS g(i)`,
        `INSERT INTO "ShipmentLine" ("id", "shipmentId", "materialId", "quantity", "receivedQuantity")
          SELECT 'scsl' || g.i, 'scs' || g.i, 'scm' || (1 + ${h(3)} % ${S.materials}), 10 + ${h(4)} % 200, NULL FROM generate_series(1, ${S.shipments}) AS g(i)`,
      ],
    },
    {
      name: "ledger movements",
      rows: S.movements,
      // Receipts (20 %) bring 5,000 into a warehouse; transfers (60 %) move up to 60 to a post;
      // handouts (20 %) give up to 15 away at a post. Levels are summed from the ledger afterwards.
      sql: [
        `INSERT INTO "StockMovement" ("materialId", "kind", "fromLocationId", "toLocationId", "quantity", "occurredAt", "supplier", "reason", "createdAt")
          SELECT 'scm' || (1 + ${h(1)} % ${S.materials}), k.kind::"MovementKind",
            CASE k.kind WHEN 'RECEIPT' THEN NULL WHEN 'TRANSFER' THEN 'scl' || (1 + ${h(2)} % 5) ELSE 'scl' || (7 + ${h(3)} % ${S.locations - 6}) END,
            CASE k.kind WHEN 'RECEIPT' THEN 'scl' || (1 + ${h(2)} % 5) WHEN 'TRANSFER' THEN 'scl' || (7 + ${h(3)} % ${S.locations - 6}) ELSE 'scl6' END,
            CASE k.kind WHEN 'RECEIPT' THEN 5000 WHEN 'TRANSFER' THEN 1 + ${h(4)} % 60 ELSE 1 + ${h(4)} % 15 END,
            ${spread(S.movements)}, CASE WHEN k.kind = 'RECEIPT' THEN 'Imprenta' END, NULL, ${spread(S.movements)}
          FROM generate_series(1, ${S.movements}) AS g(i)
          CROSS JOIN LATERAL (SELECT CASE WHEN g.i % 10 < 2 THEN 'RECEIPT' WHEN g.i % 10 < 8 THEN 'TRANSFER' ELSE 'HANDOUT' END AS kind) k`,
        // A handout can precede enough transfers to that post: such levels are clamped at 0 (the
        // nightly integrity check would list them; it is not what this dataset measures).
        `INSERT INTO "StockLevel" ("materialId", "locationId", "quantity")
          SELECT "materialId", "locationId", greatest(0, sum(q))::int FROM (
            SELECT "materialId", "toLocationId" AS "locationId", "quantity" AS q FROM "StockMovement" WHERE "materialId" LIKE 'scm%' AND "toLocationId" IS NOT NULL
            UNION ALL SELECT "materialId", "fromLocationId", -"quantity" FROM "StockMovement" WHERE "materialId" LIKE 'scm%' AND "fromLocationId" IS NOT NULL) x
          GROUP BY 1, 2`,
      ],
    },
    {
      name: "contests, submissions and scored juries",
      rows: S.contests + S.submissions,
      sql: [
        `INSERT INTO "Contest" ("id", "name", "submissionsOpenAt", "submissionsCloseAt", "reviewEndsAt", "evaluationStartsAt", "evaluationEndsAt", "resultsAt", "juryClosed", "updatedAt")
          SELECT 'scc' || g.i, 'Concurso de proyectos ' || (2027 - ${S.contests} + g.i), d, d + interval '60 days', d + interval '75 days', d + interval '80 days', d + interval '110 days', d + interval '120 days', g.i <= 5, d
          FROM generate_series(1, ${S.contests}) AS g(i) CROSS JOIN LATERAL (SELECT make_timestamptz(2027 - ${S.contests} + g.i - 1, 3, 1, 0, 0, 0, 'UTC') AS d) x`,
        `INSERT INTO "Criterion" ("id", "contestId", "position", "name", "weight")
          SELECT 'sccr' || c.i || '-' || p, 'scc' || c.i, p, 'Criterio ' || p, 25 FROM generate_series(1, ${S.contests}) c(i), generate_series(1, 4) p`,
        `INSERT INTO "Submission" ("id", "contestId", "folio", "partnerId", "title", "receivedAt", "channel", "status", "registeredAt", "updatedAt")
          SELECT 'scsub' || g.i, 'scc' || (1 + (g.i - 1) % ${S.contests}), 'F-' || lpad(g.i::text, 5, '0'), 'scp' || (1 + ${h(1)} % ${S.partners}), 'Proyecto comunitario ' || g.i,
            c."submissionsOpenAt" + (${h(2)} % 50) * interval '1 day', 'email', (CASE WHEN ${h(3)} % 10 < 8 THEN 'REGISTERED' ELSE 'NOT_REGISTERED' END)::"SubmissionStatus",
            c."submissionsOpenAt" + interval '70 days', c."submissionsOpenAt"
          FROM generate_series(1, ${S.submissions}) AS g(i) JOIN "Contest" c ON c."id" = 'scc' || (1 + (g.i - 1) % ${S.contests})`,
        `INSERT INTO "JuryMember" ("id", "contestId", "userId") SELECT 'scjm' || c.i || u."id", 'scc' || c.i, u."id"
          FROM generate_series(1, least(5, ${S.contests})) c(i) CROSS JOIN "User" u WHERE u."role" = 'JUROR'`,
        `INSERT INTO "Assignment" ("id", "contestId", "submissionId", "userId", "noConflictAt")
          SELECT 'scas' || s."id" || m."userId", s."contestId", s."id", m."userId", s."registeredAt" FROM "Submission" s JOIN "JuryMember" m ON m."contestId" = s."contestId"
          WHERE s."id" LIKE 'scsub%' AND s."status" = 'REGISTERED'`,
        `INSERT INTO "Evaluation" ("id", "contestId", "submissionId", "userId", "state", "submittedAt")
          SELECT 'scev' || a."submissionId" || a."userId", a."contestId", a."submissionId", a."userId", 'SUBMITTED', a."noConflictAt" + interval '20 days' FROM "Assignment" a WHERE a."id" LIKE 'scas%'`,
        `INSERT INTO "Score" ("evaluationId", "criterionId", "value")
          SELECT e."id", cr."id", 1 + abs(hashtext(e."id" || cr."id")) % 5 FROM "Evaluation" e JOIN "Criterion" cr ON cr."contestId" = e."contestId" WHERE e."id" LIKE 'scev%'`,
      ],
    },
    {
      name: "bulletins and sampled deliveries",
      rows: S.bulletins * (1 + DELIVERY_SAMPLE),
      sql: [
        `INSERT INTO "Bulletin" ("id", "name", "subject", "fromName", "fromEmail", "bodyMarkdown", "status", "startedAt", "finishedAt", "recipients", "createdAt", "updatedAt")
          SELECT 'scb' || g.i, 'Boletín ' || g.i, 'Tramita tu credencial (' || g.i || ')', 'Voto desde el Extranjero', 'boletin@alcance.test', '# Boletín ' || g.i || E'\n\nHola {{givenName}}.',
            'SENT', ${spread(S.bulletins)}, ${spread(S.bulletins)} + interval '2 hours', (${S.contacts} * g.i / ${S.bulletins} * 0.85)::int, ${spread(S.bulletins)} - interval '3 days', ${spread(S.bulletins)}
          FROM generate_series(1, ${S.bulletins}) AS g(i)`,
        `INSERT INTO "BulletinDelivery" ("bulletinId", "contactId", "email", "status", "attempts", "sentAt")
          SELECT 'scb' || b.i, 10000000 + 1 + (d.j * 7919 + b.i * 104729) % ${S.contacts}, 'persona' || (1 + (d.j * 7919 + b.i * 104729) % ${S.contacts}) || '@scale.example',
            (CASE WHEN d.j % 50 = 0 THEN 'FAILED' ELSE 'SENT' END)::"DeliveryStatus", 1, timestamptz '${WINDOW_START}' + (b.i - 1) * ((timestamptz '${WINDOW_END}' - timestamptz '${WINDOW_START}') / ${S.bulletins}) + interval '1 hour'
          FROM generate_series(1, ${S.bulletins}) b(i), generate_series(0, ${DELIVERY_SAMPLE - 1}) d(j)
          ON CONFLICT DO NOTHING`,
      ],
    },
    {
      name: "monthly reports, meetings, contributions, enquiries",
      rows: S.months * (1 + S.meetingsPerMonth),
      sql: [
        `INSERT INTO "MonthlyReport" ("id", "month", "version", "state", "narratives", "updatedAt")
          SELECT 'scr' || m.month, m.month, 1, 'DRAFT', coalesce((SELECT "narratives" FROM "MonthlyReport" WHERE "month" = '2017-11' ORDER BY "version" LIMIT 1), '{}'::jsonb), now()
          FROM (${monthsSql}) m ON CONFLICT DO NOTHING`,
        `INSERT INTO "MonthlyInput" ("month", "data", "updatedAt")
          SELECT m.month, i."data", now() FROM (${monthsSql}) m CROSS JOIN (SELECT "data" FROM "MonthlyInput" WHERE "month" = '2017-11') i ON CONFLICT DO NOTHING`,
        `INSERT INTO "ReportContribution" ("id", "month", "sectionKey", "ownerArea", "dueOn", "state", "updatedAt")
          SELECT 'scrc' || m.month || c."sectionKey", m.month, c."sectionKey", c."ownerArea", (to_date(m.month, 'YYYY-MM') + interval '1 month 7 days')::date, c."state", now()
          FROM (${monthsSql}) m CROSS JOIN "ReportContribution" c WHERE c."month" = '2017-11' ON CONFLICT DO NOTHING`,
        `INSERT INTO "Meeting" ("id", "kind", "heldOn", "subject", "format", "reportPart", "updatedAt")
          SELECT 'scmt' || m.month || '-' || k, (ARRAY['WORKING_MEETING', 'WORKSHOP', 'COMMISSION_SESSION', 'OTHER'])[1 + k % 4]::"MeetingKind",
            to_date(m.month, 'YYYY-MM') + (k * 2), 'Reunión de trabajo ' || m.month || ' ' || k, 'IN_PERSON',
            (ARRAY['SECRETARIAT', 'INSTITUTIONAL', 'COMMUNITY_ABROAD'])[1 + k % 3]::"ReportPart", now()
          FROM (${monthsSql}) m CROSS JOIN generate_series(1, ${S.meetingsPerMonth}) k`,
        `INSERT INTO "MeetingParticipant" ("meetingId", "ineArea") SELECT "id", 'DERFE' FROM "Meeting" WHERE "id" LIKE 'scmt%'`,
        `INSERT INTO "ContestEnquiry" ("id", "contestId", "receivedOn", "organisation", "channel", "topic")
          SELECT 'scq' || m.month || '-' || k, (SELECT "id" FROM "Contest" ORDER BY "submissionsOpenAt" DESC LIMIT 1), to_date(m.month, 'YYYY-MM') + k, 'Club ' || k, 'EMAIL', 'Bases'
          FROM (${monthsSql}) m CROSS JOIN generate_series(1, 5) k`,
      ],
    },
    {
      name: "audit log",
      rows: S.auditRows,
      // The last half of the window (5 of 10 years), one entry every few minutes.
      sql: `INSERT INTO "AuditLog" ("at", "actorId", "action", "entity", "entityId", "after", "ip")
        SELECT timestamptz '${WINDOW_END}' - (${S.auditRows} - g.i + 1) * ((timestamptz '${WINDOW_END}' - timestamptz '${2027 - Math.max(1, Math.round(YEARS / 2))}-01-01') / ${S.auditRows}),
          u.ids[1 + ${h(1)} % array_length(u.ids, 1)], a.action, a.entity, a.entity || '-' || (${h(3)} % 100000), jsonb_build_object('n', g.i), '10.0.' || (${h(4)} % 255) || '.' || (${h(5)} % 255)
        FROM generate_series(1, ${S.auditRows}) AS g(i)
        CROSS JOIN (SELECT array_agg("id" ORDER BY "email") AS ids FROM "User") u
        CROSS JOIN LATERAL (SELECT (ARRAY['contact.update', 'contact.create', 'login.ok', 'event.update', 'partner.update', 'bulletin.send', 'material.move', 'report.edit'])[1 + ${h(2)} % 8] AS action) x
        CROSS JOIN LATERAL (SELECT x.action, split_part(x.action, '.', 1) AS entity) a`,
    },
  ];
}

async function main() {
  const started = Date.now();
  log(`years ${YEARS}, scale ${SCALE} → ${JSON.stringify(SIZES)}; deliveries sampled: ${DELIVERY_SAMPLE} per bulletin`);
  await recreate();
  const client = new pg.Client({ connectionString: SCALE_URL });
  await client.connect();
  // Bulk load: the rows are built valid here, so the per-row triggers (foreign keys, the consent
  // notice language, quantity checks) are skipped for speed.
  await client.query("SET session_replication_role = replica");
  await client.query("SET maintenance_work_mem = '256MB'");
  const timings: Record<string, number> = {};
  for (const step of steps()) {
    const t = Date.now();
    for (const sql of Array.isArray(step.sql) ? step.sql : [step.sql]) await client.query(sql);
    timings[step.name] = Math.round((Date.now() - t) / 100) / 10;
    log(`${step.name}: ${step.rows?.toLocaleString("en")} rows in ${timings[step.name]} s`);
  }
  await client.query("SET session_replication_role = DEFAULT");
  // The bulk load skipped the triggers that mark the materials' months changed (decision 037): mark
  // them all, so no month the demo load may have kept is read as current.
  await client.query(`INSERT INTO "MaterialMonthChange" ("month") VALUES ('*')`);
  // Sequences past the explicit ids.
  await client.query(`SELECT setval(pg_get_serial_sequence('"Contact"', 'id'), (SELECT max("id") FROM "Contact"))`);
  log("vacuum analyze");
  await client.query("VACUUM ANALYZE");
  const size = (await client.query("SELECT pg_size_pretty(pg_database_size(current_database())) AS s")).rows[0].s as string;
  await client.end();
  const total = Math.round((Date.now() - started) / 1000);
  console.log(JSON.stringify({ database: opts.database, years: YEARS, scale: SCALE, sizes: SIZES, delivery_sample_per_bulletin: DELIVERY_SAMPLE, seconds: total, size, step_seconds: timings }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
