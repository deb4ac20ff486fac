/** The pipeline's own PostgreSQL pool and the worker's liveness lock (see index.server.ts). */
import { randomInt } from "node:crypto";
import pg from "pg";
import { env } from "~/lib/env.server";

const log = (...args: unknown[]) => console.error("[bulletins]", ...args);

// ── Connections ─────────────────────────────────────────────────────────────────────────────────

const globalForPipeline = globalThis as unknown as { __bulletinPool?: pg.Pool };

/** A small pg pool of the pipeline's own: the hot path runs plain SQL, not the ORM. */
export function pipelinePool(): pg.Pool {
  if (!globalForPipeline.__bulletinPool) {
    // synchronous_commit off: a claim or an outcome is visible to every session at once and
    // survives the worker's death; only a PostgreSQL crash could lose the last ~0.2 s of them
    // (see docs/decisions/009-bulletins.md). It takes the WAL flush off each message's path.
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 6, idleTimeoutMillis: 30_000, options: "-c synchronous_commit=off" });
    pool.on("error", (error) => log("pool error:", error.message));
    globalForPipeline.__bulletinPool = pool;
  }
  return globalForPipeline.__bulletinPool;
}

export async function closePipelinePool(): Promise<void> {
  const pool = globalForPipeline.__bulletinPool;
  globalForPipeline.__bulletinPool = undefined;
  await pool?.end();
}

// ── Worker liveness ─────────────────────────────────────────────────────────────────────────────

/** classid of the advisory locks that mark live bulletin workers ("AlcB"). */
export const LIVENESS_LOCK_CLASS = 0x416c6342;

export type Liveness = { key: number; close(): Promise<void> };

/**
 * Takes a session advisory lock (LIVENESS_LOCK_CLASS, key) on a connection of its own and keeps
 * it while the process lives. The lock vanishes with the connection when the process dies, even
 * by SIGKILL, which is how reconciliation tells a dead worker's claims from a live one's.
 */
export async function startLiveness(): Promise<Liveness> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, keepAlive: true });
  client.on("error", (error) => log("liveness connection error:", error.message));
  await client.connect();
  for (;;) {
    const key = randomInt(1, 2 ** 31 - 1);
    const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::int, $2::int) AS ok", [LIVENESS_LOCK_CLASS, key]);
    if (rows[0]?.ok) {
      return {
        key,
        close: async () => {
          await client.end().catch(() => undefined);
        },
      };
    }
  }
}
