/**
 * The contacts CSV export at scale: the web route's stream (contactsCsvStream: the generator the
 * CLI uses too, audited at the end) over every contact, read as fast as a client would, against a
 * raw `COPY (SELECT <the same columns> ORDER BY <the same order>) TO STDOUT (FORMAT csv)` of the same
 * rows in the same run. Rows/s, MB/s, this process's CPU, and memory while it runs (RSS sampled
 * every 50 ms; the RSS at each quarter of the rows shows whether it grows with them). Then:
 * - identical: the SHA-256 of the whole output equals a reference's — rows read with node-postgres's
 *   own parsing and written with csvLine in Node, as the export did before PostgreSQL wrote its
 *   CSV — and so do two filtered exports in the other delimiters and language;
 * - slow_client: a reader taking a chunk every 50 ms for 4 s (RSS must not grow with what the
 *   server could have sent), then cancelling (the COPY's backend must be gone).
 * Exits 1 when an output differs or a cancelled COPY keeps running.
 *   npm run bench:export -- [--contacts 1000000] [--json] [--reuse] [--keep]
 * Needs only PostgreSQL (DATABASE_URL's server; the database alcance_bench_export is created,
 * migrated and filled with one INSERT … SELECT generate_series; only the indexes an export of
 * everything reads are built). Goal (issue 20): ≥ 50,000 rows/s with flat memory.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { to as copyTo } from "pg-copy-streams";
import type { ContactFilter } from "../app/modules/contacts/filter.ts";
import { scratchUrls, withClient } from "./lib/scratch-db.ts";

const { values: opts } = parseArgs({
  args: process.argv.slice(2),
  options: {
    contacts: { type: "string", default: "1000000" },
    json: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
  strict: true,
});

const CONTACTS = Number(opts.contacts.replace(/[_,]/g, ""));
if (!Number.isInteger(CONTACTS) || CONTACTS < 1000) {
  console.error("--contacts must be an integer ≥ 1000");
  process.exit(2);
}
const GOAL_ROWS_PER_S = 50_000;
const log = (message: string) => console.error(`[bench:export] ${message}`);

const DB_NAME = "alcance_bench_export";
const { adminUrl: ADMIN_URL, benchUrl: BENCH_URL } = scratchUrls(DB_NAME);

const GIVEN = ["María", "José", "Juan", "Guadalupe", "Luis", "Ana", "Jesús", "Carlos", "Verónica", "Sofía", "Ramón", "Mónica", "Héctor", "Inés", "Óscar", "Ángela"];
const FAMILY = ["Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Núñez", "Ibáñez", "Zúñiga", "Treviño", "Yáñez"];
const TAGS = ["voto-2018", "credencial", "boletin", "evento-fort-worth", "chicago", "houston", "estudiante", "voluntario", "prensa", "consulado"];
const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlArray = (a: string[]) => `ARRAY[${a.map(sqlText).join(",")}]::text[]`;

// Deterministic rows with what makes CSV work: accents, empty cells, tags, phones starting with
// "+" (formula neutralisation), notes with commas, quotes and line breaks (RFC 4180 quoting).
function fillSql(n: number): string {
  const h = (k: number) => `(hashint8(g.i::bigint * 64 + ${k}) & 2147483647)`;
  return `
    INSERT INTO "Contact" ("email", "givenName", "familyName", "country", "state", "city", "language", "phone", "tags", "source",
      "notes", "consentStatus", "subscriptionStatus", "createdAt", "updatedAt")
    SELECT
      'c' || g.i || '@example.org',
      (${sqlArray(GIVEN)})[1 + ${h(1)} % ${GIVEN.length}],
      (${sqlArray(FAMILY)})[1 + ${h(2)} % ${FAMILY.length}] || CASE WHEN ${h(3)} % 3 = 0 THEN ' ' || (${sqlArray(FAMILY)})[1 + ${h(4)} % ${FAMILY.length}] ELSE '' END,
      (ARRAY['US','US','US','CA','ES','DE','FR','GB'])[1 + ${h(5)} % 8],
      CASE WHEN ${h(6)} % 10 = 0 THEN NULL ELSE (ARRAY['CA','TX','IL','ON','Madrid','Bayern'])[1 + ${h(6)} % 6] END,
      CASE WHEN ${h(7)} % 4 = 0 THEN 'Los Ángeles' END,
      CASE WHEN ${h(8)} % 100 < 70 THEN 'es' ELSE 'en' END,
      CASE WHEN ${h(9)} % 4 = 0 THEN '+1 555 ' || lpad((g.i % 10000000)::text, 7, '0') END,
      CASE ${h(10)} % 3 WHEN 0 THEN '{}'::text[] WHEN 1 THEN ARRAY[(${sqlArray(TAGS)})[1 + ${h(11)} % ${TAGS.length}]]
        ELSE ARRAY[(${sqlArray(TAGS)})[1 + ${h(11)} % ${TAGS.length}], 'lista-' || (${h(12)} % 50)] END,
      (CASE WHEN ${h(13)} % 100 < 80 THEN 'IMPORT' WHEN ${h(13)} % 100 < 90 THEN 'EVENT_SIGNUP' ELSE 'FORM' END)::"ContactSource",
      CASE ${h(14)} % 20 WHEN 0 THEN 'Llamar después de las 6, pregunta por "Lupe"' WHEN 1 THEN E'Dos líneas:\\nsegunda' WHEN 2 THEN '=HYPERLINK("x")' END,
      (CASE WHEN ${h(15)} % 100 < 88 THEN 'CONFIRMED' WHEN ${h(15)} % 100 < 96 THEN 'PENDING' ELSE 'WITHDRAWN' END)::"ConsentStatus",
      (CASE WHEN ${h(16)} % 100 < 92 THEN 'SUBSCRIBED' ELSE 'UNSUBSCRIBED' END)::"SubscriptionStatus",
      timestamptz '2017-01-01 00:00:00+00' + (g.i * interval '90 seconds') + (${h(17)} % 1000) * interval '1 millisecond',
      now()
    FROM generate_series(1, ${n}) AS g(i)`;
}

const migrate = () =>
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: BENCH_URL }, stdio: ["ignore", "ignore", "inherit"] });

async function prepareDatabase(): Promise<void> {
  if (opts.reuse) {
    const existing = await withClient(ADMIN_URL, async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME])).rowCount);
    const rows = existing ? await withClient(BENCH_URL, async (c) => Number((await c.query('SELECT count(*) AS n FROM "Contact"')).rows[0].n)).catch(() => -1) : -1;
    if (rows === CONTACTS) {
      log(`reusing ${DB_NAME} (${rows} contacts)`);
      migrate();
      return;
    }
  }
  await withClient(ADMIN_URL, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${DB_NAME}"`);
  });
  log("migrating");
  migrate();
  await withClient(BENCH_URL, async (c) => {
    // An export of everything reads the creation-order index only: the others (trigram GIN among
    // them) are dropped so the fill takes seconds, not minutes.
    const { rows: indexes } = await c.query<{ name: string }>(
      `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'Contact' AND indexname NOT IN ('Contact_pkey', 'Contact_createdAt_id_idx', 'Contact_email_key')`,
    );
    for (const index of indexes) await c.query(`DROP INDEX "${index.name}"`);
    const start = performance.now();
    await c.query(fillSql(CONTACTS));
    await c.query(`SELECT setval(pg_get_serial_sequence('"Contact"', 'id'), ${CONTACTS})`);
    await c.query('VACUUM ANALYZE "Contact"');
    log(`filled ${CONTACTS} contacts in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  });
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** RSS sampled every 50 ms while `fn` runs; the peak and the samples taken at each quarter of `progress()`. */
async function withMemory<T>(total: number, progress: () => number, fn: () => Promise<T>) {
  const before = process.memoryUsage().rss;
  let peak = before;
  let heapPeak = process.memoryUsage().heapUsed;
  const quarters: number[] = [];
  const sample = () => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    heapPeak = Math.max(heapPeak, usage.heapUsed);
    while (quarters.length < 4 && progress() >= ((quarters.length + 1) * total) / 4) quarters.push(mb(usage.rss));
  };
  const timer = setInterval(sample, 50);
  try {
    const result = await fn();
    sample();
    return { result, rssBeforeMb: mb(before), peakRssMb: mb(peak), heapPeakMb: mb(heapPeak), rssQuartersMb: quarters };
  } finally {
    clearInterval(timer);
  }
}

