/**
 * «Se informa en» in Chromium on a phone (390 px): the select follows kind and country while the
 * user has not chosen, keeps the user's choice once chosen, and the event page, the list and the
 * materials figures page (with the partner-reported table) fit the screen.
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
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function fits(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, what).toBeLessThanOrEqual(390);
}

describe("report part on a phone", () => {
  it("follows kind and country until chosen, saves, and every page fits 390 px", async () => {
    const user = await createUser({ role: "COORDINATOR", name: "Rita Reporta" });
    const tag = randomUUID().slice(0, 6);
    const partner = await db.partner.create({ data: { name: `Universidad del Valle de Atemajac ${tag}`, kind: "UNIVERSITY", country: "MX" } });
    await db.partnerActivity.create({ data: { partnerId: partner.id, occurredOn: new Date("2198-07-12"), kind: "MATERIALS_DELIVERED", summary: `Entrega de folletos en la feria universitaria ${tag}`, itemsDistributed: 1250 } });

    const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto("/login");
    await page.getByLabel("Correo electrónico").fill(user.email);
    await page.getByLabel("Contraseña").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.getByRole("heading", { name: "Hola, Rita Reporta" }).waitFor();

    await page.goto("/events/new");
    await page.getByRole("heading", { name: "Nuevo evento" }).waitFor();
    await fits(page, "/events/new");
    const part = page.getByLabel("Se informa en", { exact: true });
    expect(await part.inputValue()).toBe("INSTITUTIONAL");
    const name = `Feria ${tag}`;
    await page.getByLabel("Nombre *", { exact: true }).fill(name);
    await page.getByLabel("Tipo *", { exact: true }).selectOption("FORUM");
    await page.getByLabel("Estado *", { exact: true }).selectOption("PLANNED");
    await page.getByLabel("Zona horaria del evento *", { exact: true }).selectOption("America/Mexico_City");
    await page.getByLabel("Inicio *", { exact: true }).fill("2198-07-19T10:00");
    await page.getByLabel("Fin *", { exact: true }).fill("2198-07-19T14:00");
    await page.getByLabel("País", { exact: true }).selectOption("US");
    await expect.poll(() => part.inputValue()).toBe("COMMUNITY_ABROAD");
    await page.getByLabel("País", { exact: true }).selectOption("MX");
    await page.getByLabel("Sede", { exact: true }).fill("Campus Zapopan");
    await page.getByLabel(new RegExp(`Universidad del Valle de Atemajac ${tag}`)).check();
    await expect.poll(() => part.inputValue()).toBe("EDUCATIONAL");
    // Chosen by hand: it stays, whatever else changes.
    await part.selectOption("INSTITUTIONAL");
    await page.getByLabel("Tipo *", { exact: true }).selectOption("OPERATION");
    expect(await part.inputValue()).toBe("INSTITUTIONAL");
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/event-form-390.png", fullPage: true });
    await page.getByRole("button", { name: "Crear evento" }).click();
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    const event = await db.event.findFirstOrThrow({ where: { name } });
    expect(event.reportPart).toBe("INSTITUTIONAL");
    await expect(page.getByTestId("report-part").textContent()).resolves.toContain("Vinculación institucional");
    await fits(page, "event page");
    await page.screenshot({ path: "test-results/event-page-390.png", fullPage: true });

    await page.goto(`/events?reportPart=INSTITUTIONAL&q=${encodeURIComponent(name)}`);
    await page.getByRole("link", { name, exact: true }).waitFor();
    await fits(page, "/events");

    await page.goto("/materials/figures?month=2198-07");
    await page.getByRole("heading", { name: "Reportado por la institución" }).waitFor();
    await expect(page.getByTestId("partner-reported").textContent()).resolves.toContain("1,250");
    await fits(page, "/materials/figures");
    await page.screenshot({ path: "test-results/materials-figures-390.png", fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
