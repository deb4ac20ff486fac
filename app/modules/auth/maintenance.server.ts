import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";

/** Removes sessions and one-time tokens nobody can use any more. */
export async function purgeExpired(task: "purgeExpiredSessions" | "purgeExpiredTokens") {
  const now = new Date();
  if (task === "purgeExpiredSessions") {
    const idleCutoff = new Date(now.getTime() - env().SESSION_IDLE_MINUTES * 60_000);
    const { count } = await db.session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleCutoff } }] } });
    return { deleted: count };
  }
  const { count } = await db.oneTimeToken.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { usedAt: { not: null } }] } });
  return { deleted: count };
}
