/**
 * The nightly integrity checks of what the system derives: every stock level against the sum of
 * its ledger movements, and every contact's consent status against its newest consent record.
 * Each check is one set-based query. A mismatch is recorded in an IntegrityRun and mailed to every
 * active administrator through the mail queue (record ids only); nothing is ever corrected here,
 * because a silent fix would hide the bug that caused the drift. See docs/decisions/021.
 */
import { db, type Prisma } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { sendTransactionalMail } from "~/modules/mail/index.server";
import type { Locale } from "~/i18n";

/** At most this many mismatches of each kind are kept on a run (the counts hold them all). */
export const MISMATCH_SAMPLE = 200;

export type StockMismatch = { kind: "stock"; materialId: string; locationId: string; level: number; ledger: number };
export type ConsentMismatch = { kind: "consent"; contactId: number; status: string; newest: string };
export type Mismatch = StockMismatch | ConsentMismatch;

type Client = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * Stock levels whose quantity is not the ledger's sum (movements in minus movements out), in
 * either direction: a level without movements, or movements without a level, count too.
 */
export async function stockMismatches(client: Client = db, limit = MISMATCH_SAMPLE): Promise<{ total: number; rows: StockMismatch[] }> {
  const rows = await client.$queryRaw<Array<{ materialId: string; locationId: string; level: bigint; ledger: bigint; total: bigint }>>`
    WITH ledger AS (
      SELECT "materialId", "locationId", SUM(q) AS quantity FROM (
        SELECT "materialId", "toLocationId" AS "locationId", "quantity" AS q FROM "StockMovement" WHERE "toLocationId" IS NOT NULL
        UNION ALL
        SELECT "materialId", "fromLocationId", -"quantity" FROM "StockMovement" WHERE "fromLocationId" IS NOT NULL
      ) m
      GROUP BY 1, 2
    )
    SELECT COALESCE(l."materialId", g."materialId") AS "materialId",
           COALESCE(l."locationId", g."locationId") AS "locationId",
           COALESCE(l."quantity", 0)::bigint AS level,
           COALESCE(g.quantity, 0)::bigint AS ledger,
           COUNT(*) OVER () AS total
    FROM "StockLevel" l
    FULL JOIN ledger g ON g."materialId" = l."materialId" AND g."locationId" = l."locationId"
    WHERE COALESCE(l."quantity", 0) <> COALESCE(g.quantity, 0)
    ORDER BY 1, 2
    LIMIT ${limit}`;
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({ kind: "stock", materialId: r.materialId, locationId: r.locationId, level: Number(r.level), ledger: Number(r.ledger) })),
  };
}

/**
 * Contacts whose consent status is not their newest consent record's (newest by time, then id, as
 * contacts/contact.server.ts decides). One ordered pass over ConsentRecord's (contactId, at DESC)
 * index, merged with Contact's primary key: no per-contact probe, linear at a million contacts. A contact without any
 * record has nothing to disagree with and is not reported.
 */
export async function consentMismatches(client: Client = db, limit = MISMATCH_SAMPLE): Promise<{ total: number; rows: ConsentMismatch[] }> {
  const rows = await client.$queryRaw<Array<{ contactId: number; status: string; newest: string; total: bigint }>>`
    WITH newest AS (
      SELECT DISTINCT ON ("contactId") "contactId", "status"
      FROM "ConsentRecord"
      ORDER BY "contactId", "at" DESC, "id" DESC
    )
    SELECT c."id" AS "contactId", c."consentStatus"::text AS status, n.status::text AS newest, COUNT(*) OVER () AS total
    FROM "Contact" c
    JOIN newest n ON n."contactId" = c."id"
    WHERE c."consentStatus" <> n.status
    ORDER BY c."id"
    LIMIT ${limit}`;
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({ kind: "consent", contactId: r.contactId, status: r.status, newest: r.newest })),
  };
}

/**
 * Runs both checks, records the run, and when anything disagrees queues one report per active
 * administrator (the job names the user and the run; the worker reads the address).
 */
export async function runIntegrityChecks(now: Date = new Date()) {
  const run = await db.integrityRun.create({ data: { startedAt: now } });
  const [stock, consent] = [await stockMismatches(), await consentMismatches()];
  let notified = 0;
  if (stock.total + consent.total > 0) {
    const admins = await db.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true, locale: true }, orderBy: { id: "asc" } });
    for (const admin of admins) {
      await sendTransactionalMail(
        {
          template: "integrityReport",
          to: { user: admin.id },
          locale: (admin.locale === "en" ? "en" : "es") satisfies Locale,
          data: { stock: String(stock.total), consent: String(consent.total), url: `${env().APP_URL}/admin/integrity?run=${run.id}` },
        },
        // One report per run and administrator, even if the job is retried.
        { jobId: `integrity-${run.id}-${admin.id}` },
      );
      notified++;
    }
  }
  return db.integrityRun.update({
    where: { id: run.id },
    data: {
      finishedAt: new Date(),
      stockMismatches: stock.total,
      consentMismatches: consent.total,
      mismatches: [...stock.rows, ...consent.rows] as unknown as Prisma.InputJsonValue,
      notified,
    },
  });
}

export type IntegrityRunView = Awaited<ReturnType<typeof listIntegrityRuns>>[number];

/** The latest runs, newest first (the admin page). */
export async function listIntegrityRuns(take = 30) {
  const rows = await db.integrityRun.findMany({ orderBy: { startedAt: "desc" }, take });
  return rows.map((r) => ({ ...r, mismatches: r.mismatches as unknown as Mismatch[] }));
}

/** One run with its mismatches, materials and locations named (one query each), for people to read. */
export async function getIntegrityRun(id: string) {
  const row = await db.integrityRun.findUnique({ where: { id } });
  if (!row) return null;
  const mismatches = row.mismatches as unknown as Mismatch[];
  const stock = mismatches.filter((m): m is StockMismatch => m.kind === "stock");
  const [materials, locations] = await Promise.all([
    db.material.findMany({ where: { id: { in: [...new Set(stock.map((m) => m.materialId))] } }, select: { id: true, code: true, name: true } }),
    db.location.findMany({ where: { id: { in: [...new Set(stock.map((m) => m.locationId))] } }, select: { id: true, name: true } }),
  ]);
  const materialName = new Map(materials.map((m) => [m.id, `${m.code} · ${m.name}`]));
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  return {
    ...row,
    mismatches: mismatches.map((m) =>
      m.kind === "stock" ? { ...m, materialName: materialName.get(m.materialId) ?? m.materialId, locationName: locationName.get(m.locationId) ?? m.locationId } : m,
    ),
  };
}
