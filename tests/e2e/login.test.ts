import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser";
import { createUser, TEST_PASSWORD, uniqueIp } from "../support/factories";


let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("in Chromium", () => {
  it("a coordinator logs in, sees the Spanish home, switches to English and logs out", async () => {
    const user = await createUser({ role: "COORDINATOR", name: "Carmen Navegador" });
    const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX" });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(msg.text());
    });

    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Iniciar sesión" }).isVisible()).resolves.toBe(true);
    await page.getByLabel("Correo electrónico").fill(user.email);
    await page.getByLabel("Contraseña").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Entrar" }).click();

    await page.getByRole("heading", { name: "Hola, Carmen Navegador" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("es-MX");
    const nav = page.getByRole("navigation", { name: "Navegación principal" });
    await expect(nav.getByRole("link", { name: "Instituciones" }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole("link", { name: "Administración" }).count()).resolves.toBe(0);

    await page.getByRole("button", { name: "Cambiar el idioma a inglés" }).click();
    await page.getByRole("heading", { name: "Hello, Carmen Navegador" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en-US");
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Institutions" }).isVisible()).resolves.toBe(true);

    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/home-en.png", fullPage: true });

    await page.locator(".user-menu summary").click();
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");

    // The language choice was remembered for the user.
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Hello, Carmen Navegador" }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });

  it("works on a phone-sized screen", async () => {
    const user = await createUser({ role: "COMMUNICATIONS", name: "Celia Teléfono" });
    const context = await browser.newContext({ baseURL: inject("baseUrl"), viewport: { width: 390, height: 844 }, locale: "es-MX", extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto("/login");
    await page.getByLabel("Correo electrónico").fill(user.email);
    await page.getByLabel("Contraseña").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.getByRole("heading", { name: "Hola, Celia Teléfono" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/home-phone.png" });
    await context.close();
  });
});
