/** Helpers for the bulletin tests: contacts of a test's own behind a segment that selects only them. */
import { randomUUID } from "node:crypto";
import type { ConsentStatus, SubscriptionStatus } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { filterToJson } from "~/modules/contacts/filter";

export type TestContact = { local?: string; givenName?: string | null; familyName?: string | null; country?: string | null; language?: string | null; consentStatus?: ConsentStatus; subscriptionStatus?: SubscriptionStatus };

/** Creates contacts tagged with a tag of their own and a segment selecting that tag. */
export async function audience(contacts: TestContact[] | number, label = "b") {
  const tag = `t-${randomUUID().slice(0, 12)}`;
  const list: TestContact[] = typeof contacts === "number" ? Array.from({ length: contacts }, () => ({})) : contacts;
  // `local` ends the local part (e.g. "+smtp550", which the test SMTP sink refuses).
  const emails = list.map((c, i) => `${label}${i}-${tag}${c.local ?? ""}@bulletins.test`);
  const data = list.map((c, i) => ({
    email: emails[i]!.toLowerCase(),
    givenName: c.givenName === undefined ? `Nombre${i}` : c.givenName,
    familyName: c.familyName ?? null,
    country: c.country ?? "US",
    language: c.language ?? "es",
    tags: [tag],
    source: "MANUAL" as const,
    consentStatus: c.consentStatus ?? ("CONFIRMED" as const),
    subscriptionStatus: c.subscriptionStatus ?? ("SUBSCRIBED" as const),
  }));
  await db.contact.createMany({ data });
  const segment = await db.segment.create({ data: { name: `Segmento ${tag}`, filter: filterToJson({ sort: "created", tag }) } });
  const rows = await db.contact.findMany({ where: { tags: { has: tag } }, orderBy: { id: "asc" } });
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  return { tag, segmentId: segment.id, emails: data.map((d) => d.email), contacts: data.map((d) => byEmail.get(d.email)!) };
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${opts.what ?? "a condition"}`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 150));
  }
}

export async function waitForStatus(bulletinId: string, status: string, timeoutMs = 30_000) {
  return waitFor(async () => {
    const b = await db.bulletin.findUnique({ where: { id: bulletinId }, select: { status: true } });
    return b?.status === status ? b : null;
  }, { timeoutMs, what: `bulletin ${bulletinId} to be ${status}` });
}

/** Messages in the outbox per recipient address, for these addresses. */
export async function outboxCounts(emails: string[]): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<Array<{ to: string; n: number }>>`
    SELECT t AS "to", count(*)::int AS n FROM "OutboxMessage", unnest("to") AS t WHERE t = ANY(${emails}::text[]) GROUP BY t`;
  return new Map(rows.map((r) => [r.to, r.n]));
}
