/**
 * Segments: a saved, named contact filter with a live count. Bulletins pick their recipients with
 * getSegmentFilter() + contactWhere(filter, { confirmedSubscribedOnly: true }).
 */
import { z } from "zod";
import { db, Prisma } from "~/lib/db.server";
import type { ListCount } from "~/lib/paging.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { filterFromJson, filterToJson, type ContactFilter } from "./filter";
import { countContacts } from "./query.server";

export const segmentNameSchema = z
  .string({ message: "contacts.segments.errors.nameRequired" })
  .transform((v) => v.trim().normalize("NFC").replace(/\s+/g, " "))
  .pipe(z.string().min(1, "contacts.segments.errors.nameRequired").max(100, "contacts.segments.errors.nameTooLong"));

export type SegmentSummary = {
  id: string;
  name: string;
  description: string | null;
  /** null when the stored filter no longer parses (it then matches nothing). */
  filter: ContactFilter | null;
  count: ListCount;
  updatedAt: Date;
};

export type SegmentResult<T> = { ok: true; value: T } | { ok: false; error: "nameTaken" | "notFound" };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Another segment already has this name (case and accents ignored, so "Boletín" ≠ "boletin" cannot coexist). */
async function nameTaken(name: string, exceptId?: string): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Segment" WHERE search_text("name") = search_text(${name}) ${exceptId ? Prisma.sql`AND "id" <> ${exceptId}` : Prisma.empty} LIMIT 1`;
  return rows.length > 0;
}

/** Every segment, by name, each with its live count (exact up to 10,000, estimated above). */
export async function listSegments(): Promise<SegmentSummary[]> {
  const segments = await db.segment.findMany({ orderBy: { name: "asc" } });
  const out: SegmentSummary[] = [];
  // A few at a time: each count is a query of its own.
  for (let i = 0; i < segments.length; i += 4) {
    const batch = segments.slice(i, i + 4);
    const counted = await Promise.all(
      batch.map(async (s) => {
        const filter = safeFilter(s.filter);
        const count = filter ? await countContacts(filter) : { value: 0, exact: true };
        return { id: s.id, name: s.name, description: s.description, filter, count, updatedAt: s.updatedAt };
      }),
    );
    out.push(...counted);
  }
  return out;
}

function safeFilter(value: Prisma.JsonValue): ContactFilter | null {
  try {
    return filterFromJson(value);
  } catch {
    return null;
  }
}

export async function createSegment(actor: AuditActor, input: { name: string; filter: ContactFilter; description?: string | null }): Promise<SegmentResult<{ id: string }>> {
  if (await nameTaken(input.name)) return { ok: false, error: "nameTaken" };
  const filter = filterToJson(input.filter);
  try {
    const segment = await db.$transaction(async (tx) => {
      const created = await tx.segment.create({
        data: { name: input.name, description: input.description ?? null, filter, createdById: actor.userId },
      });
      await audit(actor, { action: "segment.create", entity: "segment", entityId: created.id, after: { name: created.name, filter } }, tx);
      return created;
    });
    return { ok: true, value: { id: segment.id } };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "nameTaken" };
    throw error;
  }
}

export async function renameSegment(actor: AuditActor, id: string, name: string): Promise<SegmentResult<null>> {
  const existing = await db.segment.findUnique({ where: { id } });
  if (!existing) return { ok: false, error: "notFound" };
  if (existing.name === name) return { ok: true, value: null };
  if (await nameTaken(name, id)) return { ok: false, error: "nameTaken" };
  try {
    await db.$transaction(async (tx) => {
      await tx.segment.update({ where: { id }, data: { name } });
      await audit(actor, { action: "segment.rename", entity: "segment", entityId: id, before: { name: existing.name }, after: { name } }, tx);
    });
    return { ok: true, value: null };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "nameTaken" };
    throw error;
  }
}

export async function deleteSegment(actor: AuditActor, id: string): Promise<SegmentResult<{ name: string }>> {
  const existing = await db.segment.findUnique({ where: { id } });
  if (!existing) return { ok: false, error: "notFound" };
  await db.$transaction(async (tx) => {
    await tx.segment.delete({ where: { id } });
    await audit(actor, { action: "segment.delete", entity: "segment", entityId: id, before: { name: existing.name, filter: existing.filter } }, tx);
  });
  return { ok: true, value: { name: existing.name } };
}

/**
 * A segment's filter by id or by exact name (the CLI's --segment NAME); null when there is none.
 * Used by the export and, later, by bulletins.
 */
export async function getSegmentFilter(idOrName: string): Promise<{ id: string; name: string; filter: ContactFilter } | null> {
  const key = idOrName.trim();
  if (!key) return null;
  const segment =
    (await db.segment.findUnique({ where: { id: key } })) ??
    (await db.segment.findUnique({ where: { name: key.normalize("NFC") } })) ??
    (await db.segment.findFirst({ where: { name: { equals: key.normalize("NFC"), mode: "insensitive" } } }));
  if (!segment) return null;
  return { id: segment.id, name: segment.name, filter: filterFromJson(segment.filter) };
}
