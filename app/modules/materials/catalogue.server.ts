/**
 * The catalogue (materials) and the places stock can be (locations), their pages and lists. Lists
 * are paged by key on (name, id) (indexes Material(name, id), Location(name, id)); every change
 * is audited in the same transaction.
 */
import type { MovementRow } from "./fields";
import type { LocationKind, Material, MaterialKind } from "~/generated/prisma/client";
import { db, Prisma } from "~/lib/db.server";
import { decodeCursor, encodeCursor, likeContains, searchTerm } from "~/lib/paging.server";
import { optionsCursor, pageOf, type OptionsPage, type OptionsQuery } from "~/lib/options.server";
import { audit, diff, type AuditActor } from "~/modules/audit/index.server";
import { KIND_GROUPS } from "~/modules/files";
import { storeUpload } from "~/modules/files/index.server";
import { MaterialError } from "./errors";
import type { LocationInput, MaterialInput } from "./schema";

export const PAGE_SIZE = 50;

function nameCursor(cursor: string | null | undefined): { name: string; id: string } | null {
  const v = decodeCursor(cursor, 2);
  return v && typeof v[0] === "string" && typeof v[1] === "string" ? { name: v[0], id: v[1] } : null;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const MATERIAL_FIELDS = ["code", "name", "kind", "audience", "language", "unit", "lowStockThreshold", "active"] as const;
const materialSnapshot = (m: Partial<Material>) => Object.fromEntries(MATERIAL_FIELDS.map((f) => [f, m[f] ?? null]));

// ── Materials ───────────────────────────────────────────────────────────────────────────────────

export async function createMaterial(actor: AuditActor, input: MaterialInput): Promise<Material> {
  try {
    return await db.$transaction(async (tx) => {
      const material = await tx.material.create({ data: input });
      await audit(actor, { action: "material.create", entity: "material", entityId: material.id, after: materialSnapshot(material) }, tx);
      return material;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new MaterialError("codeTaken");
    throw error;
  }
}

export async function updateMaterial(actor: AuditActor, id: string, input: MaterialInput): Promise<{ changed: boolean }> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Material" WHERE id = ${id} FOR UPDATE`;
      const before = await tx.material.findUnique({ where: { id } });
      if (!before) throw new MaterialError("notFound");
      const change = diff(materialSnapshot(before), materialSnapshot(input));
      if (!change.changed) return { changed: false };
      await tx.material.update({ where: { id }, data: input });
      await audit(actor, { action: "material.update", entity: "material", entityId: id, before: change.before, after: change.after }, tx);
      return { changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new MaterialError("codeTaken");
    throw error;
  }
}

/** Stores a picture (checked by its content) as the material's. Throws UploadRejected. */
export async function setMaterialPicture(actor: AuditActor, id: string, file: { name: string; bytes: Uint8Array }): Promise<void> {
  const material = await db.material.findUnique({ where: { id }, select: { pictureSha256: true } });
  if (!material) throw new MaterialError("notFound");
  const stored = await storeUpload(file.bytes, KIND_GROUPS.image);
  const pictureFileName = file.name.replace(/[\\/]/g, "_").slice(0, 150) || `material.${stored.kind}`;
  await db.$transaction(async (tx) => {
    await tx.material.update({ where: { id }, data: { pictureFileName, pictureSha256: stored.sha256 } });
    await audit(actor, { action: "material.picture", entity: "material", entityId: id, before: { sha256: material.pictureSha256 }, after: { fileName: pictureFileName, sha256: stored.sha256 } }, tx);
  });
}

export type MaterialListRow = {
  id: string;
  code: string;
  name: string;
  kind: MaterialKind;
  audience: string | null;
  language: string | null;
  unit: string;
  active: boolean;
  lowStockThreshold: number;
  inWarehouses: number;
  elsewhere: number;
  lowWarehouses: number;
};

export type MaterialFilter = { q?: string; kind?: MaterialKind; active?: "active" | "retired" | "all" };

/** The catalogue, by name; stock in warehouses and elsewhere (not handed out), low-stock count. */
export async function listMaterials(filter: MaterialFilter, cursor?: string | null, take = PAGE_SIZE): Promise<{ rows: MaterialListRow[]; nextCursor: string | null }> {
  const parts: Prisma.Sql[] = [];
  const term = searchTerm(filter.q);
  if (term) parts.push(Prisma.sql`search_text(m."name" || ' ' || m."code") LIKE ${likeContains(term)}`);
  if (filter.kind) parts.push(Prisma.sql`m."kind" = ${filter.kind}::"MaterialKind"`);
  if ((filter.active ?? "active") !== "all") parts.push(Prisma.sql`m."active" = ${(filter.active ?? "active") === "active"}`);
  const c = nameCursor(cursor);
  if (c) parts.push(Prisma.sql`(m."name", m.id) > (${c.name}, ${c.id})`);
  const where = parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<MaterialListRow[]>`
    SELECT m.id, m."code", m."name", m."kind", m."audience"::text AS "audience", m."language", m."unit", m."active", m."lowStockThreshold",
      coalesce((SELECT sum(sl."quantity") FROM "StockLevel" sl JOIN "Location" l ON l.id = sl."locationId" WHERE sl."materialId" = m.id AND l."kind" = 'WAREHOUSE'), 0)::int AS "inWarehouses",
      coalesce((SELECT sum(sl."quantity") FROM "StockLevel" sl JOIN "Location" l ON l.id = sl."locationId" WHERE sl."materialId" = m.id AND l."kind" NOT IN ('WAREHOUSE', 'HANDED_OUT')), 0)::int AS "elsewhere",
      (SELECT count(*) FROM "StockLevel" sl JOIN "Location" l ON l.id = sl."locationId"
        WHERE sl."materialId" = m.id AND l."kind" = 'WAREHOUSE' AND l."active" AND m."lowStockThreshold" > 0 AND sl."quantity" < m."lowStockThreshold")::int AS "lowWarehouses"
    FROM "Material" m WHERE ${where}
    ORDER BY m."name", m.id LIMIT ${take + 1}`;
  const page = rows.slice(0, take);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > take && last ? encodeCursor([last.name, last.id]) : null };
}

/** Materials to choose from in forms (active ones, plus the ids asked for even if retired). */
export function listMaterialOptions(include: readonly string[] = []) {
  return db.material.findMany({
    where: { OR: [{ active: true }, { id: { in: [...include] } }] },
    select: { id: true, code: true, name: true, unit: true, active: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
  });
}

/** «Name (CODE)» of the named materials, by id (the rows a lines editor opens with). */
export async function materialLabels(ids: readonly string[]): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter(Boolean))].slice(0, 200);
  if (!wanted.length) return {};
  const rows = await db.material.findMany({ where: { id: { in: wanted } }, select: { id: true, code: true, name: true } });
  return Object.fromEntries(rows.map((m) => [m.id, `${m.name} (${m.code})`]));
}

