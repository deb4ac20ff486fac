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

describe("meetings in Chromium", () => {
  it("enters a meeting with three institutions through the form and shows it once with the three names", async () => {
    const token = randomUUID().slice(0, 8);
    const user = await createUser({ role: "COORDINATOR", name: `Secretaría Técnica ${token}` });
    const names = [`Instituto Electoral de Chiapas ${token}`, `Instituto Electoral de Jalisco ${token}`, `Instituto Electoral de Michoacán ${token}`];
    for (const name of names) await db.partner.create({ data: { name, kind: "LOCAL_ELECTORAL_BODY" } });
    const subject = `Quinta Reunión de Trabajo con OPL ${token}`;

    const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX", viewport: { width: 390, height: 844 } });
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
    await page.getByRole("heading", { name: `Hola, Secretaría Técnica ${token}` }).waitFor();

    await page.goto("/meetings");
    await page.getByRole("heading", { name: "Reuniones y sesiones" }).waitFor();
    await page.getByRole("link", { name: "Nueva reunión" }).click();
    await page.getByRole("heading", { name: "Nueva reunión" }).waitFor();
    await page.locator("#meeting-kind").selectOption("WORKING_MEETING");
    await page.locator("#meeting-heldOn").fill("2017-11-29");
    await page.locator("#meeting-subject").fill(subject);

    // Two searches: what was ticked in the first stays chosen through the second (accent-blind).
    await page.locator("#meeting-partnerQuery").fill(`instituto electoral chiapas ${token}`);
    await page.getByRole("button", { name: "Buscar" }).click();
    await page.getByRole("checkbox", { name: new RegExp(names[0]!) }).check();
    await page.locator("#meeting-partnerQuery").fill(`electoral ${token}`);
    await page.getByRole("button", { name: "Buscar" }).click();
    await page.getByRole("list", { name: "Resultados de la búsqueda" }).waitFor();
    await expect(page.getByRole("list", { name: "Instituciones elegidas" }).getByRole("checkbox", { name: new RegExp(names[0]!) }).isChecked()).resolves.toBe(true);
    await expect(page.locator("#meeting-subject").inputValue()).resolves.toBe(subject);
    await page.getByRole("checkbox", { name: new RegExp(names[1]!) }).check();
    await page.getByRole("checkbox", { name: new RegExp(names[2]!) }).check();
    // With OPL among the participants the rule proposes the Technical Secretariat.
    await expect(page.locator("#meeting-reportPart option").first().textContent()).resolves.toContain("Secretaría Técnica de la CVMRE");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/meetings-form-390.png", fullPage: true });
    await page.getByRole("button", { name: "Guardar reunión" }).click();

    await page.getByRole("heading", { name: subject }).waitFor();
    await page.getByText("Reunión registrada.").waitFor();
    const meeting = await db.meeting.findFirstOrThrow({ where: { subject }, include: { participants: true } });
    expect(new URL(page.url()).pathname).toBe(`/meetings/${meeting.id}`);
    expect(meeting.participants).toHaveLength(3);
    expect(meeting.reportPart).toBe("SECRETARIAT");
    const listed = page.locator(".meeting-partners li");
    await expect(listed.allTextContents()).resolves.toEqual([...names].sort((a, b) => a.localeCompare(b, "es-MX")));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "test-results/meetings-detail-390.png", fullPage: true });

    // Once in the list of its month, with its three participants.
    await page.goto("/meetings?month=2017-11");
    const rows = page.locator("tr[data-meeting]").filter({ hasText: subject });
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain("3 participantes");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Once in the month's report (2.1.1, however many institutions took part) and once on each
    // institution's timeline.
    const occurrences = async () => (await page.locator("main").innerText()).split(subject).length - 1;
    await page.goto("/reports/2017-11");
    await page.locator("#secretariat").waitFor();
    await expect(occurrences()).resolves.toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const name of names) {
      const partner = await db.partner.findUniqueOrThrow({ where: { name } });
      await page.goto(`/partners/${partner.id}`);
      await page.getByRole("heading", { name, level: 1 }).waitFor();
      await expect(occurrences()).resolves.toBe(1);
      await expect(page.getByRole("link", { name: subject }).getAttribute("href")).resolves.toBe(`/meetings/${meeting.id}`);
    }

    expect(errors, errors.join("\n")).toEqual([]);
    await context.close();
  });

  it("records an agreement from its session's page, every page within 390 px, in English too", async () => {
    const token = randomUUID().slice(0, 8).toUpperCase();
    const user = await createUser({ role: "COORDINATOR", name: `Acuerdos ${token}`, locale: "en" });
    const session = await db.meeting.create({
      data: { kind: "COMMISSION_SESSION", heldOn: new Date("2017-11-15T00:00:00Z"), subject: `Fourth Ordinary Session ${token}`, reportPart: "SECRETARIAT", participants: { create: [{ ineArea: "DERFE" }] } },
    });
    const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "en-US", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(msg.text());
    });
    const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.goto("/login");
    await page.locator('input[name="email"]').fill(user.email);
    await page.locator('input[name="password"]').fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));

    await page.goto(`/meetings/${session.id}`);
    await page.getByRole("heading", { name: "Agreements of the session" }).waitFor();
    await fits();
    await page.getByRole("link", { name: "Record an agreement" }).click();
    await page.getByRole("heading", { name: "New Commission agreement" }).waitFor();
    await expect(page.locator("#agreement-adoptedOn").inputValue()).resolves.toBe("2017-11-15");
    await fits();
    await page.locator("#agreement-number").fill(`ine/cvmre-04so-${token}`);
    await page.locator("#agreement-title").fill("Designation of the contest jury");
    await page.getByRole("button", { name: "Save agreement" }).click();
    await page.getByRole("heading", { name: `INE/CVMRE-04SO-${token}`, level: 1 }).waitFor();
    await page.getByText("Agreement recorded.").waitFor();
    await fits();
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/meetings-agreement-390.png", fullPage: true });

    for (const path of ["/meetings/agreements", `/meetings/${session.id}`, "/meetings", "/meetings/new", `/meetings/${session.id}?edit=1`]) {
      await page.goto(path);
      await page.locator("h1").first().waitFor();
      await fits();
    }
    expect(errors, errors.join("\n")).toEqual([]);
    await context.close();
  });
});
