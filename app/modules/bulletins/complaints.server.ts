/**
 * Complaint rate of a bulletin (complaints per delivered message). Gmail and Yahoo's bulk-sender
 * rules (2024) ask senders to stay under 0.3 %; Google recommends under 0.1 %. The report warns
 * above COMPLAINT_WARN_RATE; a bulletin still sending pauses itself above Settings.complaintPauseRate.
 */
import { db } from "~/lib/db.server";
import { audit } from "~/modules/audit/index.server";

export const COMPLAINT_WARN_RATE = 0.001;
export const DEFAULT_COMPLAINT_PAUSE_RATE = 0.003;
/** Below this many delivered messages one complaint says little (1 of 50 = 2 %): no auto-pause yet. */
export const COMPLAINT_MIN_DELIVERED = 100;

export type ComplaintRate = { complaints: number; delivered: number; rate: number; warn: boolean };

/** Complaining people (one per contact or address, undone reports left out) over delivered messages. */
export async function complaintRate(bulletinId: string): Promise<ComplaintRate> {
  const rows = await db.$queryRaw<Array<{ complaints: number; delivered: number }>>`
    SELECT (SELECT count(DISTINCT coalesce(r."contactId"::text, r."recipient", r."id"::text))::int FROM "BounceReport" r
             WHERE r."bulletinId" = ${bulletinId} AND r."kind" = 'COMPLAINT' AND r."undoneAt" IS NULL) AS complaints,
           (SELECT count(*)::int FROM "BulletinDelivery" d WHERE d."bulletinId" = ${bulletinId} AND d."status" = 'SENT') AS delivered`;
  const { complaints, delivered } = rows[0] ?? { complaints: 0, delivered: 0 };
  const rate = delivered === 0 ? 0 : complaints / delivered;
  return { complaints, delivered, rate, warn: rate > COMPLAINT_WARN_RATE };
}

async function pauseRate(): Promise<number> {
  const settings = await db.settings.findUnique({ where: { id: 1 }, select: { complaintPauseRate: true } });
  return settings?.complaintPauseRate ?? DEFAULT_COMPLAINT_PAUSE_RATE;
}

/** After a complaint: a bulletin still sending whose rate passed the setting is paused, with the reason. */
export async function pauseOnComplaintRate(bulletinId: string): Promise<boolean> {
  const [measured, limit] = await Promise.all([complaintRate(bulletinId), pauseRate()]);
  if (measured.delivered < COMPLAINT_MIN_DELIVERED || measured.rate <= limit) return false;
  const reason = `complaintRate:${measured.complaints}/${measured.delivered}`;
  const paused = await db.bulletin.updateMany({ where: { id: bulletinId, status: "SENDING" }, data: { status: "PAUSED", pausedReason: reason } });
  if (paused.count === 0) return false;
  await audit({ userId: null, ip: "bounces" }, { action: "bulletin.autoPause", entity: "bulletin", entityId: bulletinId, before: { status: "SENDING" }, after: { status: "PAUSED", pausedReason: reason, limit } });
  return true;
}