/** Posted rows with the «Name (CODE)» of the material each names (a failed post shows them again as chosen). */
export async function labelLines<L extends { materialId: string }>(lines: L[]): Promise<Array<L & { label?: string }>> {
  const labels = await materialLabels(lines.map((l) => l.materialId));
  return lines.map((l) => (labels[l.materialId] ? { ...l, label: labels[l.materialId] } : l));
}

export const MOVEMENT_PAGE_SIZE = 50;

/** Movements newest first, paged by key (occurredAt, id), for a material or a location. */
export async function listMovements(scope: { materialId?: string; locationId?: string }, cursor?: string | null, take = MOVEMENT_PAGE_SIZE): Promise<{ rows: MovementRow[]; nextCursor: string | null }> {
  const parts: Prisma.Sql[] = [];
  if (scope.materialId) parts.push(Prisma.sql`s."materialId" = ${scope.materialId}`);
  if (scope.locationId) parts.push(Prisma.sql`(s."fromLocationId" = ${scope.locationId} OR s."toLocationId" = ${scope.locationId})`);
  const v = decodeCursor(cursor, 2);
  if (v && typeof v[0] === "string" && typeof v[1] === "string" && !Number.isNaN(Date.parse(v[0])) && /^\d+$/.test(v[1])) {
    parts.push(Prisma.sql`(s."occurredAt", s.id) < (${new Date(v[0])}, ${BigInt(v[1])})`);
  }
  const where = parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<MovementRow[]>`
    SELECT s.id::text AS id, s."kind"::text AS kind, s."materialId", m."name" AS "materialName", s."fromLocationId", f."name" AS "fromName",
      s."toLocationId", t."name" AS "toName", s."quantity", s."occurredAt", s."shipmentId", sh."number" AS "shipmentNumber", s."eventId",
      s."supplier", s."orderRef", s."reason", s."reversesId"::text AS "reversesId",
      (SELECT r.id::text FROM "StockMovement" r WHERE r."reversesId" = s.id) AS "reversedById", u."name" AS "createdBy"
    FROM "StockMovement" s JOIN "Material" m ON m.id = s."materialId"
      LEFT JOIN "Location" f ON f.id = s."fromLocationId" LEFT JOIN "Location" t ON t.id = s."toLocationId"
      LEFT JOIN "Shipment" sh ON sh.id = s."shipmentId" LEFT JOIN "User" u ON u.id = s."createdById"
    WHERE ${where}
    ORDER BY s."occurredAt" DESC, s.id DESC LIMIT ${take + 1}`;
  const page = rows.slice(0, take);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > take && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null };
}

