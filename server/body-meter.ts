/**
 * Counts a request body on the stream itself, whatever its headers declare: bytes, and for
 * multipart the boundary delimiters (one per part). Remix reads the meter, never the socket, so a
 * body past the limit is never buffered whole.
 */
import { Transform, type TransformCallback } from "node:stream";

export type MeterLimits = { maxBytes: number; boundary?: string; maxParts?: number };
export type Overflow = "bytes" | "parts";

export class BodyTooLarge extends Error {
  constructor(readonly overflow: Overflow) {
    super(`request body refused: too many ${overflow}`);
  }
}

export class BodyMeter extends Transform {
  bytes = 0;
  delimiters = 0;
  private readonly delimiter: Buffer | null;
  // The end of what came before, so a delimiter split across two chunks is still counted.
  private tail: Buffer;
  private overflowed = false;

  constructor(
    private readonly limits: MeterLimits,
    private readonly onOverflow: (overflow: Overflow) => void,
  ) {
    super();
    this.delimiter = limits.boundary ? Buffer.from(`\r\n--${limits.boundary}`) : null;
    // RFC 2046: the first delimiter may open the body without the CRLF before it.
    this.tail = Buffer.from("\r\n");
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    if (this.overflowed) return callback();
    this.bytes += chunk.length;
    if (this.bytes > this.limits.maxBytes) return this.overflow("bytes", callback);
    if (this.delimiter) {
      this.delimiters += this.countDelimiters(chunk);
      // n parts take n + 1 delimiters (the last one closes the body).
      if (this.delimiters > (this.limits.maxParts ?? Infinity) + 1) return this.overflow("parts", callback);
    }
    callback(null, chunk);
  }

  private countDelimiters(chunk: Buffer): number {
    const delimiter = this.delimiter!;
    let count = 0;
    // Delimiters that start in the tail and end in this chunk.
    const seam = Buffer.concat([this.tail, chunk.subarray(0, delimiter.length - 1)]);
    for (let at = seam.indexOf(delimiter); at !== -1 && at < this.tail.length; at = seam.indexOf(delimiter, at + 1)) count++;
    for (let at = chunk.indexOf(delimiter); at !== -1; at = chunk.indexOf(delimiter, at + delimiter.length)) count++;
    const keep = delimiter.length - 1;
    this.tail = chunk.length >= keep ? Buffer.from(chunk.subarray(chunk.length - keep)) : Buffer.concat([this.tail, chunk]).subarray(-keep);
    return count;
  }

  private overflow(overflow: Overflow, callback: TransformCallback) {
    this.overflowed = true;
    callback();
    this.onOverflow(overflow);
  }
}
