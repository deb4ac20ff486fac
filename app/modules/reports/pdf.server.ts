/**
 * PDF: the print view rendered by Chromium (playwright-core). Chromium is found at CHROMIUM_PATH
 * or /usr/bin/chromium; without it the caller answers 503 and offers the print view.
 *
 * One browser per process (a browser costs ~150 MB; one per request made four parallel exports
 * cost ~0.6 GB), launched on first use, launched again after a crash, closed when idle. At most
 * `concurrency` pages render at once; a few more requests wait in a bounded queue, and past it the
 * caller is told at once to come back later (PdfBusyError), so a burst never piles up in memory.
 *
 * Page numbers in the table of contents. Chromium has no `target-counter()`, and print pagination
 * is not visible to scripts in the page, so the numbers are read from a PDF Chromium has made:
 *   1. the page is loaded once and printed to PDF with the contents' page cells empty (each is a
 *      `<span data-toc-target="ID">` of fixed width, so filling it later moves nothing);
 *   2. every contents entry is a link to its heading (`href="#ID"`), and for every link target
 *      Chromium (Skia) writes a named destination in the catalog's /Dests: `/ID [pageRef /XYZ x y 0]`.
 *      `pdfDestinationPages` reads those and the page tree (/Pages → /Kids, in order), giving the
 *      physical page of every heading — the same count as the footer's «Página X de Y» (the cover
 *      is page 1);
 *   3. the numbers are written into the cells of the same loaded page (page.evaluate) and it is
 *      printed again; that PDF's destinations are read once more as a check, and if anything moved
 *      (it should not: the cells' width is reserved) the numbers are written and printed again, at
 *      most MAX_TOC_PASSES prints in all.
 * Limits: it relies on Chromium writing named destinations for same-document links (it does since
 * long ago; were it to stop, no destinations are found and the contents print without numbers
 * rather than with wrong ones); a heading that is not a link target gets no number; numbers are
 * physical pages, never a roman-numbered front matter; a number wider than the reserved cell (four
 * digits) would overflow it. Cost: the page is loaded and laid out once; the second print adds
 * ~0.1 s (measured warm on two cores: 8 pages 0.34 s → 0.46 s, 21 pages 0.46 s → 0.55 s; reading
 * the destinations takes under a millisecond).
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

export class PdfUnavailableError extends Error {
  constructor() {
    super("Chromium is not available");
    this.name = "PdfUnavailableError";
  }
}

/** Too many exports at once (queue full) or a render that took too long: try again shortly. */
export class PdfBusyError extends Error {
  constructor(readonly reason: "queueFull" | "timeout") {
    super(`PDF rendering is busy (${reason})`);
    this.name = "PdfBusyError";
  }
}

export type PdfLimits = {
  /** Pages rendering at the same time in this process. */
  concurrency: number;
  /** Requests waiting for a page; one more is refused at once. */
  queueLimit: number;
  /** One render, from getting a page to the PDF's bytes. */
  renderTimeoutMs: number;
  /** The browser is closed after this long without a render. */
  idleCloseMs: number;
};

// Two pages keep both cores of a small server busy without starving the web process; eight
// waiting at ~1 s a render is under ten seconds of wait.
const DEFAULT_LIMITS: PdfLimits = { concurrency: 2, queueLimit: 8, renderTimeoutMs: 30_000, idleCloseMs: 60_000 };
let limits: PdfLimits = { ...DEFAULT_LIMITS };

/** Changes the limits (tests); without an argument, back to the defaults. */
export function configurePdf(next?: Partial<PdfLimits>) {
  limits = next ? { ...limits, ...next } : { ...DEFAULT_LIMITS };
}

const stats = { launches: 0, renders: 0, peakActive: 0, prints: 0, lastRenderMs: 0, lastPrints: 0, shared: 0, pagesOpened: 0 };

/** What this process has done: browsers launched, PDFs rendered, most pages at once. */
export function pdfStats() {
  return { ...stats, active, waiting: waiters.length, browserOpen: browserPromise !== null };
}

export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  return existsSync(candidate) ? candidate : null;
}

// ── The slots: a semaphore with a bounded queue ─────────────────────────────────────────────────

let active = 0;
const waiters: Array<() => void> = [];

function acquire(): Promise<void> {
  cancelIdleClose();
  if (active < limits.concurrency) {
    active++;
    stats.peakActive = Math.max(stats.peakActive, active);
    return Promise.resolve();
  }
  if (waiters.length >= limits.queueLimit) return Promise.reject(new PdfBusyError("queueFull"));
  return new Promise((resolve) => {
    // The slot passes straight from release() to the waiter: active stays counted.
    waiters.push(resolve);
  });
}

function release() {
  const next = waiters.shift();
  if (next) {
    next();
    return;
  }
  active--;
  if (active === 0) scheduleIdleClose();
}

/** Runs `fn` holding one of the rendering slots (or throws PdfBusyError when the queue is full). */
export async function withPdfSlot<T>(fn: () => Promise<T>): Promise<T> {
  await acquire();
  try {
    return await fn();
  } finally {
    release();
  }
}

