/**
 * The bounce mailbox poller (decision 034) against an IMAP server running in this process
 * (hoodiecrow-imap): a hard DSN, an ARF complaint and a soft DSN are ingested and moved to the
 * processed folder; an out-of-office reply and a DSN about nobody we know stay in the inbox, marked,
 * never deleted; a second run changes nothing; a message read again (a move that failed) is a
 * duplicate. The settings form's «Probar conexión» says which step failed, and a saved, enabled
 * mailbox is polled by the real worker through its job scheduler.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { translate } from "~/i18n";
import { db } from "~/lib/db.server";
import { BOUNCE_MAILBOX_SCHEDULER, closeQueues, getQueue, QUEUES } from "~/lib/queue.server";
import { mailboxOverview, pollMailbox, removeMailbox, testMailbox, UNATTRIBUTED_KEYWORD, type MailboxConnection } from "~/modules/bulletins/mailbox.server";
import { mailboxSchema, type MailboxInput } from "~/modules/bulletins/mailbox";
import { createSession } from "~/modules/auth/session.server";
import { complaintPausePercent, settingsSchema } from "~/modules/settings/schema";
import { getSettings } from "~/modules/settings/settings.server";
import { audience } from "../support/bulletins";
import { createUser, fakeRequest } from "../support/factories";
import { freePort } from "../support/net";

const require = createRequire(import.meta.url);
type ImapServer = { listen: (port: number, done: () => void) => void; close: (done?: () => void) => void };
const hoodiecrow = require("hoodiecrow-imap") as (options: unknown) => ImapServer;

const actor = { userId: null, ip: "test" };
const PROCESSED = "Alcance/Procesados";

async function fixture(name: string, values: { recipient: string; bulletin?: string; delivery?: string; messageId?: string }) {
  let raw = (await readFile(path.join("tests/fixtures/bounces", name), "utf8"))
    .replaceAll("{{RECIPIENT}}", values.recipient)
    .replaceAll("{{BULLETIN}}", values.bulletin ?? "cnone")
    .replaceAll("{{DELIVERY}}", values.delivery ?? "0");
  // The outer Message-ID only (a DSN quotes the original's too): each run's reports are new events.
  if (values.messageId) raw = raw.replace(/^Message-ID: .*$/m, `Message-ID: <${values.messageId}>`);
  return raw.replace(/\r?\n/g, "\r\n");
}

let port: number;
let server: ImapServer;
let contacts: Awaited<ReturnType<typeof audience>>["contacts"];
let bulletinId: string;
let deliveryId: bigint;
const raws: Record<"hard" | "complaint" | "soft" | "unrelated" | "stranger", string> = { hard: "", complaint: "", soft: "", unrelated: "", stranger: "" };

const connection = (overrides: Partial<MailboxConnection> = {}): MailboxConnection => ({
  host: "127.0.0.1",
  port,
  tls: false,
  username: "testuser",
  password: "testpass",
  folder: "INBOX",
  processedFolder: PROCESSED,
  ...overrides,
});

/** What a person would see in the mailbox: each folder's messages with their flags. */
async function mailbox() {
  const client = new ImapFlow({ host: "127.0.0.1", port, secure: false, auth: { user: "testuser", pass: "testpass" }, logger: false });
  await client.connect();
  try {
    const read = async (folder: string) => {
      const lock = await client.getMailboxLock(folder);
      try {
        if (!client.mailbox || client.mailbox.exists === 0) return [];
        const messages = await client.fetchAll("1:*", { uid: true, flags: true, envelope: true });
        return messages.map((m) => ({ subject: m.envelope?.subject ?? "", flags: [...(m.flags ?? [])] }));
      } finally {
        lock.release();
      }
    };
    const folders = (await client.list()).map((f) => f.path);
    return { folders, inbox: await read("INBOX"), processed: folders.includes(PROCESSED) ? await read(PROCESSED) : null };
  } finally {
    await client.logout();
  }
}

async function append(raw: string) {
  const client = new ImapFlow({ host: "127.0.0.1", port, secure: false, auth: { user: "testuser", pass: "testpass" }, logger: false });
  await client.connect();
  await client.append("INBOX", raw, []);
  await client.logout();
}

