/**
 * The report outline's editor (ADMIN, `manage:settings`; decision 024): rename a section, move it
 * up or down among its siblings, add one, and delete one that was added here. Numbers are never
 * stored: the page shows them as `numberOutline` derives them, so a move renumbers what follows.
 *
 * - Keys are stable: a new section's key is a slug of its first title ("eventos_en_canada"),
 *   made unique with a suffix, and never changes on rename or move (narratives, frozen outlines and
 *   figures refer to it).
 * - Only sections added through this editor can be deleted (their creation is in the audit log,
 *   `report.outline.add`); the source's own sections can be renamed and moved, never removed.
 *   Deleting takes two posts (decision 023): the first says what goes (the section and its
 *   subsections) and how many draft reports have text for them; a section with text in a report
 *   not yet approved cannot be deleted; the second post carries the number of sections the person
 *   saw, and a stale confirmation is asked again.
 * - Approved reports are untouched: they read their frozen copy (MonthlyReport.frozenOutline).
 * - Every change is audited (report.outline.rename / move / add / delete) in the same transaction;
 *   writers take one advisory lock, so two admins' moves cannot interleave.
 *
 * Every function takes an optional transaction client (tests run them inside one and roll back, so
 * the shared test database's outline is never changed under other tests).
 */
import { DomainError, type ErrorParams } from "~/lib/errors";
import { z } from "zod";
import { db, type Prisma } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/audit.server";
import { numberOutline, type OutlineKind, type OutlineNode } from "./outline.server";

/** The figures a COMPUTED section can print: one key per computing function of the report. */
export const COMPUTED_KEYS = [
  "presentation",
  "secretariat",
  "enquiries",
  "institutional",
  "community_abroad",
  "contest",
  "educational",
  "decentralized",
  "digital",
  "materials",
  "media",
  "annex_enquiries",
] as const;
export type ComputedKey = (typeof COMPUTED_KEYS)[number];

export const OUTLINE_KINDS = ["NARRATIVE", "CONTRIBUTED", "COMPUTED"] as const satisfies readonly OutlineKind[];

/** Headings go to h6: a section deeper than that could not be printed. */
export const MAX_OUTLINE_DEPTH = 6;
export const TITLE_MAX = 300;

export const ADD_ACTION = "report.outline.add";
const ENTITY = "ReportOutlineSection";

export type OutlineErrorCode = "notFound" | "parentNotFound" | "notAdded" | "inUse" | "tooDeep" | "stale" | "edge";

export class OutlineError extends DomainError<OutlineErrorCode> {
  constructor(code: OutlineErrorCode, params: ErrorParams = {}) {
    super({ code, params, messageKey: `admin.reportOutline.errors.${code}` });
  }
}

// ── Input (zod; messages are translation keys) ──────────────────────────────────────────────────

const key = z
  .string({ message: "admin.reportOutline.errors.notFound" })
  .trim()
  .regex(/^[a-z0-9_]{1,60}$/, "admin.reportOutline.errors.notFound");
const title = z
  .string({ message: "admin.reportOutline.errors.title" })
  .transform((v) => v.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(2, "admin.reportOutline.errors.title").max(TITLE_MAX, "admin.reportOutline.errors.titleLong"));

export const renameSchema = z.object({ key, title });
export const moveSchema = z.object({ key, direction: z.enum(["up", "down"], { message: "admin.reportOutline.errors.direction" }) });
export const addSchema = z
  .object({
    title,
    kind: z.enum(OUTLINE_KINDS, { message: "admin.reportOutline.errors.kind" }),
    computed: z
      .string()
      .optional()
      .transform((v) => (v ? v.trim() : ""))
      .refine((v) => v === "" || (COMPUTED_KEYS as readonly string[]).includes(v), "admin.reportOutline.errors.computed")
      .transform((v) => v as ComputedKey | ""),
    parent: z
      .string()
      .optional()
      .transform((v) => (v ? v.trim() : ""))
      .refine((v) => v === "" || /^[a-z0-9_]{1,60}$/.test(v), "admin.reportOutline.errors.parent"),
    numbered: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true" || v === "1"),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "COMPUTED" && !v.computed) ctx.addIssue({ code: "custom", path: ["computed"], message: "admin.reportOutline.errors.computed" });
    if (v.kind !== "COMPUTED" && v.computed) ctx.addIssue({ code: "custom", path: ["computed"], message: "admin.reportOutline.errors.computedNotAllowed" });
  });
export type AddSectionInput = z.output<typeof addSchema>;
export const deleteSchema = z.object({ key });
export const confirmDeleteSchema = z.object({ key, sections: z.coerce.number({ message: "admin.reportOutline.errors.stale" }).int().min(1).max(10_000) });

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────

