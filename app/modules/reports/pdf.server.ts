/**
 * PDF: the print view rendered by Chromium (playwright-core). Chromium is found at CHROMIUM_PATH
 * or /usr/bin/chromium; without it the caller answers 503 and offers the print view.
 */
import { existsSync } from "node:fs";

export class PdfUnavailableError extends Error {
  constructor() {
    super("Chromium is not available");
    this.name = "PdfUnavailableError";
  }
}

export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  return existsSync(candidate) ? candidate : null;
}

export async function htmlToPdf(html: string, footerTitle: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new PdfUnavailableError();
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] }).catch(() => {
    throw new PdfUnavailableError();
  });
  try {
    const page = await browser.newPage();
    // The page has no external resources; nothing is fetched.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    return await page.pdf({
      format: "Letter",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:right;margin-right:2cm;font-family:Arial">${esc(footerTitle)} — página <span class="pageNumber"></span> de <span class="totalPages"></span></div>`,
    });
  } finally {
    await browser.close();
  }
}
