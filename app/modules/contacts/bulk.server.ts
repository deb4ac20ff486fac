/**
 * Bulk actions on contacts: tag, untag, unsubscribe, delete — on a selection of ids or on every
 * contact a filter matches. Each is one set-based statement and one audit entry (with the filter
 * or the ids and the number of rows changed), in one transaction.
 */
import { z } from "zod";
import { db, Prisma } from "~/lib/db.server";
import { boundedCount, type ListCount } from "~/lib/paging.server";
import { audit, type AuditActor } from "~/modules/audit/audit.server";
import { normalizeTags } from "./fields";
import { filterToJson, type ContactFilter } from "./filter";
import { contactWhere, invalidateFilterOptions } from "./query.server";

import { MAX_SELECTED_IDS, type BulkOperation } from "./bulk";

export { BULK_OPERATIONS, MAX_SELECTED_IDS, type BulkOperation } from "./bulk";

export type BulkScope = { kind: "ids"; ids: number[] } | { kind: "filter"; filter: ContactFilter };
export type BulkRequest = { operation: BulkOperation; scope: BulkScope; tag?: string };

export const bulkTagSchema = z.preprocess(
  (v) => (typeof v === "string" ? (normalizeTags(v)[0] ?? "") : v),
  z.string().min(1, "contacts.bulk.errors.tagRequired").max(60),
);

export const selectedIdsSchema = z
  .array(z.coerce.number().int().positive().max(2_147_483_647))
  .min(1, "contacts.bulk.errors.noneSelected")
  .max(MAX_SELECTED_IDS, "contacts.bulk.errors.tooMany")
  .transform((ids) => [...new Set(ids)]);

function scopeWhere(scope: BulkScope): Prisma.Sql {
  return scope.kind === "ids" ? Prisma.sql`"id" = ANY(${scope.ids}::int[])` : contactWhere(scope.filter);
}

/** The rows the operation would change (rows that already have the tag are not "changed"). */
function affectedWhere(request: BulkRequest): Prisma.Sql {
  const where = scopeWhere(request.scope);
  switch (request.operation) {
    case "tag":
      return Prisma.sql`(${where}) AND NOT ("tags" @> ARRAY[${request.tag ?? ""}]::text[])`;
    case "untag":
      return Prisma.sql`(${where}) AND "tags" @> ARRAY[${request.tag ?? ""}]::text[]`;
    case "unsubscribe":
      // Bounced and complained addresses keep that (stronger) status.
      return Prisma.sql`(${where}) AND "subscriptionStatus" = 'SUBSCRIBED'::"SubscriptionStatus"`;
    case "delete":
      return where;
  }
}

/** How many contacts the operation would change, for the confirmation step. */
export function previewBulk(request: BulkRequest, limit?: number): Promise<ListCount> {
  return boundedCount(Prisma.sql`"Contact"`, affectedWhere(request), limit);
}

function auditScope(scope: BulkScope) {
  return scope.kind === "ids" ? { scope: "selection", ids: scope.ids } : { scope: "filter", filter: filterToJson(scope.filter) };
}

/** Runs the operation; returns the number of contacts changed (or deleted). */
export async function applyBulk(actor: AuditActor, request: BulkRequest): Promise<number> {
  if ((request.operation === "tag" || request.operation === "untag") && !request.tag) throw new Error("A tag is required");
  const where = affectedWhere(request);
  const count = await db.$transaction(
    async (tx) => {
      let n: number;
      switch (request.operation) {
        case "tag":
          // Tags stay sorted and unique, as normalizeTags() stores them.
          n = await tx.$executeRaw`
            UPDATE "Contact" SET
              "tags" = ARRAY(SELECT t FROM unnest(array_append("tags", ${request.tag}::text)) AS t ORDER BY t COLLATE "C"),
              "updatedAt" = now()
            WHERE ${where}`;
          break;
        case "untag":
          n = await tx.$executeRaw`UPDATE "Contact" SET "tags" = array_remove("tags", ${request.tag}::text), "updatedAt" = now() WHERE ${where}`;
          break;
        case "unsubscribe":
          n = await tx.$executeRaw`
            UPDATE "Contact" SET "subscriptionStatus" = 'UNSUBSCRIBED'::"SubscriptionStatus", "updatedAt" = now() WHERE ${where}`;
          break;
        case "delete":
          n = await tx.$executeRaw`DELETE FROM "Contact" WHERE ${where}`;
          break;
      }
      await audit(
        actor,
        {
          action: `contacts.bulk.${request.operation}`,
          entity: "contact",
          after: { ...auditScope(request.scope), ...(request.tag ? { tag: request.tag } : {}), count: n },
        },
        tx,
      );
      return n;
    },
    { timeout: 15 * 60_000, maxWait: 30_000 },
  );
  if (request.operation !== "unsubscribe") invalidateFilterOptions();
  return count;
}
