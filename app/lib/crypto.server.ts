import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "./env.server";

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(value: string | Buffer): string {
  return createHash("sha256").update(value).digest("hex");
}

/** HMAC keyed by APP_KEY, with a purpose label so one key serves several uses safely. */
export function appHmac(purpose: string, value: string): string {
  return createHmac("sha256", env().appKey).update(`${purpose}\u0000${value}`).digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

function encryptionKey(): Buffer {
  return createHash("sha256").update(`alcance-encryption\u0000${env().appKey}`).digest();
}

/** AES-256-GCM with a key derived from APP_KEY; output is iv.tag.ciphertext in base64url. */
export function encrypt(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".");
}

export function decrypt(sealed: string): string {
  const [iv, tag, data] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !data) throw new Error("Malformed sealed value");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}

/**
 * A compact signed token for links sent to contacts (unsubscribe, double opt-in): the payload is
 * a purpose-scoped id and an expiry, not personal data, and the token is its own credential.
 * Format: base64url(id) "." expiry in epoch seconds (base 36) "." HMAC truncated to 128 bits.
 */
export function signToken(purpose: string, id: string | number, expiresAt: Date): string {
  const body = `${Buffer.from(String(id)).toString("base64url")}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}`;
  return `${body}.${appHmac(`token:${purpose}`, body).slice(0, 22)}`;
}

/** The id inside a token signed for this purpose, or null if it is malformed, tampered or expired. */
export function verifyToken(purpose: string, token: string, now = new Date()): string | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [idPart, expiryPart, mac] = parts as [string, string, string];
  const body = `${idPart}.${expiryPart}`;
  if (!safeEqual(mac, appHmac(`token:${purpose}`, body).slice(0, 22))) return null;
  const expiresAt = parseInt(expiryPart, 36) * 1000;
  if (!Number.isFinite(expiresAt) || expiresAt < now.getTime()) return null;
  const id = Buffer.from(idPart, "base64url").toString("utf8");
  return id.length > 0 ? id : null;
}
