/**
 * Where an audit entry's record lives, when it still exists. One query per kind of record on the
 * page (never one per row): the page groups its entries by entity, asks each table which of those
 * ids remain, and builds each address from what it found (a submission's page needs its contest).
 */
import { db } from "~/lib/db.server";

type Ref = { entity: string | null; entityId: string | null };
export type RecordLink = { href: string | null; exists: boolean | null };

const MONTH = /^(\d{4}-(0[1-9]|1[0-2]))(\/v\d+)?$/;
const INT = /^\d{1,9}$/;

type Resolver = (ids: string[]) => Promise<Map<string, string>>;

const byId = async <T extends { id: string | number }>(rows: Promise<T[]>, href: (row: T) => string) => new Map((await rows).map((r) => [String(r.id), href(r)]));
const juryPage = (rows: Promise<{ id: string; contestId: string }[]>) => byId(rows, (r) => `/jury/${r.contestId}/setup`);

/** For each entity, the ids among `ids` that still exist, with their page. */
const RESOLVERS: Record<string, Resolver> = {
  user: (ids) => byId(db.user.findMany({ where: { id: { in: ids } }, select: { id: true } }), (r) => `/admin/users/${r.id}`),
  contact: (ids) => {
    const numeric = ids.filter((id) => INT.test(id)).map(Number);
    return byId(db.contact.findMany({ where: { id: { in: numeric } }, select: { id: true } }), (r) => `/contacts/${r.id}`);
  },
  partner: (ids) => byId(db.partner.findMany({ where: { id: { in: ids } }, select: { id: true } }), (r) => `/partners/${r.id}`),
  event: (ids) => byId(db.event.findMany({ where: { id: { in: ids } }, select: { id: true } }), (r) => `/events/${r.id}`),
  bulletin: (ids) => byId(db.bulletin.findMany({ where: { id: { in: ids } }, select: { id: true } }), (r) => `/bulletins/${r.id}`),
  contest: (ids) => byId(db.contest.findMany({ where: { id: { in: ids } }, select: { id: true } }), (r) => `/contest/${r.id}`),
  submission: (ids) => byId(db.submission.findMany({ where: { id: { in: ids } }, select: { id: true, contestId: true } }), (r) => `/contest/${r.contestId}/submissions/${r.id}`),
  correctionRequest: (ids) =>
    byId(
      db.correctionRequest.findMany({ where: { id: { in: ids } }, select: { id: true, submissionId: true, submission: { select: { contestId: true } } } }),
      (r) => `/contest/${r.submission.contestId}/submissions/${r.submissionId}`,
    ),
  material: (ids) => byId(db.material.findMany({ where: { id: { in: ids } }, select: { id: true } }), (r) => `/materials/${r.id}`),
  location: (ids) => byId(db.location.findMany({ where: { id: { in: ids } }, select: { id: true } }), (r) => `/materials/locations/${r.id}`),
  shipment: (ids) => byId(db.shipment.findMany({ where: { id: { in: ids } }, select: { id: true } }), (r) => `/materials/shipments/${r.id}`),
  segment: (ids) => byId(db.segment.findMany({ where: { id: { in: ids } }, select: { id: true } }), (r) => `/contacts?segment=${encodeURIComponent(r.id)}`),
  importBatch: (ids) => byId(db.importBatch.findMany({ where: { id: { in: ids } }, select: { id: true } }), (r) => `/contacts/import/${r.id}`),
  arcoRequest: (ids) => byId(db.arcoRequest.findMany({ where: { id: { in: ids } }, select: { id: true } }), (r) => `/contacts/arco/${r.id}`),
  // A report is named by its id, or (exports) by "YYYY-MM/vN": the month's page either way.
  MonthlyReport: async (ids) => {
    const found = await byId(db.monthlyReport.findMany({ where: { id: { in: ids } }, select: { id: true, month: true } }), (r) => `/reports/${r.month}`);
    const months = [...new Set(ids.map((id) => MONTH.exec(id)?.[1]).filter((m): m is string => !!m))];
    const present = new Set((await db.monthlyReport.findMany({ where: { month: { in: months } }, select: { month: true } })).map((r) => r.month));
    for (const id of ids) {
      const month = MONTH.exec(id)?.[1];
      if (month && present.has(month)) found.set(id, `/reports/${month}`);
    }
    return found;
  },
  MonthlyInput: async (ids) => {
    const months = ids.filter((id) => MONTH.test(id));
    return byId(
      db.monthlyInput.findMany({ where: { month: { in: months } }, select: { month: true } }).then((rows) => rows.map((r) => ({ id: r.month }))),
      (r) => `/reports/${r.id}`,
    );
  },
  privacyNotice: (ids) => {
    const versions = ids.filter((id) => INT.test(id)).map(Number);
    return byId(db.privacyNotice.findMany({ where: { version: { in: versions } }, select: { version: true } }).then((rows) => rows.map((r) => ({ id: r.version }))), (r) => `/k/notice/${r.id}`);
  },
  settings: async (ids) => new Map(ids.map((id) => [id, "/admin/settings"])),
  assignment: (ids) => juryPage(db.assignment.findMany({ where: { id: { in: ids } }, select: { id: true, contestId: true } })),
  award: (ids) => juryPage(db.award.findMany({ where: { id: { in: ids } }, select: { id: true, contestId: true } })),
  conflict: (ids) => juryPage(db.conflict.findMany({ where: { id: { in: ids } }, select: { id: true, contestId: true } })),
  evaluation: (ids) => juryPage(db.evaluation.findMany({ where: { id: { in: ids } }, select: { id: true, contestId: true } })),
  juryMember: (ids) => juryPage(db.juryMember.findMany({ where: { id: { in: ids } }, select: { id: true, contestId: true } })),
  jurySession: (ids) => juryPage(db.jurySession.findMany({ where: { id: { in: ids } }, select: { id: true, contestId: true } })),
};

const refKey = (entity: string, id: string) => `${entity}\u0000${id}`;

/**
 * The link of each entry's record: `href` when it still exists, `exists: false` when it is gone,
 * `exists: null` when the entity has no page of its own (a route, the log itself) or no id.
 */
export async function recordLinks(entries: Ref[]): Promise<RecordLink[]> {
  const wanted = new Map<string, Set<string>>();
  for (const { entity, entityId } of entries) {
    if (!entity || !entityId || !RESOLVERS[entity]) continue;
    (wanted.get(entity) ?? wanted.set(entity, new Set()).get(entity)!).add(entityId);
  }
  const found = new Map<string, string>();
  await Promise.all(
    [...wanted].map(async ([entity, ids]) => {
      for (const [id, href] of await RESOLVERS[entity]!([...ids])) found.set(refKey(entity, id), href);
    }),
  );
  return entries.map(({ entity, entityId }) => {
    if (!entity || !entityId || !RESOLVERS[entity]) return { href: null, exists: null };
    const href = found.get(refKey(entity, entityId)) ?? null;
    return { href, exists: href !== null };
  });
}