type Filter = ContactFilter;
type Lang = "es" | "en";

async function main() {
  const t0 = performance.now();
  await prepareDatabase();
  const prepareS = (performance.now() - t0) / 1000;

  process.env.DATABASE_URL = BENCH_URL;
  const { contactsCsvStream } = await import("../app/modules/contacts/export.server.ts");
  const { EMPTY_FILTER } = await import("../app/modules/contacts/filter.ts");
  const { CONTACT_FIELDS, EXPORT_COLUMNS, EXPORT_HEADERS, TAG_SEPARATOR } = await import("../app/modules/contacts/fields.ts");
  const { contactColumnsSql, contactWhere, orderedSelectSql } = await import("../app/modules/contacts/query.server.ts");
  const { csvLine, UTF8_BOM } = await import("../app/lib/csv.ts");
  const { db, Prisma } = await import("../app/lib/db.server.ts");

  /** The route's stream read to the end as fast as it comes (a fast client): SHA-256, bytes, rows. */
  async function readExport(filter: Filter, delimiter: string, lang: Lang, progress = { rows: 0 }) {
    const hash = createHash("sha256");
    const stream = contactsCsvStream({ userId: null, ip: "bench" }, filter, { delimiter, lang }, { via: "cli" });
    const reader = stream.getReader();
    let bytes = 0;
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      hash.update(chunk);
      bytes += chunk.byteLength;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) progress.rows++;
    }
    return { sha256: hash.digest("hex"), bytes };
  }

  /**
   * The export as it was written before PostgreSQL wrote it (decision 032's first state): rows read
   * with node-postgres's own type parsing (a Date, a string array), each written with csvLine in
   * Node — the same filter and order, nothing of the export's SQL formatting. Its SHA-256 must be
   * the route's. Read through a cursor, so this is also the "server-side cursor" option's cost.
   */
  async function referenceExport(filter: Filter, delimiter: string, lang: Lang) {
    return withClient(BENCH_URL, async (client) => {
      const hash = createHash("sha256");
      const headers = EXPORT_HEADERS[lang];
      hash.update(Buffer.from(UTF8_BOM + csvLine(EXPORT_COLUMNS.map((c) => headers[c]), delimiter)));
      const columns = Prisma.raw(EXPORT_COLUMNS.map((c, i) => `${contactColumnsSql([c]).sql.replace(/ AS "\w+"$/, "")} AS "_r${i}"`).join(", "));
      const select = orderedSelectSql(contactWhere(filter), filter.sort, columns);
      const start = performance.now();
      let rows = 0;
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      await client.query({ text: `DECLARE reference NO SCROLL CURSOR FOR ${select.text}`, values: select.values });
      for (;;) {
        const page = await client.query<unknown[]>({ text: "FETCH 10000 FROM reference", rowMode: "array" });
        if (page.rows.length === 0) break;
        let chunk = "";
        for (const row of page.rows) chunk += csvLine(row.map((value, i) => (CONTACT_FIELDS[EXPORT_COLUMNS[i]!].kind === "tags" ? (value as string[]).join(TAG_SEPARATOR) : value)), delimiter);
        hash.update(Buffer.from(chunk));
        rows += page.rows.length;
      }
      await client.query("COMMIT");
      return { sha256: hash.digest("hex"), rows, seconds: (performance.now() - start) / 1000 };
    });
  }

  // The raw baseline: the same columns in the same order (creation, newest first), as PostgreSQL's own CSV.
  const columns = contactColumnsSql(EXPORT_COLUMNS).sql;
  const copySql = `COPY (SELECT ${columns} FROM "Contact" ORDER BY "createdAt" DESC, "id" DESC) TO STDOUT (FORMAT csv, HEADER)`;
  let rawBytes = 0;
  let rawRows = 0;
  const raw = await withMemory(CONTACTS, () => rawRows, () =>
    withClient(BENCH_URL, async (client) => {
      const start = performance.now();
      await pipeline(
        client.query(copyTo(copySql)),
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            rawBytes += chunk.length;
            // Rows by line ends (a note with a line break counts twice: close enough for the samples).
            for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rawRows++;
            done();
          },
        }),
      );
      return (performance.now() - start) / 1000;
    }),
  );

  // Alcance: the route's stream over every contact, read as fast as it comes.
  const progress = { rows: 0 };
  const app = await withMemory(CONTACTS, () => progress.rows, async () => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const read = await readExport(EMPTY_FILTER, ",", "es", progress);
    const used = process.cpuUsage(cpu);
    return { ...read, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  });
  const audited = await db.auditLog.findFirst({ where: { action: "contacts.export" }, orderBy: { id: "desc" }, select: { after: true } });
  const auditedRows = (audited?.after as { rows?: number } | null)?.rows ?? null;
  log(`export read in ${app.result.seconds.toFixed(1)} s; writing the reference`);

  // Byte-identical to the export as it was: the whole output, then two filtered lists in the other delimiters and language.
  const reference = await referenceExport(EMPTY_FILTER, ",", "es");
  const filtered: Array<{ filter: Filter; delimiter: string; lang: Lang }> = [
    { filter: { sort: "name", country: "CA" }, delimiter: ";", lang: "en" },
    { filter: { sort: "email", q: "núñez", tag: "prensa", source: "IMPORT" }, delimiter: "\t", lang: "es" },
  ];
  const filteredChecks = [];
  for (const check of filtered) {
    const [got, want] = [await readExport(check.filter, check.delimiter, check.lang), await referenceExport(check.filter, check.delimiter, check.lang)];
    filteredChecks.push({ filter: check.filter, delimiter: check.delimiter, lang: check.lang, rows: want.rows, identical: got.sha256 === want.sha256 });
  }

  // A slow client (a chunk every 50 ms for 4 s): memory must not grow with what PostgreSQL could
  // send meanwhile (without backpressure, the whole export: the fast read above took ~7 s); then the download is cancelled and the COPY's backend must be gone.
  const slow = await (async () => {
    const stream = contactsCsvStream({ userId: null, ip: "bench" }, EMPTY_FILTER, { delimiter: ",", lang: "es" }, { via: "cli" });
    const reader = stream.getReader();
    const activeCopies = () =>
      withClient(ADMIN_URL, async (c) => Number((await c.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND state <> 'idle' AND query LIKE 'COPY (SELECT nullif%'`, [DB_NAME])).rows[0].n));
    let bytes = 0;
    await reader.read();
    const rssStart = process.memoryUsage().rss;
    let rssPeak = rssStart;
    const until = performance.now() + 4000;
    while (performance.now() < until) {
      const { value } = await reader.read();
      bytes += value?.byteLength ?? 0;
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const duringCancel = await activeCopies();
    await reader.cancel();
    const cancelStart = performance.now();
    let after = await activeCopies();
    while (after > 0 && performance.now() - cancelStart < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await activeCopies();
    }
    return { mb_read: mb(bytes), rss_growth_mb: mb(rssPeak - rssStart), copies_before_cancel: duringCancel, copies_after_cancel: after, released_ms: Math.round(performance.now() - cancelStart) };
  })();

  await db.$disconnect();
  if (!opts.keep) await withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`));

  const rowsPerS = CONTACTS / app.result.seconds;
  const rawRowsPerS = CONTACTS / raw.result;
  const result = {
    bench: "contacts-export",
    contacts: CONTACTS,
    method: "copy",
    rows_per_s: Math.round(rowsPerS),
    seconds: round(app.result.seconds, 2),
    mb_per_s: round(mb(app.result.bytes) / app.result.seconds),
    // This process's own CPU (the machine may be shared: wall time then says little about the code).
    node_cpu_s: round(app.result.cpuSeconds, 2),
    rows_per_node_cpu_s: Math.round(CONTACTS / app.result.cpuSeconds),
    bytes: app.result.bytes,
    sha256: app.result.sha256,
    identical: app.result.sha256 === reference.sha256 && reference.rows === CONTACTS,
    filtered_checks: filteredChecks,
    reference_rows_per_s: Math.round(reference.rows / reference.seconds),
    audited_rows: auditedRows,
    rss_before_mb: app.rssBeforeMb,
    peak_rss_mb: app.peakRssMb,
    heap_peak_mb: app.heapPeakMb,
    rss_quarters_mb: app.rssQuartersMb,
    slow_client: slow,
    raw_rows_per_s: Math.round(rawRowsPerS),
    raw_seconds: round(raw.result, 2),
    raw_bytes: rawBytes,
    ratio: round(rowsPerS / rawRowsPerS, 2),
    prepare_s: round(prepareS),
    loadavg: readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
    goal_rows_per_s: GOAL_ROWS_PER_S,
    goal_met: rowsPerS >= GOAL_ROWS_PER_S,
  };
  const allIdentical = result.identical && filteredChecks.every((c) => c.identical);
  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    console.log(`contacts CSV export (route stream, all contacts, newest first), ${CONTACTS.toLocaleString("en-US")} contacts`);
    console.log(`  Alcance: ${result.rows_per_s.toLocaleString("en-US")} rows/s (${result.seconds} s, ${result.mb_per_s} MB/s; audited rows: ${auditedRows})   goal ≥ ${GOAL_ROWS_PER_S.toLocaleString("en-US")} rows/s: ${result.goal_met ? "met" : "NOT met"}`);
    console.log(`  output: SHA-256 ${result.sha256.slice(0, 16)}…, ${result.identical ? "identical to" : "DIFFERENT from"} the reference (csvLine over parsed rows, ${result.reference_rows_per_s.toLocaleString("en-US")} rows/s); filtered: ${filteredChecks.map((c) => `${c.rows} rows ${c.identical ? "identical" : "DIFFERENT"}`).join(", ")}`);
    console.log(`  Node CPU: ${result.node_cpu_s} s (${result.rows_per_node_cpu_s.toLocaleString("en-US")} rows per CPU-second)`);
    console.log(`  memory: RSS ${result.rss_before_mb} MB before, peak ${result.peak_rss_mb} MB; at each quarter of the rows ${result.rss_quarters_mb.join(" / ")} MB; heap peak ${result.heap_peak_mb} MB`);
    console.log(`  slow client (4 s, ${slow.mb_read} MB read): RSS +${slow.rss_growth_mb} MB; COPY backends ${slow.copies_before_cancel} before cancel, ${slow.copies_after_cancel} after (${slow.released_ms} ms)`);
    console.log(`  raw COPY … TO STDOUT (FORMAT csv): ${result.raw_rows_per_s.toLocaleString("en-US")} rows/s (${result.raw_seconds} s)   Alcance/raw: ${result.ratio}×`);
    console.log(`  database prepared in ${result.prepare_s} s; load average ${result.loadavg}`);
  }
  if (!allIdentical || slow.copies_after_cancel !== 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
