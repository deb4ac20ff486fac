/**
 * The media-monitoring log (decision 025): one note per item published about the programme (date,
 * outlet, medium, type, tone, title, link). The month's media figures are counted from it
 * (figures.server.ts). The list is paged by key (publishedOn, id), newest first, on the
 * publishedOn index; deleting takes two posts, the second carrying the version the person saw.
 */
import { db, type Prisma } from "~/lib/db.server";
import { decodeCursor, encodeCursor } from "~/lib/paging.server";
import { audit, diff, type AuditActor } from "~/modules/audit/index.server";
import { CommunicationsError } from "./errors";
import { monthDates } from "./figures.server";
import type { MediaNoteInput } from "./schema";
import type { MediaMedium, MediaTone, MediaType } from "./shapes";

export const MEDIA_PAGE_SIZE = 50;

export type MediaNoteRow = { id: string; publishedOn: string; outlet: string; medium: MediaMedium; type: MediaType; tone: MediaTone; title: string | null; link: string | null; updatedAt: string };
export type MediaFilter = { month?: string; medium?: MediaMedium; tone?: MediaTone };

const day = (d: Date) => d.toISOString().slice(0, 10);
const rowOf = (r: { id: string; publishedOn: Date; outlet: string; medium: string; type: string; tone: string; title: string | null; link: string | null; updatedAt: Date }): MediaNoteRow => ({
  id: r.id,
  publishedOn: day(r.publishedOn),
  outlet: r.outlet,
  medium: r.medium as MediaMedium,
  type: r.type as MediaType,
  tone: r.tone as MediaTone,
  title: r.title,
  link: r.link,
  updatedAt: r.updatedAt.toISOString(),
});

function whereOf(filter: MediaFilter): Prisma.MediaNoteWhereInput {
  const where: Prisma.MediaNoteWhereInput = {};
  if (filter.month) {
    const { first, next } = monthDates(filter.month);
    where.publishedOn = { gte: first, lt: next };
  }
  if (filter.medium) where.medium = filter.medium;
  if (filter.tone) where.tone = filter.tone;
  return where;
}

/** A page of notes, newest first; `cursor` is the last row's (publishedOn, id). */
export async function listMediaNotes(filter: MediaFilter, cursor?: string | null, take = MEDIA_PAGE_SIZE): Promise<{ rows: MediaNoteRow[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, 2);
  const where = whereOf(filter);
  const keyset: Prisma.MediaNoteWhereInput | null =
    after && typeof after[0] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(after[0]) && typeof after[1] === "string"
      ? { OR: [{ publishedOn: { lt: new Date(`${after[0]}T00:00:00Z`) } }, { publishedOn: new Date(`${after[0]}T00:00:00Z`), id: { lt: after[1] } }] }
      : null;
  const rows = await db.mediaNote.findMany({ where: keyset ? { AND: [where, keyset] } : where, orderBy: [{ publishedOn: "desc" }, { id: "desc" }], take: take + 1 });
  const page = rows.slice(0, take).map(rowOf);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > take && last ? encodeCursor([last.publishedOn, last.id]) : null };
}

export async function getMediaNote(id: string): Promise<MediaNoteRow | null> {
  const row = await db.mediaNote.findUnique({ where: { id } });
  return row ? rowOf(row) : null;
}

const dataOf = (input: MediaNoteInput) => ({ ...input, publishedOn: new Date(`${input.publishedOn}T00:00:00Z`) });

export async function createMediaNote(actor: AuditActor, input: MediaNoteInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const created = await tx.mediaNote.create({ data: { ...dataOf(input), createdById: actor.userId } });
    await audit(actor, { action: "communications.media.create", entity: "MediaNote", entityId: created.id, after: input }, tx);
    return { id: created.id };
  });
}

export async function updateMediaNote(actor: AuditActor, id: string, input: MediaNoteInput): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const row = await tx.mediaNote.findUnique({ where: { id } });
    if (!row) throw new CommunicationsError("notFound");
    const { id: _id, updatedAt: _u, ...before } = rowOf(row);
    const changes = diff(before as Record<string, unknown>, input);
    if (!changes.changed) return { changed: false };
    await tx.mediaNote.update({ where: { id }, data: dataOf(input) });
    await audit(actor, { action: "communications.media.update", entity: "MediaNote", entityId: id, before: changes.before, after: changes.after }, tx);
    return { changed: true };
  });
}

/**
 * Deletes a note if it is still the version the person confirmed (`seenUpdatedAt`, decision 023):
 * otherwise nothing happens and the caller asks again with the note as it is now.
 */
export async function deleteMediaNote(actor: AuditActor, id: string, seenUpdatedAt: string): Promise<{ deleted: boolean }> {
  return db.$transaction(async (tx) => {
    const row = await tx.mediaNote.findUnique({ where: { id } });
    if (!row) throw new CommunicationsError("notFound");
    if (row.updatedAt.toISOString() !== seenUpdatedAt) return { deleted: false };
    await tx.mediaNote.delete({ where: { id } });
    const { id: _id, updatedAt: _u, ...before } = rowOf(row);
    await audit(actor, { action: "communications.media.delete", entity: "MediaNote", entityId: id, before }, tx);
    return { deleted: true };
  });
}
