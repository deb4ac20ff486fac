/**
 * DKIM signing of every outgoing message (decision 033). The key comes from DKIM_DOMAIN,
 * DKIM_SELECTOR and DKIM_PRIVATE_KEY when all three are set, otherwise from the DkimKey row that
 * /admin/settings writes (the private key encrypted with APP_KEY, as TOTP secrets are). Both mail
 * transports (transactional and bulk) pass every message through `withDkim`.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { Resolver } from "node:dns/promises";
import type { SendMailOptions } from "nodemailer";
import { decrypt, encrypt } from "~/lib/crypto.server";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { DomainError } from "~/lib/errors";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { getSettings } from "~/modules/settings/index.server";
import {
  dkimRecordName,
  dkimTxtValue,
  dmarcStartingPolicy,
  domainOf,
  domainsAlign,
  publicKeyOfRecord,
  spfHint,
  MAX_KEY_LENGTH,
  txtStrings,
  type DkimDnsState,
} from "./dkim";

export type DkimErrorCode = "privateKey" | "keyTooShort" | "keyRequired" | "fromEnvironment" | "sameSelector";

export class DkimError extends DomainError<DkimErrorCode> {
  constructor(code: DkimErrorCode, field = "_form") {
    // A pasted text that is no usable key is bad input (400); the other refusals are about state (409).
    super({ code, messageKey: `admin.settings.dkim.errors.${code}`, field, status: code === "privateKey" || code === "keyTooShort" ? 400 : undefined });
  }
}

export type DkimConfig = { source: "environment" | "settings"; domain: string; selector: string; privateKey: string };

/** Below this a receiver may ignore the signature (RFC 8301 asks for 1024, Gmail for 2048). */
const MIN_BITS = 1024;
const GENERATED_BITS = 2048;
/** How long a process keeps the key it read: a key saved on the settings page applies within this. */
export const DKIM_REFRESH_MS = 5_000;
const DNS_TIMEOUT_MS = 2_000;

function fromEnvironment(): DkimConfig | null {
  const { DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY } = env();
  if (!DKIM_DOMAIN || !DKIM_SELECTOR || !DKIM_PRIVATE_KEY) return null;
  return { source: "environment", domain: DKIM_DOMAIN.toLowerCase(), selector: DKIM_SELECTOR.toLowerCase(), privateKey: DKIM_PRIVATE_KEY.replace(/\\n/g, "\n") };
}

type Stored = { config: DkimConfig | null; unreadable: boolean };

async function fromSettings(): Promise<Stored> {
  const row = await db.dkimKey.findUnique({ where: { id: 1 } });
  if (!row) return { config: null, unreadable: false };
  try {
    return { config: { source: "settings", domain: row.domain, selector: row.selector, privateKey: decrypt(row.privateKeyEncrypted) }, unreadable: false };
  } catch {
    // APP_KEY changed since the key was saved: sign nothing rather than fail every message.
    return { config: { source: "settings", domain: row.domain, selector: row.selector, privateKey: "" }, unreadable: true };
  }
}

async function loadDkim(): Promise<Stored> {
  const environment = fromEnvironment();
  if (!environment) return fromSettings();
  try {
    rsaKey(environment.privateKey);
    return { config: environment, unreadable: false };
  } catch {
    // A malformed DKIM_PRIVATE_KEY: send unsigned and say so on the settings page.
    return { config: environment, unreadable: true };
  }
}

let cached: { at: number; value: Promise<Stored> } | undefined;

function currentDkim(): Promise<Stored> {
  if (!cached || Date.now() - cached.at > DKIM_REFRESH_MS) {
    const value = loadDkim();
    cached = { at: Date.now(), value };
    // A failed read is not kept: the next message asks again.
    value.catch(() => (cached = undefined));
  }
  return cached.value;
}

/** Forgets the key this process read (after a change here; other processes refresh on their own). */
export function forgetDkimKey(): void {
  cached = undefined;
}

