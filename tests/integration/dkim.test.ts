/**
 * DKIM (decision 033) against the real worker, web server and SMTP sink: a transactional message
 * and a bulletin's messages captured by the sink carry a DKIM signature that mailauth verifies
 * against the record the settings page tells the office to publish, signed by the From domain;
 * the settings form stores the key encrypted, never shows it back, shows the DNS records and says
 * plainly that DNS is unreachable (the test resolver, DKIM_DNS_SERVERS, never answers).
 *
 * The key is one row shared by every process: this file sets it, waits for the worker to pick it
 * up (DKIM_REFRESH_MS), and removes it at the end so other files send unsigned as before.
 */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { dkimVerify } from "mailauth/lib/dkim/verify";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { decrypt } from "~/lib/crypto.server";
import { db } from "~/lib/db.server";
import { createBulletin, sendBulletin } from "~/modules/bulletins/bulletins.server";
import { bulletinInputSchema } from "~/modules/bulletins/schema";
import { checkPublishedDkim, DKIM_REFRESH_MS, generateDkimKey, mailAuthOverview, removeDkimKey, type DnsLookup } from "~/modules/mail/dkim.server";
import { dkimTxtValue, domainOf, domainsAlign, publicKeyOfRecord, txtStrings } from "~/modules/mail/dkim";
import { sendTransactionalMail } from "~/modules/mail/mail.server";
import { createSession } from "~/modules/auth/session.server";
import { getSettings } from "~/modules/settings/settings.server";
import { closeQueues } from "../../jobs/queues";
import { audience, waitForStatus } from "../support/bulletins";
import { createUser, fakeRequest } from "../support/factories";
import { waitForMail } from "../support/outbox";

const unique = () => randomUUID().slice(0, 8);
const actor = { userId: null, ip: "test" };

/** A mailauth resolver that knows one TXT record (as the office would publish it). */
function resolverFor(name: string, value: string) {
  return async (domain: string, type: string) => {
    if (type === "TXT" && domain === name) return [txtStrings(value)];
    throw Object.assign(new Error(`queryTxt ENOTFOUND ${domain}`), { code: "ENOTFOUND" });
  };
}

function newPublicKey(): string {
  return generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "der" }).toString("base64");
}

async function published() {
  const overview = await mailAuthOverview({ txt: async () => [], reachable: async () => true });
  expect(overview.records.dkim).not.toBeNull();
  return overview.records.dkim!;
}

/** mailauth's verdict on one raw message, with the published record. */
async function verify(raw: string, record: { name: string; value: string }) {
  const result = await dkimVerify(Buffer.from(raw), { resolver: resolverFor(record.name, record.value) });
  expect(result.results).toHaveLength(1);
  return { ...result.results[0]!, headerFrom: result.headerFrom };
}

afterAll(async () => {
  await removeDkimKey(actor);
  await closeQueues();
});

describe("DKIM signing of outgoing mail", () => {
  let domain: string;
  let selector: string;

  beforeAll(async () => {
    const settings = await getSettings();
    domain = domainOf(settings.transactionalSenderEmail);
    selector = `t${unique()}`;
    await generateDkimKey(actor, { domain, selector });
    // Each process re-reads the key at most this often (the worker sends these messages).
    await new Promise((r) => setTimeout(r, DKIM_REFRESH_MS + 500));
  });

  it("signs a transactional message; it verifies against the published record and its From domain aligns", async () => {
    const user = await createUser({ locale: "es" });
    const sentAt = new Date();
    await sendTransactionalMail({ template: "juryReminder", to: { user: user.id }, locale: "es", data: { name: "Pat", contest: "Concurso", pending: "1", deadline: "mañana", url: "http://localhost:3000/jury/c1" } });
    const message = await waitForMail(user.email, { after: sentAt });
    expect(message.raw).toMatch(/^DKIM-Signature: /m);

    const record = await published();
    expect(record.name).toBe(`${selector}._domainkey.${domain}`);
    const result = await verify(message.raw, record);
    expect(result.status.result).toBe("pass");
    expect(result.signingDomain).toBe(domain);
    expect(result.selector).toBe(selector);
    // DMARC alignment: the signing domain is the domain of the visible From address.
    expect(result.headerFrom).toHaveLength(1);
    expect(domainOf(result.headerFrom[0]!)).toBe(domain);
    expect(result.status.aligned).toBe(domain);

    // The check can fail: another key in DNS, or a message changed in transit.
    expect((await verify(message.raw, { name: record.name, value: dkimTxtValue(newPublicKey()) })).status.result).toBe("fail");
    const tampered = message.raw.replace(/^Subject: .*$/m, "Subject: Cambiado en el camino");
    expect((await verify(tampered, record)).status.result).not.toBe("pass");
  });

  it("signs every message of a bulletin with the same key and domain", async () => {
    const settings = await getSettings();
    expect(domainsAlign(domainOf(settings.bulkSenderEmail), domain)).toBe(true);
    const a = await audience(3, "dkim");
    const input = bulletinInputSchema.parse({ name: `DKIM ${unique()}`, subject: "Hola {{nombre}}", bodyMarkdown: "# Noticias\n\nHola {{nombre}}.", segmentId: a.segmentId });
    const { id } = await createBulletin(actor, input);
    await sendBulletin(actor, id);
    await waitForStatus(id, "SENT");
    const messages = await db.outboxMessage.findMany({ where: { to: { hasSome: a.emails } } });
    expect(messages).toHaveLength(3);
    const record = await published();
    for (const message of messages) {
      const result = await verify(message.raw, record);
      expect(result.status.result).toBe("pass");
      expect(result.signingDomain).toBe(domain);
      expect(domainsAlign(domainOf(result.headerFrom[0]!), result.signingDomain)).toBe(true);
      // RFC 8058: one-click unsubscribe counts only when the signature covers its headers.
      expect(message.raw).toMatch(/^DKIM-Signature:[^]*?h=[^;]*List-Unsubscribe-Post/im);
    }
  });
});

