import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { createUser, fakeRequest, TEST_PASSWORD, uniqueIp } from "../support/factories";
import { audience, outboxCounts } from "../support/bulletins";


let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("bulletins in Chromium", () => {
  it("composes a bulletin, previews it, sends it to a small segment, sees the progress reach 100 % and the messages in the outbox", async () => {
    const user = await createUser({ role: "COMMUNICATIONS", name: "Rocío Boletines" });
    const a = await audience([{ givenName: "Lucía" }, { givenName: "Tomás" }, { givenName: "Itzel" }, { subscriptionStatus: "UNSUBSCRIBED" }], "e2e");
    const segmentName = (await db.segment.findUniqueOrThrow({ where: { id: a.segmentId } })).name;
    const name = `Boletín navegador ${a.tag}`;

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
    await page.getByRole("heading", { name: "Hola, Rocío Boletines" }).waitFor();

    await page.goto("/bulletins");
    await page.getByRole("heading", { name: "Boletines" }).waitFor();
    await page.getByRole("link", { name: "Nuevo boletín" }).click();
    await page.getByRole("heading", { name: "Nuevo boletín" }).waitFor();
    await page.getByLabel("Nombre interno").fill(name);
    await page.getByLabel("Asunto").fill('Noticias para {{nombre | "amiga, amigo"}}');
    await page.getByLabel("Destinatarios").selectOption({ label: `Segmento «${segmentName}»` });
    await page.getByLabel("Contenido (Markdown)").fill("# Vota desde el extranjero\n\nHola {{nombre}}: tramita tu credencial.\n\n[[Más información]](https://www.votoextranjero.mx)");
    await page.getByRole("button", { name: "Crear borrador" }).click();

    await page.getByRole("heading", { name }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/bulletins\/[a-z0-9]+$/);
    const id = new URL(page.url()).pathname.split("/").pop()!;
    // Three confirmed, subscribed contacts; the unsubscribed one does not count.
    await page.getByText("3 destinatarios hoy").waitFor();

    // Preview as the first contact, desktop and phone widths.
    await page.getByLabel("Ver como el contacto número").fill(String(a.contacts[0]!.id));
    await page.getByRole("button", { name: "Actualizar" }).click();
    await page.waitForURL((url) => url.searchParams.get("contact") === String(a.contacts[0]!.id));
    const desktop = page.frameLocator("iframe[title=Escritorio]");
    await desktop.getByText("Hola Lucía: tramita tu credencial.").waitFor();
    await page.frameLocator("iframe[title=Teléfono]").getByText("Vota desde el extranjero").waitFor();
    const phoneWidth = await page.locator("iframe[title=Teléfono]").evaluate((el) => el.getBoundingClientRect().width);
    expect(phoneWidth).toBeLessThan(400);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/bulletin-preview.png", fullPage: true });

    // One click only asks: the statement names the subject and the number, and takes the focus.
    await page.getByRole("button", { name: "Enviar ahora" }).click();
    await page.getByText('Se enviará «Noticias para {{nombre | "amiga, amigo"}}» a 3 personas. Esta acción no se puede deshacer.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("bulletin-confirm");
    expect((await db.bulletin.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/bulletin-confirm-390.png" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("button", { name: "Enviar a 3 personas" }).click();
    await page.getByText("Envío iniciado: 3 destinatarios.").waitFor();
    await page.getByText("100 % procesado").waitFor({ timeout: 30_000 });
    await page.getByTestId("report-delivered").filter({ hasText: "3" }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: "test-results/bulletin-sent.png", fullPage: true });

    const counts = await outboxCounts(a.emails);
    expect([0, 1, 2].map((i) => counts.get(a.emails[i]!))).toEqual([1, 1, 1]);
    expect(counts.get(a.emails[3]!) ?? 0).toBe(0);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { to: { has: a.emails[1]! } } });
    expect(message.subject).toBe("Noticias para Tomás");
    expect((await db.bulletin.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");

    await page.goto("/bulletins");
    await page.getByRole("link", { name }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("fits a phone (390 px) once sent, with a long name, subject, body and failure reasons", async () => {
    const user = await createUser({ role: "COMMUNICATIONS", name: "Rocío Anchos" });
    const a = await audience([{ givenName: "Lucía" }, { givenName: "Tomás" }], "wide");
    const longUrl = `https://www.votoextranjero.mx/${"credencial-para-votar-desde-el-extranjero-".repeat(4)}${a.tag}`;
    const bulletin = await db.bulletin.create({
      data: {
        name: `Boletín${"VotoDesdeElExtranjero".repeat(4)}${a.tag}`,
        subject: `Asunto${"TramitaTuCredencialParaVotar".repeat(4)}`,
        fromName: "Voto desde el Extranjero",
        fromEmail: "boletin@alcance.test",
        bodyMarkdown: `# Tramita tu credencial\n\nConsulta ${longUrl}.\n\n| Consulado | Ciudad | Horario | Teléfono | Citas |\n| --- | --- | --- | --- | --- |\n| Consulado General de México | Los Ángeles | 8:00 a 14:00 | +1 213 351 6800 | mexitel.sre.gob.mx |\n`,
        status: "SENT",
        recipients: 2,
        startedAt: new Date(Date.now() - 60_000),
        finishedAt: new Date(),
        deliveries: {
          create: [
            { contactId: a.contacts[0]!.id, email: a.emails[0]!, status: "SENT", attempts: 1, sentAt: new Date() },
            { contactId: a.contacts[1]!.id, email: a.emails[1]!, status: "FAILED", attempts: 3, lastError: `550 5.1.1 <${a.emails[1]}>: Recipient address rejected: ${"UserUnknownInVirtualMailboxTable".repeat(3)}` },
          ],
        },
      },
    });
    const cookie = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
    const [cookieName = "", cookieValue = ""] = cookie.split(/=(.*)/s);
    const baseURL = inject("baseUrl");
    const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX" });
    await context.addCookies([{ name: cookieName, value: cookieValue, url: baseURL }]);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`/bulletins/${bulletin.id}`);
    await page.getByTestId("report-delivered").filter({ hasText: "1" }).waitFor();
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/bulletin-sent-390.png", fullPage: true });
    const wide = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      culprits: [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ${Math.round(el.getBoundingClientRect().width)} px`)
        .slice(0, 8),
    }));
    expect(wide.width, wide.culprits.join("; ")).toBeLessThanOrEqual(390);
    await context.close();
  });
});
