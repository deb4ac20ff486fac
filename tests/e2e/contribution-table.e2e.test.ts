/**
 * Issue 17's acceptance in Chromium: a contributor logs in and sees only their area's sections,
 * imports a CSV table into one, submits it; the coordinator reviews it; the exported DOCX holds the
 * table (read back from word/document.xml).
 */
import { randomInt, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
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

async function signIn(email: string) {
  const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX", viewport: { width: 390, height: 844 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return { page, errors, close: () => context.close() };
}

describe("a contributed table, from a contributor's CSV to the DOCX", () => {
  it("imports a CSV into the contributor's own section, submits it, is reviewed, and prints in the DOCX", { timeout: 120_000 }, async () => {
    const month = `${randomInt(1950, 1980)}-${String(randomInt(1, 13)).padStart(2, "0")}`;
    const tag = randomUUID().slice(0, 6);
    const coord = await createUser({ role: "COORDINATOR", name: `Coordina ${tag}` });
    const deoe = await createUser({ role: "COORDINATOR", name: `Área DEOE ${tag}` });
    await db.user.update({ where: { id: deoe.id }, data: { role: "CONTRIBUTOR", ineArea: "DEOE" } });
    // The round gives 2.2 to DEOE and 2.1.2 to DERFE: the contributor must see only theirs.
    await db.reportContribution.createMany({
      data: [
        { month, sectionKey: "deoe", ownerArea: "DEOE", dueOn: new Date(`${month}-28T00:00:00Z`) },
        { month, sectionKey: "registration", ownerArea: "DERFE", dueOn: new Date(`${month}-28T00:00:00Z`) },
      ],
    });

    const a = await signIn(deoe.email);
    await a.page.getByRole("heading", { name: "Mis secciones", level: 1 }).waitFor();
    // Other tests' rounds for DEOE may be listed too: this month's link is the one we want.
    await a.page.locator(`a[href="/contribute/${month}/deoe"]`).waitFor();
    await expect(a.page.locator(`a[href="/contribute/${month}/registration"]`).count()).resolves.toBe(0);
    await expect(a.page.getByText("Actividades registrales").count()).resolves.toBe(0);
    expect((await a.page.goto(`/reports/${month}/sections/registration/extras`))?.status()).toBe(403);
    expect((await a.page.goto(`/reports/${month}/figures.json`))?.status()).toBe(403);

    // Import a CSV (Windows-style, semicolons, Spanish thousands) into 2.2's tables.
    await a.page.goto(`/reports/${month}/sections/deoe/extras`);
    await a.page.getByRole("heading", { name: "Tablas" }).waitFor();
    await a.page.locator("#new-table-title").fill(`Casillas por entidad ${tag}`);
    const csv = Buffer.from("Entidad;Casillas;Observadores\r\nChiapas;1,250;35\r\nJalisco;2,480;196\r\n", "latin1");
    await a.page.locator("#new-table-file").setInputFiles({ name: "casillas.csv", mimeType: "text/csv", buffer: csv });
    await a.page.getByRole("button", { name: "Vista previa" }).click();
    await a.page.getByRole("button", { name: "Guardar tabla" }).click();
    await a.page.getByText(`Casillas por entidad ${tag}`).first().waitFor();
    const table = await db.reportTable.findFirstOrThrow({ where: { month, sectionKey: "deoe" } });
    expect(table.rows).toEqual([
      ["Chiapas", 1250, 35],
      ["Jalisco", 2480, 196],
    ]);
    expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Submit from the section page.
    await a.page.goto(`/contribute/${month}/deoe`);
    await a.page.getByRole("button", { name: "Entregar a la coordinación" }).click();
    await a.page.getByText("Entregaste la sección. La coordinación la revisará.").waitFor();

    // The coordinator reviews it and exports the DOCX.
    const c = await signIn(coord.email);
    await c.page.goto(`/reports/${month}`);
    const item = c.page.locator('#contributions [data-contribution="deoe"]');
    await item.getByText("Entregada").waitFor();
    await item.getByRole("button", { name: "Marcar como revisada" }).click();
    await c.page.getByText("La sección quedó revisada.").waitFor();
    expect((await db.reportContribution.findUniqueOrThrow({ where: { month_sectionKey: { month, sectionKey: "deoe" } } })).state).toBe("REVIEWED");

    const [download] = await Promise.all([c.page.waitForEvent("download"), c.page.getByRole("link", { name: "Descargar DOCX" }).click()]);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync((await download.path())!)))["word/document.xml"]!);
    const text = xml.replace(/<[^>]+>/g, "|");
    expect(text).toContain(`Casillas por entidad ${tag}`);
    for (const cell of ["Entidad", "Casillas", "Chiapas", "1,250", "Jalisco", "2,480", "196"]) expect(text, cell).toContain(`|${cell}|`);
    // A table in the DOCX is a real table: a w:tbl holding the cells.
    expect(xml).toMatch(/<w:tbl>(?:(?!<\/w:tbl>).)*Jalisco/s);

    expect([...a.errors, ...c.errors]).toEqual([]);
    await a.close();
    await c.close();
  });
});