// ── The shared browser ──────────────────────────────────────────────────────────────────────────

let browserPromise: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;

function sharedBrowser(): Promise<Browser> {
  if (browserPromise) return browserPromise;
  const executablePath = chromiumPath();
  if (!executablePath) return Promise.reject(new PdfUnavailableError());
  stats.launches++;
  const launching = (async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] }).catch(() => {
      throw new PdfUnavailableError();
    });
    // A crash or a kill: the next render launches a new one.
    browser.on("disconnected", () => {
      if (browserPromise === launching) browserPromise = null;
    });
    return browser;
  })();
  browserPromise = launching;
  launching.catch(() => {
    if (browserPromise === launching) browserPromise = null;
  });
  return launching;
}

function cancelIdleClose() {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
}

function scheduleIdleClose() {
  cancelIdleClose();
  if (!browserPromise) return;
  idleTimer = setTimeout(() => void closePdfBrowser(), limits.idleCloseMs);
  // An idle browser must not keep a finishing process (a CLI, a test worker) alive.
  idleTimer.unref();
}

/** Closes the shared browser (idle, shutdown, tests); the next render launches it again. */
export async function closePdfBrowser(): Promise<void> {
  cancelIdleClose();
  // The warm pages go with their browser.
  idlePages.length = 0;
  const current = browserPromise;
  browserPromise = null;
  if (!current) return;
  const browser = await current.catch(() => null);
  await browser?.close().catch(() => undefined);
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new PdfBusyError("timeout"));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Prints of one document at most: the first (to measure), the one with the numbers, one correction. */
export const MAX_TOC_PASSES = 3;

// ── Reading a PDF Chromium wrote: the page of every named destination ──────────────────────────

/** "obj number" → the text of that object (dictionary part; streams are not read). */
function pdfObjectReader(pdf: string): (num: number) => string | null {
  const offsets = new Map<number, number>();
  // The classic cross-reference table Skia writes: "xref\n0 N\n0000000015 00000 n \n…".
  const xref = pdf.lastIndexOf("\nxref");
  if (xref >= 0) {
    const lines = pdf.slice(xref + 1, pdf.indexOf("trailer", xref)).split(/\r?\n/);
    let num = 0;
    for (const line of lines.slice(1)) {
      const head = /^(\d+) (\d+)$/.exec(line.trim());
      if (head) {
        num = Number(head[1]);
        continue;
      }
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
      if (entry) {
        if (entry[3] === "n") offsets.set(num, Number(entry[1]));
        num++;
      }
    }
  }
  return (num) => {
    let at = offsets.get(num);
    if (at === undefined || !pdf.startsWith(`${num} 0 obj`, at)) {
      const found = new RegExp(`(?:^|[\\r\\n])${num} 0 obj\\b`).exec(pdf);
      if (!found) return null;
      at = found.index;
    }
    const end = pdf.indexOf("endobj", at);
    const stream = pdf.indexOf("stream", at);
    return pdf.slice(at, stream >= 0 && stream < end ? stream : end);
  };
}

const ref = (text: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(text);
  return m ? Number(m[1]) : null;
};

