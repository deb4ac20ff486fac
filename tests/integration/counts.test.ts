/**
 * Counts a person can trust (issue 15): planner statistics kept fresh (after an import, and when
 * they drift from the live rows), exact counts wherever counting is cheap, and a bulk action that
 * states the exact number it will touch and acts only on the set that was confirmed.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db, Prisma } from "~/lib/db.server";
import { boundedCount, estimateCount, EXACT_COUNT_LIMIT, refreshStatsIfDrifted } from "~/lib/paging.server";
import { applyBulk, BulkSetChanged, previewBulk, type BulkRequest } from "~/modules/contacts/bulk.server";
import { importFile } from "~/modules/contacts/import/file.server";
import { closeImportPool } from "~/modules/contacts/import/pipeline.server";
import { listContacts } from "~/modules/contacts/query.server";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";
import { TEST_ADMIN_URL, TEST_DB_NAME } from "../support/test-env";
import { markup } from "../support/markup";

const dir = mkdtempSync(join(tmpdir(), "alcance-counts-test-"));

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeImportPool();
});

const newTag = () => `c-${randomUUID().slice(0, 8)}`;
const decodeHtml = (html: string) => html.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

function testDbUrl(): string {
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${TEST_DB_NAME}`;
  return url.toString();
}

async function insertTagged(tag: string, n: number, country = "US") {
  await db.$executeRaw`
    INSERT INTO "Contact" ("email", "country", "tags", "source", "consentStatus")
    SELECT ${tag} || '-' || g || '@counts.example', ${country}, ARRAY[${tag}], 'MANUAL', 'CONFIRMED'
    FROM generate_series(1, ${n}) AS g`;
}

async function lastAnalyze(table: string): Promise<Date | null> {
  const rows = await db.$queryRaw<Array<{ at: Date | null }>>`SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = ${table}`;
  return rows[0]?.at ?? null;
}

describe("planner statistics", () => {
  it("analyses a never-analysed table before estimating, and scales a drifted one by its live rows", async () => {
    const table = `count_probe_${randomUUID().slice(0, 8)}`;
    // Its own connection, so its statistics can be flushed on demand (the pool's would wait).
    const client = new pg.Client({ connectionString: testDbUrl() });
    await client.connect();
    const reltuples = async () => (await db.$queryRaw<Array<{ n: number }>>`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = ${table}`)[0]?.n;
    const insert = async (from: number, to: number) => {
      await client.query(`INSERT INTO "${table}" SELECT g, g % 10 FROM generate_series(${from}, ${to}) AS g`);
      await client.query("SELECT pg_stat_force_next_flush()");
      await client.query("SELECT 1");
      // The statistics system counts the rows once the inserting session flushes (about a second).
      for (let i = 0; i < 100; i++) {
        const live = await db.$queryRaw<Array<{ n: bigint }>>`SELECT n_live_tup AS n FROM pg_stat_user_tables WHERE relname = ${table}`;
        if (Number(live[0]?.n ?? 0) === to) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      await client.query(`CREATE TABLE "${table}" (id int, k int)`);
      await insert(1, 30_000);
      expect(await reltuples()).toBe(-1);

      // k = 3 is a tenth of the rows. Never analysed, the planner would guess 0.5 % (150).
      const estimate = await estimateCount(table, Prisma.sql`k = 3`);
      expect(estimate).toBeGreaterThan(2_700);
      expect(estimate).toBeLessThan(3_300);
      expect(await reltuples()).toBe(30_000);
      expect(await refreshStatsIfDrifted(table)).toBe(false);

      // Twice the rows since the last ANALYZE: the estimate follows the live rows, and the drift
      // check analyses again.
      await insert(30_001, 60_000);
      const bounded = await boundedCount(Prisma.raw(`"${table}"`), Prisma.sql`k = 3`, 1000, { table });
      expect(bounded.exact).toBe(false);
      expect(bounded.value).toBeGreaterThan(5_400);
      expect(bounded.value).toBeLessThan(6_600);
      await refreshStatsIfDrifted(table);
      expect(await reltuples()).toBe(60_000);
    } finally {
      await client.query(`DROP TABLE IF EXISTS "${table}"`);
      await client.end();
    }
  });

  it("analyses contacts when an import finishes", async () => {
    const path = join(dir, `${randomUUID()}.csv`);
    writeFileSync(path, `correo\n${Array.from({ length: 5 }, (_, i) => `analyze${i}-${randomUUID().slice(0, 8)}@counts.example`).join("\n")}\n`);
    const started = new Date();
    const { result } = await importFile(path, { sourceText: "Pruebas de conteo", consentBasis: "Aviso v1", onDuplicate: "SKIP" });
    expect(result.status).toBe("DONE");
    const at = await lastAnalyze("Contact");
    expect(at).not.toBeNull();
    expect(at!.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
  });
});

describe("exact counts", () => {
  it("counts more than 10,000 matching contacts exactly in the list and in the bulk confirmation", async () => {
    const tag = newTag();
    const n = 10_001;
    expect(n).toBeLessThanOrEqual(EXACT_COUNT_LIMIT);
    await insertTagged(tag, n);
    try {
      const list = await listContacts({ tag, sort: "created" });
      expect(list.count).toEqual({ value: n, exact: true });

      const user = await createUser({ role: "COMMUNICATIONS" });
      const client = new TestClient();
      expect((await client.login(user.email)).status).toBe(302);
      const page = decodeHtml(await (await client.get(`/contacts?tag=${tag}`)).text());
      expect(page).toContain("10,001 contactos");
      expect(markup(page)).not.toContain("cerca de");
      const preview = await client.request("/contacts?index", {
        method: "POST",
        body: new URLSearchParams({ intent: "bulk-preview", operation: "unsubscribe", scope: "all", filter: `tag=${tag}` }),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      const html = decodeHtml(await preview.text());
      expect(html).toContain("Se darán de baja 10,001 contactos suscritos");
      // The confirmation's own words (the list behind it counts the whole table, which may be estimated).
      expect(markup(html)).not.toContain("La cifra es aproximada");
    } finally {
      await db.$executeRaw`DELETE FROM "Contact" WHERE "tags" @> ARRAY[${tag}]::text[]`;
    }
  });
});

describe("a bulk action acts on what was confirmed", () => {
  it("changes nothing when the set changed since the confirmation, and says so with the new number", async () => {
    const tag = newTag();
    await insertTagged(tag, 3, "DE");
    const request: BulkRequest = { operation: "delete", scope: { kind: "filter", filter: { tag, sort: "created" } } };
    const confirmed = await previewBulk(request);
    expect(confirmed.count).toBe(3);

    await insertTagged(`${tag}-x`, 1, "DE");
    await db.$executeRaw`UPDATE "Contact" SET "tags" = ARRAY[${tag}] WHERE "tags" @> ARRAY[${`${tag}-x`}]::text[]`;
    const error = await applyBulk({ userId: null, ip: "test" }, request, confirmed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkSetChanged);
    expect((error as BulkSetChanged).now.count).toBe(4);
    expect(await db.contact.count({ where: { tags: { has: tag } } })).toBe(4);

    // Same size, different people: still not the confirmed set.
    const four = await previewBulk(request);
    const one = await db.contact.findFirstOrThrow({ where: { tags: { has: tag } }, orderBy: { id: "asc" } });
    await db.contact.update({ where: { id: one.id }, data: { tags: ["otra"] } });
    await insertTagged(`${tag}-y`, 1, "DE");
    await db.$executeRaw`UPDATE "Contact" SET "tags" = ARRAY[${tag}] WHERE "tags" @> ARRAY[${`${tag}-y`}]::text[]`;
    expect((await applyBulk({ userId: null, ip: "test" }, request, four).catch((e: unknown) => e)) instanceof BulkSetChanged).toBe(true);
    expect(await db.contact.count({ where: { tags: { has: tag } } })).toBe(4);

    // Over HTTP: the apply step shows the new number and does nothing; confirming it applies.
    const user = await createUser({ role: "COMMUNICATIONS" });
    const client = new TestClient();
    expect((await client.login(user.email)).status).toBe(302);
    const post = (values: Record<string, string>) =>
      client.request("/contacts?index", { method: "POST", body: new URLSearchParams(values), headers: { "content-type": "application/x-www-form-urlencoded" } });
    const fields = { operation: "delete", scope: "all", filter: `tag=${tag}` };
    const preview = decodeHtml(await (await post({ ...fields, intent: "bulk-preview" })).text());
    expect(preview).toContain("Se eliminarán 4 contactos");
    const stale = preview.match(/name="confirmed" value="([^"]+)"/)?.[1];
    expect(stale).toBeTruthy();
    await insertTagged(`${tag}-z`, 1, "DE");
    await db.$executeRaw`UPDATE "Contact" SET "tags" = ARRAY[${tag}] WHERE "tags" @> ARRAY[${`${tag}-z`}]::text[]`;
    const refused = await post({ ...fields, intent: "bulk-apply", confirmed: stale! });
    expect(refused.status).toBe(409);
    const again = decodeHtml(await refused.text());
    expect(again).toContain("eran 4 y ahora la acción cambiaría 5");
    expect(await db.contact.count({ where: { tags: { has: tag } } })).toBe(5);
    const fresh = again.match(/name="confirmed" value="([^"]+)"/)?.[1];
    // Without a confirmation nothing runs either: the step is shown.
    expect((await post({ ...fields, intent: "bulk-apply" })).status).toBe(200);
    expect(await db.contact.count({ where: { tags: { has: tag } } })).toBe(5);
    const done = await post({ ...fields, intent: "bulk-apply", confirmed: fresh! });
    expect(done.status).toBe(302);
    expect(await db.contact.count({ where: { tags: { has: tag } } })).toBe(0);
    await db.contact.deleteMany({ where: { id: one.id } });
  });
});
