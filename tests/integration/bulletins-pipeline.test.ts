/**
 * The sending pipeline against the real worker, PostgreSQL, Redis and the SMTP sink. Every test
 * works on contacts of its own (a unique tag and a segment selecting it).
 */
import pg from "pg";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createBulletin, enqueuePending, pauseBulletin, queueTestSend, resumeBulletin, scheduleBulletin, sendBulletin, cancelBulletin, bulletinReport, type BulletinError } from "~/modules/bulletins/bulletins.server";
import { LIVENESS_LOCK_CLASS, reconcile } from "~/modules/bulletins/pipeline/index.server";
import { bulletinInputSchema } from "~/modules/bulletins/schema";
import { createUser, uniqueEmail } from "../support/factories";
import { waitForMail } from "../support/outbox";
import { audience, outboxCounts, waitFor, waitForStatus } from "../support/bulletins";

const actor = { userId: null, ip: "test" };

async function newBulletin(segmentId: string, overrides: Record<string, unknown> = {}, userId: string | null = null) {
  const input = bulletinInputSchema.parse({
    name: `Boletín ${segmentId}`,
    subject: 'Hola {{nombre | "amiga, amigo"}}',
    bodyMarkdown: "# Noviembre\n\nHola {{nombre}}, de {{pais}}.\n\n[[Regístrate]](https://ine.mx/votoextranjero)",
    segmentId,
    ...overrides,
  });
  return (await createBulletin({ userId, ip: "test" }, input)).id;
}

/** One header of a raw message, unfolded. */
function rawHeader(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return head
    .split(/\r?\n/)
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();
}

async function deliveries(bulletinId: string) {
  return db.bulletinDelivery.findMany({ where: { bulletinId }, orderBy: { id: "asc" } });
}

