/**
 * Every page at scale (issue 20): the built server against the scale database (npm run seed:scale),
 * every GET page of every role requested N times through HTTP, p50/p95 per page and the worst.
 * Goals: p95 ≤ 150 ms for every page, ≤ 500 ms for a month's report (and its figures JSON).
 *
 *   npm run build && npm run -s bench:pages -- --json [--runs 20] [--database alcance_scale] [--only /contacts,/events] [--queries]
 *
 * Pages: the page routes of app/routes (as tests/support/page-walk.ts reads them) each role's
 * navigation reaches, with records of the scale dataset behind each dynamic segment, plus a filtered
 * list, a search, the calendar on a month, a month's report and its figures JSON, the audit log
 * filtered, the month's DOCX. Each role's session is minted (bench/lib/server.ts): the login form is
 * rate-limited per address and the administrator must pass two-factor, which a bench cannot type; an
 * administrator without two-factor set up is marked as having it for the run (requireUser would send
 * every page to the set-up form) and put back afterwards, and the bench's sessions are deleted.
 *
 * Queries: the server runs with ALCANCE_QUERY_LOG (app/lib/db.server.ts: Prisma query events to a
 * file); the first request of each page is the one whose queries are kept, and each distinct SELECT
 * is EXPLAINed (plain EXPLAIN with the logged parameters, no ANALYZE) against the same database.
 * The output lists, per page, the queries whose plan reads a table of more than SEQ_SCAN_ROWS rows
 * by a sequential scan, with their plan (`seq_scans`); each is EXPLAINed again with enable_seqscan
 * off, and a table still read sequentially then is one no index can serve (`no_usable_index`, the
 * finding the goal forbids: the planner may rightly prefer a sequential read of a LIMIT-bounded
 * prefix or of most of a 20,000-row table); `--explain-all` keeps every plan.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { navFor, type RoleName } from "../app/modules/auth/permissions.ts";
import { withDatabase } from "./lib/scratch-db.ts";
import { mintSession, startBuiltServer } from "./lib/server.ts";

const { values: opts } = parseArgs({
  args: process.argv.slice(2),
  options: {
    runs: { type: "string", default: "20" },
    database: { type: "string", default: "alcance_scale" },
    only: { type: "string" },
    json: { type: "boolean", default: false },
    "explain-all": { type: "boolean", default: false },
    /** Keep every query of each page's first request (text, duration) in the JSON: to see where a page's time goes. */
    queries: { type: "boolean", default: false },
    /** EXPLAIN ANALYZE (the reads run once more) instead of plain EXPLAIN; with --explain-all, each plan's own time. */
    analyze: { type: "boolean", default: false },
  },
  strict: true,
});
const RUNS = Number(opts.runs);
const PAGE_BUDGET_MS = 150;
const REPORT_BUDGET_MS = 500;
const SEQ_SCAN_ROWS = 10_000;
const SESSION_SECRET = "bench-pages-session-secret-0123456789abcdef";
const log = (message: string) => console.error(`[bench:pages] ${message}`);

const DB_URL = withDatabase(process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/alcance", opts.database);

const ACCOUNTS: Record<RoleName, string> = {
  ADMIN: "admin@alcance.test",
  COORDINATOR: "coordinacion@alcance.test",
  COMMUNICATIONS: "comunicacion@alcance.test",
  JUROR: "jurado1@alcance.test",
  CONTRIBUTOR: "derfe@alcance.test",
};

type Route = { file: string; pattern: string[] };
/** The page routes (same reading as tests/support/page-walk.ts: a default export or a loader; no resource routes). */
function pageRoutes(): Route[] {
  const dir = path.resolve("app/routes");
  return readdirSync(dir)
    .filter((file) => /\.tsx$/.test(file) && !/\[\.\w+\]/.test(file))
    .filter((file) => {
      const source = readFileSync(path.join(dir, file), "utf8");
      return /export default function/.test(source) || /export (async )?function loader\b/.test(source);
    })
    .map((file) => {
      const parts = file.replace(/\.tsx$/, "").match(/(\[[^\]]*\]|[^.[]+)+/g) ?? [];
      const pattern = parts.map((raw) => raw.replace(/\[([^\]]*)\]/g, "$1").replace(/_$/, "")).filter((s) => s !== "_index" && s !== "");
      return { file, pattern };
    })
    .filter((r) => !["logout.tsx", "locale.tsx"].includes(r.file));
}
const PUBLIC_PREFIXES = ["login", "forgot-password", "reset-password", "invite", "k", "u"];

