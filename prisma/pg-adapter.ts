import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

/**
 * Catalog types that @prisma/adapter-pg cannot map (prisma/orm#27403): name, "char", regproc,
 * pg_node_tree, regclass. The schema engine reads them while introspecting; pg already returns
 * them as strings, so we only relabel the column as text.
 */
const CATALOG_TEXT_OIDS = new Set([19, 18, 24, 194, 2205]);
const TEXT_OID = 25;

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };

function relabelCatalogColumns<T>(result: T): T {
  const fields = (result as QueryResultLike | undefined)?.fields;
  if (fields) {
    for (const field of fields) {
      if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

class CatalogSafePool extends pg.Pool {
  // pg's overloads are many; the adapter always uses the promise form.
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      return (result as Promise<unknown>).then(relabelCatalogColumns) as never;
    }
    return result as never;
  }
}

/** Every pool this process opened and has not ended: /metrics reports their use (decision 035). */
export const openPools = new Set<pg.Pool>();

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new CatalogSafePool({ connectionString: url, max });
  openPools.add(pool);
  // An ended pool leaves the set: `ending` is set by pool.end().
  pool.on("remove", () => {
    if (pool.ending) openPools.delete(pool);
  });
  return pool;
}

export function createAdapter(url: string, max = 10): PrismaPg {
  return new PrismaPg(createPool(url, max), { disposeExternalPool: true });
}

/**
 * The adapter's executeScript splits a migration on every ";", which breaks any statement with a
 * body (plpgsql functions, DO blocks). PostgreSQL's simple query protocol runs a whole script in one
 * call, as the native schema engine does.
 */
function runScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const pool = (adapter as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  return adapter;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * The adapter's own connectToShadowDb spreads `{ connectionString, database }` and pg lets the
 * connection string win, so the "shadow" database is the main one. We create a real one.
 */
export function createMigrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const main = createAdapter(url, 2);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => runScriptsWhole(await main.connect()),
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const name = `alcance_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const shadow = runScriptsWhole(await createAdapter(withDatabase(url, name), 2).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await dropper.end();
      };
      return shadow;
    },
  };
}
