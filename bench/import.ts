/**
 * Contacts import: the CLI's pipeline (stream → papaparse → COPY into staging → INSERT … ON
 * CONFLICT, consent records, resume point) against the physical limit of the schema, a raw COPY of
 * the same rows into a table made LIKE "Contact" INCLUDING ALL (same columns, same indexes).
 *   npm run bench:import -- [--rows 200000] [--batch-size 5000] [--concurrency 2] [--json] [--keep] [--skip-copy]
 * Creates and migrates a scratch database of its own (alcance_bench_import) on the server of
 * DATABASE_URL (or TEST_DATABASE_ADMIN_URL); only needs `npm ci` and PostgreSQL.
 */
import "dotenv/config";
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(args[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const json = flag("json");
const rows = Math.floor(option("rows", 200_000));
const batchSize = Math.floor(option("batch-size", 5000));
const concurrency = Math.floor(option("concurrency", 2));
const log = (...parts: unknown[]) => console.error("[bench:import]", ...parts);

const DB_NAME = "alcance_bench_import";
const HEAP_BUDGET_MB = 48; // what the CLI uses (cli/contacts-import.ts)
const serverUrl = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};
const adminUrl = withDatabase(serverUrl, "postgres");
const benchUrl = withDatabase(serverUrl, DB_NAME);

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// ── Deterministic data ──────────────────────────────────────────────────────────────────────────

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ["José", "María", "Juan", "Guadalupe", "Francisco", "Ana", "Luis", "Sofía", "Carlos", "Fernanda", "Jesús", "Verónica", "Miguel Ángel", "Ximena", "Raúl", "Itzel"];
const FAMILY = ["Pérez", "García", "Hernández", "López", "Martínez", "González", "Rodríguez", "Sánchez", "Ramírez", "Núñez", "Flores", "Gómez", "Díaz", "Cruz", "Morales", "Ortiz"];
const PLACES: Array<[string, string, string]> = [
  ["Estados Unidos", "Texas", "Houston"],
  ["Estados Unidos", "California", "Los Ángeles"],
  ["Estados Unidos", "Illinois", "Chicago"],
  ["Canadá", "Ontario", "Toronto"],
  ["España", "Madrid", "Madrid"],
  ["Alemania", "Berlín", "Berlín"],
];
const TAGS = ["boletin", "credencial", "voto-2018", "evento-houston", "consulado"];
const ascii = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z]/g, "");

type BenchRow = { email: string; given: string; family: string; country: string; state: string; city: string; language: string; phone: string; tags: string[] };

