/**
 * A shared activity and a meeting on the institution pages, in Chromium at 390 px wide, WITHOUT
 * JavaScript: the institutions are picked in the search boxes (a native datalist), the activity
 * shows on each institution's page once naming the others, the meeting links to its page, removing
 * the shared activity asks first; no page scrolls sideways. With JavaScript, one more search box
 * can be added.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { db } from "~/lib/db.server";
import { createPartner } from "~/modules/partners/partner.server";
import { partnerFormSchema } from "~/modules/partners/schema";
import { createUser, TEST_PASSWORD, uniqueIp } from "../support/factories";
import { pick } from "../support/picker";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

describe("shared activities and meetings in Chromium at 390 px", () => {
  it("records an activity with three institutions without JavaScript and shows it on each page, with the meeting", async () => {
    const t = randomUUID().slice(0, 8);
    const user = await createUser({ role: "COORDINATOR", name: `Vinculación ${t}` });
    const actor = { userId: user.id, ip: "127.0.0.1" };
    const make = (name: string, kind: string, acronym?: string) => createPartner(actor, partnerFormSchema.parse({ name, kind, acronym }));
    const chiapas = await make(`Instituto de Elecciones y Participación Ciudadana de Chiapas ${t}`, "LOCAL_ELECTORAL_BODY", `IEPC${t}`);
    const jalisco = await make(`Instituto Electoral y de Participación Ciudadana del Estado de Jalisco ${t}`, "LOCAL_ELECTORAL_BODY", `IEPCJ${t}`);
    const yucatan = await make(`Instituto Electoral y de Participación Ciudadana de Yucatán ${t}`, "LOCAL_ELECTORAL_BODY", `IEPAC${t}`);
    const meeting = await db.meeting.create({
      data: {
        kind: "WORKING_MEETING",
        heldOn: new Date("2017-11-29T00:00:00Z"),
        subject: `Quinta Reunión de Trabajo con los OPL ${t}`,
        format: "ONLINE",
        reportPart: "SECRETARIAT",
        participants: { create: [{ partnerId: chiapas.id }, { partnerId: jalisco.id }, { partnerId: yucatan.id }, { ineArea: "UTVOPL" }] },
      },
    });

    const context = await browser.newContext({
      baseURL: inject("baseUrl"),
      extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
      locale: "es-MX",
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, user.email);

    await page.goto(`/partners/${chiapas.id}`);
    await page.getByRole("link", { name: "Nueva reunión" }).waitFor();
    expect(await page.getByRole("link", { name: "Nueva reunión" }).getAttribute("href")).toBe(`/meetings/new?partner=${chiapas.id}`);
    expect(await page.getByRole("link", { name: `Quinta Reunión de Trabajo con los OPL ${t}` }).getAttribute("href")).toBe(`/meetings/${meeting.id}`);
    await page.getByText("Registrar actividad").click();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.locator("#activity-occurredOn").fill("2017-11-16");
    await page.locator("#activity-kind").selectOption("OTHER");
    await page.locator("#activity-summary").fill(`Materiales para la Aplicación móvil ${t}`);
    await page.locator("#activity-itemsDistributed").fill("700");
    // The report part's automatic choice says what it will be for this institution.
    expect(await page.locator("#activity-reportPart option").first().textContent()).toBe("Según las instituciones (Secretaría Técnica de la CVMRE)");
    await page.locator("#activity-partnerNames-0").fill(jalisco.name);
    await page.locator("#activity-partnerNames-1").fill(`iepac${t}`);
    await page.getByRole("button", { name: "Guardar actividad" }).click();
    await page.getByText("Actividad registrada.").waitFor();
    const activity = await db.partnerActivity.findFirstOrThrow({ where: { summary: `Materiales para la Aplicación móvil ${t}` }, include: { institutions: true } });
    expect(activity.institutions.map((i) => i.partnerId).sort()).toEqual([chiapas.id, jalisco.id, yucatan.id].sort());
    expect(activity.reportPart).toBe("SECRETARIAT");

    // On Yucatán's page: once, naming the other two; the meeting once; nothing scrolls sideways.
    await page.goto(`/partners/${yucatan.id}`);
    const entries = page.locator('ol.partner-timeline > li[data-kind="activity"]');
    expect(await entries.count()).toBe(1);
    expect(await entries.first().locator(".shared-with").textContent()).toBe(`Compartida con otras 2 instituciones: IEPC${t}, IEPCJ${t}`);
    expect(await page.locator('ol.partner-timeline > li[data-kind="meeting"]').count()).toBe(1);
    await entries.first().getByText("Corregir actividad").click();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/partners-shared-390.png", fullPage: true });

    // Removing it asks first, naming the three; only Yucatán leaves.
    await entries.first().getByRole("button", { name: "Eliminar actividad…" }).click();
    await page.getByText("Esta actividad la comparten 3 instituciones.").waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/partners-shared-remove-390.png", fullPage: true });
    await page.getByRole("button", { name: `Quitar solo a IEPAC${t}` }).click();
    await page.getByText("Esta institución ya no figura en la actividad; las demás la conservan.").waitFor();
    expect(await page.locator('ol.partner-timeline > li[data-kind="activity"]').count()).toBe(0);
    await page.goto(`/partners/${jalisco.id}`);
    expect(await page.locator('ol.partner-timeline > li[data-kind="activity"] .shared-with').textContent()).toBe(`Compartida con otra institución: IEPC${t}`);

    await page.goto("/partners/figures?month=2017-11");
    await page.getByRole("heading", { name: "Por parte del informe" }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.goto("/follow-ups");
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await context.close();

    // With JavaScript, one more search box on demand.
    const withJs = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX", viewport: { width: 390, height: 844 } });
    const js = await withJs.newPage();
    js.setDefaultTimeout(15_000);
    await signIn(js, user.email);
    await js.goto(`/partners/${chiapas.id}`);
    await js.getByText("Registrar actividad").click();
    const boxes = js.locator('.partner-add input[name="partnerNames"]');
    expect(await boxes.count()).toBe(3);
    await js.locator(".partner-add").getByRole("button", { name: "Añadir otra institución" }).click();
    await js.locator("#activity-partnerNames-3").waitFor();
    // Each box searches (/partners/options): the acronym finds Jalisco, whose id the form posts.
    await pick(js.locator(".partner-add"), "Otra institución (1)", `iepcj${t}`, jalisco.name);
    expect(await js.locator('.partner-add input[type="hidden"][name="partnerNames"]').first().inputValue()).toBe(jalisco.id);
    expect(await js.getByRole("combobox", { name: "Otra institución (1)" }).inputValue()).toBe(`${jalisco.name} (IEPCJ${t})`);
    expect(await overflow(js)).toBeLessThanOrEqual(0);
    await withJs.close();
    // A long walk through the real server in Chromium: 30 s is tight on a loaded 2-core machine.
  }, 60_000);
});