/** One material as stored (the edit form), or null. */
export function findMaterial(id: string) {
  return db.material.findUnique({ where: { id } });
}

/** A material's page: the material, its stock per location, its movements. */
export async function getMaterial(id: string, cursor?: string | null) {
  const material = await db.material.findUnique({ where: { id } });
  if (!material) return null;
  const [levels, movements] = await Promise.all([
    db.stockLevel.findMany({
      where: { materialId: id, quantity: { gt: 0 } },
      include: { location: { select: { id: true, name: true, kind: true, country: true } } },
      orderBy: [{ location: { kind: "asc" } }, { location: { name: "asc" } }],
      take: 500,
    }),
    listMovements({ materialId: id }, cursor),
  ]);
  return {
    material,
    levels: levels.map((l) => ({ locationId: l.locationId, name: l.location.name, kind: l.location.kind, country: l.location.country, quantity: l.quantity })),
    movements,
  };
}

// ── Locations ───────────────────────────────────────────────────────────────────────────────────

const LOCATION_FIELDS = ["name", "kind", "partnerId", "country", "state", "city", "active"] as const;

async function assertPartner(partnerId: string | null) {
  if (partnerId && !(await db.partner.findUnique({ where: { id: partnerId }, select: { id: true } }))) throw new MaterialError("locationNotFound");
}

export async function createLocation(actor: AuditActor, input: LocationInput) {
  await assertPartner(input.partnerId);
  return db.$transaction(async (tx) => {
    const location = await tx.location.create({ data: input });
    await audit(actor, { action: "location.create", entity: "location", entityId: location.id, after: Object.fromEntries(LOCATION_FIELDS.map((f) => [f, location[f]])) }, tx);
    return location;
  });
}

export async function updateLocation(actor: AuditActor, id: string, input: LocationInput): Promise<{ changed: boolean }> {
  await assertPartner(input.partnerId);
  return db.$transaction(async (tx) => {
    const before = await tx.location.findUnique({ where: { id } });
    if (!before || before.kind === "EVENT" || before.kind === "HANDED_OUT") throw new MaterialError("locationNotFound");
    const change = diff(Object.fromEntries(LOCATION_FIELDS.map((f) => [f, before[f]])), input);
    if (!change.changed) return { changed: false };
    await tx.location.update({ where: { id }, data: input });
    await audit(actor, { action: "location.update", entity: "location", entityId: id, before: change.before, after: change.after }, tx);
    return { changed: true };
  });
}

export type LocationListRow = { id: string; name: string; kind: LocationKind; country: string | null; city: string | null; active: boolean; eventId: string | null; partnerId: string | null; items: number; materials: number };

export async function listLocations(filter: { kind?: LocationKind; q?: string }, cursor?: string | null, take = PAGE_SIZE): Promise<{ rows: LocationListRow[]; nextCursor: string | null }> {
  const parts: Prisma.Sql[] = [];
  if (filter.kind) parts.push(Prisma.sql`l."kind" = ${filter.kind}::"LocationKind"`);
  const term = searchTerm(filter.q);
  if (term) parts.push(Prisma.sql`search_text(l."name" || ' ' || coalesce(l."city", '')) LIKE ${likeContains(term)}`);
  const c = nameCursor(cursor);
  if (c) parts.push(Prisma.sql`(l."name", l.id) > (${c.name}, ${c.id})`);
  const where = parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<LocationListRow[]>`
    SELECT l.id, l."name", l."kind", l."country", l."city", l."active", l."eventId", l."partnerId", held.items, held.materials
    FROM "Location" l
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(sl."quantity"), 0)::int AS items, (count(*) FILTER (WHERE sl."quantity" > 0))::int AS materials
        FROM "StockLevel" sl WHERE sl."locationId" = l.id
      ) held
    WHERE ${where}
    ORDER BY l."name", l.id LIMIT ${take + 1}`;
  const page = rows.slice(0, take);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > take && last ? encodeCursor([last.name, last.id]) : null };
}

/** Places to choose from in forms (active ones where stock can be kept). */
export function listLocationOptions(kinds: readonly LocationKind[] = PICKABLE_LOCATION_KINDS) {
  return db.location.findMany({ where: { active: true, kind: { in: [...kinds] } }, select: { id: true, name: true, kind: true }, orderBy: [{ kind: "asc" }, { name: "asc" }], take: 1000 });
}

