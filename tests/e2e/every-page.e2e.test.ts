/**
 * Every page of every role at a phone's width (390 × 844) and a laptop's (1366 × 900): no page is
 * wider than the screen (document width ≤ viewport), none answers 500. Each page is kept as a
 * full-page screenshot in test-results/screens/<role>/<page>-<width>.jpg (CI keeps test-results/).
 * All failures are gathered and reported at once, each with the element that sticks out.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { uniqueIp } from "../support/factories";
import { createWalkFixture, pagesFor, type WalkFixture, type WalkPage, type WalkRole } from "../support/page-walk";

/** Every Spanish catalogue key, plural suffixes folded: what a raw key on screen would look like. */
const CATALOGUE_KEYS = new Set(
  readdirSync("app/i18n/es")
    .filter((name) => name.endsWith(".json"))
    .flatMap((name) => Object.keys(JSON.parse(readFileSync(`app/i18n/es/${name}`, "utf8")) as Record<string, string>))
    .map((key) => key.replace(/_(?:zero|one|two|few|many|other)$/, "")),
);

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
] as const;
const ROLES: WalkRole[] = ["ADMIN", "COORDINATOR", "COMMUNICATIONS", "JUROR", "CONTRIBUTOR", "ANONYMOUS", "APPLICANT"];
const CONCURRENCY = 4;
const CHUNK = 20;
const SHOTS = "test-results/screens";

let browser: Browser;
let fx: WalkFixture;

