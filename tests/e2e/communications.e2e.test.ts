/**
 * The communications pages in a real browser at 390 px, in Spanish and in English: the month's
 * figures with a typed account month and the microsite's top ten chosen by name, the accounts, the
 * media log and a note's two-step delete. Nothing scrolls sideways.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { db } from "~/lib/db.server";
import { createUser, TEST_PASSWORD, uniqueIp } from "../support/factories";

let browser: Browser;
beforeAll(async () => {
  mkdirSync("test-results", { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(locale: "es" | "en") {
  const user = await createUser({ role: "COMMUNICATIONS", locale, name: "Citlali" });
  const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: locale === "es" ? "es-MX" : "en-US", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto("/login");
  await page.locator("input[name=email]").fill(user.email);
  await page.locator("input[name=password]").fill(TEST_PASSWORD);
  await page.locator("form:has(input[name=password]) button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return { page, context };
}

const fits = async (page: Page) => {
  const wide = await page.evaluate(() => [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 390).slice(0, 5).map((e) => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().right)}`));
  expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join(" | ")).toBeLessThanOrEqual(390);
};

describe("communications at 390 px", () => {
  it("types an account's month, picks the microsite's top countries by name, logs and deletes a note (es)", async () => {
    const t = randomUUID().slice(0, 8);
    const month = "1995-11";
    const account = await db.socialAccount.create({ data: { network: "TWITTER", ownerArea: "VMRE_OFFICE", handle: `@VotoExtranjero${t}` } });
    const { page, context } = await open("es");

    await page.goto(`/communications/months/${month}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await fits(page);
    await page.locator(`#account-${account.id} summary`).click();
    await page.locator(`#acc-${account.id}-TYPED-posts`).fill("72");
    await page.locator(`#acc-${account.id}-TYPED-shares`).fill("586");
    await page.locator(`#acc-${account.id}-TYPED-followers`).fill("9,350");
    await page.locator(`#account-${account.id}`).getByRole("button", { name: "Guardar" }).click();
    await page.locator(`#figures-${account.id}`).waitFor();
    await expect(page.locator(`#figures-${account.id}`).textContent()).resolves.toContain("9,350");

    await page.locator("#microsite-visits").fill("241,061");
    await page.locator("#microsite-countries").fill("125");
    await page.locator("#microsite-top-0").selectOption({ label: "Estados Unidos" });
    await page.locator("#microsite-top-1").selectOption({ label: "Bolivia" });
    await page.locator("#microsite").getByRole("button", { name: "Guardar" }).click();
    await page.getByText("Primeros lugares: Estados Unidos, Bolivia.").waitFor();
    await fits(page);
    await page.screenshot({ path: "test-results/communications-month-390.png", fullPage: true });

    await page.goto("/communications/accounts");
    await fits(page);
    await page.goto(`/communications/media/new?month=${month}`);
    await page.locator("#media-outlet").fill(`Reforma ${t}`);
    await page.locator("#media-medium").selectOption("PRINT");
    await page.getByRole("button", { name: "Registrar nota" }).click();
    await page.getByRole("link", { name: `Reforma ${t}` }).click();
    await fits(page);
    await page.getByRole("button", { name: "Eliminar nota" }).click();
    await page.getByRole("heading", { name: "¿Eliminar esta nota?" }).waitFor();
    await fits(page);
    await page.getByRole("button", { name: "Sí, eliminar" }).click();
    await page.getByText("Nota eliminada.").waitFor();
    expect(await db.mediaNote.count({ where: { outlet: `Reforma ${t}` } })).toBe(0);
    await context.close();
  });

  it("shows the month and the media log in English", async () => {
    const { page, context } = await open("en");
    await page.goto("/communications/months/1995-11");
    await page.getByRole("heading", { name: /Communications — / }).waitFor();
    await fits(page);
    await page.goto("/communications/media?month=1995-11");
    await page.getByRole("heading", { name: "Media monitoring" }).waitFor();
    await fits(page);
    await page.screenshot({ path: "test-results/communications-media-390-en.png", fullPage: true });
    await context.close();
  });
});
