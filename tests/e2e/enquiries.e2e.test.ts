/**
 * Citizen enquiries in Chromium at 390 px: the coordinator imports a month's file (review, confirm),
 * sees the figures, replaces it after the two-step confirmation; an English reader sees the same
 * month in English; the contest page's enquiries section. No page scrolls sideways.
 */
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

async function login(locale: "es" | "en") {
  const user = await createUser({ role: "COORDINATOR", locale });
  const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: locale === "es" ? "es-MX" : "en-US", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return { page, errors, user };
}

const noSideScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

const CSV = ["Fecha;Canal;País;Estado;Tema", "01/01/2093;Teléfono;Estados Unidos;California;Credencialización en el extranjero", "02/01/2093;Vía telefónica;USA;TX;Registro", "03/01/2093;Correo electrónico;Alemania;;Voto postal", "04/01/2093;Fax;USA;CA;Registro", ""].join("\r\n");

describe("citizen enquiries in Chromium", () => {
  it("imports a month at 390 px in Spanish, then shows it in English", async () => {
    const month = "2093-01";
    await db.enquiryImport.deleteMany({ where: { month } });
    mkdirSync("test-results", { recursive: true });
    const { page, errors } = await login("es");
    await page.goto(`/enquiries/${month}`);
    await page.getByRole("heading", { name: /Consultas de enero de 2093/ }).waitFor();
    await noSideScroll(page);
    await page.locator("#enq-file").setInputFiles({ name: "enero.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "latin1") });
    await page.getByRole("button", { name: "Revisar archivo" }).click();
    await page.getByText("3 consultas se importarían; 1 filas se rechazan.").waitFor();
    await page.getByText("Canal desconocido").first().waitFor();
    await noSideScroll(page);
    await page.screenshot({ path: "test-results/enquiries-review-390.png", fullPage: true });
    await page.getByRole("button", { name: "Importar 3 consultas" }).click();
    await page.getByText("Cifras contadas de los registros importados.").waitFor();
    await expect(page.locator('section[aria-labelledby="enq-figures"] [data-figure="total"] dd').textContent()).resolves.toBe("3");
    await noSideScroll(page);
    await page.screenshot({ path: "test-results/enquiries-month-390.png", fullPage: true });

    // Re-importing says how many rows it replaces before anything changes.
    await page.locator("#enq-file").setInputFiles({ name: "enero-2.csv", mimeType: "text/csv", buffer: Buffer.from(CSV.replace("04/01/2093;Fax", "04/01/2093;Chat"), "latin1") });
    await page.getByRole("button", { name: "Revisar archivo" }).click();
    await page.getByText("Atención: este mes ya tiene 3 consultas importadas de «enero.csv».", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Reemplazar 3 consultas por 4" }).click();
    await page.getByText("Se importaron 4 consultas (0 filas rechazadas; 3 consultas reemplazadas).").waitFor();
    await expect(page.locator('section[aria-labelledby="enq-figures"] [data-figure="total"] dd').textContent()).resolves.toBe("4");
    expect(errors).toEqual([]);

    const en = await login("en");
    await en.page.goto(`/enquiries/${month}`);
    await en.page.getByRole("heading", { name: /Enquiries of January 2093/ }).waitFor();
    await en.page.getByText("Figures counted from the imported records.").waitFor();
    await en.page.getByRole("cell", { name: "Germany" }).waitFor();
    await noSideScroll(en.page);
    await en.page.screenshot({ path: "test-results/enquiries-month-en-390.png", fullPage: true });
    expect(en.errors).toEqual([]);
  });

  it("shows the contest's enquiries and logs one at 390 px", async () => {
    const contest = await db.contest.create({
      data: { name: "Concurso e2e consultas 2093", submissionsOpenAt: new Date("2093-01-01T00:00:00Z"), submissionsCloseAt: new Date("2093-02-01T00:00:00Z"), reviewEndsAt: new Date("2093-02-10T00:00:00Z"), evaluationStartsAt: new Date("2093-02-11T00:00:00Z"), evaluationEndsAt: new Date("2093-03-01T00:00:00Z"), resultsAt: new Date("2093-03-10T00:00:00Z") },
    });
    const { page, errors } = await login("es");
    await page.goto(`/contest/${contest.id}`);
    await page.getByRole("heading", { name: "Consultas de organizaciones" }).waitFor();
    await page.locator("#ce-receivedOn").fill("2093-01-12");
    await page.locator("#ce-organisation").fill("Club de Oriundos Zacatecanos de Prueba");
    await page.locator("#ce-channel").selectOption("PHONE");
    await page.locator("#ce-topic").fill("Requisitos");
    await page.getByRole("button", { name: "Guardar consulta" }).click();
    await page.getByRole("cell", { name: "Club de Oriundos Zacatecanos de Prueba" }).waitFor();
    await noSideScroll(page);
    await page.locator("#enquiries").screenshot({ path: "test-results/contest-enquiries-390.png" });
    expect(errors).toEqual([]);
  });
});
