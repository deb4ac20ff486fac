/**
 * Bulk actions on contacts: tag, untag, unsubscribe, delete — on a selection of ids or on every
 * contact a filter matches. Each is one set-based statement and one audit entry (with the filter
 * or the ids and the number of rows changed), in one transaction.
 *
 * The confirmation states the exact number (previewBulk counts every affected row, however many)
 * and carries a fingerprint of that set; applyBulk acts only when the rows it would change are
 * still exactly the confirmed ones, and otherwise changes nothing and says so (BulkSetChanged), so
 * the person confirms the new number. Decision 008.
 */
import { z } from "zod";
import { db, Prisma } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { normalizeTags } from "./fields";
import { filterToJson, type ContactFilter } from "./filter";
import { contactWhere, invalidateFilterOptions } from "./query.server";
import { lockForContactDeletion } from "./delete-barrier.server";

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

/** The exact set a confirmation was given for: its size and an order-free hash of its ids. */
export type BulkSet = { count: number; fingerprint: string };

export class BulkSetChanged extends Error {
  constructor(
    readonly confirmed: BulkSet,
    readonly now: BulkSet,
  ) {
    super(`The contacts to change went from ${confirmed.count} to ${now.count} since the confirmation`);
    this.name = "BulkSetChanged";
  }
}

// sum(hashint4(id)) is order-free and cheap; with the count it tells two sets apart in practice.
const setOf = (row: { n: bigint; h: bigint | null } | undefined): BulkSet => ({ count: Number(row?.n ?? 0), fingerprint: `${row?.n ?? 0}.${row?.h ?? 0}` });

/**
 * Exactly how many contacts the operation would change, for the confirmation step (never an
 * estimate: one count of the affected rows, ~0.3 µs each), and the set's fingerprint.
 */
export async function previewBulk(request: BulkRequest): Promise<BulkSet> {
  const rows = await db.$queryRaw<Array<{ n: bigint; h: bigint | null }>>`
    SELECT count(*)::bigint AS n, sum(hashint4("id"))::bigint AS h FROM "Contact" WHERE ${affectedWhere(request)}`;
  return setOf(rows[0]);
}

function auditScope(scope: BulkScope) {
  return scope.kind === "ids" ? { scope: "selection", ids: scope.ids } : { scope: "filter", filter: filterToJson(scope.filter) };
}

/**
 * Runs the operation; returns the number of contacts changed (or deleted). With `confirmed` (the
 * preview the person saw) it changes nothing unless the changed rows are exactly that set: the
 * statement runs, its RETURNING ids are compared, and a difference rolls it back (BulkSetChanged).
 */
export async function applyBulk(actor: AuditActor, request: BulkRequest, confirmed?: BulkSet): Promise<number> {
  if ((request.operation === "tag" || request.operation === "untag") && !request.tag) throw new Error("A tag is required");
  const where = affectedWhere(request);
  const count = await db.$transaction(
    async (tx) => {
      let statement: Prisma.Sql;
      switch (request.operation) {
        case "tag":
          // Tags stay sorted and unique, as normalizeTags() stores them.
          statement = Prisma.sql`
            UPDATE "Contact" SET
              "tags" = ARRAY(SELECT t FROM unnest(array_append("tags", ${request.tag}::text)) AS t ORDER BY t COLLATE "C"),
              "updatedAt" = now()
            WHERE ${where} RETURNING "id"`;
          break;
        case "untag":
          statement = Prisma.sql`UPDATE "Contact" SET "tags" = array_remove("tags", ${request.tag}::text), "updatedAt" = now() WHERE ${where} RETURNING "id"`;
          break;
        case "unsubscribe":
          statement = Prisma.sql`
            UPDATE "Contact" SET "subscriptionStatus" = 'UNSUBSCRIBED'::"SubscriptionStatus", "updatedAt" = now() WHERE ${where} RETURNING "id"`;
          break;
        case "delete":
          await lockForContactDeletion(tx);
          statement = Prisma.sql`DELETE FROM "Contact" WHERE ${where} RETURNING "id"`;
          break;
      }
      const rows = await tx.$queryRaw<Array<{ n: bigint; h: bigint | null }>>`
        WITH changed AS (${statement}) SELECT count(*)::bigint AS n, sum(hashint4("id"))::bigint AS h FROM changed`;
      const done = setOf(rows[0]);
      if (confirmed && done.fingerprint !== confirmed.fingerprint) throw new BulkSetChanged(confirmed, done);
      const n = done.count;
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
