/**
 * Review of ingested bounce and complaint reports (/bulletins/bounces): what was read from each,
 * from where, and what it did. A person can undo a suppression that a misread report caused;
 * the raw message is kept for BOUNCE_RAW_DAYS, then erased (the parsed row stays: complaint rates
 * and the audit trail need it).
 */
import type { BounceKind, SubscriptionStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import { db } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";

export const BOUNCE_RAW_DAYS = 30;
export const BOUNCE_PAGE_SIZE = 50;


export class BounceReviewError extends DomainError<"notFound" | "notUndoable" | "changedSince"> {
  constructor(code: "notFound" | "notUndoable" | "changedSince") {
    super({ code, messageKey: `bulletins.bounces.errors.${code}` });
  }
}

export type BounceRow = {
  id: string;
  receivedAt: Date;
  source: string;
  kind: BounceKind;
  recipient: string | null;
  contactId: number | null;
  bulletinId: string | null;
  status: string | null;
  diagnostic: string | null;
  outcome: string | null;
  undoneAt: Date | null;
  hasRaw: boolean;
  undoable: boolean;
};

export type BounceFilter = { kind?: BounceKind; source?: string; cursor?: string | null };

/** Newest first, keyset-paged by id (ids grow with receivedAt). */
export async function listBounceReports(filter: BounceFilter, take = BOUNCE_PAGE_SIZE): Promise<{ rows: BounceRow[]; nextCursor: string | null }> {
  const before = filter.cursor && /^\d{1,19}$/.test(filter.cursor) ? BigInt(filter.cursor) : null;
  const rows = await db.bounceReport.findMany({
    where: { ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.source ? { source: filter.source } : {}), ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: take + 1,
    select: { id: true, receivedAt: true, source: true, kind: true, recipient: true, contactId: true, bulletinId: true, status: true, diagnostic: true, outcome: true, undoneAt: true, raw: true },
  });
  const page = rows.slice(0, take).map(({ raw, ...r }) => ({
    ...r,
    id: r.id.toString(),
    hasRaw: raw !== null,
    undoable: r.outcome === "suppressed" && r.undoneAt === null && r.contactId !== null,
  }));
  return { rows: page, nextCursor: rows.length > take ? page[page.length - 1]!.id : null };
}

/** One report's raw message (for the review page's "what arrived"), or null when erased. */
export async function bounceReportRaw(id: bigint): Promise<string | null> {
  return (await db.bounceReport.findUnique({ where: { id }, select: { raw: true } }))?.raw ?? null;
}

const SUPPRESSION_OF: Record<BounceKind, SubscriptionStatus> = { HARD: "BOUNCED", SOFT: "BOUNCED", COMPLAINT: "COMPLAINED" };

/**
 * Puts the contact back as it was before this report suppressed it, if nothing changed it since
 * (an unsubscribe or a later complaint stays). Audited as a subscription change with its reason.
 */
export async function undoBounceSuppression(actor: AuditActor, reportId: bigint): Promise<{ contactId: number; status: SubscriptionStatus }> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ kind: BounceKind; contactId: number | null; outcome: string | null; previousStatus: SubscriptionStatus | null; undoneAt: Date | null }>>`
      SELECT "kind"::text AS "kind", "contactId", "outcome", "previousStatus"::text AS "previousStatus", "undoneAt" FROM "BounceReport" WHERE "id" = ${reportId} FOR UPDATE`;
    const report = rows[0];
    if (!report) throw new BounceReviewError("notFound");
    if (report.outcome !== "suppressed" || report.undoneAt || !report.contactId) throw new BounceReviewError("notUndoable");
    const contacts = await tx.$queryRaw<Array<{ subscriptionStatus: SubscriptionStatus }>>`
      SELECT "subscriptionStatus"::text AS "subscriptionStatus" FROM "Contact" WHERE "id" = ${report.contactId} FOR UPDATE`;
    const current = contacts[0]?.subscriptionStatus;
    if (!current) throw new BounceReviewError("notUndoable");
    if (current !== SUPPRESSION_OF[report.kind]) throw new BounceReviewError("changedSince");
    const restored = report.previousStatus ?? "SUBSCRIBED";
    await tx.contact.update({ where: { id: report.contactId }, data: { subscriptionStatus: restored, softBounces: 0 } });
    await tx.bounceReport.update({ where: { id: reportId }, data: { undoneAt: new Date(), undoneById: actor.userId } });
    await audit(
      actor,
      { action: "contact.subscription", entity: "contact", entityId: String(report.contactId), before: { subscriptionStatus: current }, after: { subscriptionStatus: restored, reason: "bounceUndone", bounceReportId: reportId.toString() } },
      tx,
    );
    return { contactId: report.contactId, status: restored };
  });
}

/** Erases raw messages older than BOUNCE_RAW_DAYS (the worker runs this with its periodic chores). */
export async function purgeBounceRaw(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - BOUNCE_RAW_DAYS * 24 * 3600 * 1000);
  const result = await db.bounceReport.updateMany({ where: { receivedAt: { lt: cutoff }, raw: { not: null } }, data: { raw: null } });
  return result.count;
}