beforeAll(async () => {
  ({ contacts } = await audience(3, "mbx"));
  const [hard, complaint, soft] = contacts;
  const bulletin = await db.bulletin.create({ data: { name: "b", subject: "s", bodyMarkdown: "x", fromName: "n", fromEmail: "boletin@alcance.test", status: "SENT" } });
  bulletinId = bulletin.id;
  deliveryId = (await db.bulletinDelivery.create({ data: { bulletinId, contactId: hard!.id, email: hard!.email, status: "SENT" } })).id;
  const run = randomUUID().slice(0, 8);
  raws.hard = await fixture("dsn-hard.eml", { recipient: hard!.email, bulletin: bulletinId, delivery: String(deliveryId), messageId: `hard-${run}@mx.example.org` });
  raws.complaint = await fixture("arf-complaint.eml", { recipient: complaint!.email });
  raws.soft = await fixture("dsn-soft.eml", { recipient: soft!.email });
  raws.unrelated = await fixture("unrelated-autoreply.eml", { recipient: `marta-${run}@example.net`, messageId: `ooo-${run}@mail.example.net` });
  raws.stranger = await fixture("dsn-hard.eml", { recipient: `nadie-${run}@example.net`, messageId: `stranger-${run}@mx.example.org` });

  port = await freePort();
  server = hoodiecrow({
    plugins: ["MOVE", "UIDPLUS", "LITERALPLUS", "IDLE"],
    storage: {
      INBOX: { messages: Object.values(raws).map((raw) => ({ raw, flags: [] })) },
      "": { separator: "/", folders: {} },
    },
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
});

afterAll(async () => {
  await removeMailbox(actor);
  await closeQueues();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("the bounce mailbox poller", () => {
  it("ingests the reports about our contacts and moves them; leaves anything else in the inbox, marked", async () => {
    const [hard, complaint, soft] = contacts;
    const counts = await pollMailbox(connection());
    expect(counts).toEqual({ polled: 5, ingested: 3, duplicate: 0, unattributed: 2, tooLarge: 0 });

    expect(await db.contact.findUniqueOrThrow({ where: { id: hard!.id } })).toMatchObject({ subscriptionStatus: "BOUNCED" });
    expect(await db.contact.findUniqueOrThrow({ where: { id: complaint!.id } })).toMatchObject({ subscriptionStatus: "COMPLAINED" });
    expect(await db.contact.findUniqueOrThrow({ where: { id: soft!.id } })).toMatchObject({ subscriptionStatus: "SUBSCRIBED", softBounces: 1 });

    const reports = await db.bounceReport.findMany({ where: { contactId: { in: contacts.map((c) => c.id) } }, orderBy: { id: "asc" } });
    expect(reports.map((r) => [r.contactId, r.kind, r.source, r.outcome])).toEqual([
      [hard!.id, "HARD", "imap", "suppressed"],
      [complaint!.id, "COMPLAINT", "imap", "suppressed"],
      [soft!.id, "SOFT", "imap", "counted"],
    ]);
    // The hard bounce found its delivery through the quoted original; each keeps the message as read.
    expect(reports[0]).toMatchObject({ deliveryId, bulletinId, status: "5.1.1" });
    expect(reports[0]!.eventId).toMatch(/^<hard-[0-9a-f]+@mx\.example\.org>#0$/);
    expect(reports[2]!.eventId).toMatch(/^sha256:[0-9a-f]{64}#0$/);
    for (const report of reports) expect(report.raw).toContain("Content-Type: multipart/report");

    const after = await mailbox();
    expect(after.folders).toContain(PROCESSED);
    expect(after.processed!.map((m) => m.subject).sort()).toEqual(["Delivery Status Notification (Delay)", "FW: Boletin de noviembre", "Undelivered Mail Returned to Sender"]);
    expect(after.inbox).toHaveLength(2);
    expect(after.inbox.map((m) => m.subject).sort()).toEqual(["Respuesta automática: Boletín de noviembre", "Undelivered Mail Returned to Sender"]);
    for (const message of after.inbox) expect(message.flags).toContain(UNATTRIBUTED_KEYWORD);
    // The report about nobody we know is on record (for the review page), but the message stays.
    expect(await db.bounceReport.count({ where: { source: "imap", recipient: { startsWith: "nadie-" }, outcome: "unknownContact", raw: { contains: "nadie-" } } })).toBeGreaterThanOrEqual(1);
  });

  it("a second run reads nothing again; a message read twice (its move failed) changes nothing and is moved", async () => {
    const [, , soft] = contacts;
    const before = await db.bounceReport.count({ where: { source: "imap" } });
    expect(await pollMailbox(connection())).toEqual({ polled: 0, ingested: 0, duplicate: 0, unattributed: 0, tooLarge: 0 });

    // The soft bounce lands in the inbox again (as if the move after its first read had failed).
    await append(raws.soft);
    expect(await pollMailbox(connection())).toEqual({ polled: 1, ingested: 0, duplicate: 1, unattributed: 0, tooLarge: 0 });
    expect(await db.contact.findUniqueOrThrow({ where: { id: soft!.id } })).toMatchObject({ softBounces: 1, subscriptionStatus: "SUBSCRIBED" });
    expect(await db.bounceReport.count({ where: { source: "imap" } })).toBe(before);
    const after = await mailbox();
    expect(after.inbox).toHaveLength(2);
    expect(after.processed).toHaveLength(4);
  });

  it("the connection test says which step failed: connect, login, folder", async () => {
    const input: MailboxInput = { host: "127.0.0.1", port, tls: false, username: "testuser", folder: "INBOX", processedFolder: PROCESSED, intervalMinutes: 5, enabled: false };
    expect(await testMailbox(input, "testpass")).toEqual({ ok: true, messages: 2 });
    expect(await testMailbox(input, "wrong")).toMatchObject({ ok: false, failure: "login" });
    expect(await testMailbox({ ...input, folder: "Rebotes" }, "testpass")).toMatchObject({ ok: false, failure: "folder" });
    expect(await testMailbox({ ...input, port: await freePort() }, "testpass")).toMatchObject({ ok: false, failure: "connect", detail: "ECONNREFUSED" });
    expect(await testMailbox({ ...input, tls: true }, "testpass")).toMatchObject({ ok: false, failure: "tls" });
  });

  it("refuses bad settings with clear messages", () => {
    const bad = mailboxSchema.safeParse({ host: "imap server", port: "99999", username: "", folder: "INBOX", processedFolder: "inbox", intervalMinutes: "0" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({
      host: "admin.settings.mailbox.errors.host",
      port: "admin.settings.mailbox.errors.port",
      username: "admin.settings.mailbox.errors.username",
      intervalMinutes: "admin.settings.mailbox.errors.interval",
    });
    expect(mailboxSchema.safeParse({ host: "imap.example.org", port: "993", username: "u", folder: "INBOX", processedFolder: "inbox", intervalMinutes: "10" }).error!.issues).toMatchObject([
      { path: ["processedFolder"], message: "admin.settings.mailbox.errors.sameFolder" },
    ]);
    expect(mailboxSchema.safeParse({ host: "imap.example.org", port: "993", username: "u", folder: "INBOX", processedFolder: "Hecho", intervalMinutes: "1441" }).error!.issues[0]!.message).toBe("admin.settings.mailbox.errors.interval");
    expect(mailboxSchema.safeParse({ host: "imap.example.org", port: "993", username: "u", folder: "INBOX", processedFolder: "Alcance//x", intervalMinutes: "10" }).error!.issues[0]!.message).toBe("admin.settings.mailbox.errors.folder");
  });
});

describe("the bounce mailbox on /admin/settings", () => {
  const baseUrl = () => inject("baseUrl");
  let cookie: string;

  beforeAll(async () => {
    const admin = await createUser({ role: "ADMIN", locale: "es" });
    await db.user.update({ where: { id: admin.id }, data: { totpEnabled: true } });
    cookie = (await createSession(admin.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
  });

  const form = (overrides: Record<string, string> = {}) => ({
    host: "127.0.0.1",
    port: String(port),
    username: "testuser",
    folder: "INBOX",
    processedFolder: PROCESSED,
    intervalMinutes: "1",
    ...overrides,
  });

  async function post(body: Record<string, string>) {
    return fetch(new URL("/admin/settings", baseUrl()), {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: new URL(baseUrl()).origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body),
    });
  }

  async function page() {
    const res = await fetch(new URL("/admin/settings", baseUrl()), { headers: { cookie } });
    expect(res.status).toBe(200);
    return res.text();
  }

  it("«Probar conexión» with a wrong password says plainly that the login was refused, and echoes no password", async () => {
    const res = await post({ intent: "mailboxTest", ...form(), password: "contraseña-equivocada" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-mailbox-test="login"');
    expect(html).toContain(translate("es", "admin.settings.mailbox.failure.login"));
    expect(html).not.toContain("contraseña-equivocada");

    const ok = await (await post({ intent: "mailboxTest", ...form(), password: "testpass" })).text();
    expect(ok).toContain('data-mailbox-test="ok"');
    const noFolder = await (await post({ intent: "mailboxTest", ...form({ folder: "NoExiste" }), password: "testpass" })).text();
    expect(noFolder).toContain(translate("es", "admin.settings.mailbox.failure.folder"));
  });

  it("saving needs a password once, stores it encrypted, never shows it back; bad input is refused in words", async () => {
    const missing = await post({ intent: "mailbox", ...form() });
    expect(missing.status).toBe(409);
    expect(await missing.text()).toContain(translate("es", "admin.settings.mailbox.errors.passwordRequired"));
    const badInterval = await post({ intent: "mailbox", ...form({ intervalMinutes: "2000" }), password: "testpass" });
    expect(badInterval.status).toBe(400);
    const badText = await badInterval.text();
    expect(badText).toContain(translate("es", "admin.settings.mailbox.errors.interval"));
    expect(badText).not.toContain("testpass");

    // Saved but not enabled: nothing is scheduled yet.
    expect((await post({ intent: "mailbox", ...form(), password: "testpass" })).status).toBe(302);
    const row = await db.bounceMailbox.findUniqueOrThrow({ where: { id: 1 } });
    expect(row.passwordEncrypted).not.toContain("testpass");
    expect(row.enabled).toBe(false);
    expect(await getQueue(QUEUES.bounces).getJobScheduler(BOUNCE_MAILBOX_SCHEDULER)).toBeFalsy();
    const html = await page();
    expect(html).toContain(translate("es", "admin.settings.mailbox.hints.passwordKeep"));
    expect(html).not.toContain("testpass");
    expect(JSON.stringify(await mailboxOverview())).not.toContain(row.passwordEncrypted);
  });

  it("enabled, the worker polls it on schedule (settings re-read): a new report is ingested and moved", async () => {
    const [, , soft] = contacts;
    // Another delay notice for the same person (a new message, so a new event).
    await append(raws.soft.replace(/^Subject: .*$/m, "Subject: Delivery Status Notification (Delay, day 2)"));
    // Saved with an empty password: the stored one is kept.
    expect((await post({ intent: "mailbox", ...form({ enabled: "on" }) })).status).toBe(302);
    const scheduler = await getQueue(QUEUES.bounces).getJobScheduler(BOUNCE_MAILBOX_SCHEDULER);
    expect(scheduler?.every).toBe(60_000);

    // A job scheduler's first run is immediate; the worker records it on the row.
    const deadline = Date.now() + 30_000;
    let run = await db.bounceMailbox.findUniqueOrThrow({ where: { id: 1 } });
    while (!run.lastRunAt && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      run = await db.bounceMailbox.findUniqueOrThrow({ where: { id: 1 } });
    }
    expect(run.lastRunError).toBeNull();
    expect(run.lastRunCounts).toMatchObject({ polled: 1, ingested: 1, unattributed: 0 });
    expect(await db.contact.findUniqueOrThrow({ where: { id: soft!.id } })).toMatchObject({ softBounces: 2 });
    expect((await mailbox()).inbox).toHaveLength(2);
    expect(await page()).toContain("data-mailbox-last-run");

    // Turned off: the schedule goes away.
    expect((await post({ intent: "mailbox", ...form() })).status).toBe(302);
    expect(await getQueue(QUEUES.bounces).getJobScheduler(BOUNCE_MAILBOX_SCHEDULER)).toBeFalsy();
  });
});

describe("the complaint rate that pauses a bulletin, on /admin/settings", () => {
  const rate = (value: string | undefined) => settingsSchema.shape.complaintPauseRate.safeParse(value);

  it("is typed in percent (0.1–5, two decimals, comma or point) and stored as a fraction", () => {
    expect(rate("0.3")).toMatchObject({ success: true, data: 0.003 });
    expect(rate("0,5")).toMatchObject({ success: true, data: 0.005 });
    expect(rate("5")).toMatchObject({ success: true, data: 0.05 });
    expect(rate(undefined)).toMatchObject({ success: true, data: undefined });
    for (const bad of ["0.05", "5.01", "0.125", "abc", "-1"]) expect(rate(bad).error?.issues[0]?.message).toBe("admin.settings.errors.complaintPauseRate");
    expect(complaintPausePercent(0.003)).toBe("0.3");
    expect(complaintPausePercent(0.0125)).toBe("1.25");
  });

  it("the form shows it and refuses a value out of range in words, changing nothing", async () => {
    const baseUrl = inject("baseUrl");
    const admin = await createUser({ role: "ADMIN", locale: "en" });
    await db.user.update({ where: { id: admin.id }, data: { totpEnabled: true } });
    const cookie = (await createSession(admin.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
    const html = await (await fetch(new URL("/admin/settings", baseUrl), { headers: { cookie } })).text();
    expect(html).toContain('id="settings-complaintPauseRate"');
    expect(html).toContain(translate("en", "admin.settings.fields.complaintPauseRate"));

    const current = await getSettings();
    const { complaintPauseRate: _rate, ...rest } = current;
    const res = await fetch(new URL("/admin/settings", baseUrl), {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: new URL(baseUrl).origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "settings", ...rest, replyTo: current.replyTo ?? "", sendRatePerSecond: String(current.sendRatePerSecond), kioskMailsPerHour: String(current.kioskMailsPerHour), complaintPauseRate: "7" }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(translate("en", "admin.settings.errors.complaintPauseRate"));
  });
});