beforeAll(async () => {
  [browser, fx] = await Promise.all([launchChromium(), createWalkFixture()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

type Overflow = { scrollWidth: number; innerWidth: number; culprits: string[] };

/**
 * In the page: how wide the document is, and the elements that stick out past the right edge
 * (not counting those inside a box that scrolls or clips sideways, which do not widen the page):
 * the widest one, and the narrowest one (usually the element to fix).
 */
function measure(): Overflow {
  const innerWidth = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  const clipped = (el: Element): boolean => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === "auto" || x === "scroll" || x === "hidden" || x === "clip") return true;
    }
    return false;
  };
  const describeEl = (el: Element, rect: DOMRect) => {
    const cls = typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls}> ${Math.round(rect.width)} px wide, right edge ${Math.round(rect.right)} px${text ? ` «${text}»` : ""}`;
  };
  const out: Array<{ el: Element; rect: DOMRect }> = [];
  if (scrollWidth > innerWidth) {
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      // Text that runs out of its box (a long e-mail in a paragraph) counts by where it ends.
      const right = Math.max(box.right, box.left + (getComputedStyle(el).overflowX === "visible" ? el.scrollWidth : 0));
      if (box.width === 0 || right <= innerWidth + 0.5 || clipped(el)) continue;
      out.push({ el, rect: new DOMRect(box.left, box.top, right - box.left, box.height) });
    }
  }
  const byWidth = [...out].sort((a, b) => b.rect.width - a.rect.width);
  const picks = [byWidth[0], byWidth[byWidth.length - 1]].filter((x, i, all): x is { el: Element; rect: DOMRect } => !!x && all.indexOf(x) === i);
  return { scrollWidth, innerWidth, culprits: picks.map((p) => describeEl(p.el, p.rect)) };
}

/**
 * A full-page JPEG straight from Chromium (one capture, no scrolling and no resizing of the
 * viewport as page.screenshot does): a third of the time on a two-core machine.
 */
async function screenshot(page: Page, file: string) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { cssContentSize } = await cdp.send("Page.getLayoutMetrics");
    const clip = { x: 0, y: 0, width: Math.ceil(cssContentSize.width), height: Math.min(Math.ceil(cssContentSize.height), 16_000), scale: 1 };
    const { data } = await cdp.send("Page.captureScreenshot", { format: "jpeg", quality: 60, captureBeyondViewport: true, optimizeForSpeed: true, clip });
    await writeFile(file, Buffer.from(data, "base64"));
  } finally {
    await cdp.detach();
  }
}

/**
 * One load per page and role: measured at each width in turn (the viewport resized, as a window
 * is; the layout follows the media queries without a reload), which halves the walk's page loads.
 */
async function visit(page: Page, role: WalkRole, target: WalkPage, failures: string[]) {
  const where = (width: number) => `${role} ${width}px ${target.url}`;
  try {
    await page.setViewportSize(VIEWPORTS[0]);
    const response = await page.goto(target.url, { waitUntil: "load" });
    const status = response?.status() ?? 0;
    if (status >= 500) failures.push(`${where(VIEWPORTS[0].width)}: status ${status}`);
    for (const viewport of VIEWPORTS) {
      if (viewport !== VIEWPORTS[0]) await page.setViewportSize(viewport);
      const result = await page.evaluate(measure);
      if (result.scrollWidth > result.innerWidth) {
        failures.push(`${where(viewport.width)}: document ${result.scrollWidth} px wide in a ${result.innerWidth} px viewport; ${result.culprits.join("; ")}`);
      }
      await screenshot(page, `${SHOTS}/${role.toLowerCase()}/${target.slug}-${viewport.width}.jpg`);
    }
    // A translation key on screen is a label the page's area did not receive (decision 028).
    // Codes shown as codes (an audit action «contest.submission.create», JSON in <pre>) are data, not labels.
    const text = await page.evaluate(() => {
      const parts: string[] = [document.title];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest("code, pre, .code-inline, script, style, [hidden]")) continue;
        parts.push(node.textContent ?? "");
      }
      return parts.join("\n");
    });
    const raw = [...new Set(text.match(/\b[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9_]+)+\b/g) ?? [])].filter((token) => CATALOGUE_KEYS.has(token));
    if (raw.length > 0) failures.push(`${where(VIEWPORTS[1].width)}: raw translation keys on screen: ${raw.slice(0, 5).join(", ")}`);
  } catch (error) {
    failures.push(`${where(page.viewportSize()?.width ?? 0)}: ${(error as Error).message.split("\n")[0]}`);
  }
}

describe("every page at 390 and 1366 px", () => {
  it("fits the screen (no horizontal scroll) and never answers 500, for every role", { timeout: 600_000 }, async () => {
    const baseURL = inject("baseUrl");
    // The page list comes from app/routes: a walk that finds almost nothing is a broken walk.
    expect(pagesFor("ADMIN", fx).length).toBeGreaterThan(70);
    // PAGE_WALK_ONLY=/contacts,/partners narrows a local run to some areas (CI walks everything).
    const only = (process.env.PAGE_WALK_ONLY ?? "").split(",").filter(Boolean);
    const wanted = (target: WalkPage) => only.length === 0 || only.some((prefix) => target.url.startsWith(prefix));
    // Each role's pages in chunks (one browser context each), so the longest list does not run alone at the end.
    const runs = ROLES.flatMap((role) => {
      const pages = pagesFor(role, fx).filter(wanted);
      return Array.from({ length: Math.ceil(pages.length / CHUNK) }, (_, i) => ({ role, pages: pages.slice(i * CHUNK, (i + 1) * CHUNK) }));
    });
    const total = runs.reduce((n, r) => n + r.pages.length, 0) * VIEWPORTS.length;
    for (const role of ROLES) mkdirSync(`${SHOTS}/${role.toLowerCase()}`, { recursive: true });

    const failures: string[] = [];
    let next = 0;
    const started = Date.now();
    async function worker() {
      while (next < runs.length) {
        const { role, pages } = runs[next++]!;
        const context = await browser.newContext({ baseURL, viewport: VIEWPORTS[0], locale: "es-MX", timezoneId: "America/Mexico_City", extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
        if (role !== "ANONYMOUS") {
          const [name = "", value = ""] = (role === "APPLICANT" ? fx.applicantSession : fx.sessions[role]).split(/=(.*)/s);
          await context.addCookies([{ name, value, url: baseURL }]);
        }
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        for (const target of pages) await visit(page, role, target, failures);
        await context.close();
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    console.log(`[every-page] ${total} page visits in ${Math.round((Date.now() - started) / 1000)} s; ${failures.length} failed`);
    expect(failures.sort(), failures.sort().join("\n")).toEqual([]);
  });
});
