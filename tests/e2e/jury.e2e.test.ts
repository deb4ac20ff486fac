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

    // Submitting with criteria missing is refused: the summary at the top takes the focus, links each
    // missing criterion and each is marked; what was chosen stays.
    await page.getByRole("button", { name: "Enviar evaluación" }).click();
    const summary = page.getByTestId("error-summary");
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain("faltan por calificar 2 criterios");
    // The focus moves at the browser's next rendering step (autofocus, or the effect once hydrated), after the text shows.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("error-summary");
    await expect(summary.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).resolves.toEqual([`#criterion-${fx.criteria.C}`, `#criterion-${fx.criteria.D}`]);
    for (const key of ["C", "D"]) {
      await expect(page.locator(`#criterion-${fx.criteria[key]} [role="radiogroup"]`).getAttribute("aria-invalid")).resolves.toBe("true");
      await expect(page.locator(`#criterion-${fx.criteria[key]}`).getByText("Elige una calificación para este criterio.").isVisible()).resolves.toBe(true);
    }
    await expect(page.locator(`#criterion-${fx.criteria.A} [role="radiogroup"]`).getAttribute("aria-invalid")).resolves.toBeNull();
    await expect(radio("A", 4).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel("Comentario general").inputValue()).resolves.toBe("Buen alcance en Dallas");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/jury-summary-390.png" });
    // The link takes the juror into the criterion, and the marks stay.
    await summary.getByRole("link").first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("fieldset")?.id)).toBe(`criterion-${fx.criteria.C}`);
    await expect(page.locator(`#criterion-${fx.criteria.C}`).getByText("Elige una calificación para este criterio.").isVisible()).resolves.toBe(true);
    await expect(summary.isVisible()).resolves.toBe(true);
    await page.screenshot({ path: "test-results/jury-criterion-390.png" });

    await radio("C", 3).check();
    await radio("D", 9).check();
    await page.getByRole("button", { name: "Enviar evaluación" }).click();
    // The confirmation states what will be locked; nothing is locked yet.
    await page.getByText(`Se enviará tu evaluación de ${project.folio} · ${project.title} con 4 de 4 criterios calificados; después no podrás modificarla.`).waitFor();
    // The focus moves at the browser's next rendering step (autofocus, or the effect once hydrated), after the text shows.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("submit-confirmation");
    await page.locator("button:enabled", { hasText: "Enviar y bloquear mi evaluación" }).waitFor();
    await page.screenshot({ path: "test-results/jury-confirm-390.png" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect((await db.evaluation.findUniqueOrThrow({ where: { submissionId_userId: { submissionId: project.id, userId: juror.id } } })).state).toBe("DRAFT");
    await page.getByRole("button", { name: "Enviar y bloquear mi evaluación" }).click();
    await page.getByText(/Evaluación enviada el .*; está bloqueada\./).waitFor();
    // 10·3 + 3·7 + 5·2 + 9 = 70
    await expect(page.getByText("Puntaje ponderado: 70.00 de 100.").isVisible()).resolves.toBe(true);
    await expect(radio("A", 4).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Enviar evaluación" }).count()).resolves.toBe(0);

    const evaluation = await db.evaluation.findUniqueOrThrow({ where: { submissionId_userId: { submissionId: project.id, userId: juror.id } } });
    expect(evaluation.state).toBe("SUBMITTED");

    await page.goto(`/jury/${fx.contest.id}`);
    await expect(page.getByText("1 de 2 evaluados").isVisible()).resolves.toBe(true);
    // The one refused submission (criteria missing) is the only failed request.
    expect(errors).toEqual(["Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
    await context.close();
  });

  it("without JavaScript: the summary takes the focus, the confirmation is its own step, and only it locks", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 1 });
    const juror = fx.jurors[0]!;
    const project = fx.submissions[0]!;
    await db.assignment.updateMany({ where: { userId: juror.id }, data: { noConflictAt: new Date() } });
    const context = await browser.newContext({ baseURL: inject("baseUrl"), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() }, locale: "es-MX", javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto("/login");
    await page.getByLabel("Correo electrónico").fill(juror.email);
    await page.getByLabel("Contraseña").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));

    await page.goto(`/jury/${fx.contest.id}/p/${project.id}`);
    const radio = (key: string, value: number) => page.locator(`input[name="score.${fx.criteria[key]}"][value="${value}"]`);
    await radio("A", 2).check();
    await page.getByRole("button", { name: "Enviar evaluación" }).click();
    await page.getByTestId("error-summary").waitFor();
    // The focus moves at the browser's next rendering step (autofocus, or the effect once hydrated), after the text shows.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("error-summary");
    await expect(page.getByTestId("error-summary").locator("a").count()).resolves.toBe(3);
    await expect(radio("A", 2).isChecked()).resolves.toBe(true);

    for (const [key, value] of [["B", 5], ["C", 4], ["D", 6]] as const) await radio(key, value).check();
    await page.getByRole("button", { name: "Enviar evaluación" }).click();
    await page.getByText(`Se enviará tu evaluación de ${project.folio} · ${project.title} con 4 de 4 criterios calificados; después no podrás modificarla.`).waitFor();
    // The focus moves at the browser's next rendering step (autofocus, or the effect once hydrated), after the text shows.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("submit-confirmation");
    const state = async () => (await db.evaluation.findUniqueOrThrow({ where: { submissionId_userId: { submissionId: project.id, userId: juror.id } } })).state;
    expect(await state()).toBe("DRAFT");

    // «Seguir editando» loses nothing: the draft holds what was chosen.
    await page.getByRole("link", { name: "Seguir editando" }).click();
    await expect(radio("D", 6).isChecked()).resolves.toBe(true);
    expect(await state()).toBe("DRAFT");

    await page.getByRole("button", { name: "Enviar evaluación" }).click();
    await page.getByRole("button", { name: "Enviar y bloquear mi evaluación" }).click();
    await page.getByText(/Evaluación enviada el .*; está bloqueada\./).waitFor();
    expect(await state()).toBe("SUBMITTED");
    await context.close();
  });
});
