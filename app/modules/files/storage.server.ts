import { DomainError } from "~/lib/errors";
import { createHash } from "node:crypto";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { KIND_GROUPS, MIME_BY_KIND, sniffKind, type FileKind } from "./sniff";

export type StoredFileRef = { sha256: string; size: number; mimeType: string; kind: FileKind };

/**
 * Where blobs live. PostgreSQL by default, so every web instance sees every upload and backups
 * include them; an S3-compatible driver can implement the same three methods.
 */
export interface BlobStore {
  put(sha256: string, bytes: Uint8Array, mimeType: string): Promise<void>;
  get(sha256: string): Promise<{ bytes: Uint8Array; mimeType: string; size: number } | null>;
  has(sha256: string): Promise<boolean>;
}

export class PostgresBlobStore implements BlobStore {
  async put(sha256: string, bytes: Uint8Array, mimeType: string) {
    // Content-addressed: the same bytes stored twice are one row.
    await db.storedFile.upsert({
      where: { sha256 },
      create: { sha256, size: bytes.byteLength, mimeType, data: Buffer.from(bytes) },
      update: {},
    });
  }
  async get(sha256: string) {
    const row = await db.storedFile.findUnique({ where: { sha256 } });
    return row ? { bytes: new Uint8Array(row.data), mimeType: row.mimeType, size: row.size } : null;
  }
  async has(sha256: string) {
    return (await db.storedFile.count({ where: { sha256 } })) > 0;
  }
}

let store: BlobStore = new PostgresBlobStore();

export function blobStore(): BlobStore {
  return store;
}

/** For tests and future drivers. */
export function setBlobStore(next: BlobStore) {
  store = next;
}

export type UploadError = "empty" | "tooLarge" | "typeNotAllowed";

export class UploadRejected extends DomainError<UploadError> {
  constructor(reason: UploadError, messageKey = `files.errors.${reason}`) {
    super({ code: reason, messageKey, status: 400 });
  }
  get reason(): UploadError {
    return this.code;
  }
}

/** Validates by content and size, then stores. Throws UploadRejected with a translation key. */
export async function storeUpload(
  bytes: Uint8Array,
  allowed: FileKind[] = KIND_GROUPS.document,
  maxBytes = env().UPLOAD_MAX_BYTES,
): Promise<StoredFileRef> {
  if (bytes.byteLength === 0) throw new UploadRejected("empty");
  if (bytes.byteLength > maxBytes) throw new UploadRejected("tooLarge");
  const kind = sniffKind(bytes);
  if (!kind || !allowed.includes(kind)) throw new UploadRejected("typeNotAllowed");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const mimeType = MIME_BY_KIND[kind];
  await blobStore().put(sha256, bytes, mimeType);
  return { sha256, size: bytes.byteLength, mimeType, kind };
}

export async function readFile(sha256: string) {
  if (!/^[a-f0-9]{64}$/.test(sha256)) return null;
  return blobStore().get(sha256);
}

const SERVABLE = new Set(Object.values(MIME_BY_KIND));

/**
 * Headers for serving a stored file: its sniffed type only (never one that runs in the browser),
 * no sniffing, a sandboxing CSP, and a download unless it is an image.
 */
export function fileResponseHeaders(file: { mimeType: string; size: number }, filename: string, inline = false): Headers {
  const type = SERVABLE.has(file.mimeType) ? file.mimeType : "application/octet-stream";
  const safeName = filename.normalize("NFC").replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 150) || "archivo";
  // A header value must be bytes: the plain `filename` is an ASCII fallback (accents dropped),
  // `filename*` carries the real name. Any other letter in a header would make the answer a 500.
  const asciiName = safeName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9._ -]/g, "_") || "archivo";
  const disposition = inline && type.startsWith("image/") ? "inline" : "attachment";
  return new Headers({
    "Content-Type": type,
    "Content-Length": String(file.size),
    "Content-Disposition": `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(safeName)}`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, max-age=31536000, immutable",
  });
}
