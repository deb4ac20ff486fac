/**
 * A month's report as PDF and DOCX with four requested at once: each request is what the export
 * routes run (the report view from the database, the document, then the DOCX, or the print HTML
 * through the shared Chromium renderer of app/modules/reports/pdf.server.ts), timed from start to
 * bytes. The raw baseline, in the same run: the same document rendered alone, one request at a time.
 *   npm run bench:reports -- [--rounds 5] [--month 2017-11] [--json] [--reuse] [--keep]
 * Three cases of four at once, `rounds` times each:
 *   - same: four requests for the same month (the case: one draft, four people);
 *   - distinct: four different documents (the same month with a different footer each: no two
 *     alike, so nothing is shared — the worst case, as four different months of this size);
 *   - docx: four DOCX of the month.
 * The database alcance_bench_reports is created, migrated and given the demo data (prisma/seed.ts:
 * November 2017, the source report's month, as a draft: drafts render on every request, an
 * approved version is rendered once and stored). Needs PostgreSQL and Chromium (CHROMIUM_PATH or
 * /usr/bin/chromium). Goal (issue 20): p95 ≤ 3 s with four at once, for PDF and DOCX.
 */
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { scratchUrls, withClient } from "./lib/scratch-db.ts";

const { values: opts } = parseArgs({
  args: process.argv.slice(2),
  options: {
    rounds: { type: "string", default: "5" },
    month: { type: "string", default: "2017-11" },
    json: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
  strict: true,
});
const ROUNDS = Number(opts.rounds);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error("--rounds must be an integer ≥ 1");
  process.exit(2);
}
const AT_ONCE = 4;
const GOAL_P95_MS = 3000;
const log = (message: string) => console.error(`[bench:reports] ${message}`);

const DB_NAME = "alcance_bench_reports";
const { adminUrl: ADMIN_URL, benchUrl: BENCH_URL } = scratchUrls(DB_NAME);

