/**
 * Decision 028: the browser holds only the current page's namespaces, so a client-side navigation
 * into another area must bring that area's messages with it (no raw "partners.list.title" on
 * screen); an error page keeps the app shell; auth page titles follow the language.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { createUser, TEST_PASSWORD, uniqueIp } from "../support/factories";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const RAW_KEY = /\b[a-z][a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+\b/g;

async function rawKeys(page: Page): Promise<string[]> {
  const text = await page.locator("body").innerText();
  return (text.match(RAW_KEY) ?? []).filter((m) => !m.includes("alcance.test"));
}

describe("messages per route in Chromium", () => {
  it("navigates across areas without raw keys, keeps the shell on a 404 and translates titles", async () => {
    const user = await createUser({ role: "COORDINATOR", name: "Nora Namespaces" });
    const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX" });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const warnings: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error" || msg.text().includes("[i18n]")) warnings.push(msg.text());
    });

    await page.goto("/login");
    expect(await page.title()).toBe("Iniciar sesión — Alcance");
    await page.getByLabel("Correo electrónico").fill(user.email);
    await page.getByLabel("Contraseña").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.getByRole("heading", { name: "Hola, Nora Namespaces" }).waitFor();
    // Only this language is on the page, not the other one.
    expect(await page.content()).not.toContain("Main navigation");

    const nav = page.getByRole("navigation", { name: "Navegación principal" });
    for (const [name, path] of [["Instituciones", "/partners"], ["Eventos", "/events"], ["Materiales", "/materials"], ["Inicio", "/"]] as const) {
      await nav.getByRole("link", { name, exact: true }).click();
      await page.waitForURL((url) => url.pathname === path);
      await page.locator("main h1").first().waitFor();
      expect(await rawKeys(page), name).toEqual([]);
    }

    await page.goto("/partners/999999999");
    expect(await page.locator(".error-page__code").innerText()).toBe("404");
    await expect(page.getByRole("navigation", { name: "Navegación principal" }).isVisible()).resolves.toBe(true);
    expect(await rawKeys(page)).toEqual([]);

    expect(warnings.filter((w) => w.includes("[i18n]"))).toEqual([]);
    await context.close();
  });
});
