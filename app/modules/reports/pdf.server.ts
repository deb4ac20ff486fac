/**
 * PDF: the print view rendered by Chromium (playwright-core). Chromium is found at CHROMIUM_PATH
 * or /usr/bin/chromium; without it the caller answers 503 and offers the print view.
 *
 * One browser per process (a browser costs ~150 MB; one per request made four parallel exports
 * cost ~0.6 GB), launched on first use, launched again after a crash, closed when idle. At most
 * `concurrency` pages render at once; a few more requests wait in a bounded queue, and past it the
 * caller is told at once to come back later (PdfBusyError), so a burst never piles up in memory.
 */
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

const stats = { launches: 0, renders: 0, peakActive: 0 };

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

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

async function renderOnce(html: string, footerTitle: string): Promise<Buffer> {
  const browser = await sharedBrowser();
  // A context per render: no cookies or storage shared between two reports.
  const context = await browser.newContext();
  const render = async () => {
    const page = await context.newPage();
    // The page has no external resources; nothing is fetched.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return page.pdf({
      format: "Letter",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:right;margin-right:2cm;font-family:Arial">${esc(footerTitle)} — página <span class="pageNumber"></span> de <span class="totalPages"></span></div>`,
    });
  };
  try {
    const pdf = await withTimeout(render(), limits.renderTimeoutMs, () => void context.close().catch(() => undefined));
    stats.renders++;
    return pdf;
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** The HTML as a Letter-size PDF with a page-numbered footer, rendered in the shared browser. */
export function htmlToPdf(html: string, footerTitle: string): Promise<Buffer> {
  if (!chromiumPath()) return Promise.reject(new PdfUnavailableError());
  return withPdfSlot(async () => {
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
}