/** A location's page: the location, what it holds, its movements. */
export async function getLocation(id: string, cursor?: string | null) {
  const location = await db.location.findUnique({ where: { id }, include: { partner: { select: { id: true, name: true } }, event: { select: { id: true, name: true } } } });
  if (!location) return null;
  const [holdings, movements] = await Promise.all([
    db.stockLevel.findMany({
      where: { locationId: id, quantity: { gt: 0 } },
      include: { material: { select: { id: true, code: true, name: true, unit: true, lowStockThreshold: true } } },
      orderBy: { material: { name: "asc" } },
      take: 1000,
    }),
    listMovements({ locationId: id }, cursor),
  ]);
  return {
    location,
    holdings: holdings.map((h) => ({ ...h.material, quantity: h.quantity, low: location.kind === "WAREHOUSE" && h.material.lowStockThreshold > 0 && h.quantity < h.material.lowStockThreshold })),
    movements,
  };
}

/** Keyset condition after (name, id), the order of the (name, id) indexes of Material and Location. */
function afterName(cursor: string | null): Prisma.Sql {
  const after = optionsCursor(cursor, 2);
  return after ? Prisma.sql`AND (x."name", x."id") > (${after[0]}, ${after[1]})` : Prisma.empty;
}

/** Every word of `q` in `text` (accent- and case-blind). */
function wordsIn(text: Prisma.Sql, q: string | null): Prisma.Sql {
  const term = searchTerm(q);
  if (!term) return Prisma.empty;
  return Prisma.sql`AND ${Prisma.join(
    [...new Set(term.split(/\s+/).filter(Boolean))].map((w) => Prisma.sql`search_text(${text}) LIKE ${likeContains(w)}`),
    " AND ",
  )}`;
}

/**
 * The material picker (SearchPicker, /materials/options): active materials whose name or code holds
 * every word of `q`, by name, paged by (name, id). A shipment line names one of them; the module
 * checks it again on save (assertMaterials).
 */
export async function materialOptions(query: OptionsQuery): Promise<OptionsPage> {
  const rows = await db.$queryRaw<Array<{ id: string; name: string; code: string; unit: string }>>`
    SELECT x."id", x."name", x."code", x."unit"::text AS "unit" FROM "Material" x
    WHERE x."active" ${wordsIn(Prisma.sql`x."name" || ' ' || x."code"`, query.q)} ${afterName(query.after)}
    ORDER BY x."name", x."id" LIMIT ${query.limit + 1}`;
  return pageOf(rows, query.limit, (r) => ({ id: r.id, label: `${r.name} (${r.code})` }), (r) => encodeCursor([r.name, r.id]));
}

/**
 * The location picker (SearchPicker, /materials/locations/options): active locations of `kinds`
 * whose name or city holds every word of `q`, by name, paged by (name, id). `kindLabel` names the
 * kind in the reader's language (the option's second line).
 */
export async function locationOptions(query: OptionsQuery & { kinds: readonly LocationKind[] }, kindLabel: (kind: LocationKind) => string): Promise<OptionsPage> {
  if (!query.kinds.length) return { items: [], next: null };
  const rows = await db.$queryRaw<Array<{ id: string; name: string; kind: LocationKind; city: string | null }>>`
    SELECT x."id", x."name", x."kind", x."city" FROM "Location" x
    WHERE x."active" AND x."kind"::text = ANY(${[...query.kinds]}::text[])
      ${wordsIn(Prisma.sql`x."name" || ' ' || coalesce(x."city", '')`, query.q)} ${afterName(query.after)}
    ORDER BY x."name", x."id" LIMIT ${query.limit + 1}`;
  return pageOf(
    rows,
    query.limit,
    (r) => ({ id: r.id, label: r.name, detail: [kindLabel(r.kind), r.city].filter(Boolean).join(" · ") }),
    (r) => encodeCursor([r.name, r.id]),
  );
}

/** Where stock can be kept and moved from a form (listLocationOptions' default). */
export const PICKABLE_LOCATION_KINDS: readonly LocationKind[] = ["WAREHOUSE", "FOREIGN_SERVICE_POST", "PARTNER_OFFICE", "EVENT"];

/** `kind=A,B` of the location picker, kept to the pickable kinds (none named: all of them). */
export function pickableLocationKinds(param: string | null): LocationKind[] {
  const asked = (param ?? "").split(",").filter(Boolean);
  const kinds = PICKABLE_LOCATION_KINDS.filter((k) => asked.includes(k));
  return asked.length ? kinds : [...PICKABLE_LOCATION_KINDS];
}