async function prepareDatabase(): Promise<void> {
  const env = { ...process.env, DATABASE_URL: BENCH_URL };
  if (opts.reuse) {
    const existing = await withClient(ADMIN_URL, async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME])).rowCount);
    const reports = existing
      ? await withClient(BENCH_URL, async (c) => (await c.query(`SELECT 1 FROM "MonthlyReport" WHERE "month" = $1`, [opts.month])).rowCount).catch(() => 0)
      : 0;
    if (reports) {
      log(`reusing ${DB_NAME}`);
      return;
    }
  }
  await withClient(ADMIN_URL, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${DB_NAME}"`);
  });
  log("migrating and seeding the demo data");
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
const round = (n: number) => Math.round(n);
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50_ms: round(percentile(sorted, 50)), p95_ms: round(percentile(sorted, 95)), max_ms: round(sorted[sorted.length - 1] ?? 0), n: sorted.length };
};

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function main() {
  const t0 = performance.now();
  await prepareDatabase();
  const prepareS = Math.round((performance.now() - t0) / 100) / 10;

  process.env.DATABASE_URL = BENCH_URL;
  const { getReportView } = await import("../app/modules/reports/reports.server.ts");
  const { documentOf, docxOf, pdfOf } = await import("../app/modules/reports/export.server.ts");
  const { reportPrintHtml } = await import("../app/modules/reports/print.server.ts");
  const { chromiumPath, closePdfBrowser, htmlToPdf, pdfDestinationPages, pdfStats } = await import("../app/modules/reports/pdf.server.ts");
  const { db } = await import("../app/lib/db.server.ts");
  if (!chromiumPath()) throw new Error("no Chromium (set CHROMIUM_PATH)");

  const month = opts.month;
  const view = await getReportView(month);
  if (view.state === "APPROVED") log(`${month} is approved: its PDF is served from the file store after the first render`);
  // What a request does: the view from the database, then the bytes.
  const pdfRequest = async () => pdfOf(await getReportView(month));
  const docxRequest = async () => docxOf(await getReportView(month));
  const distinctRequest = async (n: number) => {
    const doc = await documentOf(await getReportView(month));
    return htmlToPdf(reportPrintHtml(doc), `${doc.title} — ${doc.monthLabel} (${n})`);
  };

  // Cold: the browser launch, once per process (then kept, closed after a minute idle).
  const coldMs = await timed(pdfRequest);
  const sample = await pdfRequest();
  const pages = pdfDestinationPages(sample).pageCount;
  const docxBytes = (await docxRequest()).byteLength;

  // The baseline: the same requests alone, one at a time.
  const alonePdf: number[] = [];
  const aloneDocx: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    alonePdf.push(await timed(pdfRequest));
    aloneDocx.push(await timed(docxRequest));
  }

  // Four at once; each request's own time from start to bytes.
  const fourAtOnce = async (request: (n: number) => Promise<unknown>) => {
    const times: number[] = [];
    const walls: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const start = performance.now();
      times.push(...(await Promise.all(Array.from({ length: AT_ONCE }, (_, n) => timed(() => request(n + r * AT_ONCE))))));
      walls.push(performance.now() - start);
    }
    return { ...summary(times), round_ms: summary(walls).p50_ms };
  };
  const before = pdfStats();
  const same = await fourAtOnce(pdfRequest);
  const afterSame = pdfStats();
  const distinct = await fourAtOnce(distinctRequest);
  const afterDistinct = pdfStats();
  const docx = await fourAtOnce(docxRequest);

  await closePdfBrowser();
  await db.$disconnect();
  if (!opts.keep) await withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`));

  const pdfAlone = summary(alonePdf);
  const docxAlone = summary(aloneDocx);
  const result = {
    bench: "report-exports",
    month,
    state: view.state,
    pdf_pages: pages,
    pdf_bytes: sample.byteLength,
    docx_bytes: docxBytes,
    at_once: AT_ONCE,
    rounds: ROUNDS,
    report_p95_ms: Math.max(same.p95_ms, docx.p95_ms),
    pdf_same: { ...same, renders: afterSame.renders - before.renders, shared: afterSame.shared - before.shared },
    pdf_distinct: { ...distinct, renders: afterDistinct.renders - afterSame.renders, shared: afterDistinct.shared - afterSame.shared },
    docx,
    pdf_alone: pdfAlone,
    docx_alone: docxAlone,
    pdf_cold_ms: round(coldMs),
    ratio_same: Math.round((same.p95_ms / pdfAlone.p50_ms) * 100) / 100,
    ratio_distinct: Math.round((distinct.p95_ms / pdfAlone.p50_ms) * 100) / 100,
    ratio_docx: Math.round((docx.p95_ms / docxAlone.p50_ms) * 100) / 100,
    prepare_s: prepareS,
    goal_p95_ms: GOAL_P95_MS,
    goal_met: same.p95_ms <= GOAL_P95_MS && distinct.p95_ms <= GOAL_P95_MS && docx.p95_ms <= GOAL_P95_MS,
  };
  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const line = (label: string, s: { p50_ms: number; p95_ms: number; max_ms: number; n: number }, extra = "") =>
      console.log(`  ${label.padEnd(34)} p50 ${String(s.p50_ms).padStart(5)} ms   p95 ${String(s.p95_ms).padStart(5)} ms   max ${String(s.max_ms).padStart(5)} ms   (n=${s.n})${extra}`);
    console.log(`report ${month} (${view.state}): PDF ${pages} pages, ${Math.round(sample.byteLength / 1024)} KB; DOCX ${Math.round(docxBytes / 1024)} KB; ${AT_ONCE} at once × ${ROUNDS} rounds`);
    line("PDF alone (baseline)", pdfAlone);
    line("PDF, same month, 4 at once", same, `   ${result.pdf_same.renders} renders, ${result.pdf_same.shared} shared   ${result.ratio_same}× alone`);
    line("PDF, 4 different documents at once", distinct, `   ${result.pdf_distinct.renders} renders   ${result.ratio_distinct}× alone`);
    line("DOCX alone (baseline)", docxAlone);
    line("DOCX, 4 at once", docx, `   ${result.ratio_docx}× alone`);
    console.log(`  first PDF of the process (browser launch): ${result.pdf_cold_ms} ms`);
    console.log(`  goal p95 ≤ ${GOAL_P95_MS} ms with four at once (PDF same and distinct, DOCX): ${result.goal_met ? "met" : "NOT met"}`);
    console.log(`  database prepared in ${result.prepare_s} s`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
