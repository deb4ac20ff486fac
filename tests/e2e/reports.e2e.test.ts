import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUser, TEST_PASSWORD, uniqueIp } from "../support/factories";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("the monthly report in Chromium", () => {
  it("opens the November 2017 report, edits a narrative and exports the DOCX", async () => {
    const user = await createUser({ role: "COORDINATOR", name: "Carla Coordina" });
    const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX", acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto("/login");
    await page.getByLabel("Correo electrónico").fill(user.email);
    await page.getByLabel("Contraseña").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.getByRole("heading", { name: "Hola, Carla Coordina" }).waitFor();
    // The home dashboard draws its charts with their numbers beside them.
    await page.getByRole("heading", { name: "Vinculación" }).waitFor();

    await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Informes" }).click();
    await page.getByRole("heading", { name: "Informes mensuales de avances" }).waitFor();
    await page.getByLabel("Mes del informe").fill("2017-11");
    await page.getByRole("button", { name: "Abrir informe" }).click();
    await page.getByRole("heading", { name: "Informe de avances — Noviembre de 2017" }).waitFor();
    // The source document's structure: 2.1.4 with its parts, 2.2 DEOE waiting for its text.
    await expect(page.getByRole("heading", { name: /2\.1\.4\.?\s+Oficina de Vinculación Electoral/ }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: "Vinculación con la comunidad en el extranjero" }).isVisible()).resolves.toBe(true);

    const text = `Se emitieron observaciones a los Lineamientos del voto postal (${randomUUID().slice(0, 8)}).`;
    const editor = page.locator("details.narrative-editor").filter({ hasText: "Redactar texto de la sección: 2.2 Dirección Ejecutiva de Organización Electoral (DEOE)" });
    await editor.locator("summary").click();
    await editor.getByLabel("Texto de la sección").fill(text);
    await editor.getByRole("button", { name: "Guardar texto" }).click();
    await page.getByText("Texto de la sección guardado.").waitFor();
    await page.locator("article.report-doc p", { hasText: text }).waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Descargar DOCX" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^informe-avances-2017-11-v\d+\.docx$/);
    const path = await download.path();
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(path)))["word/document.xml"]!);
    const docText = xml.replace(/<[^>]+>/g, "");
    expect(docText).toContain("Informe de avances del Voto de los Mexicanos Residentes en el Extranjero");
    expect(docText).toContain("2.2. Dirección Ejecutiva de Organización Electoral (DEOE)");
    expect(docText).toContain("Vinculación con la comunidad en el extranjero");
    expect(docText).toContain(text);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
