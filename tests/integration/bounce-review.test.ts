/** /bulletins/bounces: the reports as read, undoing a misread suppression, raw retention, complaint rate and auto-pause (decision 034). */
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { getSettings } from "~/modules/settings/index.server";
import { applyReport, bulletinReport, purgeBounceRaw, undoBounceSuppression } from "~/modules/bulletins/index.server";
import { LIVENESS_LOCK_CLASS } from "~/modules/bulletins/pipeline/index.server";
import { audience } from "../support/bulletins";
import { createUser, fakeRequest } from "../support/factories";
import { TestClient } from "../support/http";

const worker = { userId: null, ip: "test" };

describe("reviewing bounce reports", () => {
  it("lists what was read and lets a person undo a suppression once, audited; a later change is not overwritten", async () => {
    // Admins must have two-factor on to reach pages.
    const admin = await db.user.update({ where: { id: (await createUser({ role: "ADMIN" })).id }, data: { totpEnabled: true } });
    const a = await audience(2);
    const [misread, later] = a.contacts;
    await applyReport(worker, { kind: "HARD", recipient: misread!.email, status: "5.1.1", diagnostic: "misread auto-reply", deliveryId: null, bulletinId: null }, { source: "mailgun", eventId: `ev-${a.tag}-1`, raw: "{\"raw\":1}" });
    const report = await db.bounceReport.findFirstOrThrow({ where: { contactId: misread!.id } });
    expect(report).toMatchObject({ outcome: "suppressed", previousStatus: "SUBSCRIBED", source: "mailgun" });

    const cookie = (await createSession(admin.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
    const client = new TestClient();
    const page = await client.get("/bulletins/bounces?source=mailgun", { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(misread!.email);
    expect(html).toContain("misread auto-reply");

    const undo = await client.post("/bulletins/bounces", { intent: "undo", reportId: report.id.toString() }, { headers: { cookie, origin: new URL(client.baseUrl).origin } });
    expect([200, 302, 303]).toContain(undo.status);
    expect((await db.contact.findUniqueOrThrow({ where: { id: misread!.id } })).subscriptionStatus).toBe("SUBSCRIBED");
    expect((await db.bounceReport.findUniqueOrThrow({ where: { id: report.id } })).undoneById).toBe(admin.id);
    const audits = await db.auditLog.findMany({ where: { entity: "contact", entityId: String(misread!.id), action: "contact.subscription" }, orderBy: { id: "asc" } });
    expect(audits.at(-1)!.after).toMatchObject({ subscriptionStatus: "SUBSCRIBED", reason: "bounceUndone" });
    await expect(undoBounceSuppression({ userId: admin.id }, report.id)).rejects.toMatchObject({ code: "notUndoable" });

    // Suppressed by a complaint, then unsubscribed by the person: undoing the complaint must not resubscribe.
    await applyReport(worker, { kind: "COMPLAINT", recipient: later!.email, status: "abuse", diagnostic: null, deliveryId: null, bulletinId: null }, { source: "ses" });
    const complaint = await db.bounceReport.findFirstOrThrow({ where: { contactId: later!.id } });
    await db.contact.update({ where: { id: later!.id }, data: { subscriptionStatus: "UNSUBSCRIBED" } });
    await expect(undoBounceSuppression({ userId: admin.id }, complaint.id)).rejects.toMatchObject({ code: "changedSince" });
    expect((await db.contact.findUniqueOrThrow({ where: { id: later!.id } })).subscriptionStatus).toBe("UNSUBSCRIBED");
  });

  it("erases raw messages after 30 days and keeps what was read", async () => {
    const a = await audience(1);
    await applyReport(worker, { kind: "SOFT", recipient: a.emails[0]!, status: "4.2.2", diagnostic: "mailbox full", deliveryId: null, bulletinId: null }, { source: "postmark", eventId: `old-${a.tag}`, raw: "raw body" });
    const row = await db.bounceReport.findFirstOrThrow({ where: { eventId: `old-${a.tag}` } });
    await db.bounceReport.update({ where: { id: row.id }, data: { receivedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) } });
    expect(await purgeBounceRaw()).toBeGreaterThanOrEqual(1);
    expect(await db.bounceReport.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ raw: null, recipient: a.emails[0], diagnostic: "mailbox full" });
  });
});

describe("complaint rate", () => {
  async function sending(delivered: number) {
    const a = await audience(3);
    // Made SENDING last: a worker of another test file finishes a SENDING bulletin whose
    // deliveries are all SENT, as it would have been between these statements.
    const draft = await db.bulletin.create({ data: { name: "b", subject: "s", bodyMarkdown: "x", fromName: "n", fromEmail: "boletin@alcance.test", status: "PAUSED" } });
    await db.bulletinDelivery.createMany({ data: a.contacts.map((c) => ({ bulletinId: draft.id, contactId: c.id, email: c.email, status: "SENT" as const })) });
    await db.bulletinDelivery.createMany({ data: Array.from({ length: delivered - 3 }, (_, i) => ({ bulletinId: draft.id, contactId: null, email: `x${i}@bulletins.test`, status: "SENT" as const })) });
    // A message still in flight under a live claim: a worker of another test file on this database
    // must neither finish the bulletin nor take the claim back while the test reads it.
    const key = Math.floor(Math.random() * 2 ** 30);
    await db.$executeRawUnsafe(`SELECT pg_advisory_lock(${LIVENESS_LOCK_CLASS}, ${key})`);
    await db.bulletinDelivery.create({ data: { bulletinId: draft.id, contactId: null, email: `inflight@bulletins.test`, status: "SENDING", claimedAt: new Date(), claimedBy: key } });
    const bulletin = await db.bulletin.update({ where: { id: draft.id }, data: { status: "SENDING" } });
    return { a, bulletin };
  }
  const complain = (email: string, bulletinId: string) => applyReport(worker, { kind: "COMPLAINT", recipient: email, status: "abuse", diagnostic: null, deliveryId: null, bulletinId }, { source: "sendgrid" });

  it("warns above 0.1 % and pauses a sending bulletin above 0.3 %, with the reason", async () => {
    const { a, bulletin } = await sending(500);
    await complain(a.emails[0]!, bulletin.id);
    const one = await bulletinReport(bulletin.id);
    expect(one).toMatchObject({ complaintRate: 0.002, complaintWarn: true });
    expect((await db.bulletin.findUniqueOrThrow({ where: { id: bulletin.id } })).status).toBe("SENDING");
    await complain(a.emails[1]!, bulletin.id);
    const paused = await db.bulletin.findUniqueOrThrow({ where: { id: bulletin.id } });
    expect(paused).toMatchObject({ status: "PAUSED", pausedReason: "complaintRate:2/500" });
    expect(await db.auditLog.count({ where: { entity: "bulletin", entityId: bulletin.id, action: "bulletin.autoPause" } })).toBe(1);
  });

  it("follows the setting, and stays quiet below 0.1 %", async () => {
    const { a, bulletin } = await sending(2000);
    await complain(a.emails[0]!, bulletin.id);
    expect(await bulletinReport(bulletin.id)).toMatchObject({ complaintRate: 0.0005, complaintWarn: false });
    // The settings row exists once an admin saved /admin/settings; without it the default applies.
    // Make sure it exists (the column's default rate), keep its rate, lower it for this test.
    const { updatedAt: _u, id: _i, ...defaults } = { ...(await getSettings()), updatedAt: null, id: 1 };
    const original = (await db.settings.upsert({ where: { id: 1 }, create: { ...defaults }, update: {} })).complaintPauseRate;
    await db.settings.update({ where: { id: 1 }, data: { complaintPauseRate: 0.0004 } });
    try {
      await complain(a.emails[1]!, bulletin.id);
      expect((await db.bulletin.findUniqueOrThrow({ where: { id: bulletin.id } })).pausedReason).toBe("complaintRate:2/2000");
    } finally {
      // Never delete the row: other test files read and write settings at the same time. A row of
      // defaults means what no row means.
      await db.settings.update({ where: { id: 1 }, data: { complaintPauseRate: original } });
    }
  });
});