type Client = Prisma.TransactionClient | typeof db;

type Row = { id: string; key: string; parentId: string | null; position: number; title: string; numbered: boolean; kind: OutlineKind; computed: string | null; ownerArea: string | null };

async function rows(client: Client): Promise<Row[]> {
  const found = await client.reportOutlineSection.findMany({
    select: { id: true, key: true, parentId: true, position: true, title: true, numbered: true, kind: true, computed: true, ownerArea: true },
  });
  return found.map((r) => ({ ...r, kind: r.kind as OutlineKind, ownerArea: r.ownerArea as string | null }));
}

/** Ids of the sections created through this editor (their creation is audited). */
async function addedIds(client: Client): Promise<Set<string>> {
  const entries = await client.auditLog.findMany({ where: { action: ADD_ACTION, entity: ENTITY }, select: { entityId: true }, distinct: ["entityId"] });
  return new Set(entries.map((e) => e.entityId).filter((id): id is string => !!id));
}

const siblingsOf = (all: Row[], parentId: string | null) => all.filter((r) => r.parentId === parentId).sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));

function subtree(all: Row[], root: Row): Row[] {
  const out: Row[] = [root];
  for (let i = 0; i < out.length; i++) out.push(...all.filter((r) => r.parentId === out[i]!.id));
  return out;
}

/** How many reports not yet approved have a narrative for any of these sections. */
async function draftsWithText(client: Client, keys: string[]): Promise<number> {
  if (!keys.length) return 0;
  const [row] = await client.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM "MonthlyReport"
    WHERE "state" <> 'APPROVED' AND jsonb_typeof("narratives") = 'object' AND "narratives" ?| ${keys}::text[]`;
  return row?.n ?? 0;
}

export type EditorNode = OutlineNode & { id: string; added: boolean; first: boolean; last: boolean };

/** The tree in document order with its derived numbers, and what the page can offer on each row. */
export async function outlineEditorView(client: Client = db): Promise<{ nodes: EditorNode[] }> {
  const all = await rows(client);
  const added = await addedIds(client);
  const byKey = new Map(all.map((r) => [r.key, r]));
  const nodes = numberOutline(all).map((n) => {
    const row = byKey.get(n.key)!;
    const siblings = siblingsOf(all, row.parentId);
    return { ...n, id: row.id, added: added.has(row.id), first: siblings[0]?.id === row.id, last: siblings.at(-1)?.id === row.id };
  });
  return { nodes };
}

export type DeletionImpact = { key: string; title: string; number: string | null; sections: number; subsections: string[]; draftReports: number; added: boolean };

/** What deleting a section would take with it, and whether it may be deleted (the first post). */
export async function deletionImpact(sectionKey: string, client: Client = db): Promise<DeletionImpact> {
  const all = await rows(client);
  const row = all.find((r) => r.key === sectionKey);
  if (!row) throw new OutlineError("notFound");
  const numbered = new Map(numberOutline(all).map((n) => [n.key, n]));
  const tree = subtree(all, row);
  const added = await addedIds(client);
  return {
    key: row.key,
    title: row.title,
    number: numbered.get(row.key)?.number ?? null,
    sections: tree.length,
    subsections: tree.slice(1).map((r) => r.title),
    draftReports: await draftsWithText(
      client,
      tree.map((r) => r.key),
    ),
    added: tree.every((r) => added.has(r.id)),
  };
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────

async function locked<T>(client: Prisma.TransactionClient | undefined, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const run = async (tx: Prisma.TransactionClient) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('report-outline'))`;
    return fn(tx);
  };
  return client ? run(client) : db.$transaction(run);
}

/** A key from a title: lower-case ASCII, words joined by "_", at most 40 characters. */
export function slugKey(text: string): string {
  const slug = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/g, "");
  return slug && /^[a-z]/.test(slug) ? slug : `section_${slug}`.replace(/_+$/g, "").slice(0, 40);
}

function uniqueKey(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 40 - String(n).length - 1)}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export async function renameSection(actor: AuditActor, sectionKey: string, newTitle: string, client?: Prisma.TransactionClient): Promise<{ changed: boolean }> {
  return locked(client, async (tx) => {
    const row = await tx.reportOutlineSection.findUnique({ where: { key: sectionKey } });
    if (!row) throw new OutlineError("notFound");
    if (row.title === newTitle) return { changed: false };
    await tx.reportOutlineSection.update({ where: { id: row.id }, data: { title: newTitle } });
    await audit(actor, { action: "report.outline.rename", entity: ENTITY, entityId: row.id, before: { key: row.key, title: row.title }, after: { key: row.key, title: newTitle } }, tx);
    return { changed: true };
  });
}