/** Records behind the dynamic segments: the scale dataset's (the middle of each table) or the demo month's. */
async function recordValues(client: pg.Client): Promise<Record<string, string>> {
  const one = async (sql: string) => String((await client.query(sql)).rows[0]?.v ?? "");
  const month = "2026-11";
  // Staff pages read the contest with the most submissions (and one of its submissions); the jury
  // pages the biggest contest the benched juror sits on, so the juror's pages answer.
  const contestId = await one(`SELECT "contestId" AS v FROM "Submission" GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`);
  const juryContestId =
    (await one(`SELECT s."contestId" AS v FROM "Submission" s WHERE s."contestId" IN (SELECT jm."contestId" FROM "JuryMember" jm JOIN "User" u ON u."id" = jm."userId" WHERE u."email" = '${ACCOUNTS.JUROR}') GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`)) || contestId;
  return {
    month,
    contestId,
    "jury/contestId": juryContestId,
    "p/submissionId": String((await client.query(`SELECT "id" AS v FROM "Submission" WHERE "contestId" = $1 ORDER BY "folio" LIMIT 1`, [juryContestId])).rows[0]?.v ?? ""),
    submissionId: String((await client.query(`SELECT "id" AS v FROM "Submission" WHERE "contestId" = $1 ORDER BY "folio" LIMIT 1`, [contestId])).rows[0]?.v ?? ""),
    "convocatoria/slug": await one(`SELECT "slug" AS v FROM "PortalCall" ORDER BY "contestId" LIMIT 1`),
    "notice/version": await one(`SELECT max("version") AS v FROM "PrivacyNotice"`),
    slug: await one(`SELECT "signupSlug" AS v FROM "Event" WHERE "signupSlug" IS NOT NULL LIMIT 1`),
    sha256: await one(`SELECT "sha256" AS v FROM "StoredFile" LIMIT 1`),
    batchId: await one(`SELECT "id" AS v FROM "ImportBatch" ORDER BY "createdAt" DESC LIMIT 1`),
    "events/id": await one(`SELECT "id" AS v FROM "Event" ORDER BY "startsAt" DESC OFFSET (SELECT count(*) / 2 FROM "Event") LIMIT 1`),
    "contacts/id": await one(`SELECT "contactId" AS v FROM "EventSignup" ORDER BY "id" DESC LIMIT 1`),
    "partners/id": await one(`SELECT "partnerId" AS v FROM "PartnerActivity" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`),
    "materials/id": await one(`SELECT "materialId" AS v FROM "StockMovement" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`),
    "locations/id": await one(`SELECT "toLocationId" AS v FROM "StockMovement" WHERE "toLocationId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`),
    "shipments/id": await one(`SELECT "id" AS v FROM "Shipment" ORDER BY "number" DESC LIMIT 1`),
    "bulletins/id": await one(`SELECT "bulletinId" AS v FROM "BulletinDelivery" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`),
    "arco/id": await one(`SELECT "id" AS v FROM "ArcoRequest" LIMIT 1`),
    "outbox/id": await one(`SELECT "id" AS v FROM "OutboxMessage" ORDER BY "id" DESC LIMIT 1`),
    "users/id": await one(`SELECT "id" AS v FROM "User" WHERE "email" = 'coordinacion@alcance.test'`),
    "meetings/id": await one(`SELECT "id" AS v FROM "Meeting" ORDER BY "heldOn" DESC LIMIT 1`),
    "agreements/id": await one(`SELECT "id" AS v FROM "CommissionAgreement" LIMIT 1`),
    "accounts/id": await one(`SELECT "id" AS v FROM "SocialAccount" LIMIT 1`),
    "media/id": await one(`SELECT "id" AS v FROM "MediaNote" LIMIT 1`),
    "sections/key": "registration",
    section: await one(`SELECT "sectionKey" AS v FROM "ReportContribution" WHERE "ownerArea" = 'DERFE' ORDER BY "month" DESC LIMIT 1`),
    token: "bench-no-such-token",
  };
}

