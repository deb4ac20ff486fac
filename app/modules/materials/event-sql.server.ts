import { Prisma } from "~/lib/db.server";

/**
 * Items handed out at the event aliased `e` — from the ledger, its only source: its HANDOUT
 * movements not reversed (index StockMovement(eventId)).
 */
export const HANDED_OUT_SQL = Prisma.sql`(SELECT coalesce(sum(hm."quantity"), 0)::int FROM "StockMovement" hm
  WHERE hm."eventId" = e.id AND hm."kind" = 'HANDOUT' AND NOT EXISTS (SELECT 1 FROM "StockMovement" hr WHERE hr."reversesId" = hm.id))`;