function* generate(count: number): Generator<BenchRow> {
  const random = mulberry32(20171128);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  for (let i = 0; i < count; i++) {
    const given = pick(GIVEN);
    const family = `${pick(FAMILY)} ${pick(FAMILY)}`;
    const [country, state, city] = pick(PLACES);
    const tags = TAGS.filter(() => random() < 0.25);
    yield {
      email: `${ascii(given)}.${ascii(family)}.${i}@ejemplo.org`,
      given,
      family,
      country,
      state,
      city,
      language: random() < 0.85 ? "es" : "en",
      phone: random() < 0.4 ? `+1 713 555 ${String(i % 10000).padStart(4, "0")}` : "",
      tags,
    };
  }
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const copyCell = (v: string | null) => (v === null || v === "" ? "\\N" : v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n"));

async function writeFiles(csvPath: string, copyPath: string) {
  const csv = createWriteStream(csvPath);
  const copy = createWriteStream(copyPath);
  const write = async (stream: ReturnType<typeof createWriteStream>, text: string) => {
    if (!stream.write(text)) await once(stream, "drain");
  };
  await write(csv, "correo,nombre,apellidos,país,estado,ciudad,idioma,teléfono,etiquetas\n");
  let csvBuf = "";
  let copyBuf = "";
  let n = 0;
  for (const r of generate(rows)) {
    csvBuf += [r.email, r.given, r.family, r.country, r.state, r.city, r.language, r.phone, r.tags.join(";")].map(csvCell).join(",") + "\n";
    copyBuf +=
      [r.email, r.given, r.family, r.country, r.state, r.city, r.language, r.phone].map(copyCell).join("\t") +
      `\t{${r.tags.join(",")}}\tIMPORT\tbench\tCONFIRMED\tSUBSCRIBED\tbench\n`;
    if (++n % 5000 === 0) {
      await write(csv, csvBuf);
      await write(copy, copyBuf);
      csvBuf = "";
      copyBuf = "";
    }
  }
  await write(csv, csvBuf);
  await write(copy, copyBuf);
  csv.end();
  copy.end();
  await Promise.all([once(csv, "close"), once(copy, "close")]);
}

// ── Run ─────────────────────────────────────────────────────────────────────────────────────────

log(`scratch database ${DB_NAME}: creating and migrating`);
await admin(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
await admin(`CREATE DATABASE "${DB_NAME}"`);
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
  env: { ...process.env, DATABASE_URL: benchUrl },
  stdio: ["ignore", "ignore", "inherit"],
});
process.env.DATABASE_URL = benchUrl;
process.env.APP_KEY ??= "bench-app-key-0123456789abcdef0123456789abcdef";

const csvPath = join(tmpdir(), `alcance-bench-import-${rows}.csv`);
const copyPath = join(tmpdir(), `alcance-bench-import-${rows}.tsv`);
log(`generating ${rows.toLocaleString("en-US")} rows`);
await writeFiles(csvPath, copyPath);

const { heapGuard, importFile } = await import("../app/modules/contacts/import/file.server.ts");
const { closeImportPool } = await import("../app/modules/contacts/import/pipeline.server.ts");
const { db } = await import("../app/lib/db.server.ts");

log(`importing through the pipeline (batch ${batchSize}, ${concurrency} connection(s))`);
heapGuard(0)(); // start from a collected heap: the file's generation is not the import's memory
const rssBefore = process.memoryUsage().rss;
// The import's peak, sampled (the process's own high-water mark also counts the generation).
let peakRss = rssBefore;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
const started = performance.now();
const { result } = await importFile(csvPath, { sourceText: "bench", consentBasis: "Benchmark", onDuplicate: "SKIP" }, { run: { batchSize, concurrency }, heapBudgetMb: HEAP_BUDGET_MB });
const importMs = performance.now() - started;
clearInterval(sampler);
const processMaxRssMb = process.resourceUsage().maxRSS / 1024;
if (result.created !== rows) throw new Error(`expected ${rows} created, got ${JSON.stringify(result)}`);

let copyMs = NaN;
if (!flag("skip-copy")) {
  log('raw COPY of the same rows into a table LIKE "Contact" INCLUDING ALL');
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  await client.query("CHECKPOINT");
  await client.query(`CREATE TABLE bench_copy (LIKE "Contact" INCLUDING ALL)`);
  const copyStarted = performance.now();
  await pipeline(
    createReadStream(copyPath, { highWaterMark: 1 << 20 }),
    client.query(
      copyFrom(`COPY bench_copy (email, "givenName", "familyName", country, state, city, language, phone, tags, source, "sourceDetail", "consentStatus", "subscriptionStatus", "importBatchId") FROM STDIN`),
    ),
  );
  copyMs = performance.now() - copyStarted;
  await client.end();
}

await closeImportPool();
await db.$disconnect();
if (!flag("keep")) {
  await admin(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  rmSync(csvPath, { force: true });
  rmSync(copyPath, { force: true });
}

const out = {
  bench: "import",
  rows,
  batch_size: batchSize,
  concurrency,
  import_s: +(importMs / 1000).toFixed(2),
  rows_per_s: Math.round(rows / (importMs / 1000)),
  peak_rss_mb: Math.round(peakRss / 1024 / 1024),
  rss_before_import_mb: Math.round(rssBefore / 1024 / 1024),
  process_max_rss_mb: Math.round(processMaxRssMb),
  copy_s: Number.isNaN(copyMs) ? null : +(copyMs / 1000).toFixed(2),
  copy_rows_per_s: Number.isNaN(copyMs) ? null : Math.round(rows / (copyMs / 1000)),
  ratio_to_copy: Number.isNaN(copyMs) ? null : +(importMs / copyMs).toFixed(2),
};
if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
else {
  console.log(`contacts import, ${rows.toLocaleString("en-US")} rows (batch ${batchSize}, ${concurrency} connection(s))`);
  console.log(`  pipeline: ${out.import_s} s, ${out.rows_per_s.toLocaleString("en-US")} rows/s, peak RSS ${out.peak_rss_mb} MB`);
  console.log(`  raw COPY into LIKE "Contact" INCLUDING ALL: ${out.copy_s} s, ${out.copy_rows_per_s?.toLocaleString("en-US")} rows/s`);
  console.log(`  ratio to COPY: ${out.ratio_to_copy}×`);
}
process.exit(0);
