import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
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

describe("contacts import in Chromium", () => {
  it("uploads a file, reviews the dry run, confirms, watches the progress reach 100 % and finds the contacts listed", async () => {
    const user = await createUser({ role: "COMMUNICATIONS", name: "Citlali Importa" });
    const token = randomUUID().slice(0, 8);
    const emails = [`jose.e2e.${token}@import.example`, `maria.e2e.${token}@import.example`];
    const csv = `correo,nombre,apellidos,país,notas\r\n${emails[0]},José,Peña Núñez,México,"Vino a la feria\r\ncon su familia"\r\n${emails[1]},María,López,Canadá,\r\nsin-arroba,Ana,Ruiz,España,\r\n`;

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
    await page.getByRole("heading", { name: "Hola, Citlali Importa" }).waitFor();

    await page.goto("/contacts/import");
    await page.getByRole("heading", { name: "Importar contactos" }).waitFor();
    await page.getByLabel(/^Base del consentimiento( \*)?$/).fill("Registro en evento con aviso de privacidad v1");
    await page.getByLabel(/^Origen( \*)?$/).fill("Feria de Houston (navegador)");
    await page.getByLabel(/^Archivo( \*)?$/).setInputFiles({ name: "feria.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "Subir y revisar" }).click();

    // The dry run (the job) finishes while the page polls.
    await page.getByRole("heading", { name: "Prueba sin cambios" }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/contacts\/import\/[a-z0-9]+$/);
    const preview = page.getByRole("table").filter({ hasText: emails[0] });
    await expect(preview.getByRole("cell", { name: "Peña Núñez" }).isVisible()).resolves.toBe(true);
    const dryRun = page.getByLabel("Resultado de la prueba");
    await expect(dryRun.locator("[data-count=created] dd").textContent()).resolves.toBe("2");
    await expect(dryRun.locator("[data-count=rejected] dd").textContent()).resolves.toBe("1");
    await expect(page.getByRole("cell", { name: "El correo electrónico no es válido.", exact: true }).isVisible()).resolves.toBe(true);
    expect(await db.contact.count({ where: { email: { in: emails } } })).toBe(0);

    await page.getByRole("button", { name: "Confirmar e importar (2 contactos)" }).click();
    await page.getByRole("heading", { name: "Importación terminada" }).waitFor();
    const progress = page.locator("progress");
    await expect(progress.getAttribute("value")).resolves.toBe("100");
    await expect(page.locator(".import-progress__text").textContent()).resolves.toBe("100 %");
    const done = page.getByLabel("Resultado de la importación");
    await expect(done.locator("[data-count=created] dd").textContent()).resolves.toBe("2");
    await expect(done.locator("[data-count=rejected] dd").textContent()).resolves.toBe("1");
    await expect(page.getByRole("link", { name: "Descargar filas rechazadas (CSV)" }).isVisible()).resolves.toBe(true);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/contacts-import-done.png", fullPage: true });

    // The progress lives in the database: a reload shows the same finished import.
    await page.reload();
    await page.getByRole("heading", { name: "Importación terminada" }).waitFor();

    await page.getByRole("link", { name: "Ver la lista de contactos" }).click();
    await page.waitForURL((url) => url.pathname === "/contacts");
    await page.goto(`/contacts?q=${token}`);
    for (const email of emails) await page.getByRole("cell", { name: email }).waitFor();
    await page.screenshot({ path: "test-results/contacts-import-list.png", fullPage: true });

    const stored = await db.contact.findUniqueOrThrow({ where: { email: emails[0] } });
    expect([stored.familyName, stored.notes, stored.consentStatus]).toEqual(["Peña Núñez", "Vino a la feria\ncon su familia", "CONFIRMED"]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