describe("the published-record check", () => {
  const name = "s1._domainkey.example.org";
  const key = newPublicKey();
  const lookup = (txt: DnsLookup["txt"], reachable = true): DnsLookup => ({ txt, reachable: async () => reachable });
  const noSuchName = async (): Promise<string[][]> => {
    throw Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" });
  };

  it("tells a matching, a different, a missing record and an unreachable DNS apart", async () => {
    // A 2048-bit record split in 255-character strings, as resolvers return it.
    expect(await checkPublishedDkim(name, key, lookup(async () => [txtStrings(dkimTxtValue(key))]))).toMatchObject({ state: "match" });
    expect(await checkPublishedDkim(name, key, lookup(async () => [["v=spf1 -all"], txtStrings(dkimTxtValue(newPublicKey()))]))).toMatchObject({ state: "mismatch" });
    expect(await checkPublishedDkim(name, key, lookup(noSuchName))).toEqual({ state: "missing" });
    // "No such name" from a resolver that cannot see the Internet either is no answer at all.
    expect(await checkPublishedDkim(name, key, lookup(noSuchName, false))).toEqual({ state: "unreachable" });
    const refused = async (): Promise<string[][]> => {
      throw Object.assign(new Error("ECONNREFUSED"), { code: "ECONNREFUSED" });
    };
    expect(await checkPublishedDkim(name, key, lookup(refused))).toEqual({ state: "unreachable" });
    // The real resolver pointed at DKIM_DNS_SERVERS, where nothing answers.
    expect(await checkPublishedDkim(name, key)).toEqual({ state: "unreachable" });
    expect(publicKeyOfRecord(`v=DKIM1; k=rsa; p=${key.slice(0, 100)} ${key.slice(100)}`)).toBe(key);
    expect(txtStrings(dkimTxtValue(key)).every((s) => s.length <= 255)).toBe(true);
  });
});

