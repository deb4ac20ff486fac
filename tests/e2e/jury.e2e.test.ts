import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser";
import { db } from "~/lib/db.server";
import { TEST_PASSWORD, uniqueIp } from "../support/factories";
import { createJuryContest } from "../integration/jury-fixtures";


let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("the juror in Chromium", () => {
  it("declares no conflict, scores a project across a reload, submits it and sees it locked", async () => {
    const fx = await createJuryContest({ projects: 2, jurors: 1 });
    const juror = fx.jurors[0]!;
    const project = fx.submissions[0]!;
    const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX", timezoneId: "America/Chicago" });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(msg.text());
    });

    await page.goto("/login");
    await page.getByLabel("Correo electrónico").fill(juror.email);
    await page.getByLabel("Contraseña").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));

    await page.goto("/jury");
    await page.getByRole("heading", { name: "Mis evaluaciones" }).waitFor();
    await expect(page.getByText("0 de 2 evaluados").isVisible()).resolves.toBe(true);
    await page.getByRole("link", { name: "Abrir mis proyectos" }).click();
    await page.getByRole("link", { name: `${project.folio} · ${project.title}` }).click();

    // The conflict declaration comes first.
    await page.getByRole("heading", { name: "Antes de abrir el proyecto: conflicto de interés" }).waitFor();
    await page.getByRole("button", { name: "No tengo conflicto de interés" }).click();
    await page.getByRole("heading", { name: "Rúbrica de evaluación" }).waitFor();

    const radio = (key: string, value: number) => page.locator(`input[name="score.${fx.criteria[key]}"][value="${value}"]`);
    await radio("A", 4).check();
    await radio("B", 7).check();
    await page.getByLabel("Comentario general").fill("Buen alcance en Dallas");
    await page.getByText(/Borrador guardado a las/).waitFor();

    // The draft survives a reload.
    await page.reload();
    await page.getByRole("heading", { name: "Rúbrica de evaluación" }).waitFor();
    await expect(radio("A", 4).isChecked()).resolves.toBe(true);
    await expect(radio("B", 7).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel("Comentario general").inputValue()).resolves.toBe("Buen alcance en Dallas");

    // Submitting with a criterion missing is refused and keeps what was chosen.
    await radio("C", 3).check();
    await page.getByRole("button", { name: "Enviar evaluación" }).click();
    await page.getByText("Califica todos los criterios antes de enviar.").first().waitFor();
    await expect(radio("C", 3).isChecked()).resolves.toBe(true);

    await radio("D", 9).check();
    await page.getByRole("button", { name: "Enviar evaluación" }).click();
    await page.getByText(/Evaluación enviada el .*; está bloqueada\./).waitFor();
    // 10·3 + 3·7 + 5·2 + 9 = 70
    await expect(page.getByText("Puntaje ponderado: 70.00 de 100.").isVisible()).resolves.toBe(true);
    await expect(radio("A", 4).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Enviar evaluación" }).count()).resolves.toBe(0);

    const evaluation = await db.evaluation.findUniqueOrThrow({ where: { submissionId_userId: { submissionId: project.id, userId: juror.id } } });
    expect(evaluation.state).toBe("SUBMITTED");

    await page.goto(`/jury/${fx.contest.id}`);
    await expect(page.getByText("1 de 2 evaluados").isVisible()).resolves.toBe(true);
    // The one refused submission (a criterion missing) is the only failed request.
    expect(errors).toEqual(["Failed to load resource: the server responded with a status of 409 (Conflict)"]);
    await context.close();
  });
});