type Page = { role: RoleName; path: string; report?: boolean };

function pagesFor(role: RoleName, values: Record<string, string>): Page[] {
  const areas = navFor(role).map((a) => a.to.split("/")[1] ?? "");
  const chosen = pageRoutes().filter(
    (r) => !PUBLIC_PREFIXES.includes(r.pattern[0] ?? "") && (role === "ADMIN" || r.pattern[0] === "account" || areas.includes(r.pattern[0] ?? "")),
  );
  const pages = new Map<string, Page>();
  const add = (p: string, report = false) => pages.set(p, { role, path: p, report });
  for (const route of chosen) {
    const segments = route.pattern.map((segment, i) => {
      if (!segment.startsWith("$")) return segment;
      const name = segment.slice(1);
      return encodeURIComponent(values[`${route.pattern[i - 1]}/${name}`] ?? values[name] ?? "");
    });
    const p = `/${segments.join("/")}`;
    add(p, route.file === "reports.$month.tsx");
  }
  if (role === "ADMIN" || role === "COORDINATOR" || role === "COMMUNICATIONS") {
    add("/contacts?country=US&consent=CONFIRMED");
    add("/contacts?q=garcia");
    add(`/events/calendar?month=${values.month}`);
    add("/events?country=US&status=HELD");
    add("/partners?q=institucion");
  }
  if (role === "ADMIN" || role === "COORDINATOR") {
    add(`/reports/${values.month}/figures.json`, true);
    add(`/reports/${values.month}/export.docx`, true);
    add("/materials/figures");
  }
  if (role === "ADMIN") {
    // The audit log filtered each way its form allows: a common action, a rare prefix, an actor, a
    // record's history, a month, and a month of one action.
    add("/admin/audit?action=contact.update");
    add("/admin/audit?action=shipment.");
    add("/admin/audit?actor=coordinacion%40alcance.test");
    add(`/admin/audit?entity=partner&entityId=${encodeURIComponent(values["partners/id"] ?? "")}`);
    add("/admin/audit?from=2024-03-01&to=2024-03-31");
    add("/admin/audit?action=login.&from=2024-03-01&to=2024-03-31");
  }
  add("/"); // every role's home, a redirect for some
  const all = [...pages.values()];
  const only = opts.only?.split(",").filter(Boolean);
  // "/" alone means the home page, not every page.
  return only ? all.filter((p) => only.some((o) => (o === "/" ? p.path === "/" || p.path.startsWith("/?") : p.path.startsWith(o)))) : all;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

type LoggedQuery = { query: string; params: string; ms: number };
/**
 * seq_scans: big tables the planner chose to read sequentially (a bounded LIMIT read, or most of a
 * small table); no_usable_index: those it still reads sequentially with sequential scans priced out
 * (enable_seqscan off): no index can serve the query, the finding the goal forbids.
 */
type Finding = { query: string; ms: number; seq_scans: string[]; no_usable_index: string[]; plan?: string; plan_without_seqscan?: string };

/** EXPLAIN each distinct read of a page; report sequential scans of big tables. */
async function explain(client: pg.Client, queries: LoggedQuery[], tableRows: Map<string, number>): Promise<Finding[]> {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const q of queries) {
    if (!/^\s*(SELECT|WITH)\b/i.test(q.query) || seen.has(q.query)) continue;
    seen.add(q.query);
    let params: unknown[] = [];
    try {
      params = JSON.parse(q.params) as unknown[];
    } catch {
      params = [];
    }
    const values = params.map((p) => (p !== null && typeof p === "object" ? JSON.stringify(p) : p));
    const planOf = async (sql: string, seqscan: boolean) => {
      try {
        await client.query("BEGIN");
        if (!seqscan) await client.query("SET LOCAL enable_seqscan = off");
        const result = await client.query(sql, values);
        return result.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
      } catch (error) {
        return `(EXPLAIN failed: ${(error as Error).message})`;
      } finally {
        await client.query("ROLLBACK");
      }
    };
    const bigSeqScans = (text: string) => [...new Set([...text.matchAll(/Seq Scan on "?(\w+)"?/g)].map((m) => m[1]!).filter((t) => (tableRows.get(t) ?? 0) > SEQ_SCAN_ROWS))];
    const plan = await planOf(`EXPLAIN ${opts.analyze ? "(ANALYZE) " : ""}${q.query}`, true);
    const seqScans = bigSeqScans(plan);
    const withoutSeqScan = seqScans.length > 0 ? await planOf(`EXPLAIN ${q.query}`, false) : "";
    const noIndex = bigSeqScans(withoutSeqScan);
    if (seqScans.length > 0 || opts["explain-all"]) {
      findings.push({ query: q.query.slice(0, 400), ms: q.ms, seq_scans: seqScans, no_usable_index: noIndex, plan, ...(noIndex.length ? { plan_without_seqscan: withoutSeqScan } : {}) });
    }
  }
  return findings;
}