/** A PDF name as written ("#2D" escapes) back to its text. */
const pdfName = (name: string) => name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The 1-based page of every named destination of a PDF Chromium printed (the targets of the
 * document's own links), and its page count. Empty when the PDF has no destinations.
 */
export function pdfDestinationPages(bytes: Uint8Array): { pages: Map<string, number>; pageCount: number } {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const read = pdfObjectReader(pdf);
  const trailer = pdf.slice(pdf.lastIndexOf("trailer"));
  const rootNum = ref(trailer, "Root");
  const catalog = rootNum === null ? null : read(rootNum);
  const pagesNum = catalog ? ref(catalog, "Pages") : null;
  // The page tree in order: the leaves are the pages.
  const order = new Map<number, number>();
  const walk = (num: number, depth: number) => {
    const node = read(num);
    if (!node || depth > 32) return;
    if (/\/Type\s*\/Pages\b/.test(node)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? "";
      for (const m of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(m[1]), depth + 1);
    } else if (!order.has(num)) order.set(num, order.size + 1);
  };
  if (pagesNum !== null) walk(pagesNum, 0);
  const pages = new Map<string, number>();
  const destsNum = catalog ? ref(catalog, "Dests") : null;
  const dests = destsNum !== null ? read(destsNum) : catalog ? (/\/Dests\s*(<<[\s\S]*?>>)/.exec(catalog)?.[1] ?? null) : null;
  if (dests) {
    for (const m of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
      const page = order.get(Number(m[2]));
      if (page) pages.set(pdfName(m[1]!), page);
    }
  }
  return { pages, pageCount: order.size };
}

// ── Rendering ───────────────────────────────────────────────────────────────────────────────────

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<Browser["newContext"]>>["newPage"]>>;

/** Writes the pages into the contents' cells; how many cells changed. */
function fillContents(page: PdfPage, pages: Map<string, number>): Promise<number> {
  return page.evaluate((entries) => {
    const found = new Map(entries);
    let changed = 0;
    for (const cell of Array.from(document.querySelectorAll<HTMLElement>("[data-toc-target]"))) {
      const value = String(found.get(cell.dataset.tocTarget ?? "") ?? "");
      if (cell.textContent !== value) {
        cell.textContent = value;
        changed++;
      }
    }
    return changed;
  }, [...pages]);
}

async function printWithContents(page: PdfPage, print: () => Promise<Buffer>): Promise<{ pdf: Buffer; prints: number }> {
  let pdf = await print();
  let prints = 1;
  const cells = await page.evaluate(() => document.querySelectorAll("[data-toc-target]").length);
  if (cells === 0) return { pdf, prints };
  while (prints < MAX_TOC_PASSES) {
    const { pages } = pdfDestinationPages(pdf);
    // No destinations at all: this Chromium did not write them; print no numbers rather than wrong ones.
    if (pages.size === 0) break;
    if ((await fillContents(page, pages)) === 0) break;
    pdf = await print();
    prints++;
  }
  return { pdf, prints };
}

// ── Warm pages ──────────────────────────────────────────────────────────────────────────────────
//
// A new context and page cost 0.2–0.4 s of a 0.8 s render (a renderer process starts), more than
// the two prints together. A page is kept for the next render instead (one per slot at most). Two
// reports never share anything through it: the print HTML has no scripts, every request is aborted,
// and setContent replaces the whole document; a page that failed or timed out is closed, not kept.

const idlePages: PdfPage[] = [];

async function takePage(browser: Browser): Promise<PdfPage> {
  for (let page = idlePages.pop(); page; page = idlePages.pop()) {
    if (!page.isClosed() && page.context().browser() === browser) return page;
    await page.context().close().catch(() => undefined);
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  // The page has no external resources; nothing is fetched.
  await page.route("**/*", (route) => route.abort());
  stats.pagesOpened++;
  return page;
}

function keepPage(page: PdfPage) {
  if (idlePages.length < limits.concurrency && !page.isClosed()) idlePages.push(page);
  else void page.context().close().catch(() => undefined);
}

async function renderOnce(html: string, footerTitle: string): Promise<Buffer> {
  const browser = await sharedBrowser();
  const page = await takePage(browser);
  const render = async () => {
    const started = Date.now();
    await page.setContent(html, { waitUntil: "load" });
    const print = () =>
      page.pdf({
        format: "Letter",
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: `<div style="font-size:8px;width:100%;display:flex;justify-content:space-between;gap:12px;margin:0 2.2cm;font-family:Arial,'Liberation Sans',sans-serif;color:#444"><span>${esc(footerTitle)}</span><span style="white-space:nowrap">Página <span class="pageNumber"></span> de <span class="totalPages"></span></span></div>`,
      });
    const { pdf, prints } = await printWithContents(page, print);
    stats.prints += prints;
    stats.lastPrints = prints;
    stats.lastRenderMs = Date.now() - started;
    return pdf;
  };
  let kept = false;
  try {
    const pdf = await withTimeout(render(), limits.renderTimeoutMs, () => void page.context().close().catch(() => undefined));
    stats.renders++;
    keepPage(page);
    kept = true;
    return pdf;
  } finally {
    if (!kept) await page.context().close().catch(() => undefined);
  }
}

// The same document asked for while it is rendering: one render, its bytes to every caller.
const rendering = new Map<string, Promise<Buffer>>();

/**
 * The HTML as a Letter-size PDF with a page-numbered footer, rendered in the shared browser.
 * A request for the same HTML and footer as a render already under way (four people exporting the
 * same month at once) waits for that render instead of queueing one more; only a render that got
 * its slot at once is joined, so the queue's bound still holds for everything else.
 */
export function htmlToPdf(html: string, footerTitle: string): Promise<Buffer> {
  if (!chromiumPath()) return Promise.reject(new PdfUnavailableError());
  const key = createHash("sha256").update(footerTitle).update("\u0000").update(html).digest("hex");
  const same = rendering.get(key);
  if (same) {
    stats.shared++;
    return same;
  }
  const startsNow = active < limits.concurrency;
  const work = withPdfSlot(async () => {
    try {
      return await renderOnce(html, footerTitle);
    } catch (error) {
      if (error instanceof PdfUnavailableError || error instanceof PdfBusyError) throw error;
      // The browser died under this render (crashed, killed): once more on a fresh one.
      const current = await browserPromise?.catch(() => null);
      if (current?.isConnected()) throw error;
      browserPromise = null;
      return renderOnce(html, footerTitle);
    }
  });
  if (startsNow) {
    rendering.set(key, work);
    const forget = () => {
      if (rendering.get(key) === work) rendering.delete(key);
    };
    work.then(forget, forget);
  }
  return work;
}
