/**
 * TOTP (RFC 6238) over HOTP (RFC 4226): HMAC-SHA-1, 30-second steps, 6 digits by default.
 * Pure functions (no database, no clock of their own) so they can be tested against the RFC's
 * vectors. Secrets travel as RFC 4648 base32 without padding, as authenticator apps expect.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one, for clock drift and typing time. */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = "Alcance";

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(data: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of data) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Accepts lower case, spaces, hyphens and '=' padding (as people copy keys); throws on other characters. */
export function base32Decode(input: string): Buffer {
  const clean = input.replace(/[\s-]/g, "").replace(/=+$/, "").toUpperCase();
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value === -1) throw new Error(`Invalid base32 character: ${char}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Buffer.from(bytes);
}

/** A new random secret: 20 bytes (160 bits, the HMAC-SHA-1 block recommendation of RFC 4226), base32. */
export function generateSecret(bytes = 20): string {
  return base32Encode(randomBytes(bytes));
}

/** A moment: a Date or milliseconds since the epoch (as Date.now()). */
export type Instant = Date | number;

/** The time step (counter) for a moment. */
export function stepAt(time: Instant, period = TOTP_PERIOD_SECONDS): number {
  const ms = typeof time === "number" ? time : time.getTime();
  return Math.floor(ms / 1000 / period);
}

/** HOTP value for a raw key and counter (RFC 4226 §5.3, dynamic truncation). */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** The code for a base32 secret at a moment. */
export function totpAt(secret: string, time: Instant, digits = TOTP_DIGITS, period = TOTP_PERIOD_SECONDS): string {
  return hotp(base32Decode(secret), stepAt(time, period), digits);
}

/** Keeps the digits of what the person typed ("123 456" and "123-456" are fine). */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, "");
}

/**
 * Checks a code against the current step and ±TOTP_WINDOW steps. Returns the matched step, or
 * null when the code is wrong or its step is not after lastStep (a code is never accepted twice,
 * nor one older than a code already used).
 */
export function verifyTotp(
  secret: string,
  code: string,
  now: Instant,
  lastStep: number | null = null,
  options: { digits?: number; window?: number; period?: number } = {},
): number | null {
  const digits = options.digits ?? TOTP_DIGITS;
  const window = options.window ?? TOTP_WINDOW;
  const period = options.period ?? TOTP_PERIOD_SECONDS;
  const typed = normalizeCode(code);
  if (!new RegExp(`^\\d{${digits}}$`).test(typed)) return null;
  let key: Buffer;
  try {
    key = base32Decode(secret);
  } catch {
    return null;
  }
  const current = stepAt(now, period);
  let matched: number | null = null;
  // Check every candidate (no early exit) so the time taken does not reveal which one matched.
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0) continue;
    const expected = Buffer.from(hotp(key, step, digits));
    const fresh = lastStep === null || step > lastStep;
    if (timingSafeEqual(expected, Buffer.from(typed)) && fresh && matched === null) matched = step;
  }
  return matched;
}

/** The otpauth:// URI that authenticator apps read from the QR code (Google Authenticator key URI format). */
export function otpauthUri(issuer: string, account: string, secret: string, options: { digits?: number; period?: number } = {}): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret,
    issuer,
    algorithm: "SHA1",
    digits: String(options.digits ?? TOTP_DIGITS),
    period: String(options.period ?? TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** Groups a secret in fours so it is easier to type by hand. */
export function formatSecret(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}
