/**
 * DKIM, SPF and DMARC, client-safe part (decision 033): the settings form's schema and the pure
 * rules that turn a public key and a domain into the DNS records an office publishes.
 */
import { z } from "zod";

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const SELECTOR = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A PEM RSA-4096 key is about 3,300 characters. */
export const MAX_KEY_LENGTH = 20_000;

const domainField = z.string().trim().toLowerCase().regex(HOSTNAME, "admin.settings.dkim.errors.domain");
const selectorField = z.string().trim().toLowerCase().regex(SELECTOR, "admin.settings.dkim.errors.selector");

/** The domain that signs (d=) and the selector (s=) naming the key under it. */
export const dkimDomainSchema = z.object({ domain: domainField, selector: selectorField });

/**
 * The settings form: domain and selector with a pasted private key (PEM) or, left empty, the key
 * already stored. The server reads the key outside this schema so no reply ever echoes it.
 */
export const dkimKeySchema = dkimDomainSchema.extend({
  privateKey: z
    .string()
    .trim()
    .max(MAX_KEY_LENGTH, "admin.settings.dkim.errors.privateKey")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type DkimKeyInput = z.infer<typeof dkimKeySchema>;

/** Removing the key set on the page: nothing to fill in. */
export const dkimRemoveSchema = z.object({});

/** The TXT record's value for an RSA public key (base64 DER, SubjectPublicKeyInfo). */
export function dkimTxtValue(publicKeyBase64: string): string {
  return `v=DKIM1; k=rsa; p=${publicKeyBase64}`;
}

/** The name the record is published under. */
export function dkimRecordName(selector: string, domain: string): string {
  return `${selector}._domainkey.${domain}`;
}

/**
 * A TXT value as the quoted strings of a zone file: one string holds at most 255 bytes, and a
 * 2048-bit key does not fit in one (resolvers join the strings back).
 */
export function txtStrings(value: string, size = 255): string[] {
  const parts: string[] = [];
  for (let i = 0; i < value.length; i += size) parts.push(value.slice(i, i + size));
  return parts;
}

/** The `p=` of a DKIM TXT record, whitespace removed; null when the record has none. */
export function publicKeyOfRecord(record: string): string | null {
  const tag = record
    .split(";")
    .map((part) => part.trim())
    .find((part) => /^p\s*=/.test(part));
  return tag ? tag.replace(/^p\s*=/, "").replace(/\s+/g, "") : null;
}

/** The domain part of an address, lower-case. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * DMARC relaxed alignment, approximated without the public-suffix list: the From domain and the
 * DKIM domain are equal or one is a subdomain of the other (news.example.org and example.org).
 */
export function domainsAlign(fromDomain: string, dkimDomain: string): boolean {
  const a = fromDomain.toLowerCase();
  const b = dkimDomain.toLowerCase();
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/** A DMARC policy to start with: report only (p=none), relaxed alignment, reports to `rua`. */
export function dmarcStartingPolicy(reportAddress: string): string {
  return `v=DMARC1; p=none; adkim=r; aspf=r; rua=mailto:${reportAddress}`;
}

/** An SPF record allowing the relay host (or the domain's MX when the relay is local). */
export function spfHint(relayHost: string | null): string {
  return relayHost ? `v=spf1 mx a:${relayHost} ~all` : "v=spf1 mx ~all";
}

export type DkimDnsState = "match" | "mismatch" | "missing" | "unreachable";
