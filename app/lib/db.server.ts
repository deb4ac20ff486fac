import { appendFileSync } from "node:fs";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { createAdapter } from "../../prisma/pg-adapter";
import { env } from "./env.server";

const globalForDb = globalThis as unknown as { __alcanceDb?: PrismaClient };

/**
 * PostgreSQL refuses NUL (U+0000) in text and jsonb ("invalid byte sequence"), which turned any
 * form field or URL value with %00 into a 500. Every query of the app — ORM calls, $queryRaw,
 * $executeRaw, the *Unsafe variants, inside transactions too — passes this client's one query
 * hook, so the bytes are dropped once, here, from every string argument (JSON values included,
 * before they are serialized). Returns the same object when there is nothing to strip.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === "string") return (value.includes("\u0000") ? value.replaceAll("\u0000", "") : value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item: unknown) => {
      const next = withoutNul(item);
      if (next !== item) changed = true;
      return next;
    });
    return (changed ? out : value) as T;
  }
  if (value instanceof Prisma.Sql) {
    const values = withoutNul(value.values);
    return (values === value.values ? value : new Prisma.Sql(value.strings, values)) as T;
  }
  if (value !== null && typeof value === "object") {
    // Plain objects only: Dates, Decimals, Buffers and Prisma's null markers pass untouched.
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const next = withoutNul(item);
      if (next !== item) changed = true;
      out[key] = next;
    }
    return (changed ? out : value) as T;
  }
  return value;
}

function createClient(): PrismaClient {
  // bench/pages.ts sets ALCANCE_QUERY_LOG to a file: every query (text, parameters, duration) is
  // appended as one JSON line, so the bench can EXPLAIN each page's queries. Off otherwise.
  const queryLog = process.env.ALCANCE_QUERY_LOG;
  const client = new PrismaClient({ adapter: createAdapter(env().DATABASE_URL), log: queryLog ? [{ emit: "event", level: "query" }] : [] });
  if (queryLog) {
    (client as unknown as { $on(name: "query", fn: (e: Prisma.QueryEvent) => void): void }).$on("query", (e) =>
      appendFileSync(queryLog, `${JSON.stringify({ query: e.query, params: e.params, ms: e.duration })}\n`),
    );
  }
  // A query-only extension keeps the client's API; the cast keeps PrismaClient's type for callers.
  return client.$extends({
    query: {
      $allOperations({ args, query }) {
        return query(withoutNul(args));
      },
    },
  }) as unknown as PrismaClient;
}

// One client per process; survives dev-server module reloads.
export const db: PrismaClient = (globalForDb.__alcanceDb ??= createClient());

export { Prisma } from "~/generated/prisma/client";
