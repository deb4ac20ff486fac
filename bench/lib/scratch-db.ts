/**
 * A benchmark's scratch database on DATABASE_URL's server: its URL, the server's admin URL, and a
 * client for the length of a callback. Benchmarks never touch the app's own database.
 */
import pg from "pg";

const BASE_URL = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/alcance";

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function scratchUrls(database: string): { adminUrl: string; benchUrl: string } {
  return { adminUrl: withDatabase(BASE_URL, "postgres"), benchUrl: withDatabase(BASE_URL, database) };
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
