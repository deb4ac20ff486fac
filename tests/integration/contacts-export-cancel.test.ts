/**
 * A contacts export PostgreSQL writes with COPY (decision 032) holds a database connection for the
 * whole download. A download cancelled half-way — the browser closes it, the CLI's reader stops —
 * must stop that query and give the connection back, or four abandoned downloads would block every
 * later export. The contacts here (~30 MB of CSV) are too many to fit in the socket buffers, so the
 * COPY is still running (blocked on a reader that does not read) when the download is cancelled.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { contactsCsv, contactsCsvStream, EXPORT_APPLICATION_NAME, exportPool } from "~/modules/contacts/export.server";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";

const tag = `cancel-${randomUUID().slice(0, 8)}`;
const ROWS = 25_000;

beforeAll(async () => {
  // Withdrawn and unsubscribed: no other test's audience or count can take them in while they exist.
  await db.$executeRawUnsafe(
    `INSERT INTO "Contact" ("email", "givenName", "tags", "notes", "source", "consentStatus", "subscriptionStatus", "updatedAt")
     SELECT '${tag}-' || g || '@example.org', 'N' || g, ARRAY['${tag}'], repeat('nota larga, ', 100), 'MANUAL', 'WITHDRAWN', 'UNSUBSCRIBED', now()
     FROM generate_series(1, ${ROWS}) AS g`,
  );
}, 120_000);

afterAll(async () => {
  await db.$executeRawUnsafe(`DELETE FROM "Contact" WHERE "tags" @> ARRAY['${tag}']`);
});

/**
 * Backends running an export's COPY now (pg_stat_activity cuts the query's text before the tag, so
 * they are known by the export pool's application name; another test file's export may show too).
 */
async function runningExports(): Promise<number[]> {
  const rows = await db.$queryRaw<Array<{ pid: number }>>`
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = ${EXPORT_APPLICATION_NAME} AND state = 'active' AND query LIKE 'COPY (SELECT%'`;
  return rows.map((r) => r.pid);
}

/** Whether none of `pids` runs a COPY any more (ours are gone: the connection was closed). */
async function stopped(pids: number[], withinMs = 5000): Promise<boolean> {
  const until = Date.now() + withinMs;
  for (;;) {
    const left = (await runningExports()).filter((pid) => pids.includes(pid));
    if (left.length === 0) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const checkedOut = () => exportPool().totalCount - exportPool().idleCount;

describe("a cancelled contacts export", () => {
  it("stops its COPY and releases its database connection (web download)", async () => {
    const stream = contactsCsvStream({ userId: null, ip: "test" }, { sort: "created", tag }, { delimiter: ",", lang: "es" }, { via: "web" });
    const reader = stream.getReader();
    const header = await reader.read();
    const rows = await reader.read();
    expect(header.done).toBe(false);
    expect(rows.done).toBe(false);

    // The COPY is running, blocked on this reader, on the one connection the export holds.
    const running = await runningExports();
    expect(running.length).toBeGreaterThanOrEqual(1);
    expect(checkedOut()).toBe(1);

    await reader.cancel();
    expect(await stopped(running)).toBe(true);
    expect(checkedOut()).toBe(0);

    const entry = await db.auditLog.findFirst({ where: { action: "contacts.export", after: { path: ["filter", "tag"], equals: tag } }, orderBy: { id: "desc" } });
    const after = entry?.after as { rows: number; complete: boolean };
    expect(after.complete).toBe(false);
    expect(after.rows).toBeGreaterThan(0);
    expect(after.rows).toBeLessThan(ROWS);
  });

  it("through the server: holds the COPY back while the browser does not read, and stops it when the download is cancelled", async () => {
    const user = await createUser({ role: "COMMUNICATIONS" });
    const client = new TestClient();
    expect((await client.login(user.email)).status).toBe(302);
    const download = new AbortController();
    const res = await client.get(`/contacts/export.csv?tag=${tag}`, { signal: download.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    // A second without reading: the server must not read the whole export into its memory meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const running = await runningExports();
    expect(running.length).toBeGreaterThanOrEqual(1);

    download.abort();
    await reader.cancel().catch(() => undefined);
    expect(await stopped(running)).toBe(true);
    let after: { rows: number; complete: boolean } | undefined;
    for (let i = 0; i < 50 && !after; i++) {
      const entry = await db.auditLog.findFirst({ where: { actorId: user.id, action: "contacts.export" } });
      after = entry?.after as typeof after;
      if (!after) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(after?.complete).toBe(false);
    expect(after?.rows).toBeLessThan(ROWS);
  });

  it("stops when the CLI's reader stops early, and more abandoned exports than connections still leave room for a whole one", async () => {
    const pids: number[] = [];
    // Five abandoned exports: one more than the pool's four connections.
    for (let i = 0; i < 5; i++) {
      for await (const _chunk of contactsCsv({ sort: "email", tag }, { delimiter: ";" })) {
        const running = await runningExports();
        if (running.length > 0 && checkedOut() === 1) {
          pids.push(...running);
          break;
        }
      }
    }
    expect(pids.length).toBeGreaterThanOrEqual(5);
    expect(await stopped(pids)).toBe(true);
    expect(checkedOut()).toBe(0);

    const progress = { rows: 0, done: false };
    let bytes = 0;
    for await (const chunk of contactsCsv({ sort: "name", tag }, {}, progress)) bytes += chunk.byteLength;
    expect(progress).toEqual({ rows: ROWS, done: true });
    expect(bytes).toBeGreaterThan(ROWS * 1200);
    expect(checkedOut()).toBe(0);
  });
});