describe("bulletin pipeline", () => {
  it("snapshots unique deliveries: sending or queuing twice adds no row and no mail", async () => {
    const a = await audience(12);
    const id = await newBulletin(a.segmentId);
    const first = await sendBulletin(actor, id);
    expect(first).toEqual({ recipients: 12, alreadyStarted: false });
    const again = await sendBulletin(actor, id);
    expect(again.alreadyStarted).toBe(true);
    await enqueuePending(id);
    await enqueuePending(id);
    await waitForStatus(id, "SENT");
    await enqueuePending(id);
    await reconcile();
    await new Promise((r) => setTimeout(r, 500));
    const rows = await deliveries(id);
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.contactId)).size).toBe(12);
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1 && !r.outcomeUnknown)).toBe(true);
    const counts = await outboxCounts(a.emails);
    expect([...counts.values()]).toEqual(Array(12).fill(1));
    const b = await db.bulletin.findUniqueOrThrow({ where: { id } });
    expect(b.recipients).toBe(12);
    expect(b.finishedAt).not.toBeNull();
  });

  it("sends nothing to unconfirmed, withdrawn, unsubscribed, bounced or complained contacts, nor to one who unsubscribes mid-send", async () => {
    const a = await audience([
      {},
      { consentStatus: "PENDING" },
      { consentStatus: "WITHDRAWN" },
      { subscriptionStatus: "UNSUBSCRIBED" },
      { subscriptionStatus: "BOUNCED" },
      { subscriptionStatus: "COMPLAINED" },
      {},
    ]);
    const id = await newBulletin(a.segmentId);
    const result = await sendBulletin(actor, id);
    expect(result.recipients).toBe(2);
    const rows = await deliveries(id);
    expect(rows.map((r) => r.email).sort()).toEqual([a.emails[0], a.emails[6]].sort());
    await waitForStatus(id, "SENT");
    const counts = await outboxCounts(a.emails);
    expect(counts.get(a.emails[0]!)).toBe(1);
    expect(counts.get(a.emails[6]!)).toBe(1);
    for (const i of [1, 2, 3, 4, 5]) expect(counts.get(a.emails[i]!) ?? 0).toBe(0);

    // Someone unsubscribes after the snapshot, before their message: they are skipped at send time.
    const b2 = await audience(3, "late");
    const id2 = await newBulletin(b2.segmentId);
    await db.bulletin.update({ where: { id: id2 }, data: { status: "SENDING", startedAt: new Date(), recipients: 3 } });
    await db.$executeRaw`INSERT INTO "BulletinDelivery" ("bulletinId", "contactId", "email") SELECT ${id2}, "id", "email" FROM "Contact" WHERE ${b2.tag} = ANY("tags")`;
    await db.contact.update({ where: { id: b2.contacts[1]!.id }, data: { subscriptionStatus: "UNSUBSCRIBED" } });
    await enqueuePending(id2);
    await waitForStatus(id2, "SENT");
    const late = await outboxCounts(b2.emails);
    expect(late.get(b2.emails[0]!)).toBe(1);
    expect(late.get(b2.emails[1]!) ?? 0).toBe(0);
    expect(late.get(b2.emails[2]!)).toBe(1);
    const skipped = await db.bulletinDelivery.findFirstOrThrow({ where: { bulletinId: id2, contactId: b2.contacts[1]!.id } });
    expect(skipped).toMatchObject({ status: "FAILED", attempts: 0 });
    expect(skipped.lastError).toMatch(/no longer subscribed/);
  });

  it("puts List-Unsubscribe (https/http + mailto), One-Click, List-Id and a delivery Message-ID on every message, and escapes contact data", async () => {
    const a = await audience([{ givenName: "<script>alert(1)</script>" }, { givenName: null }, { givenName: "Ana & Luis" }, {}, {}]);
    const id = await newBulletin(a.segmentId);
    await sendBulletin(actor, id);
    await waitForStatus(id, "SENT");
    const rows = await deliveries(id);
    const messages = await db.outboxMessage.findMany({ where: { to: { hasSome: a.emails } } });
    expect(messages).toHaveLength(5);
    for (const message of messages) {
      const parsed = await simpleParser(message.raw);
      const delivery = rows.find((r) => r.email === message.to[0])!;
      const listUnsubscribe = rawHeader(message.raw, "List-Unsubscribe");
      expect(listUnsubscribe).toMatch(/^<https?:\/\/[^>]+\/u\/[A-Za-z0-9_.-]+>, <mailto:[^>]+>$/);
      expect(rawHeader(message.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      expect(rawHeader(message.raw, "List-Id")).toMatch(/^<bulletins\.[^>]+>$/);
      expect(parsed.messageId).toBe(`<d${delivery.id}.${id}@alcance.test>`);
      expect(message.html).toContain("/u/");
      expect(message.text).toContain("/u/");
    }
    const byTo = (email: string) => messages.find((m) => m.to.includes(email))!;
    const xss = byTo(a.emails[0]!);
    expect(xss.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(xss.html).not.toContain("<script>alert(1)</script>");
    expect(xss.text).toContain("Hola <script>alert(1)</script>, de US.");
    expect(xss.subject).toBe("Hola <script>alert(1)</script>");
    expect(byTo(a.emails[1]!).subject).toBe("Hola amiga, amigo");
    expect(byTo(a.emails[2]!).html).toContain("Ana &amp; Luis");
    const settings = await db.settings.findUnique({ where: { id: 1 } });
    const postal = settings?.postalAddress ?? (await import("~/modules/settings/settings.server")).DEFAULT_SETTINGS.postalAddress;
    for (const m of messages) {
      expect(m.text).toContain(postal);
    }
  });

  it("retries 4xx with backoff, does not retry 5xx, and a permanent 'user unknown' marks the contact bounced", async () => {
    const a = await audience([{ local: "+smtp451x2" }, { local: "+smtp550" }, { local: "+smtp554" }, {}]);
    const id = await newBulletin(a.segmentId);
    await sendBulletin(actor, id);
    await waitForStatus(id, "SENT", 40_000);
    const rows = await deliveries(id);
    const by = (i: number) => rows.find((r) => r.email === a.emails[i])!;
    expect(by(0)).toMatchObject({ status: "SENT", attempts: 3 });
    expect(by(1)).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(by(1).lastError).toMatch(/550/);
    expect(by(2)).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(by(3)).toMatchObject({ status: "SENT", attempts: 1 });
    const counts = await outboxCounts(a.emails);
    expect(counts.get(a.emails[0]!)).toBe(1);
    expect(counts.get(a.emails[3]!)).toBe(1);
    const contacts = await db.contact.findMany({ where: { id: { in: a.contacts.map((c) => c.id) } } });
    const status = (i: number) => contacts.find((c) => c.id === a.contacts[i]!.id)!.subscriptionStatus;
    expect(status(1)).toBe("BOUNCED");
    expect(status(2)).toBe("SUBSCRIBED");
    expect(status(0)).toBe("SUBSCRIBED");
    const reports = await db.bounceReport.findMany({ where: { bulletinId: id } });
    expect(reports.map((r) => [r.kind, r.contactId])).toEqual([["HARD", a.contacts[1]!.id]]);
    const report = await bulletinReport(id);
    expect(report).toMatchObject({ recipients: 4, sent: 2, failed: 2, bounced: 1 });
  });

  it("pausing and resuming five times sends exactly one message per recipient", async () => {
    const a = await audience(150);
    const id = await newBulletin(a.segmentId);
    await sendBulletin(actor, id);
    let pauses = 0;
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 150));
      try {
        await pauseBulletin(actor, id);
        pauses += 1;
      } catch (error) {
        expect((error as BulletinError).code).toBe("notPausable");
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
      // Paused: no delivery is claimed while paused (in-flight ones finish).
      await resumeBulletin(actor, id);
    }
    expect(pauses).toBeGreaterThan(0);
    await waitForStatus(id, "SENT", 60_000);
    const counts = await outboxCounts(a.emails);
    expect(counts.size).toBe(150);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const rows = await deliveries(id);
    expect(rows.every((r) => r.status === "SENT")).toBe(true);
  });

  it("pauses itself when failures pass the threshold and tells its author; cancel stops it for good", async () => {
    const author = await createUser({ role: "COMMUNICATIONS", locale: "en" });
    const a = await audience(Array.from({ length: 45 }, () => ({ local: "+smtp554" })));
    const id = await newBulletin(a.segmentId, {}, author.id);
    await sendBulletin({ userId: author.id, ip: "test" }, id);
    await waitForStatus(id, "PAUSED");
    const b = await db.bulletin.findUniqueOrThrow({ where: { id } });
    expect(b.pausedReason).toMatch(/^failureThreshold:/);
    const notice = await waitFor(() => db.outboxMessage.findFirst({ where: { to: { has: author.email } } }), { what: "the author's notice" });
    expect(notice.subject).toContain("paused");
    // A paused worker gives back the rows it had claimed ahead (decision 031) just after the pause:
    // the comparison starts once none is still SENDING.
    const before = await waitFor(async () => {
      const rows = await deliveries(id);
      return rows.every((r) => r.status !== "SENDING") && rows;
    }, { what: "the paused send's claimed rows given back" });
    expect(before.some((r) => r.status === "PENDING")).toBe(true);
    expect(await cancelBulletin(actor, id)).toEqual({ status: "CANCELLED" });
    await reconcile();
    await new Promise((r) => setTimeout(r, 500));
    const after = await deliveries(id);
    expect(after.filter((r) => r.status === "PENDING").length).toBe(before.filter((r) => r.status === "PENDING").length);
  });

  it("re-sends a dead worker's claims marked 'outcome unknown', never a live worker's", async () => {
    const a = await audience(6);
    const id = await newBulletin(a.segmentId);
    // A bulletin already SENDING, its deliveries snapshotted, and no job queued (as after a Redis loss).
    await db.bulletin.update({ where: { id }, data: { status: "PAUSED" } });
    await db.$executeRaw`INSERT INTO "BulletinDelivery" ("bulletinId", "contactId", "email") SELECT ${id}, "id", "email" FROM "Contact" WHERE ${a.tag} = ANY("tags")`;
    const rows = await deliveries(id);
    // A live worker (this test holds its liveness lock) claimed rows[0]; a dead one claimed rows[1].
    const live = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await live.connect();
    const liveKey = 2_000_000_000 + Math.floor(Math.random() * 100_000_000);
    await live.query("SELECT pg_advisory_lock($1::int, $2::int)", [LIVENESS_LOCK_CLASS, liveKey]);
    try {
      await db.bulletinDelivery.update({ where: { id: rows[0]!.id }, data: { status: "SENDING", claimedBy: liveKey, claimedAt: new Date(), attempts: 1 } });
      await db.bulletinDelivery.update({ where: { id: rows[1]!.id }, data: { status: "SENDING", claimedBy: 12_345, claimedAt: new Date(), attempts: 1 } });
      await db.bulletin.update({ where: { id }, data: { status: "SENDING", recipients: 6, startedAt: new Date() } });
      await reconcile();
      await waitFor(async () => (await db.bulletinDelivery.count({ where: { bulletinId: id, status: "SENT" } })) === 5, { what: "five sent" });
      const after = await deliveries(id);
      expect(after[0]).toMatchObject({ status: "SENDING", outcomeUnknown: false });
      expect(after[1]).toMatchObject({ status: "SENT", outcomeUnknown: true, attempts: 2 });
      expect(after.slice(2).every((r) => r.status === "SENT" && !r.outcomeUnknown)).toBe(true);
      // Never "sent" while a delivery is still in flight.
      await new Promise((r) => setTimeout(r, 300));
      expect((await db.bulletin.findUniqueOrThrow({ where: { id } })).status).toBe("SENDING");
    } finally {
      await live.end();
    }
    // The "live" worker is gone now: its claim is re-sent too.
    await reconcile();
    await waitForStatus(id, "SENT");
    const final = await deliveries(id);
    expect(final[0]).toMatchObject({ status: "SENT", outcomeUnknown: true });
    const report = await bulletinReport(id);
    expect(report?.outcomeUnknown).toBe(2);
    const counts = await outboxCounts(a.emails);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it("starts a scheduled bulletin when its time comes, and refuses a time in the past", async () => {
    const a = await audience(3);
    const id = await newBulletin(a.segmentId);
    await expect(scheduleBulletin(actor, id, new Date(Date.now() - 60_000))).rejects.toMatchObject({ code: "scheduleInPast" });
    await scheduleBulletin(actor, id, new Date(Date.now() + 1_500));
    await reconcile();
    expect((await db.bulletin.findUniqueOrThrow({ where: { id } })).status).toBe("SCHEDULED");
    await new Promise((r) => setTimeout(r, 1_700));
    await reconcile();
    await waitForStatus(id, "SENT");
    expect([...(await outboxCounts(a.emails)).values()]).toEqual([1, 1, 1]);
  });

  it("sends a test to a few addresses as a chosen contact, without recording deliveries", async () => {
    const a = await audience([{ givenName: "Guadalupe" }]);
    const id = await newBulletin(a.segmentId);
    const to = [uniqueEmail("prueba"), uniqueEmail("prueba")];
    await queueTestSend(actor, id, to, a.contacts[0]!.id);
    const message = await waitForMail(to[1]!);
    expect(message.subject).toBe("[Prueba] Hola Guadalupe");
    expect(message.text).toContain("Hola Guadalupe, de US.");
    expect(await db.bulletinDelivery.count({ where: { bulletinId: id } })).toBe(0);
    expect((await db.bulletin.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  it("never falls back to the whole audience when its segment was deleted", async () => {
    const a = await audience(2);
    const id = await newBulletin(a.segmentId);
    await db.segment.delete({ where: { id: a.segmentId } });
    await expect(sendBulletin(actor, id)).rejects.toMatchObject({ code: "segmentMissing" });
    expect(await db.bulletinDelivery.count({ where: { bulletinId: id } })).toBe(0);
    expect((await db.bulletin.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });
});