/** The key messages are signed with now, or null when signing is off. */
export async function dkimSigningKey(): Promise<DkimConfig | null> {
  const { config, unreadable } = await currentDkim();
  return config && !unreadable ? config : null;
}

/** The message with nodemailer's `dkim` option when a key is set; unchanged otherwise. */
export async function withDkim<T extends SendMailOptions>(message: T): Promise<T> {
  const key = await dkimSigningKey();
  if (!key) return message;
  return { ...message, dkim: { domainName: key.domain, keySelector: key.selector, privateKey: key.privateKey } };
}

function rsaKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new DkimError("privateKey", "privateKey");
  }
  if (key.asymmetricKeyType !== "rsa") throw new DkimError("privateKey", "privateKey");
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_BITS) throw new DkimError("keyTooShort", "privateKey");
  return key;
}

/** The public half as the base64 DER that goes in the TXT record's p= tag. */
function publicKeyBase64(privateKey: string | KeyObject): string {
  return createPublicKey(privateKey).export({ type: "spki", format: "der" }).toString("base64");
}

/** A short fingerprint of the public key, to tell keys apart on the page and in the audit log. */
function fingerprint(publicKey: string): string {
  return createHash("sha256").update(Buffer.from(publicKey, "base64")).digest("hex").slice(0, 16).replace(/(..)(?!$)/g, "$1:");
}

async function store(actor: AuditActor, action: string, domain: string, selector: string, pem: string): Promise<void> {
  if (fromEnvironment()) throw new DkimError("fromEnvironment");
  const key = rsaKey(pem);
  const pkcs8 = key.export({ type: "pkcs8", format: "pem" }).toString();
  const data = { domain, selector, privateKeyEncrypted: encrypt(pkcs8), updatedById: actor.userId };
  await db.$transaction(async (tx) => {
    await tx.dkimKey.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    // What identifies the key, never the key.
    await audit(actor, { action, entity: "dkimKey", entityId: "1", after: { domain, selector, fingerprint: fingerprint(publicKeyBase64(key)), bits: key.asymmetricKeyDetails?.modulusLength } }, tx);
  });
  forgetDkimKey();
}

/**
 * Saves domain and selector with a pasted key (PEM), or with the stored one when none is pasted
 * (changing only the selector or the domain).
 */
export async function saveDkimKey(actor: AuditActor, input: { domain: string; selector: string; privateKey?: string | null }): Promise<void> {
  let pem = input.privateKey?.trim();
  if (pem && pem.length > MAX_KEY_LENGTH) throw new DkimError("privateKey", "privateKey");
  if (!pem) {
    const stored = await fromSettings();
    if (!stored.config || stored.unreadable) throw new DkimError("keyRequired", "privateKey");
    pem = stored.config.privateKey;
  }
  await store(actor, "dkim.update", input.domain, input.selector, pem);
}

/**
 * A new RSA-2048 key pair under this domain and selector; the page then shows the public half to
 * publish. A replacement needs a new selector: mail signed with the old key keeps verifying while
 * the new record spreads, and the old record can be withdrawn later.
 */
export async function generateDkimKey(actor: AuditActor, input: { domain: string; selector: string }): Promise<void> {
  const current = await db.dkimKey.findUnique({ where: { id: 1 }, select: { domain: true, selector: true } });
  if (current && current.domain === input.domain && current.selector === input.selector) throw new DkimError("sameSelector", "selector");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: GENERATED_BITS, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  await store(actor, "dkim.generate", input.domain, input.selector, privateKey);
}

/** Stops signing (the key set on this page is deleted). */
export async function removeDkimKey(actor: AuditActor): Promise<void> {
  if (fromEnvironment()) throw new DkimError("fromEnvironment");
  await db.$transaction(async (tx) => {
    const { count } = await tx.dkimKey.deleteMany({ where: { id: 1 } });
    if (count) await audit(actor, { action: "dkim.remove", entity: "dkimKey", entityId: "1" }, tx);
  });
  forgetDkimKey();
}

/** How the check asks DNS: the TXT records of a name, and whether the resolver sees the Internet. */
export type DnsLookup = { txt: (name: string) => Promise<string[][]>; reachable: () => Promise<boolean> };

