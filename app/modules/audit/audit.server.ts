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
export async function listAudit(filter: AuditFilter, cursor?: bigint, take = AUDIT_PAGE_SIZE) {
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    ...(cursor ? { id: { lt: cursor } } : {}),
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
