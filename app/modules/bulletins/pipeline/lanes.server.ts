/** The worker's sending lanes, shared by the chunk jobs it runs at once (see index.server.ts). */

// ── Lanes ───────────────────────────────────────────────────────────────────────────────────────

/**
 * BULLETIN_CONCURRENCY lanes per process, whatever the number of chunk jobs running in it. A
 * chunk's slot holds a lane from its first claim until its last outcome is committed, so the
 * process never has more than one accepted-but-unrecorded message per lane (the crash bound),
 * while the next chunk — already fetched, its ids already read — takes each lane the moment the
 * draining chunk lets it go, instead of after the whole chunk, its closing queries and the next
 * job's fetch and setup.
 */
export class Lanes {
  private free: number;
  private readonly waiting: Array<() => void> = [];
  private busySince = new Map<number, number>();
  private nextTicket = 0;
  /** Lane-milliseconds spent held, and milliseconds with every lane free (for BULLETIN_TIMINGS). */
  busyMs = 0;
  private idleSince = performance.now();
  private idleMs = 0;

  constructor(readonly size: number) {
    this.free = size;
  }

  async acquire(): Promise<() => void> {
    if (this.free > 0) {
      if (this.free === this.size) this.idleMs += performance.now() - this.idleSince;
      this.free -= 1;
    } else await new Promise<void>((resolve) => this.waiting.push(resolve));
    const ticket = this.nextTicket++;
    this.busySince.set(ticket, performance.now());
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.busyMs += performance.now() - (this.busySince.get(ticket) ?? performance.now());
      this.busySince.delete(ticket);
      const next = this.waiting.shift();
      if (next) next();
      else if (++this.free === this.size) this.idleSince = performance.now();
    };
  }

  /** Milliseconds so far with every lane free (the current stretch included). */
  get allIdleMs(): number {
    return this.idleMs + (this.free === this.size ? performance.now() - this.idleSince : 0);
  }
}

let lanes: Lanes | undefined;

/** The process's lanes; the size is the SMTP pool's, fixed for the process's life. */
export function processLanes(size: number): Lanes {
  return (lanes ??= new Lanes(size));
}
