import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { db } from "~/lib/db.server";
import { createEvent } from "~/modules/events/event.server";
import { eventFormSchema } from "~/modules/events/schema";
import { createLocation, createMaterial } from "~/modules/materials/catalogue.server";
import { materialFormSchema } from "~/modules/materials/schema";
import { createUser, TEST_PASSWORD, uniqueIp } from "../support/factories";
import { pick } from "../support/picker";


let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

describe("materials in Chromium", () => {
  it("receives stock, ships it to an event, records the hand-out, and sees the stock and the event's figures change", async () => {
    const tag = randomUUID().slice(0, 6);
    const user = await createUser({ role: "COORDINATOR", name: "Carmen Coordina" });
    const actor = { userId: user.id, ip: "127.0.0.1" };
    const material = await createMaterial(actor, materialFormSchema.parse({ code: `E2E-${tag}`, name: `Díptico EUA ${tag}`, kind: "LEAFLET", audience: "USA", active: "on" }));
    const warehouse = await createLocation(actor, { name: `Bodega ${tag}`, kind: "WAREHOUSE", partnerId: null, country: "MX", state: null, city: "Ciudad de México", active: true });
    const event = await createEvent(
      actor,
      eventFormSchema.parse({ name: `Feria ${tag}`, kind: "COMMUNITY_FESTIVAL", status: "HELD", timeZone: "America/Chicago", startsLocal: "2017-11-19T10:00", endsLocal: "2017-11-19T20:00", country: "US", state: "Texas", city: "Fort Worth" }),
    );

    const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX" });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = collectErrors(page);
    await page.goto("/login");
    await page.getByLabel("Correo electrónico").fill(user.email);
    await page.getByLabel("Contraseña").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.getByRole("heading", { name: "Hola, Carmen Coordina" }).waitFor();

    // ── Receive 5,000 from the printer into the warehouse.
    await page.goto(`/materials/${material.id}`);
    await page.getByRole("heading", { name: material.name, level: 1 }).waitFor();
    const receipt = page.locator("details", { hasText: "Recepción de imprenta" });
    await receipt.locator("summary").click();
    await pick(receipt, "Hacia", `Bodega ${tag}`);
    await receipt.getByLabel("Cantidad").fill("5,000");
    await receipt.getByLabel("Proveedor (imprenta)").fill("Talleres Gráficos de México");
    await receipt.getByLabel("Orden de compra o folio").fill(`OC-${tag}`);
    await receipt.getByRole("button", { name: "Registrar recepción" }).click();
    await page.getByText("Recepción registrada.").waitFor();
    await expect(page.locator(`[data-testid="levels"] tr[data-location="Bodega ${tag}"] td.num`).textContent()).resolves.toBe("5,000");

    // ── Ship 3,000 to the event: request, ship, receive.
    await page.goto(`/events/${event.id}`);
    await page.getByRole("link", { name: "Pedir materiales para este evento" }).click();
    await page.getByRole("heading", { name: "Nuevo envío" }).waitFor();
    await pick(page, "Origen", `Bodega ${tag}`);
    await expect(page.locator('input[type="hidden"][name="fromLocationId"]').inputValue()).resolves.toBe(warehouse.id);
    // The event asked for is already chosen: its name shown, its id posted.
    await expect(page.getByRole("combobox", { name: "Evento", exact: true }).inputValue()).resolves.toContain(event.name);
    await expect(page.locator('input[type="hidden"][name="eventId"]').inputValue()).resolves.toBe(event.id);
    await pick(page, "Material, renglón 1", material.name);
    await page.getByLabel("Cantidad, renglón 1").fill("3000");
    await page.getByRole("button", { name: "Solicitar envío" }).click();
    await page.getByText("Envío solicitado.").waitFor();
    await page.getByLabel("Paquetería").fill("DHL");
    await page.getByLabel("Número de guía").fill(`DHL-${tag}`);
    await page.getByRole("button", { name: "Despachar (sale de bodega)" }).click();
    await page.getByText("Envío despachado").waitFor();
    await page.getByRole("button", { name: "Registrar recepción" }).click();
    await page.getByText("Envío recibido").waitFor();
    const shipmentUrl = page.url();

    // The packing list prints on one page.
    await page.goto(`${new URL(shipmentUrl).pathname}/packing`);
    await page.getByRole("heading", { name: /Lista de empaque — envío n\.º \d+/ }).waitFor();
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".mt-tabs").isVisible()).resolves.toBe(false);
    const pdf = await page.pdf({ format: "Letter", preferCSSPageSize: true });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await page.emulateMedia({ media: "screen" });

    // ── Record the hand-out on the event's outcomes form.
    await page.goto(`/events/${event.id}/outcomes`);
    await pick(page, "Material, renglón 1", material.name);
    await page.getByLabel("Cantidad, renglón 1").fill("2,500");
    await page.getByRole("button", { name: "Guardar resultados" }).click();
    await page.getByRole("heading", { name: event.name, level: 1 }).waitFor();
    await expect(page.locator('[data-figure="handedOut"] dd').textContent()).resolves.toBe("2,500");
    const row = page.locator(`[data-testid="event-materials"] tr[data-material="${material.code}"]`);
    await expect(row.locator('[data-col="requested"]').textContent()).resolves.toBe("3,000");
    await expect(row.locator('[data-col="arrived"]').textContent()).resolves.toBe("3,000");
    await expect(row.locator('[data-col="handedOut"]').textContent()).resolves.toBe("2,500");
    await expect(row.locator('[data-col="onHand"]').textContent()).resolves.toBe("500");
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/materials-event.png", fullPage: true });

    // ── The material's stock per location followed every step.
    await page.goto(`/materials/${material.id}`);
    const level = (name: string) => page.locator(`[data-testid="levels"] tr[data-location="${name}"] td.num`).textContent();
    await expect(level(`Bodega ${tag}`)).resolves.toBe("2,000");
    await expect(level(event.name)).resolves.toBe("500");
    await expect(level("Entregado al público")).resolves.toBe("2,500");
    await page.screenshot({ path: "test-results/materials-stock.png", fullPage: true });

    expect(await db.stockMovement.count({ where: { materialId: material.id } })).toBe(4);
    expect(errors).toEqual([]);
    await context.close();
    // A long walk through the real server in Chromium: 30 s is tight on a loaded 2-core machine.
  }, 60_000);
});
