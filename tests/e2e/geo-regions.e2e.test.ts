/**
 * Issue 15, "Done when": a spreadsheet with country names in Spanish and English is imported, and
 * every row is then found through the country filter of /contacts and through a segment.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "~/lib/db.server";
import { launchChromium } from "../support/browser";
import { createUser, TEST_PASSWORD, uniqueIp } from "../support/factories";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The e-mails the list shows, sorted. */
async function listedEmails(page: Page): Promise<string[]> {
  const cells = await page.locator("td.email").allTextContents();
  return cells.map((c) => c.trim()).sort();
}

describe("countries in Chromium", () => {
  it("imports names in Spanish and English, warns about an unknown one, and finds every row by country and by segment", async () => {
    const user = await createUser({ role: "COMMUNICATIONS", name: "Citlali Países" });
    const tag = `paises${randomUUID().slice(0, 8)}`;
    const rows: Array<[country: string, state: string]> = [
      ["Estados Unidos", "Texas"],
      ["EE. UU.", "TX"],
      ["USA", "California"],
      ["United States", ""],
      ["España", "Andalucía"],
      ["Spain", ""],
      ["Narnia", ""],
    ];
    const emails = rows.map((_, i) => `pais-${i}-${tag}@regions-e2e.example`);
    const csv = ["correo,nombre,país,estado,etiquetas", ...rows.map(([country, state], i) => `${emails[i]},Persona ${i},${country},${state},${tag}`)].join("\r\n") + "\r\n";
    const us = emails.slice(0, 4).sort();
    const es = emails.slice(4, 6).sort();

    const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX" });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(msg.text());
    });

    await page.goto("/login");
    await page.getByLabel("Correo electrónico").fill(user.email);
    await page.getByLabel("Contraseña").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.getByRole("heading", { name: "Hola, Citlali Países" }).waitFor();

    await page.goto("/contacts/import");
    await page.getByLabel(/^Base del consentimiento( \*)?$/).fill("Registro en evento con aviso de privacidad v1");
    await page.getByLabel(/^Origen( \*)?$/).fill("Feria binacional (navegador)");
    await page.getByLabel(/^Archivo( \*)?$/).setInputFiles({ name: "paises.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "Subir y revisar" }).click();

    // The dry run names the unknown country with its line; the preview shows names, not codes.
    await page.getByRole("heading", { name: "Prueba sin cambios" }).waitFor();
    await page.getByRole("heading", { name: "Valores sin reconocer (1)" }).waitFor();
    const warning = page.getByRole("row").filter({ hasText: "«Narnia»" });
    await expect(warning.getByRole("cell").first().textContent()).resolves.toBe("8");
    const preview = page.getByRole("table").filter({ hasText: emails[1]! });
    await expect(preview.getByRole("row").filter({ hasText: emails[1]! }).getByRole("cell", { name: "Estados Unidos", exact: true }).isVisible()).resolves.toBe(true);

    await page.getByRole("button", { name: "Confirmar e importar (7 contactos)" }).click();
    await page.getByRole("heading", { name: "Importación terminada" }).waitFor();

    // The country filter of the list finds everyone from the United States, whatever the file said.
    // Once the page is interactive (hydration would put the select back to its default).
    await page.goto(`/contacts?tag=${tag}`, { waitUntil: "networkidle" });
    await page.getByLabel("País", { exact: true }).selectOption({ label: "Estados Unidos" });
    await page.getByRole("button", { name: "Aplicar" }).click();
    await page.waitForURL((url) => url.searchParams.get("country") === "US");
    await page.getByRole("cell", { name: emails[0]! }).waitFor();
    expect(await listedEmails(page)).toEqual(us);
    await expect(page.getByRole("row").filter({ hasText: emails[1]! }).textContent()).resolves.toContain("Texas");

    await page.getByLabel("País", { exact: true }).selectOption({ label: "España" });
    await page.getByRole("button", { name: "Aplicar" }).click();
    await page.waitForURL((url) => url.searchParams.get("country") === "ES");
    await page.getByRole("cell", { name: emails[4]! }).waitFor();
    expect(await listedEmails(page)).toEqual(es);

    // A segment saved from that view (bulletins send to segments) holds the same people.
    const segmentName = `España ${tag}`;
    await page.getByLabel("Guardar como segmento").fill(segmentName);
    await page.getByRole("button", { name: "Guardar segmento" }).click();
    await page.waitForURL((url) => url.pathname === "/contacts/segments");
    await page.getByRole("link", { name: segmentName }).click();
    // The segment opens as its filter: the country by its code.
    await page.waitForURL((url) => url.pathname === "/contacts" && url.searchParams.get("country") === "ES" && url.searchParams.get("tag") === tag);
    await page.getByRole("cell", { name: emails[4]! }).waitFor();
    expect(await listedEmails(page)).toEqual(es);

    // The contact page names the country and the state; the unknown country is in the notes.
    const texan = await db.contact.findUniqueOrThrow({ where: { email: emails[1]! } });
    expect([texan.country, texan.state]).toEqual(["US", "US-TX"]);
    await page.goto(`/contacts/${texan.id}`);
    const details = page.locator("dl.cd-details");
    await expect(details.locator("dt:has-text('País') + dd").textContent()).resolves.toBe("Estados Unidos");
    await expect(details.locator("dt:has-text('Estado') + dd").first().textContent()).resolves.toBe("Texas");
    const narnia = await db.contact.findUniqueOrThrow({ where: { email: emails[6]! } });
    expect([narnia.country, narnia.notes]).toEqual([null, "País sin reconocer: «Narnia»"]);

    expect(errors).toEqual([]);
    await context.close();
  });
});
