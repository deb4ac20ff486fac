import { db, Prisma } from "~/lib/db.server";
import { normaliseIp } from "./labels";

/** applicantId: the applicant-portal account acting (decision 029); userId stays a staff user's. */
export type AuditActor = { userId: string | null; ip?: string | null; applicantId?: string | null };

export type AuditEntry = {
  action: string;
  entity?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
};

type Client = Pick<typeof db, "auditLog">;
type AuditLogRow = Prisma.AuditLogGetPayload<object>;

function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull | undefined {
  if (value === undefined) return undefined;
  if (value === null) return Prisma.JsonNull;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Appends one entry. Pass the transaction client to make the entry part of the change. */
export async function audit(actor: AuditActor, entry: AuditEntry, client: Client = db): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: actor.userId,
      ip: normaliseIp(actor.ip),
      applicantId: actor.applicantId ?? null,
      action: entry.action,
      entity: entry.entity ?? null,
      entityId: entry.entityId ?? null,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}

/** Keeps only the fields whose values differ, so an entry shows what changed. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

export type AuditFilter = {
  action?: string;
  actorId?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
};

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, paged by key (the id), never by offset. */
/**
 * The action codes in the log that start with `prefix`. The log holds a few dozen distinct codes:
 * they are read by skipping through the (action, id) index, one probe per code. `LIKE 'p%'` could
 * not use that index (the database's collation is not "C"), so a rare prefix read the whole log.
 */
async function actionsStartingWith(prefix: string): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ action: string }>>`
    WITH RECURSIVE codes("action") AS (
      (SELECT "action" FROM "AuditLog" ORDER BY "action" LIMIT 1)
      UNION ALL
      SELECT (SELECT l."action" FROM "AuditLog" l WHERE l."action" > c."action" ORDER BY l."action" LIMIT 1) FROM codes c WHERE c."action" IS NOT NULL
    )
    SELECT "action" FROM codes WHERE "action" IS NOT NULL AND starts_with("action", ${prefix})`;
  return rows.map((r) => r.action);
}

/** Ranges up to this long get their ids' bounds from the (at, id) index first (see idBounds). */
const BOUNDED_RANGE_MS = 92 * 86_400_000;

/**
 * The lowest and highest id written in [from, to), read from the (at, id) index alone (`id + 0`
 * keeps the planner off the primary key). The page is ordered by id, newest first: without these
 * bounds a month of three years ago was found by walking every newer row back from the end (the
 * planner assumes matches are spread evenly). Exact whatever the order of ids and times; the work
 * grows with the rows of the range, hence only for ranges of up to three months.
 */
async function idBounds(from: Date, to: Date): Promise<{ lo: bigint; hi: bigint } | null> {
  const rows = await db.$queryRaw<Array<{ lo: bigint | null; hi: bigint | null }>>`
    SELECT min("id" + 0) AS lo, max("id" + 0) AS hi FROM "AuditLog" WHERE "at" >= ${from} AND "at" < ${to}`;
  const row = rows[0];
  return row?.lo != null && row.hi != null ? { lo: row.lo, hi: row.hi } : null;
}

export async function listAudit(filter: AuditFilter, cursor?: bigint, take = AUDIT_PAGE_SIZE) {
  const empty = { entries: [] as Array<AuditLogRow & { id: string; actor: { id: string; email: string; name: string } | null; applicant: { id: string; email: string } | null }>, nextCursor: undefined as string | undefined };
  const [actions, bounds] = await Promise.all([
    filter.action ? actionsStartingWith(filter.action) : undefined,
    filter.from && filter.to && filter.to.getTime() - filter.from.getTime() <= BOUNDED_RANGE_MS ? idBounds(filter.from, filter.to) : undefined,
  ]);
  if ((actions && actions.length === 0) || bounds === null) return empty;
  const ids = { ...(bounds ? { gte: bounds.lo, lte: bounds.hi } : {}), ...(cursor ? { lt: cursor } : {}) };
  const where: Prisma.AuditLogWhereInput = {
    ...(actions ? { action: { in: actions } } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    ...(Object.keys(ids).length ? { id: ids } : {}),
  };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: "desc" }, take: take + 1 });
  const page = rows.slice(0, take);
  const next = rows.length > take ? page[page.length - 1]?.id : undefined;
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((id): id is string => !!id))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true, name: true } });
  const byId = new Map(actors.map((a) => [a.id, a]));
  const applicantIds = [...new Set(page.map((r) => r.applicantId).filter((id): id is string => !!id))];
  const applicants = applicantIds.length ? await db.applicantAccount.findMany({ where: { id: { in: applicantIds } }, select: { id: true, email: true } }) : [];
  const applicantById = new Map(applicants.map((a) => [a.id, a]));
  return {
    entries: page.map((r) => ({
      ...r,
      id: r.id.toString(),
      actor: r.actorId ? (byId.get(r.actorId) ?? null) : null,
      applicant: r.applicantId ? (applicantById.get(r.applicantId) ?? null) : null,
    })),
    nextCursor: next?.toString(),
  };
}