/** Swaps a section with its neighbour among its siblings (positions rewritten 1…n). */
export async function moveSection(actor: AuditActor, sectionKey: string, direction: "up" | "down", client?: Prisma.TransactionClient): Promise<void> {
  await locked(client, async (tx) => {
    const all = await rows(tx);
    const row = all.find((r) => r.key === sectionKey);
    if (!row) throw new OutlineError("notFound");
    const siblings = siblingsOf(all, row.parentId);
    const at = siblings.findIndex((r) => r.id === row.id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= siblings.length) throw new OutlineError("edge");
    const before = numberOutline(all).find((n) => n.key === row.key)?.number ?? null;
    [siblings[at], siblings[to]] = [siblings[to]!, siblings[at]!];
    for (const [i, sibling] of siblings.entries()) {
      if (sibling.position !== i + 1) await tx.reportOutlineSection.update({ where: { id: sibling.id }, data: { position: i + 1 } });
      sibling.position = i + 1;
    }
    const after = numberOutline(all).find((n) => n.key === row.key)?.number ?? null;
    await audit(
      actor,
      { action: "report.outline.move", entity: ENTITY, entityId: row.id, before: { key: row.key, position: at + 1, number: before }, after: { key: row.key, position: to + 1, number: after, direction } },
      tx,
    );
  });
}

/** Adds a section at the end of its parent's children (or of the top level). */
export async function addSection(actor: AuditActor, input: AddSectionInput, client?: Prisma.TransactionClient): Promise<{ key: string; number: string | null }> {
  return locked(client, async (tx) => {
    const all = await rows(tx);
    const parent = input.parent ? all.find((r) => r.key === input.parent) : null;
    if (input.parent && !parent) throw new OutlineError("parentNotFound");
    const numbered = numberOutline(all);
    const parentDepth = parent ? (numbered.find((n) => n.key === parent.key)?.depth ?? 1) : 0;
    if (parentDepth + 1 > MAX_OUTLINE_DEPTH) throw new OutlineError("tooDeep", { max: MAX_OUTLINE_DEPTH });
    const siblings = siblingsOf(all, parent?.id ?? null);
    const newKey = uniqueKey(slugKey(input.title), new Set(all.map((r) => r.key)));
    const created = await tx.reportOutlineSection.create({
      data: {
        key: newKey,
        parentId: parent?.id ?? null,
        position: (siblings.at(-1)?.position ?? 0) + 1,
        title: input.title,
        numbered: input.numbered,
        kind: input.kind,
        computed: input.kind === "COMPUTED" ? input.computed : null,
        ownerArea: (parent?.ownerArea ?? null) as Prisma.ReportOutlineSectionCreateInput["ownerArea"],
      },
    });
    const number = numberOutline([...all, { ...created, kind: created.kind as OutlineKind, ownerArea: created.ownerArea as string | null }]).find((n) => n.key === newKey)?.number ?? null;
    await audit(
      actor,
      {
        action: "report.outline.add",
        entity: ENTITY,
        entityId: created.id,
        after: { key: newKey, title: input.title, kind: input.kind, computed: created.computed, parent: parent?.key ?? null, numbered: input.numbered, number },
      },
      tx,
    );
    return { key: newKey, number };
  });
}

/**
 * Deletes a section added here, with its subsections (the second post). `seenSections` is how many
 * the person was told would go: a different count (someone added one meanwhile) is refused as stale.
 */
export async function deleteSection(actor: AuditActor, sectionKey: string, seenSections: number, client?: Prisma.TransactionClient): Promise<{ sections: number }> {
  return locked(client, async (tx) => {
    const impact = await deletionImpact(sectionKey, tx);
    if (!impact.added) throw new OutlineError("notAdded");
    if (impact.draftReports > 0) throw new OutlineError("inUse", { count: impact.draftReports });
    if (impact.sections !== seenSections) throw new OutlineError("stale");
    const row = await tx.reportOutlineSection.findUniqueOrThrow({ where: { key: sectionKey } });
    // Children go with it (onDelete: Cascade).
    await tx.reportOutlineSection.delete({ where: { id: row.id } });
    await audit(
      actor,
      { action: "report.outline.delete", entity: ENTITY, entityId: row.id, before: { key: row.key, title: row.title, number: impact.number, subsections: impact.subsections } },
      tx,
    );
    return { sections: impact.sections };
  });
}
