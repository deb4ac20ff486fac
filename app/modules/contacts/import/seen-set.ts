import { hash } from "node:crypto";

/**
 * The e-mails already met in a file, to tell duplicates within it. Keeps a 96-bit fingerprint
 * (SHA-256, truncated) per e-mail in one open-addressing table of 32-bit words, outside the JS
 * heap: 12 bytes a slot instead of a string and a Set entry (~100 bytes); at most 70 % full and
 * grown by half, a million rows cost ~20 MB. A false "already seen" needs a collision on 96 bits of SHA-256 (~10⁻¹⁷ for a million).
 */
const WORDS = 3;
const B64 = new Int8Array(128).fill(-1);
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach((c, i) => (B64[c.charCodeAt(0)] = i));

export class SeenSet {
  private table: Uint32Array;
  private capacity: number;
  private count = 0;
  private readonly fp = new Uint32Array(WORDS);

  constructor(initialCapacity = 1 << 14) {
    this.capacity = Math.max(16, Math.ceil(initialCapacity));
    this.table = new Uint32Array(this.capacity * WORDS);
  }

  get size(): number {
    return this.count;
  }

  /** Adds the value; true when it was new. */
  add(value: string): boolean {
    this.fingerprint(value);
    if (this.count + 1 > this.capacity * 0.7) this.grow();
    return this.insert(this.fp, this.table, this.capacity);
  }

  private fingerprint(value: string): void {
    // 44 base64 characters hold 256 bits; 5 characters (30 bits) and 2 bits of another per word.
    const b64 = hash("sha256", value, "base64");
    const fp = this.fp;
    for (let w = 0; w < WORDS; w++) {
      let word = 0;
      for (let c = 0; c < 5; c++) word = word * 64 + B64[b64.charCodeAt(w * 5 + c)]!;
      word = word * 4 + (B64[b64.charCodeAt(20 + w)]! & 3);
      fp[w] = word >>> 0;
    }
    if ((fp[0]! | fp[1]! | fp[2]!) === 0) fp[0] = 1; // all-zero marks an empty slot
  }

  private insert(fp: Uint32Array, table: Uint32Array, capacity: number): boolean {
    // Any capacity (it grows by half, not by doubling): the first word scaled to [0, capacity).
    let slot = Math.floor((fp[0]! * capacity) / 4294967296);
    for (;;) {
      const at = slot * WORDS;
      const a = table[at]!;
      const b = table[at + 1]!;
      const c = table[at + 2]!;
      if ((a | b | c) === 0) {
        table[at] = fp[0]!;
        table[at + 1] = fp[1]!;
        table[at + 2] = fp[2]!;
        if (table === this.table) this.count++;
        return true;
      }
      if (a === fp[0] && b === fp[1] && c === fp[2]) return false;
      slot = slot + 1 === capacity ? 0 : slot + 1;
    }
  }

  private grow(): void {
    const old = this.table;
    const capacity = Math.ceil(this.capacity * 1.5);
    const table = new Uint32Array(capacity * WORDS);
    const fp = new Uint32Array(WORDS);
    for (let at = 0; at < old.length; at += WORDS) {
      if ((old[at]! | old[at + 1]! | old[at + 2]!) === 0) continue;
      fp.set(old.subarray(at, at + WORDS));
      this.insert(fp, table, capacity);
    }
    this.table = table;
    this.capacity = capacity;
  }
}
