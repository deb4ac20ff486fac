import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser";
import { db } from "~/lib/db.server";
import { createContest, saveRequirements } from "~/modules/contest/contest.server";
import { createUser, TEST_PASSWORD, uniqueEmail, uniqueIp } from "../support/factories";
import { waitForMail } from "../support/outbox";

const DAY = 86_400_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, "utf8");

describe("contest in Chromium", () => {
  it("records a submission, marks requirements, requests a correction, records the answer and registers it", async () => {
    const user = await createUser({ role: "COORDINATOR", name: "Carlos Revisa" });
    const actor = { userId: user.id, ip: "127.0.0.1", role: "COORDINATOR" as const };
    const tag = randomUUID().slice(0, 8);
    const now = Date.now();
    const contest = await createContest(actor, {
      name: `Concurso navegador ${tag}`,
      description: null,
      submissionsOpenAt: new Date(now - 20 * DAY),
      submissionsCloseAt: new Date(now + 10 * DAY),
      reviewEndsAt: new Date(now + 20 * DAY),
      evaluationStartsAt: new Date(now + 25 * DAY),
      evaluationEndsAt: new Date(now + 40 * DAY),
      resultsAt: new Date(now + 50 * DAY),
      correctionDays: 5,
    });
    await saveRequirements(actor, contest.id, [
      { id: null, name: "Acta constitutiva", description: null, required: true, remove: false },
      { id: null, name: "Comprobante de domicilio", description: null, required: true, remove: false },
    ]);
    const contactEmail = uniqueEmail(`osc-e2e-${tag}`);
    const title = `Voto en el Valle ${tag}`;

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
    await page.getByRole("heading", { name: "Hola, Carlos Revisa" }).waitFor();

    // Record what arrived: a new organisation, the project and its document.
    await page.goto(`/contest/${contest.id}/submissions/new`);
    await page.getByRole("heading", { name: "Registrar proyecto recibido" }).waitFor();
    await page.getByLabel("Organización nueva").check();
    await page.getByLabel("Nombre legal").fill(`Raíces del Valle ${tag}`);
    await page.getByLabel("Ciudad", { exact: true }).fill("Fresno");
    await page.getByLabel("Estado (EUA)").selectOption({ label: "California" });
    await page.getByLabel("Nombre de la persona de contacto").fill("Rosa Elena Mejía");
    await page.getByLabel("Correo de contacto").fill(contactEmail);
    await page.getByLabel("Título del proyecto").fill(title);
    await page.getByLabel("Monto solicitado (USD)").fill("24500");
    await page.getByLabel("Documentos del proyecto").setInputFiles({ name: "proyecto.pdf", mimeType: "application/pdf", buffer: pdf(tag) });
    await page.getByRole("button", { name: "Registrar proyecto" }).click();
    await page.getByRole("heading", { name: title }).waitFor();
    await expect(page.getByRole("link", { name: "proyecto.pdf" }).isVisible()).resolves.toBe(true);
    const submission = await db.submission.findFirstOrThrow({ where: { contestId: contest.id, title } });

    // Documentary review: one met, one to correct.
    await page.getByLabel("Resultado: Acta constitutiva").selectOption("MET");
    await page.getByLabel("Resultado: Comprobante de domicilio").selectOption("NEEDS_CORRECTION");
    await page.getByLabel("Nota: Comprobante de domicilio").fill("El recibo tiene más de tres meses");
    await page.getByRole("button", { name: "Guardar revisión" }).click();
    await page.getByText("Revisión guardada.").waitFor();
    await expect(page.locator("[data-testid=submission-meta] .badge").first().textContent()).resolves.toBe("En revisión");

    // Registration is refused while a required item is not met.
    await page.getByLabel("Cambiar el estado a").selectOption("REGISTERED");
    await page.getByRole("button", { name: "Cambiar estado" }).click();
    await page.getByText("No puede registrarse: hay requisitos obligatorios que no están marcados como «Cumple».").waitFor();

    // The correction request: the item to correct comes pre-checked.
    const sentAfter = new Date(Date.now() - 1000);
    await expect(page.getByRole("checkbox", { name: /Comprobante de domicilio/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole("checkbox", { name: /Acta constitutiva/ }).isChecked()).resolves.toBe(false);
    await page.getByLabel("Mensaje para la organización").fill("Envíe un comprobante reciente.");
    await page.getByRole("button", { name: "Enviar solicitud de subsane" }).click();
    await page.getByText("Solicitud de subsane creada y enviada a la cola de correo.").waitFor();
    await expect(page.locator("[data-testid=submission-meta] .badge").first().textContent()).resolves.toBe("Subsane solicitado");
    const mail = await waitForMail(contactEmail, { subject: /subsane/i, after: sentAfter });
    expect(mail.text).toContain("Comprobante de domicilio: El recibo tiene más de tres meses");
    // The sink holds the message before the worker records the SMTP answer: wait for the record.
    await expect.poll(async () => (await db.correctionRequest.findFirstOrThrow({ where: { submissionId: submission.id } })).mailStatus, { timeout: 15_000 }).toBe("sent");
    await page.reload();
    await page.getByText("Correo enviado").waitFor();

    // The organisation's answer: a new document attached to the request.
    await page.getByLabel("Documentos recibidos").setInputFiles({ name: "comprobante-nuevo.pdf", mimeType: "application/pdf", buffer: pdf(`${tag}-2`) });
    await page.getByRole("button", { name: "Registrar respuesta" }).click();
    await page.getByText("Respuesta registrada. El proyecto vuelve a revisión.").waitFor();
    await expect(page.getByRole("link", { name: "comprobante-nuevo.pdf" }).first().isVisible()).resolves.toBe(true);

    await page.getByLabel("Resultado: Comprobante de domicilio").selectOption("MET");
    await page.getByRole("button", { name: "Guardar revisión" }).click();
    await page.getByText("Revisión guardada.").waitFor();
    await page.getByLabel("Cambiar el estado a").selectOption("REGISTERED");
    await page.getByRole("button", { name: "Cambiar estado" }).click();
    await page.getByText("Proyecto registrado.").waitFor();
    await expect(page.locator("[data-testid=submission-meta] .badge").first().textContent()).resolves.toBe("Registrado");
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/contest-submission.png", fullPage: true });

    // The contest page counts it in the funnel.
    await page.goto(`/contest/${contest.id}`);
    await expect(page.locator("[data-funnel=registered] dd").textContent()).resolves.toBe("1");
    await expect(page.locator("[data-funnel=corrections] dd").textContent()).resolves.toBe("1");
    await page.screenshot({ path: "test-results/contest-overview.png", fullPage: true });

    const stored = await db.submission.findUniqueOrThrow({ where: { id: submission.id }, include: { statusChanges: { orderBy: { id: "asc" } } } });
    expect(stored.status).toBe("REGISTERED");
    expect(stored.statusChanges.map((c) => c.to)).toEqual(["RECEIVED", "IN_REVIEW", "CORRECTIONS_REQUESTED", "IN_REVIEW", "REGISTERED"]);
    // The one refused registration answers 400 on purpose; anything else is a real error.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    expect(errors).toHaveLength(1);
    await context.close();
  });
});