function systemLookup(): DnsLookup {
  const resolver = new Resolver({ timeout: DNS_TIMEOUT_MS, tries: 1 });
  const servers = env().DKIM_DNS_SERVERS?.split(",").map((s) => s.trim()).filter(Boolean);
  if (servers?.length) resolver.setServers(servers);
  return {
    txt: (name) => resolver.resolveTxt(name),
    // Names every working resolver can answer. Some offline networks answer "no such name" to
    // everything; without this a missing record and no DNS at all would look the same.
    reachable: () => Promise.any([resolver.resolveNs("."), resolver.resolveNs("iana.org")]).then(() => true, () => false),
  };
}

/** Answers that mean "the name has no such record" rather than "DNS could not be asked". */
const NO_RECORD = new Set(["ENOTFOUND", "ENODATA"]);

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("DNS timeout"), { code: "ETIMEOUT" })), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Looks up the published DKIM record and compares its key with ours. "unreachable" when no DNS
 * server answered in time, or the resolver cannot see the Internet (this machine may have no
 * network); never throws.
 */
export async function checkPublishedDkim(name: string, publicKey: string, lookup: DnsLookup = systemLookup()): Promise<{ state: DkimDnsState; published?: string }> {
  try {
    const records = await withDeadline(lookup.txt(name), DNS_TIMEOUT_MS + 500);
    const dkim = records.map((strings) => strings.join("")).filter((r) => /^v\s*=\s*DKIM1/i.test(r) || publicKeyOfRecord(r) !== null);
    if (!dkim.length) return { state: "missing" };
    const match = dkim.find((r) => publicKeyOfRecord(r) === publicKey);
    return match ? { state: "match", published: match } : { state: "mismatch", published: dkim[0] };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (!NO_RECORD.has(code)) return { state: "unreachable" };
    const reachable = await withDeadline(lookup.reachable(), DNS_TIMEOUT_MS + 500).catch(() => false);
    return { state: reachable ? "missing" : "unreachable" };
  }
}

function relayHost(): string | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  const host = new URL(url).hostname;
  return ["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) ? null : host;
}

/**
 * What /admin/settings shows: where the key comes from, the records to publish, whether each
 * sender's domain aligns with the DKIM domain and, when there is a key, what DNS says. Never the
 * private key.
 */
export async function mailAuthOverview(lookup?: DnsLookup) {
  const [{ config, unreadable }, settings] = await Promise.all([loadDkim(), getSettings()]);
  const senders = [
    { kind: "bulk" as const, address: settings.bulkSenderEmail },
    { kind: "transactional" as const, address: settings.transactionalSenderEmail },
  ];
  const domain = config?.domain ?? domainOf(settings.bulkSenderEmail);
  const publicKey = config && !unreadable ? publicKeyBase64(config.privateKey) : null;
  const dkimName = config ? dkimRecordName(config.selector, config.domain) : null;
  const dkimValue = publicKey ? dkimTxtValue(publicKey) : null;
  return {
    source: config?.source ?? null,
    unreadable,
    domain,
    selector: config?.selector ?? null,
    fingerprint: publicKey ? fingerprint(publicKey) : null,
    bits: config && !unreadable ? (createPrivateKey(config.privateKey).asymmetricKeyDetails?.modulusLength ?? null) : null,
    senders: senders.map((s) => ({ ...s, aligned: config ? domainsAlign(domainOf(s.address), config.domain) : null })),
    records: {
      dkim: dkimName && dkimValue ? { name: dkimName, value: dkimValue, strings: txtStrings(dkimValue) } : null,
      spf: { name: domain, value: spfHint(relayHost()) },
      dmarc: { name: `_dmarc.${domain}`, value: dmarcStartingPolicy(`dmarc@${domain}`) },
    },
    dns: dkimName && publicKey ? await checkPublishedDkim(dkimName, publicKey, lookup) : null,
  };
}
export type MailAuthOverview = Awaited<ReturnType<typeof mailAuthOverview>>;