describe("the settings form", () => {
  const baseUrl = () => inject("baseUrl");

  async function adminCookie() {
    const admin = await createUser({ role: "ADMIN" });
    await db.user.update({ where: { id: admin.id }, data: { totpEnabled: true } });
    return { admin, cookie: (await createSession(admin.id, fakeRequest(), { mfaPending: false })).split(";")[0]! };
  }

  async function post(cookie: string, form: Record<string, string>) {
    return fetch(new URL("/admin/settings", baseUrl()), {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: new URL(baseUrl()).origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
  }

  async function page(cookie: string) {
    const res = await fetch(new URL("/admin/settings", baseUrl()), { headers: { cookie } });
    expect(res.status).toBe(200);
    return res.text();
  }

  it("stores a pasted key encrypted, never shows it back, and shows the records to publish and the DNS state", async () => {
    const { admin, cookie } = await adminCookie();
    const domain = `mail-${unique()}.example.org`;
    const selector = `s${unique()}`;
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "der" } });
    const body = pair.privateKey.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
    const publicKey = pair.publicKey.toString("base64");

    // Refusals never echo the pasted text: neither a bad domain nor a key that is not one.
    const badDomain = await post(cookie, { intent: "dkim", domain: "no es un dominio", selector, privateKey: pair.privateKey });
    expect(badDomain.status).toBe(400);
    const badDomainText = await badDomain.text();
    expect(badDomainText).toContain("admin.settings.dkim.errors.domain");
    expect(badDomainText).not.toContain(body.slice(0, 40));
    const notAKey = await post(cookie, { intent: "dkim", domain, selector, privateKey: "-----BEGIN PRIVATE KEY-----\nsecreto-que-no-es-clave\n-----END PRIVATE KEY-----" });
    expect(notAKey.status).toBe(400);
    const notAKeyText = await notAKey.text();
    expect(notAKeyText).toContain("admin.settings.dkim.errors.privateKey");
    expect(notAKeyText).not.toContain("secreto-que-no-es-clave");
    expect(await db.dkimKey.count({ where: { domain } })).toBe(0);

    const saved = await post(cookie, { intent: "dkim", domain, selector, privateKey: pair.privateKey });
    expect(saved.status).toBe(302);
    const row = await db.dkimKey.findUniqueOrThrow({ where: { id: 1 } });
    expect(row).toMatchObject({ domain, selector, updatedById: admin.id });
    expect(row.privateKeyEncrypted).not.toContain(body.slice(0, 40));
    expect(row.privateKeyEncrypted).not.toContain("PRIVATE KEY");
    expect(decrypt(row.privateKeyEncrypted).trim()).toBe(pair.privateKey.trim());
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "dkim.update", actorId: admin.id } });
    expect(JSON.stringify([entry.before, entry.after])).not.toContain(body.slice(0, 40));
    expect(entry.after).toMatchObject({ domain, selector, bits: 2048 });

    const html = await page(cookie);
    for (let i = 0; i + 40 <= body.length; i += 200) expect(html).not.toContain(body.slice(i, i + 40));
    expect(html).toContain(`${selector}._domainkey.${domain}`);
    expect(html).toContain(`v=DKIM1; k=rsa; p=${publicKey}`);
    expect(html).toContain(`_dmarc.${domain}`);
    expect(html).toContain(`v=DMARC1; p=none; adkim=r; aspf=r; rua=mailto:dmarc@${domain}`);
    expect(html).toMatch(/v=spf1 mx (a:[^ ]+ )?~all/);
    expect(html).toContain('data-dns-state="unreachable"');
    expect(html).toContain("No se pudo consultar el DNS desde este servidor");
    // The senders (alcance.test) do not align with this domain, and the page says so.
    expect(html).toContain(`No alineado con ${domain}`);
    // The key field is empty: saving domain and selector alone keeps the stored key.
    expect(html).toMatch(/<textarea[^>]*name="privateKey"[^>]*><\/textarea>/);
    const kept = await post(cookie, { intent: "dkim", domain, selector: `${selector}b`, privateKey: "" });
    expect(kept.status).toBe(302);
    const keptRow = await db.dkimKey.findUniqueOrThrow({ where: { id: 1 } });
    expect(keptRow.selector).toBe(`${selector}b`);
    expect(decrypt(keptRow.privateKeyEncrypted).trim()).toBe(pair.privateKey.trim());

    // A generated pair needs a new selector, then replaces the key.
    const same = await post(cookie, { intent: "dkimGenerate", domain, selector: `${selector}b` });
    expect(same.status).toBe(409);
    expect(await same.text()).toContain("admin.settings.dkim.errors.sameSelector");
    const generated = await post(cookie, { intent: "dkimGenerate", domain, selector: `${selector}c` });
    expect(generated.status).toBe(302);
    const replaced = await db.dkimKey.findUniqueOrThrow({ where: { id: 1 } });
    expect(replaced.selector).toBe(`${selector}c`);
    expect(decrypt(replaced.privateKeyEncrypted)).not.toBe(decrypt(keptRow.privateKeyEncrypted));
    expect(await page(cookie)).not.toContain(`p=${publicKey}`);

    const removed = await post(cookie, { intent: "dkimRemove" });
    expect(removed.status).toBe(302);
    expect(await db.dkimKey.count()).toBe(0);
    const off = await page(cookie);
    expect(off).toContain("Aún no hay clave DKIM");
    expect(off).not.toContain("data-dns-state");
  });
});
