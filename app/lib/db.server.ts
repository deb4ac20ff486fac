import { PrismaClient } from "~/generated/prisma/client";
import { createAdapter } from "../../prisma/pg-adapter";
import { env } from "./env.server";

const globalForDb = globalThis as unknown as { __alcanceDb?: PrismaClient };

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: createAdapter(env().DATABASE_URL) });
}

// One client per process; survives dev-server module reloads.
export const db: PrismaClient = (globalForDb.__alcanceDb ??= createClient());

export { Prisma } from "~/generated/prisma/client";
