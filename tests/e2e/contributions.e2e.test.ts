/**
 * The contribution round in Chromium at 390 px (decision 025): the coordinator opens the round
 * (two posts, the mails counted before sending), a contributor — in English — writes and submits
 * their section, the coordinator sends it back with a note, the contributor submits again, the
 * coordinator marks it reviewed. Every page fits a phone; the contributor is refused the report.
 */
import { randomInt, randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
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

async function signIn(email: string, locale: "es-MX" | "en-US") {
  const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.getByRole("button", { name: locale === "en-US" ? "Log in" : "Entrar" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return { page, errors, close: () => context.close() };
}

const fits = async (page: Page, name: string) => {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `test-results/contributions-${name}-390.png`, fullPage: true });
};

describe("the contribution round in Chromium", () => {
  it("opens the round, a contributor submits in English, the coordinator sends it back and then reviews it, all at 390 px", { timeout: 120_000 }, async () => {
    const month = `${randomInt(2101, 2200)}-${String(randomInt(1, 13)).padStart(2, "0")}`;
    const tag = randomUUID().slice(0, 6);
    const coord = await createUser({ role: "COORDINATOR", name: `Carla Ronda ${tag}` });
    const ana = await createUser({ role: "COORDINATOR", name: `Ana Colabora ${tag}`, locale: "en" });
    await db.user.update({ where: { id: ana.id }, data: { role: "CONTRIBUTOR", ineArea: "UTVOPL" } });

    // ── The coordinator opens the round for 2.2 DEOE, given to UTVOPL.
    const c = await signIn(coord.email, "es-MX");
    await c.page.goto(`/reports/${month}`);
    await c.page.getByRole("heading", { name: "Ronda de aportaciones de las áreas" }).waitFor();
    await fits(c.page, "report");
    await c.page.getByRole("link", { name: "Abrir la ronda del mes" }).click();
    await c.page.getByRole("heading", { name: /Ronda de aportaciones de/ }).waitFor();
    await fits(c.page, "round");
    for (const box of await c.page.locator('input[type="checkbox"][name^="include."]').all()) await box.uncheck();
    await c.page.locator('input[name="include.deoe"]').check();
    await c.page.locator("#round-area-deoe").selectOption("UTVOPL");
    await c.page.getByRole("button", { name: "Revisar antes de enviar" }).click();
    const confirm = c.page.locator("#round-confirm");
    await confirm.getByText("Se agregará 1 sección a la ronda.").waitFor();
    // Nothing is written by the first post.
    expect(await db.reportContribution.count({ where: { month } })).toBe(0);
    await fits(c.page, "round-confirm");
    await confirm.getByRole("button", { name: /Abrir la ronda y enviar \d+ correos?/ }).click();
    await c.page.getByText(/Agregamos 1 sección a la ronda/).waitFor();
    const panel = c.page.locator("#contributions");
    await panel.locator('[data-contribution="deoe"]').getByText("Pendiente").waitFor();
    expect(await db.reportContribution.count({ where: { month } })).toBe(1);

    // ── The contributor, in English: home is «My sections»; the report itself is refused.
    const a = await signIn(ana.email, "en-US");
    await a.page.getByRole("heading", { name: "My sections", level: 1 }).waitFor();
    expect(new URL(a.page.url()).pathname).toBe("/contribute");
    await fits(a.page, "mine");
    const refused = await a.page.goto(`/reports/${month}`);
    expect(refused?.status()).toBe(403);
    await a.page.goto("/contribute");
    // Other tests give the same area rounds of other months: this month's link is the one.
    await a.page.locator(`a[href="/contribute/${month}/deoe"]`).click();
    await a.page.getByRole("heading", { name: "2.2 Dirección Ejecutiva de Organización Electoral (DEOE)", level: 1 }).waitFor();
    await a.page.getByText("Pending", { exact: true }).waitFor();
    await fits(a.page, "section");
    const text = `Se aprobaron los Lineamientos del voto postal (${tag}).`;
    await a.page.getByLabel("Text", { exact: true }).fill(text);
    await a.page.getByRole("button", { name: "Save text" }).click();
    await a.page.getByText("We saved the text.").waitFor();
    await a.page.getByText("Being edited", { exact: true }).waitFor();
    await a.page.getByRole("button", { name: "Submit to the coordinator" }).click();
    await a.page.getByText("You submitted the section.").waitFor();
    await a.page.getByText("Submitted", { exact: true }).first().waitFor();
    expect(await a.page.locator("textarea").count()).toBe(0);

    // ── The coordinator sends it back with a note.
    await c.page.goto(`/reports/${month}`);
    const item = c.page.locator('#contributions [data-contribution="deoe"]');
    await item.getByText("Entregada").waitFor();
    await c.page.locator("article.report-doc p", { hasText: text }).waitFor();
    await item.getByText("Devolver con nota").click();
    await item.getByLabel("Nota para el área").fill("Falta el número de casillas por entidad.");
    await item.getByRole("button", { name: "Devolver la sección" }).click();
    await c.page.getByText(/Devolvimos la sección y avisamos a \d+ colaborador/).waitFor();
    await item.getByText("En edición").waitFor();
    await item.getByText("Falta el número de casillas por entidad.").waitFor();
    await item.getByText(new RegExp(`Último cambio: Carla Ronda ${tag}`)).waitFor();
    await fits(c.page, "report-returned");

    // ── The contributor sees the note, edits and submits again.
    await a.page.goto("/contribute");
    await a.page.getByText("Falta el número de casillas por entidad.").waitFor();
    // Other tests give the same area rounds of other months: this month's link is the one.
    await a.page.locator(`a[href="/contribute/${month}/deoe"]`).click();
    await a.page.getByLabel("Text", { exact: true }).fill(`${text} Se instalarán 1,200 casillas.`);
    await a.page.getByRole("button", { name: "Save text" }).click();
    await a.page.getByText("We saved the text.").waitFor();
    await a.page.getByRole("button", { name: "Submit to the coordinator" }).click();
    await a.page.getByText("You submitted the section.").waitFor();

    // ── The coordinator marks it reviewed.
    await c.page.goto(`/reports/${month}`);
    await item.getByRole("button", { name: "Marcar como revisada" }).click();
    await c.page.getByText("La sección quedó revisada.").waitFor();
    await item.getByText("Revisada").waitFor();
    expect((await db.reportContribution.findUniqueOrThrow({ where: { month_sectionKey: { month, sectionKey: "deoe" } } })).state).toBe("REVIEWED");

    expect([...c.errors, ...a.errors]).toEqual([]);
    await c.close();
    await a.close();
  });
});