async function main() {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  const values = await recordValues(client);
  const tableRows = new Map<string, number>(
    // The planner's estimate, not pg_stat's live count: a database copied with createdb -T counts 0 until analysed.
    (await client.query(`SELECT relname, greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`)).rows.map((r: { relname: string; n: string }) => [r.relname, Number(r.n)]),
  );
  const contacts = tableRows.get("Contact") ?? 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-pages-"));
  const queryLog = path.join(dir, "queries.jsonl");
  const server = await startBuiltServer({
    defaults: { APP_KEY: "bench-pages-app-key-0123456789abcdef012345" },
    env: { SESSION_SECRET, DATABASE_URL: DB_URL, ALCANCE_QUERY_LOG: queryLog },
  });
  const adminWithoutTotp = (
    await client.query(`UPDATE "User" SET "totpEnabled" = true WHERE "email" = $1 AND NOT "totpEnabled" RETURNING "id"`, [ACCOUNTS.ADMIN])
  ).rows.map((r: { id: string }) => r.id);
  const sessions: string[] = [];
  const readLog = (() => {
    let offset = 0;
    return (): LoggedQuery[] => {
      let text = "";
      try {
        text = readFileSync(queryLog, "utf8");
      } catch {
        return [];
      }
      const fresh = text.slice(offset);
      offset = text.length;
      return fresh.split("\n").filter(Boolean).map((line) => JSON.parse(line) as LoggedQuery);
    };
  })();
  const loadBefore = os.loadavg().map((n) => round(n));
  const results: Array<{
    path: string; role: RoleName; status: number; bytes: number; p50_ms: number; p95_ms: number; max_ms: number; queries: number; db_ms: number;
    slowest_query: { ms: number; query: string } | null; report: boolean; findings: Finding[]; all_queries?: Array<{ ms: number; query: string }>;
  }> = [];
  try {
    for (const role of Object.keys(ACCOUNTS) as RoleName[]) {
      const { cookie, sessionId } = await mintSession(client, ACCOUNTS[role], SESSION_SECRET);
      sessions.push(sessionId);
      for (const page of pagesFor(role, values)) {
        const get = async () => {
          const t = performance.now();
          const response = await fetch(new URL(page.path, server.url), { headers: { cookie }, redirect: "manual" });
          const body = await response.arrayBuffer();
          return { ms: performance.now() - t, status: response.status, bytes: body.byteLength };
        };
        readLog();
        const first = await get(); // cold: its queries are the ones EXPLAINed
        await new Promise((r) => setTimeout(r, 50));
        const queries = readLog();
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) times.push((await get()).ms);
        readLog();
        times.sort((a, b) => a - b);
        const findings = await explain(client, queries, tableRows);
        const slowest = [...queries].sort((a, b) => b.ms - a.ms)[0];
        const row = {
          path: page.path, role, status: first.status, bytes: first.bytes, p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)), max_ms: round(times.at(-1)!),
          queries: queries.length, db_ms: round(queries.reduce((sum, q) => sum + q.ms, 0)), slowest_query: slowest ? { ms: slowest.ms, query: slowest.query.slice(0, 300) } : null,
          report: !!page.report, findings, ...(opts.queries ? { all_queries: queries.map((q) => ({ ms: q.ms, query: q.query.slice(0, 600) })) } : {}),
        };
        results.push(row);
        const budget = page.report ? REPORT_BUDGET_MS : PAGE_BUDGET_MS;
        log(`${role.padEnd(14)} ${String(first.status)} ${page.path.padEnd(60)} p50 ${String(row.p50_ms).padStart(7)} p95 ${String(row.p95_ms).padStart(7)} ms  ${queries.length} q ${row.db_ms} db-ms ${Math.round(first.bytes / 1000)} kB${row.p95_ms > budget ? "  OVER" : ""}${findings.length ? `  seq: ${[...new Set(findings.flatMap((f) => f.seq_scans))].join(",")}` : ""}${findings.some((f) => f.no_usable_index.length) ? `  NO INDEX: ${[...new Set(findings.flatMap((f) => f.no_usable_index))].join(",")}` : ""}`);
      }
    }
  } finally {
    server.stop();
    await client.query(`UPDATE "User" SET "totpEnabled" = false WHERE "id" = ANY($1)`, [adminWithoutTotp]);
    await client.query(`DELETE FROM "Session" WHERE "id" = ANY($1)`, [sessions]);
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
  const ordinary = results.filter((r) => !r.report);
  const reports = results.filter((r) => r.report);
  const worst = [...ordinary].sort((a, b) => b.p95_ms - a.p95_ms)[0]!;
  const summary = {
    database: opts.database,
    contacts,
    audit_rows: tableRows.get("AuditLog") ?? 0,
    runs: RUNS,
    loadavg_before: loadBefore,
    loadavg_after: os.loadavg().map((n) => round(n)),
    query_source: "Prisma query events (ALCANCE_QUERY_LOG), plain EXPLAIN with the logged parameters",
    worst_p95_ms: worst.p95_ms,
    worst_page: `${worst.role} ${worst.path}`,
    report_p95_ms: Math.max(...reports.map((r) => r.p95_ms), 0),
    pages_over_budget: ordinary.filter((r) => r.p95_ms > PAGE_BUDGET_MS).map((r) => `${r.role} ${r.path} ${r.p95_ms}`),
    pages_with_seq_scans: results.filter((r) => r.findings.some((f) => f.seq_scans.length)).map((r) => `${r.role} ${r.path}`),
    pages_without_usable_index: results.filter((r) => r.findings.some((f) => f.no_usable_index.length)).map((r) => `${r.role} ${r.path}`),
    non_200: results.filter((r) => r.status !== 200).map((r) => `${r.role} ${r.path} ${r.status}`),
    goals: { page_p95_ms: PAGE_BUDGET_MS, report_p95_ms: REPORT_BUDGET_MS },
    pages: results,
  };
  log(`worst p95 ${summary.worst_p95_ms} ms (${summary.worst_page}); report p95 ${summary.report_p95_ms} ms; ${summary.pages_over_budget.length} pages over ${PAGE_BUDGET_MS} ms; ${summary.pages_with_seq_scans.length} with a sequential scan of a table > ${SEQ_SCAN_ROWS} rows, ${summary.pages_without_usable_index.length} with a query no index serves`);
  if (opts.json) console.log(JSON.stringify(summary));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
