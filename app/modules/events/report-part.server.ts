/**
 * The SQL twin of isOnlineEvent (report-part.ts), over "Event" aliased e: the events figures and
 * the materials figures («eventos en línea», neither abroad nor in Mexico) use it.
 */
import { Prisma } from "~/lib/db.server";

export const ONLINE_EVENT_SQL = Prisma.sql`(e."kind" = 'VIRTUAL_WORKSHOP'::"EventKind" OR e."country" IS NULL OR (e."onlineUrl" IS NOT NULL AND e."venue" IS NULL))`;
