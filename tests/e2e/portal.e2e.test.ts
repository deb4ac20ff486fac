/**
 * The applicant portal in Chromium at 390 px (decision 029): an organisation signs up, verifies
 * its address by the mail in the outbox, creates its organisation, saves a draft with two
 * documents and submits it (receipt with each document's SHA-256); the office asks for a
 * correction; the organisation answers it against the item; the office registers the project.
 * Every portal page it passes through must fit the phone's width.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "~/lib/db.server";
import { createContest, saveRequirements } from "~/modules/contest/contest.server";
import { publishPortal } from "~/modules/portal/staff.server";
import { launchChromium } from "../support/browser";
import { createUser, TEST_PASSWORD, uniqueIp } from "../support/factories";
import { linkFrom, waitForMail } from "../support/outbox";

const DAY = 86_400_000;
const PHONE = { width: 390, height: 844 };
const SHOTS = "test-results/portal";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, "utf8");
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** The page is no wider than the phone, and a screenshot records it. */
async function fits(page: Page, name: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${name}: ${scrollWidth} px wide at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

describe("the applicant portal in Chromium at 390 px", () => {
  // Two browsers through a dozen pages and five mails: minutes on a busy 2-core machine.
  it("signs up, verifies, submits two documents, answers the office's correction and ends registered", { timeout: 180_000 }, async () => {
    const tag = randomUUID().slice(0, 8);
    const reviewer = await createUser({ role: "COORDINATOR", name: "Carlos Revisa" });
    const staff = { userId: reviewer.id, ip: "127.0.0.1", role: "COORDINATOR" as const };
    const now = Date.now();
    const contest = await createContest(staff, {
      name: `Convocatoria 2018 navegador ${tag}`,
      description: "Para organizaciones de la sociedad civil en los Estados Unidos.",
      submissionsOpenAt: new Date(now - 5 * DAY),
      submissionsCloseAt: new Date(now + 30 * DAY),
      reviewEndsAt: new Date(now + 40 * DAY),
      evaluationStartsAt: new Date(now + 41 * DAY),
      evaluationEndsAt: new Date(now + 50 * DAY),
      resultsAt: new Date(now + 60 * DAY),
      correctionDays: 5,
    });
    await saveRequirements(staff, contest.id, [
      { id: null, name: "Acta constitutiva", description: "Vigente.", required: true, remove: false },
      { id: null, name: "Carta compromiso", description: "Firmada.", required: true, remove: false },
    ]);
    const slug = `e2e-${tag}`;
    await publishPortal(staff, contest.id, slug);
    const email = `osc-${tag}@portal.example`;
    const orgName = `Raíces del Valle ${tag}`;
    const title = `Voto en el Valle ${tag}`;
    const acta = pdf(`acta ${tag}`);
    const carta = pdf(`carta ${tag}`);
    const cartaFirmada = pdf(`carta firmada ${tag}`);

    const baseURL = inject("baseUrl");
    const orgContext = await browser.newContext({ baseURL, viewport: PHONE, locale: "es-MX", timezoneId: "America/Los_Angeles", extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    const org = await orgContext.newPage();
    org.setDefaultTimeout(15_000);
    const orgErrors = watchErrors(org);

    // The call, then the sign-up.
    await org.goto(`/convocatoria/${slug}`);
    await org.getByRole("heading", { name: contest.name }).waitFor();
    await expect(org.getByTestId("call-state").textContent()).resolves.toBe("La recepción de proyectos está abierta.");
    await fits(org, "01-call");
    await org.getByRole("link", { name: "Registrar a mi organización" }).click();
    await org.getByLabel("Correo electrónico").fill(email);
    await org.getByLabel("Contraseña").fill(TEST_PASSWORD);
    await fits(org, "02-sign-up");
    await org.getByRole("button", { name: "Crear cuenta" }).click();
    await org.getByText("Si el correo puede registrarse, te enviamos un enlace para confirmarlo.").waitFor();

    // The verification link from the outbox.
    const verification = await waitForMail(email, { subject: /Confirma tu correo/ });
    await org.goto(new URL(linkFrom(verification.text, `/convocatoria/${slug}/verificar/`)).pathname);
    await fits(org, "03-verify");
    await org.getByRole("button", { name: "Confirmar y entrar" }).click();

    // The organisation, once.
    await org.getByRole("heading", { name: "Tu organización" }).waitFor();
    await org.getByLabel("Nombre de la organización").fill(orgName);
    await org.getByLabel("Estado").fill("California");
    await org.getByLabel("Ciudad").fill("Fresno");
    await org.getByLabel("Persona de contacto").fill("Rosa Elena Mejía");
    await fits(org, "04-organisation");
    await org.getByRole("button", { name: "Guardar organización" }).click();

    // The draft: its data and two documents, each against its requirement.
    await org.getByRole("heading", { name: "Mi solicitud" }).waitFor();
    await org.getByLabel("Título del proyecto").fill(title);
    await org.getByLabel("Monto solicitado (USD)").fill("24500");
    await org.getByLabel("Requisito que cubren los archivos").selectOption({ label: "Acta constitutiva" });
    await org.getByLabel("Agregar documentos").setInputFiles({ name: "acta.pdf", mimeType: "application/pdf", buffer: acta });
    await org.getByRole("button", { name: "Guardar borrador" }).click();
    await org.getByTestId("draft-documents").getByText("acta.pdf").waitFor();
    await org.getByLabel("Requisito que cubren los archivos").selectOption({ label: "Carta compromiso" });
    await org.getByLabel("Agregar documentos").setInputFiles({ name: "carta.pdf", mimeType: "application/pdf", buffer: carta });
    await org.getByRole("button", { name: "Guardar borrador" }).click();
    await org.getByTestId("draft-documents").getByText("carta.pdf").waitFor();
    await expect(org.getByLabel("Título del proyecto").inputValue()).resolves.toBe(title);
    await fits(org, "05-draft");

    // Submitted: the status page and the receipt with each document's SHA-256.
    await org.getByRole("button", { name: "Enviar el proyecto" }).click();
    await org.getByRole("heading", { name: title }).waitFor();
    const submission = await db.submission.findFirstOrThrow({ where: { contestId: contest.id, title } });
    expect(submission.origin).toBe("PORTAL");
    await org.getByText(submission.folio).waitFor();
    await fits(org, "06-status-received");
    const receipt = await waitForMail(email, { subject: new RegExp(`Acuse de recibo ${submission.folio}`) });
    expect(receipt.text).toContain(sha(acta));
    expect(receipt.text).toContain(sha(carta));

    // The office: the origin shows; the review asks to correct the letter.
    const officeContext = await browser.newContext({ baseURL, viewport: PHONE, locale: "es-MX", extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    const office = await officeContext.newPage();
    office.setDefaultTimeout(15_000);
    const officeErrors = watchErrors(office);
    await office.goto("/login");
    await office.getByLabel("Correo electrónico").fill(reviewer.email);
    await office.getByLabel("Contraseña").fill(TEST_PASSWORD);
    await office.getByRole("button", { name: "Entrar" }).click();
    await office.getByRole("heading", { name: "Hola, Carlos Revisa" }).waitFor();
    await office.goto(`/contest/${contest.id}/submissions/${submission.id}`);
    await expect(office.getByTestId("submission-origin").textContent()).resolves.toBe("Origen: Portal");
    await office.getByLabel("Resultado: Acta constitutiva").selectOption("MET");
    await office.getByLabel("Resultado: Carta compromiso").selectOption("NEEDS_CORRECTION");
    await office.getByLabel("Nota: Carta compromiso").fill("Falta la firma de la representación legal");
    await office.getByRole("button", { name: "Guardar revisión" }).click();
    await office.getByText("Revisión guardada.").waitFor();
    await office.getByLabel("Mensaje para la organización").fill("Suba la carta firmada.");
    await office.getByRole("button", { name: "Enviar solicitud de subsane" }).click();
    await office.getByText("Solicitud de subsane creada y enviada a la cola de correo.").waitFor();
    await waitForMail(email, { subject: /subsane/i });

    // The organisation answers against the item, before the deadline (the countdown shows).
    await org.reload();
    const correction = org.getByTestId("open-correction");
    await correction.getByText("Falta la firma de la representación legal").waitFor();
    await correction.getByText(/^Quedan \d+ días y \d+ horas$/).waitFor();
    await fits(org, "07-status-correction");
    await org.getByLabel("Carta compromiso").setInputFiles({ name: "carta-firmada.pdf", mimeType: "application/pdf", buffer: cartaFirmada });
    await org.getByLabel("Nota para la oficina (opcional)").fill("Adjuntamos la carta firmada.");
    await org.getByRole("button", { name: "Enviar corrección" }).click();
    await org.getByRole("heading", { name: "Correcciones atendidas" }).waitFor();
    await org.getByTestId("submission-documents").getByRole("link", { name: "carta-firmada.pdf" }).waitFor();
    await fits(org, "08-status-answered");
    await waitForMail(reviewer.email, { subject: new RegExp(`Corrección atendida: ${submission.folio}`) });

    // The office sees the answer, marks the letter met and registers the project.
    await office.reload();
    await expect(office.getByRole("link", { name: "carta-firmada.pdf" }).first().isVisible()).resolves.toBe(true);
    await office.getByLabel("Resultado: Carta compromiso").selectOption("MET");
    await office.getByRole("button", { name: "Guardar revisión" }).click();
    await office.getByText("Revisión guardada.").waitFor();
    await office.getByLabel("Cambiar el estado a").selectOption("REGISTERED");
    await office.getByRole("button", { name: "Cambiar estado" }).click();
    await office.getByText("Proyecto registrado.").waitFor();
    await office.screenshot({ path: `${SHOTS}/09-office-registered.png`, fullPage: true });

    await org.reload();
    await expect(org.locator(".badge").first().textContent()).resolves.toBe("Registrado");
    await fits(org, "10-status-registered");

    // A member: invited from the organisation's page, accepts by the mailed link, sees the same project.
    const memberEmail = `miembro-${tag}@portal.example`;
    await org.getByRole("link", { name: "Organización" }).click();
    await org.getByLabel("Correo de la persona").fill(memberEmail);
    await org.getByRole("button", { name: "Enviar invitación" }).click();
    await org.getByTestId("invitations").getByText(memberEmail).waitFor();
    await fits(org, "11-members");
    const invitation = await waitForMail(memberEmail, { subject: /Te invitaron a la cuenta/ });
    const memberContext = await browser.newContext({ baseURL, viewport: PHONE, locale: "es-MX", extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    const member = await memberContext.newPage();
    member.setDefaultTimeout(15_000);
    const memberErrors = watchErrors(member);
    await member.goto(new URL(linkFrom(invitation.text, `/convocatoria/${slug}/invitacion/`)).pathname);
    await member.getByLabel("Nueva contraseña").fill("contraseña-del-miembro-larga");
    await fits(member, "12-invitation");
    await member.getByRole("button", { name: "Aceptar y entrar" }).click();
    await member.getByRole("heading", { name: "Mi solicitud" }).waitFor();
    await member.getByRole("link", { name: new RegExp(submission.folio) }).waitFor();
    expect(memberErrors).toEqual([]);
    await memberContext.close();

    const stored = await db.submission.findUniqueOrThrow({ where: { id: submission.id }, include: { statusChanges: { orderBy: { id: "asc" } }, documents: true } });
    expect(stored.status).toBe("REGISTERED");
    expect(stored.statusChanges.map((c) => c.to)).toEqual(["RECEIVED", "IN_REVIEW", "CORRECTIONS_REQUESTED", "IN_REVIEW", "REGISTERED"]);
    expect(stored.documents.map((d) => d.fileSha256).sort()).toEqual([sha(acta), sha(carta), sha(cartaFirmada)].sort());
    expect(orgErrors).toEqual([]);
    expect(officeErrors).toEqual([]);
    await orgContext.close();
    await officeContext.close();
  });
});
