import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { db } from "~/lib/db.server";
import { utcToZoned } from "~/lib/time";
import { currentPrivacyNotice, publishPrivacyNotice } from "~/modules/settings/settings.server";
import { createUser, TEST_PASSWORD, uniqueEmail, uniqueIp } from "../support/factories";
import { linkFrom, waitForMail } from "../support/outbox";

const HOUR = 3_600_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  if (!(await currentPrivacyNotice())) await publishPrivacyNotice({ userId: null }, "Aviso de privacidad de prueba: tus datos solo sirven para enviarte información del voto.");
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

describe("events and the kiosk in Chromium", () => {
  it("creates an event, signs up on its kiosk from a phone, confirms from the outbox, and sees the contact confirmed", async () => {
    const user = await createUser({ role: "COORDINATOR", name: "Carlos Coordina" });
    const name = `Día del Músico ${randomUUID().slice(0, 6)}`;
    const zone = "America/Chicago";
    const local = (offset: number) => utcToZoned(new Date(Date.now() + offset), zone);

    // ── Staff, on a desktop: create the event with its kiosk open now.
    const desk = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX" });
    const page = await desk.newPage();
    page.setDefaultTimeout(15_000);
    const deskErrors = collectErrors(page);
    await page.goto("/login");
    await page.getByLabel("Correo electrónico").fill(user.email);
    await page.getByLabel("Contraseña").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.getByRole("heading", { name: "Hola, Carlos Coordina" }).waitFor();

    await page.goto("/events/new");
    await page.getByRole("heading", { name: "Nuevo evento" }).waitFor();
    await page.getByLabel("Nombre *", { exact: true }).fill(name);
    await page.getByLabel("Tipo *", { exact: true }).selectOption("COMMUNITY_FESTIVAL");
    await page.getByLabel("Estado *", { exact: true }).selectOption("CONFIRMED");
    await page.getByLabel("Zona horaria del evento *", { exact: true }).selectOption(zone);
    await page.getByLabel("Inicio *", { exact: true }).fill(local(-HOUR));
    await page.getByLabel("Fin *", { exact: true }).fill(local(3 * HOUR));
    await page.getByLabel("País", { exact: true }).selectOption("US");
    await page.getByLabel("Estado o provincia", { exact: true }).selectOption({ label: "Texas" });
    await page.getByLabel("Ciudad", { exact: true }).fill("Fort Worth");
    await page.getByLabel("Sede", { exact: true }).fill("Gran Plaza");
    await page.getByLabel("Abrir un kiosco de registro para este evento").check();
    await page.getByLabel("El registro abre").fill(local(-HOUR));
    await page.getByLabel("El registro cierra").fill(local(3 * HOUR));
    await page.getByRole("button", { name: "Crear evento" }).click();
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    const event = await db.event.findFirstOrThrow({ where: { name } });
    expect(new URL(page.url()).pathname).toBe(`/events/${event.id}`);
    await page.getByText("Abierto: acepta registros ahora.").waitFor();
    const kioskHref = await page.locator("a.ev-kiosk-link").getAttribute("href");
    expect(kioskHref).toMatch(/\/k\/dia-del-musico-[a-z0-9]+-[a-z0-9]{6}$/);
    await expect(page.getByRole("img", { name: /Código QR del registro/ }).isVisible()).resolves.toBe(true);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/events-created.png", fullPage: true });

    // ── A visitor, on a phone: the kiosk.
    const phone = await browser.newContext({
      baseURL: inject("baseUrl"),
      extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
      locale: "es-MX",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const kiosk = await phone.newPage();
    kiosk.setDefaultTimeout(15_000);
    const phoneErrors = collectErrors(kiosk);
    await kiosk.goto(new URL(kioskHref!).pathname);
    await kiosk.getByRole("heading", { name, level: 1 }).waitFor();
    expect(await kiosk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const email = uniqueEmail("kiosco-e2e");
    await kiosk.getByLabel("Nombre *", { exact: true }).fill("Rosa");
    await kiosk.getByLabel("Apellidos").fill("Luna Pérez");
    await kiosk.getByLabel("Correo electrónico *", { exact: true }).fill(email);
    await kiosk.getByLabel("País donde vives").selectOption("US");
    await kiosk.getByLabel("Estado o provincia donde vives").fill("Texas");
    await kiosk.getByLabel("Leí el aviso de privacidad").check();
    await kiosk.screenshot({ path: "test-results/events-kiosk-phone.png", fullPage: true });
    await kiosk.getByRole("button", { name: "Registrarme" }).tap();
    // Another test file may publish a new privacy notice meanwhile: the kiosk then asks again.
    const thanks = kiosk.getByRole("heading", { name: "¡Gracias!" });
    const noticeChanged = kiosk.getByText("El aviso de privacidad cambió");
    await thanks.or(noticeChanged).waitFor();
    if (await noticeChanged.isVisible()) {
      await kiosk.getByLabel("Leí el aviso de privacidad").check();
      await kiosk.getByRole("button", { name: "Registrarme" }).tap();
    }
    await thanks.waitFor();

    const contact = await db.contact.findUniqueOrThrow({ where: { email } });
    expect(contact.consentStatus).toBe("PENDING");

    // ── The confirmation link from the outbox, opened on the phone.
    const mail = await waitForMail(email);
    const link = linkFrom(mail.text, "/k/confirm/");
    await kiosk.goto(new URL(link).pathname + new URL(link).search);
    await kiosk.getByRole("button", { name: "Confirmar mi registro" }).tap();
    await kiosk.getByText("Tu registro quedó confirmado").waitFor();

    // ── Staff sees the contact confirmed, and the sign-up counted on the event.
    await page.goto(`/contacts/${contact.id}`);
    await page.getByRole("heading", { name: "Rosa Luna Pérez" }).waitFor();
    await page.getByText("Puede recibir boletines.").waitFor();
    await expect(page.locator(".cd-header__meta .badge").first().textContent()).resolves.toBe("Confirmado");
    await page.goto(`/events/${event.id}`);
    await expect(page.locator('[data-figure="signups"] dd').textContent()).resolves.toBe("1");
    await expect(page.locator('[data-figure="confirmedSignups"] dd').textContent()).resolves.toBe("1");

    expect(deskErrors).toEqual([]);
    expect(phoneErrors).toEqual([]);
    await desk.close();
    await phone.close();
  });
});
