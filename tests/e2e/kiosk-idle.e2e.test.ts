/**
 * An unattended kiosk forgets its visitor: a half-filled form is emptied, and the thanks page goes
 * back to an empty form, after the idle time without input (shortened here with ?idle=N; the
 * default is 60 s). Input keeps postponing it.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { createEvent } from "~/modules/events/event.server";
import { eventFormSchema } from "~/modules/events/schema";
import { utcToZoned } from "~/lib/time";
import { currentPrivacyNotice, publishPrivacyNotice } from "~/modules/settings/settings.server";
import { createUser, uniqueEmail, uniqueIp } from "../support/factories";

const ZONE = "America/Chicago";
const HOUR = 3_600_000;
const local = (offsetMs: number) => utcToZoned(new Date(Date.now() + offsetMs), ZONE);

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  if (!(await currentPrivacyNotice())) await publishPrivacyNotice({ userId: null }, "Aviso de privacidad de prueba: tus datos solo sirven para enviarte información del voto.");
});

afterAll(async () => {
  await browser?.close();
});

async function kioskPath() {
  const coordinator = await createUser({ role: "COORDINATOR" });
  const event = await createEvent(
    { userId: coordinator.id, ip: "127.0.0.1" },
    eventFormSchema.parse({
      name: `Feria ${randomUUID().slice(0, 8)}`,
      kind: "COMMUNITY_FESTIVAL",
      status: "CONFIRMED",
      timeZone: ZONE,
      startsLocal: local(-HOUR),
      endsLocal: local(2 * HOUR),
      country: "US",
      state: "Texas",
      city: "Fort Worth",
      kioskEnabled: "on",
      signupOpensLocal: local(-HOUR),
      signupClosesLocal: local(HOUR),
    }),
  );
  return `/k/${event.signupSlug}`;
}

async function kioskPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

const fieldValues = (page: Page) =>
  page.evaluate(() => ({
    givenName: (document.getElementById("kiosk-givenName") as HTMLInputElement | null)?.value,
    email: (document.getElementById("kiosk-email") as HTMLInputElement | null)?.value,
    state: (document.getElementById("kiosk-state") as HTMLInputElement | null)?.value,
    consent: (document.querySelector('input[name="consent"]') as HTMLInputElement | null)?.checked,
  }));

describe("the kiosk left alone", () => {
  it("empties a half-filled form after the idle time, and not while someone is typing", async () => {
    const path = await kioskPath();
    const page = await kioskPage();
    await page.goto(`${path}?idle=5`);
    await page.getByLabel("Nombre *", { exact: true }).fill("Rosa");
    await page.getByLabel("Correo electrónico *", { exact: true }).fill("rosa@example.org");
    await page.getByLabel("Estado o provincia donde vives").fill("Texas");
    await page.getByLabel("Leí el aviso de privacidad").check();
    // Still there while input keeps coming.
    await page.waitForTimeout(1500);
    await page.getByLabel("Apellidos").fill("Luna");
    await page.waitForTimeout(2000);
    expect((await fieldValues(page)).givenName).toBe("Rosa");
    // Then nothing for the idle time: an empty form, same language.
    await page.waitForFunction(() => (document.getElementById("kiosk-givenName") as HTMLInputElement | null)?.value === "", null, { timeout: 10_000 });
    expect(await fieldValues(page)).toEqual({ givenName: "", email: "", state: "", consent: false });
    expect(new URL(page.url()).search).toBe("?lang=es&idle=5");
    await page.context().close();
  });

  it("leaves the thanks page for an empty form after the idle time", async () => {
    const path = await kioskPath();
    const page = await kioskPage();
    await page.goto(`${path}?idle=3`);
    await page.getByLabel("Nombre *", { exact: true }).fill("Rosa");
    await page.getByLabel("Correo electrónico *", { exact: true }).fill(uniqueEmail("kiosco-idle"));
    await page.getByLabel("Leí el aviso de privacidad").check();
    await page.getByRole("button", { name: "Registrarme" }).click();
    await page.getByRole("heading", { name: "¡Gracias!" }).waitFor();
    expect(page.url()).toContain("done=1");
    await page.getByLabel("Nombre *", { exact: true }).waitFor({ timeout: 10_000 });
    expect(page.url()).not.toContain("done=1");
    expect(await fieldValues(page)).toEqual({ givenName: "", email: "", state: "", consent: false });
    await page.context().close();
  });

  it("gives a thanks page without JavaScript a refresh back to the empty form", async () => {
    const path = await kioskPath();
    const res = await fetch(new URL(`${path}?done=1&lang=en`, inject("baseUrl")));
    const html = await res.text();
    expect(html).toContain('http-equiv="refresh" content="60;url=?lang=en"');
  });
});
