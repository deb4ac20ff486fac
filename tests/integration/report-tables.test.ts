/**
 * A report section's tables, annex files and key figures (decision 025, issue 17), on the shared
 * test database with months of their own (2089): a paste is previewed and saved typed, printed in
 * es-MX in the document and the DOCX, exported as CSV (typed values), frozen with an approval; an
 * XLSX upload goes through the page (multipart); an annex PDF is listed in the annex index and
 * bundled in the export ZIP; key figures reach figures.json with the previous month's value; who
 * may do what follows access.server.ts; bad input answers with a reason, never a 500.
 */
import { randomUUID } from "node:crypto";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { IneArea, Role } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { docxOf, documentOf } from "~/modules/reports/export.server";
import { handleSectionAction, type SectionActionResult } from "~/modules/reports/section-page.server";
import { approveReport, createNewVersion, getReportView, viewFiguresJson } from "~/modules/reports/reports.server";
import { sectionContext, SectionExtrasError, sectionUser } from "~/modules/reports/tables.server";
import { launchChromium } from "../support/browser";
import { createUser, fakeRequest, uniqueEmail, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";

const MONTH = "2089-03";
const PREVIOUS = "2089-02";

async function person(role: Role, ineArea: IneArea | null = null) {
  if (!ineArea) return createUser({ role });
  return db.user.create({ data: { email: uniqueEmail("contributor"), name: `Contribuye ${ineArea}`, role, ineArea, active: true, locale: "es" } });
}

async function signedIn(user: { id: string }) {
  const cookie = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
  const client = new TestClient();
  const origin = new URL(client.baseUrl).origin;
  return {
    get: (path: string) => fetch(client.baseUrl + path, { headers: { cookie, "x-forwarded-for": uniqueIp() }, redirect: "manual" }),
    post: (path: string, body: FormData | URLSearchParams) => fetch(client.baseUrl + path, { method: "POST", headers: { cookie, origin, "x-forwarded-for": uniqueIp() }, body, redirect: "manual" }),
  };
}

const form = (entries: Record<string, string | Blob>, file?: { name: string; bytes: Uint8Array; type: string }) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  if (file) f.set("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return f;
};

const actor = (userId: string) => ({ userId, ip: "127.0.0.1" });
const PASTE = "Tipo de solicitud\tSolicitudes\tParticipación\tCorte\nSIILNERE\t2,587\t6.79 %\t30/11/2089\nSIVE\t2,250\t5.91 %\t30/11/2089\nSIASPE\t33 259\t87.30 %\t30/11/2089\nTotal\t38,096\t100 %\t30/11/2089\n";

function tinyXlsx(): Uint8Array {
  const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Entidad</t></is></c><c r="B1" t="inlineStr"><is><t>SIVE</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Jalisco</t></is></c><c r="B2"><v>200</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Puebla</t></is></c><c r="B3"><v>119</v></c></row></sheetData></worksheet>`;
  return zipSync({ "xl/workbook.xml": strToU8(`<workbook><sheets><sheet name="H" r:id="rId1"/></sheets></workbook>`), "xl/_rels/workbook.xml.rels": strToU8(`<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`), "xl/worksheets/sheet1.xml": strToU8(sheet) });
}

describe("a section's tables, files and key figures", () => {
  it("previews a paste with detected types, saves it typed, prints it in es-MX after the narrative, in the DOCX and the CSV, and freezes it with the approval", { timeout: 120_000 }, async () => {
    const coordinator = await person("COORDINATOR");
    const ctx = await sectionContext(await sectionUser({ id: coordinator.id, role: "COORDINATOR" }), MONTH, "registration");
    expect(ctx.access).toBe("edit");

    const preview = (await handleSectionAction(actor(coordinator.id), ctx, form({ intent: "preview", text: PASTE, header: "auto", title: "Solicitudes por tipo" }))) as Extract<SectionActionResult, { ok: false }>;
    expect(preview.errors).toEqual({});
    expect(preview.preview!.columns.map((c) => `${c.name}:${c.type}`)).toEqual(["Tipo de solicitud:text", "Solicitudes:integer", "Participación:percent", "Corte:date"]);
    expect(preview.preview!.sample[2]).toEqual(["SIASPE", "33,259", "87.3%", "30/11/2089"]);

    const saved = await handleSectionAction(actor(coordinator.id), ctx, form({ intent: "createTable", raw: preview.preview!.raw, header: "yes", source: "PASTE", title: "Solicitudes por tipo" }));
    expect(saved).toMatchObject({ ok: true, message: "reports.tables.created" });
    const row = await db.reportTable.findFirstOrThrow({ where: { month: MONTH, sectionKey: "registration" } });
    expect(row.rows).toEqual([
      ["SIILNERE", 2587, 6.79, "2089-11-30"],
      ["SIVE", 2250, 5.91, "2089-11-30"],
      ["SIASPE", 33259, 87.3, "2089-11-30"],
      ["Total", 38096, 100, "2089-11-30"],
    ]);

    // The section was pending: the table makes it written, after its narrative when it has one.
    const { doc } = { doc: await documentOf(await getReportView(MONTH)) };
    const at = doc.blocks.findIndex((b) => b.type === "heading" && b.id === "registration");
    expect(doc.blocks[at]).not.toHaveProperty("pending");
    expect(doc.blocks[at + 1]).toMatchObject({ type: "table", caption: "Solicitudes por tipo", headers: ["Tipo de solicitud", "Solicitudes", "Participación", "Corte"] });
    expect((doc.blocks[at + 1] as { rows: string[][] }).rows[3]).toEqual(["Total", "38,096", "100%", "30/11/2089"]);

    const docx = strFromU8(unzipSync(new Uint8Array(await docxOf(await getReportView(MONTH))))["word/document.xml"]!);
    expect(docx).toContain("Solicitudes por tipo");
    expect(docx).toContain("38,096");

    const coordinatorHttp = await signedIn(coordinator);
    const csv = await coordinatorHttp.get(`/reports/${MONTH}/sections/registration/tables/${row.id}.csv`);
    expect(csv.status).toBe(200);
    const body = new Uint8Array(await csv.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(body)).toBe("Tipo de solicitud,Solicitudes,Participación,Corte\r\nSIILNERE,2587,6.79,2089-11-30\r\nSIVE,2250,5.91,2089-11-30\r\nSIASPE,33259,87.3,2089-11-30\r\nTotal,38096,100,2089-11-30\r\n");

    // Approval freezes the table; a new version's edits do not reach the approved one.
    const agreement = await db.commissionAgreement.create({ data: { number: `T-${randomUUID().slice(0, 8)}`, adoptedOn: new Date("2089-12-21T00:00:00Z"), title: "Aprueba", status: "APPROVED" } });
    await approveReport(actor(coordinator.id), MONTH, { agreementId: agreement.id });
    const frozenCtx = await sectionContext(await sectionUser({ id: coordinator.id, role: "COORDINATOR" }), MONTH, "registration");
    expect(frozenCtx.access).toBe("read");
    expect(await handleSectionAction(actor(coordinator.id), frozenCtx, form({ intent: "deleteTable", tableId: row.id, confirm: "yes" }))).toMatchObject({ ok: false, errors: { form: "reports.sectionExtras.errors.readOnly" } });
    await createNewVersion(actor(coordinator.id), MONTH);
    const draftCtx = await sectionContext(await sectionUser({ id: coordinator.id, role: "COORDINATOR" }), MONTH, "registration");
    // Deleting asks first (decision 023), naming the table.
    expect(await handleSectionAction(actor(coordinator.id), draftCtx, form({ intent: "deleteTable", tableId: row.id }))).toMatchObject({ ok: false, confirm: { kind: "table", title: "Solicitudes por tipo", detail: "4×4" } });
    expect(await db.reportTable.count({ where: { id: row.id } })).toBe(1);
    expect(await handleSectionAction(actor(coordinator.id), draftCtx, form({ intent: "deleteTable", tableId: row.id, confirm: "yes" }))).toMatchObject({ ok: true });
    const v1 = await documentOf(await getReportView(MONTH, { version: 1 }));
    expect(v1.blocks.some((b) => b.type === "table" && b.caption === "Solicitudes por tipo")).toBe(true);
    const v2 = await documentOf(await getReportView(MONTH, { version: 2 }));
    expect(v2.blocks.some((b) => b.type === "table" && b.caption === "Solicitudes por tipo")).toBe(false);
  });

  it("imports an XLSX through the page, refuses bad files with a reason, and reorders and renames", { timeout: 60_000 }, async () => {
    const month = "2089-05";
    const coordinator = await person("COORDINATOR");
    const http = await signedIn(coordinator);
    const page = `/reports/${month}/sections/deoe/extras`;
    expect((await http.get(page)).status).toBe(200);

    const preview = await http.post(page, form({ intent: "preview", header: "auto", title: "" }, { name: "sive.xlsx", bytes: tinyXlsx(), type: "application/octet-stream" }));
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("Vista previa (filas: 2 · columnas: 2)");
    expect(html).toContain("entero");

    for (const [bytes, name, message] of [
      [strToU8("%PDF-1.4 no es tabla"), "a.csv", "Ese archivo no es una tabla"],
      [Uint8Array.from([0x50, 0x4b, 3, 4, 9, 9, 9]), "roto.xlsx", "no es un libro de Excel"],
      [strToU8("A,B\n"), "vacia.csv", "La tabla está vacía"],
    ] as const) {
      const res = await http.post(page, form({ intent: "preview", header: "yes" }, { name, bytes, type: "text/csv" }));
      expect(res.status, name).toBe(400);
      expect(await res.text(), name).toContain(message);
    }
    const junk = await http.post(page, form({ intent: "createTable", raw: "[[", header: "yes", source: "CSV", title: "x" }));
    expect(junk.status).toBe(400);

    const ctx = await sectionContext(await sectionUser({ id: coordinator.id, role: "COORDINATOR" }), month, "deoe");
    for (const title of ["Primera", "Segunda"]) await handleSectionAction(actor(coordinator.id), ctx, form({ intent: "createTable", raw: JSON.stringify([["A", "B"], ["x", 1]]), header: "yes", source: "PASTE", title }));
    const [first, second] = await db.reportTable.findMany({ where: { month, sectionKey: "deoe" }, orderBy: { position: "asc" } });
    expect(await http.post(page, new URLSearchParams({ intent: "moveTable", tableId: second!.id, direction: "up" }))).toHaveProperty("status", 302);
    expect((await db.reportTable.findMany({ where: { month, sectionKey: "deoe" }, orderBy: { position: "asc" } })).map((t) => t.title)).toEqual(["Segunda", "Primera"]);
    expect(await http.post(page, new URLSearchParams({ intent: "renameTable", tableId: first!.id, title: "  Primera   tabla " }))).toHaveProperty("status", 302);
    expect((await db.reportTable.findUniqueOrThrow({ where: { id: first!.id } })).title).toBe("Primera tabla");
    expect((await http.post(page, new URLSearchParams({ intent: "renameTable", tableId: first!.id, title: "" }))).status).toBe(400);
  });

  it("attaches a PDF to an annex, lists it in the annex index and bundles it in the export ZIP; refuses other files", { timeout: 120_000 }, async () => {
    const month = "2089-07";
    const coordinator = await person("COORDINATOR");
    const http = await signedIn(coordinator);
    const page = `/reports/${month}/sections/annex_registration/extras`;
    const pdf = strToU8(`%PDF-1.4\n% anexo ${randomUUID()}\n%%EOF\n`);
    expect((await http.post(page, form({ intent: "attach", title: "Estadística de solicitudes" }, { name: "anexo-1.pdf", bytes: pdf, type: "application/pdf" }))).status).toBe(302);
    const refused = await http.post(page, form({ intent: "attach", title: "x" }, { name: "x.pdf", bytes: strToU8("<svg/>"), type: "application/pdf" }));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Solo se aceptan archivos PDF o XLSX");
    // Only annexes take files.
    const notAnnex = await sectionContext(await sectionUser({ id: coordinator.id, role: "COORDINATOR" }), month, "registration");
    expect(await handleSectionAction(actor(coordinator.id), notAnnex, form({ intent: "attach" }, { name: "a.pdf", bytes: pdf, type: "application/pdf" }))).toMatchObject({ ok: false, errors: { form: "reports.sectionExtras.errors.kind" } });

    const attachment = await db.reportAttachment.findFirstOrThrow({ where: { month, sectionKey: "annex_registration" } });
    const download = await http.get(`/reports/${month}/sections/annex_registration/attachments/${attachment.id}`);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);

    const doc = await documentOf(await getReportView(month));
    expect(doc.annexes.find((a) => a.id === "annex_registration")).toMatchObject({ pending: false, attachments: [{ title: "Estadística de solicitudes", fileName: "anexo-1.pdf", mediaType: "application/pdf" }] });

    const zip = await http.get(`/reports/${month}/export.zip`);
    expect(zip.status).toBe(200);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(["anexos/Anexo 1 - anexo-1.pdf", `informe-avances-${month}-v1.docx`, `informe-avances-${month}-v1.pdf`]);
    expect(files["anexos/Anexo 1 - anexo-1.pdf"]).toEqual(pdf);
    expect(strFromU8(files[`informe-avances-${month}-v1.pdf`]!.subarray(0, 5))).toBe("%PDF-");
  });

  it("puts key figures in figures.json under the section key, with the previous month's value", async () => {
    const coordinator = await person("COORDINATOR");
    const user = await sectionUser({ id: coordinator.id, role: "COORDINATOR" });
    const before = await sectionContext(user, PREVIOUS, "registration");
    expect(await handleSectionAction(actor(coordinator.id), before, form({ intent: "figure", label: "Solicitudes", key: "solicitudes", value: "20,000", unit: "solicitudes" }))).toMatchObject({ ok: true });
    const now = await sectionContext(user, MONTH, "registration");
    expect(await handleSectionAction(actor(coordinator.id), now, form({ intent: "figure", label: "Solicitudes recibidas", key: "", value: "38,096", unit: "solicitudes" }))).toMatchObject({ ok: true });
    expect(await handleSectionAction(actor(coordinator.id), now, form({ intent: "figure", label: "Solicitudes recibidas", key: "", value: "1", unit: "" }))).toMatchObject({ ok: false, errors: { key: "reports.keyFigures.errors.taken" } });
    expect(await handleSectionAction(actor(coordinator.id), now, form({ intent: "figure", label: "Mal", key: "x_previous", value: "mucho", unit: "" }))).toMatchObject({ ok: false, errors: { key: "reports.keyFigures.errors.key", value: "reports.keyFigures.errors.value" } });
    // The month of the first test is on version 2 (a draft).
    const json = viewFiguresJson(await getReportView(MONTH)) as unknown as Record<string, Record<string, number>>;
    expect(json.registration).toEqual({ solicitudes_recibidas: 38096 });
    const fig = await db.reportKeyFigure.findFirstOrThrow({ where: { month: MONTH, sectionKey: "registration" } });
    expect(await handleSectionAction(actor(coordinator.id), now, form({ intent: "figure", id: fig.id, label: "Solicitudes", key: "solicitudes", value: "38,096", unit: "solicitudes" }))).toMatchObject({ ok: true });
    const again = viewFiguresJson(await getReportView(MONTH)) as unknown as Record<string, Record<string, number>>;
    expect(again.registration).toEqual({ solicitudes: 38096, solicitudes_previous: 20000 });
    expect(again.secretariat).toBeDefined();
    // A section whose key is also a computed part (2.5 `cncs`): its key figures join the part, never replace a figure.
    const computedPosts = again.cncs!.posts;
    await db.reportKeyFigure.createMany({
      data: [
        { month: MONTH, sectionKey: "cncs", key: "comunicados", label: "Comunicados", value: 2 },
        { month: MONTH, sectionKey: "cncs", key: "posts", label: "Publicaciones", value: 999_999 },
      ],
    });
    const merged = viewFiguresJson(await getReportView(MONTH)) as unknown as Record<string, Record<string, number>>;
    expect(merged.cncs).toMatchObject({ comunicados: 2, posts: computedPosts });
  });

  it("lets a contributor reach only their area's sections, read-only once submitted; others are refused (403) and learn nothing", async () => {
    const month = "2089-09";
    const derfe = await person("CONTRIBUTOR", "DERFE");
    const deoe = await person("CONTRIBUTOR", "DEOE");
    const comms = await person("COMMUNICATIONS");
    const juror = await person("JUROR");
    // A contributor reaches only what the month's round gives their area (decision 025).
    const due = new Date("2089-10-05T00:00:00Z");
    await db.reportContribution.createMany({
      data: [
        { month, sectionKey: "registration", ownerArea: "DERFE", dueOn: due },
        { month, sectionKey: "annex_registration", ownerArea: "DERFE", dueOn: due },
        { month, sectionKey: "deoe", ownerArea: "DEOE", dueOn: due },
      ],
    });
    expect((await sectionContext(await sectionUser(derfe), month, "registration")).access).toBe("edit");
    expect((await sectionContext(await sectionUser(derfe), month, "annex_registration")).access).toBe("edit");
    for (const [who, key] of [
      [deoe, "registration"],
      [derfe, "deoe"],
      [juror, "registration"],
    ] as const) {
      await expect(sectionContext(await sectionUser(who), month, key)).rejects.toThrowError(SectionExtrasError);
    }
    await expect(sectionContext(await sectionUser(derfe), month, "no_such_section")).rejects.toMatchObject({ code: "section" });
    const readOnly = await sectionContext(await sectionUser(comms), month, "registration");
    expect(readOnly.access).toBe("read");
    expect(await handleSectionAction(actor(comms.id), readOnly, form({ intent: "figure", label: "x", key: "", value: "1", unit: "" }))).toMatchObject({ ok: false, errors: { form: "reports.sectionExtras.errors.readOnly" } });

    await db.reportContribution.update({ where: { month_sectionKey: { month, sectionKey: "registration" } }, data: { state: "SUBMITTED" } });
    expect((await sectionContext(await sectionUser(derfe), month, "registration")).access).toBe("read");

    // Over HTTP (a resource route, no layout in between): the other area's contributor gets 403, an unknown section 404.
    const table = await db.reportTable.create({ data: { month, sectionKey: "registration", title: "T", columns: [{ name: "A", type: "integer" }], rows: [[1]], source: "PASTE" } });
    expect((await (await signedIn(deoe)).get(`/reports/${month}/sections/registration/tables/${table.id}.csv`)).status).toBe(403);
    expect((await (await signedIn(derfe)).get(`/reports/${month}/sections/registration/tables/${table.id}.csv`)).status).toBe(200);
    expect((await (await signedIn(derfe)).get(`/reports/${month}/sections/nope/tables/${table.id}.csv`)).status).toBe(404);
    expect((await (await signedIn(derfe)).get(`/reports/${month}/sections/registration/tables/${randomUUID()}.csv`)).status).toBe(404);
  });

  it("fits a phone (390 px): a wide table scrolls inside its frame, the page does not", { timeout: 60_000 }, async () => {
    const month = "2089-11";
    const coordinator = await person("COORDINATOR");
    const ctx = await sectionContext(await sectionUser({ id: coordinator.id, role: "COORDINATOR" }), month, "registration");
    const head = Array.from({ length: 12 }, (_, i) => `Columna con nombre largo ${i + 1}`);
    await handleSectionAction(actor(coordinator.id), ctx, form({ intent: "createTable", raw: JSON.stringify([head, head.map((_, i) => String(38_096 * (i + 1)))]), header: "yes", source: "PASTE", title: "Una tabla muy ancha" }));
    const cookie = (await createSession(coordinator.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
    const [name, ...rest] = cookie.split("=");
    const baseUrl = new TestClient().baseUrl;
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      await context.addCookies([{ name: name!, value: rest.join("="), url: baseUrl }]);
      const page = await context.newPage();
      const res = await page.goto(`${baseUrl}/reports/${month}/sections/registration/extras`);
      expect(res?.status()).toBe(200);
      const sizes = await page.evaluate(() => {
        const wrap = document.querySelector(".report-extras .table-wrap") as HTMLElement;
        return { page: document.documentElement.scrollWidth, wrapScroll: wrap.scrollWidth, wrapClient: wrap.clientWidth };
      });
      expect(sizes.page).toBeLessThanOrEqual(390);
      expect(sizes.wrapScroll).toBeGreaterThan(sizes.wrapClient);
      await page.screenshot({ path: "test-results/report-extras-390.png", fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
