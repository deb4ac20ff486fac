import "dotenv/config";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./prisma/pg-adapter.ts";

const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/alcance";
// The schema reads env("DATABASE_URL"); give the CLI the same local default as the app.
process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;

/**
 * The Wasm schema engine leaves a ~60 s timer behind, which keeps every CLI command alive after
 * its work is done. Unref long timers in the CLI process only (this file is loaded by the CLI).
 */
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
  const timer = originalSetTimeout(handler as () => void, timeout, ...rest);
  if ((timeout ?? 0) >= 10_000) (timer as { unref?: () => void }).unref?.();
  return timer;
}) as typeof setTimeout;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  adapter: async () => createMigrationAdapter(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL),
});
