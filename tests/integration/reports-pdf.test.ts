/**
 * The report's PDF export: one shared Chromium per process, at most two pages at a time, a bounded
 * queue answered with 503 + Retry-After past its end, a timeout per render, and approved versions
 * rendered once and then served from the file store. The module functions run in this (the test)
 * process, so its counters are the ones read; months are this file's own (2095).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { makeT } from "~/i18n";
import { documentOf, pdfOf } from "~/modules/reports/export.server";
import { reportPdfResponse } from "~/modules/reports/http.server";
import { closePdfBrowser, configurePdf, htmlToPdf, PdfBusyError, pdfDestinationPages, pdfStats, withPdfSlot } from "~/modules/reports/pdf.server";
import { contentsEntries, headingLabel, reportPrintHtml } from "~/modules/reports/print.server";
import { approveReport, createNewVersion, getReportView } from "~/modules/reports/reports.server";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";
import { pdfPageLines } from "../support/pdf-text";
import { fixtureDocument } from "../support/report-document";

const t = makeT("es");
const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString() === "%PDF-" && Buffer.from(bytes.subarray(-8)).toString().includes("%%EOF");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A slot held until the returned function is called: the renderer is "busy" for as long as the test wants. */
function holdSlot(): Promise<() => void> {
  return new Promise((ready) => {
    void withPdfSlot(() => new Promise<void>((release) => ready(release)));
  });
}

/** Chromium processes started by this process (playwright launches the browser as our child). */
function chromiumChildren(): number[] {
  const out = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(process.pid)], { encoding: "utf8" }).trim();
  return out
    .split("\n")
    .filter((line) => /chrom/i.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

beforeEach(async () => {
  configurePdf();
  await closePdfBrowser();
});
afterEach(() => configurePdf());
afterAll(() => closePdfBrowser());

describe("one shared browser", () => {
  it("renders four parallel exports as four PDFs with one browser launch, two pages at a time", async () => {
    const doc = await documentOf(await getReportView("2095-01"));
    const html = reportPrintHtml(doc);
    const before = pdfStats();
    const pdfs = await Promise.all([1, 2, 3, 4].map((n) => htmlToPdf(html, `Informe ${n}`)));
    const after = pdfStats();
    expect(pdfs.every(isPdf)).toBe(true);
    expect(after.launches - before.launches).toBe(1);
    expect(after.renders - before.renders).toBe(4);
    expect(after.peakActive).toBe(2);
    expect(chromiumChildren()).toHaveLength(1);
  }, 60_000);

  it("launches a new browser after the old one is killed, and closes it when idle", async () => {
    expect(isPdf(await htmlToPdf("<p>uno</p>", "uno"))).toBe(true);
    const [pid] = chromiumChildren();
    expect(pid).toBeGreaterThan(0);
    const launches = pdfStats().launches;
    process.kill(pid!, "SIGKILL");
    expect(isPdf(await htmlToPdf("<p>dos</p>", "dos"))).toBe(true);
    expect(pdfStats().launches).toBe(launches + 1);

    configurePdf({ idleCloseMs: 1 });
    expect(isPdf(await htmlToPdf("<p>tres</p>", "tres"))).toBe(true);
    await expect.poll(() => pdfStats().browserOpen).toBe(false);
  }, 60_000);
});

describe("a bounded queue", () => {
  it("answers 503 with Retry-After at once when the queue is full, and serves those that waited", async () => {
    configurePdf({ concurrency: 1, queueLimit: 1 });
    const view = await getReportView("2095-02");
    const release = await holdSlot();
    const waiting = reportPdfResponse(view, t); // takes the one place in the queue
    const refused = await reportPdfResponse(view, t); // answered while the slot is still held
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("10");
    const html = await refused.text();
    expect(html).toContain("Demasiadas descargas de PDF a la vez");
    expect(html).toContain(`/reports/2095-02/print?version=1`);
    expect(pdfStats().waiting).toBe(1);

    release();
    const served = await waiting;
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(isPdf(new Uint8Array(await served.arrayBuffer()))).toBe(true);
  }, 60_000);

  it("refuses at once with no queue at all", async () => {
    configurePdf({ concurrency: 1, queueLimit: 0 });
    const release = await holdSlot();
    try {
      await expect(htmlToPdf("<p>x</p>", "x")).rejects.toMatchObject({ reason: "queueFull" });
    } finally {
      release();
    }
  });

  it("gives up on a render past its timeout, and the next one works", async () => {
    configurePdf({ renderTimeoutMs: 1 });
    await expect(htmlToPdf("<p>lento</p>", "lento")).rejects.toBeInstanceOf(PdfBusyError);
    configurePdf({ renderTimeoutMs: 30_000 });
    expect(isPdf(await htmlToPdf("<p>después</p>", "después"))).toBe(true);
  }, 60_000);

  it("still says Chromium is missing, pointing to the print view", async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    try {
      const res = await reportPdfResponse(await getReportView("2095-03"), t);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("3600");
      expect(await res.text()).toContain("/reports/2095-03/print?version=1");
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});

describe("approved versions are rendered once", () => {
  it("stores an approved version's PDF and serves the same bytes again without rendering; drafts render each time", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const month = "2095-04";
    await approveReport({ userId: user.id, ip: "127.0.0.1" }, month);
    const approved = await getReportView(month);
    const { updatedAt } = await db.monthlyReport.findUniqueOrThrow({ where: { month_version: { month, version: 1 } } });

    const before = pdfStats();
    const first = await pdfOf(approved);
    expect(pdfStats().renders).toBe(before.renders + 1);
    const row = await db.monthlyReport.findUniqueOrThrow({ where: { month_version: { month, version: 1 } } });
    expect(row.pdfSha256).toBe(sha256(first));
    expect(await db.storedFile.findUnique({ where: { sha256: row.pdfSha256! }, select: { mimeType: true, size: true } })).toEqual({ mimeType: "application/pdf", size: first.byteLength });
    expect(row.updatedAt).toEqual(updatedAt); // a cache entry is not an edit

    const launches = pdfStats().launches;
    const second = await pdfOf(approved);
    expect(pdfStats().renders).toBe(before.renders + 1);
    expect(pdfStats().launches).toBe(launches);
    expect(second.equals(first)).toBe(true);

    // The web server (another process) serves the stored bytes too.
    const client = new TestClient();
    await client.login(user.email);
    const res = await client.get(`/reports/${month}/export.pdf?version=1`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(first)).toBe(true);

    // A new version is a draft: rendered on every export, never stored.
    await createNewVersion({ userId: user.id, ip: "127.0.0.1" }, month);
    const draft = await getReportView(month);
    expect(draft).toMatchObject({ version: 2, state: "DRAFT" });
    await pdfOf(draft);
    await pdfOf(draft);
    expect(pdfStats().renders).toBe(before.renders + 3);
    expect((await db.monthlyReport.findUniqueOrThrow({ where: { month_version: { month, version: 2 } } })).pdfSha256).toBeNull();
  }, 60_000);
});

describe("the contents' page numbers", () => {
  const footer = "Informe de avances — Noviembre 2017";
  /**
   * The contents page's number for an entry: the line that starts with its label ends with it; when
   * the label wraps, the number (on the first line's baseline) is read after the wrapped part.
   */
  const printedPage = (lines: string[], label: string) => {
    const at = lines.findIndex((l) => l.startsWith(label.slice(0, 40)));
    if (at < 0) return null;
    for (const line of lines.slice(at, at + 3)) {
      const found = /(?:^|\s)(\d+)$/.exec(line);
      if (found) return Number(found[1]);
    }
    return null;
  };
  /** The page (1-based) whose text has a line starting with the heading. */
  const headingPage = (pages: string[][], label: string, from = 2) => pages.findIndex((lines, i) => i >= from && lines.some((l) => l.startsWith(label.slice(0, 40)))) + 1;

  it("prints each heading's page in the contents: a 3-page body with forced breaks lands where the breaks put it", async () => {
    const doc = fixtureDocument({
      fill: 1,
      sections: [
        { level: 1, number: "1", text: "Presentación", id: "presentation" },
        { level: 2, number: "1.1", text: "Antecedentes", id: "background" },
        { level: 1, number: "2", text: "Avances generados", id: "advances" },
        { level: 2, number: "2.1", text: "Dirección Ejecutiva del Registro Federal de Electores (DERFE)", id: "derfe" },
        { level: 3, number: "2.1.1", text: "Secretaría Técnica de la CVMRE", id: "secretariat", pending: true },
        { level: 1, number: null, text: "Anexos", id: "annexes" },
        { level: 2, number: "Anexo 1", text: "Atención ciudadana: consultas sobre el VMRE", id: "annex_enquiries", table: true },
      ],
    });
    // Each top-level section starts a page: cover 1, contents 2, then 3, 4 and 5, known before any rendering.
    const html = reportPrintHtml(doc).replace("</head>", "<style>.body h1 { break-before: page; }</style></head>");
    const pdf = await htmlToPdf(html, footer);
    expect(pdfStats().lastPrints).toBe(2);
    const expected = { presentation: 3, background: 3, advances: 4, derfe: 4, secretariat: 4, annexes: 5, annex_enquiries: 5 };

    const pages = pdfPageLines(pdf);
    expect(pages).toHaveLength(5);
    expect(pages[4]!.at(-1)).toBe(`${footer} Página 5 de 5`);
    expect(pages[1]![0]).toBe("Contenido");
    const printed = Object.fromEntries(doc.toc.map((e) => [e.id, printedPage(pages[1]!, headingLabel(e))]));
    expect(printed).toEqual(expected);
    // The headings are where the contents say (read from the pages' text), and where Chromium's destinations say.
    expect(Object.fromEntries(doc.toc.map((e) => [e.id, headingPage(pages, headingLabel(e))]))).toEqual(expected);
    expect(Object.fromEntries(pdfDestinationPages(pdf).pages)).toEqual(expected);
    // The pending section printed its heading and the note.
    const page4 = pages[3]!;
    expect(page4[page4.indexOf("2.1.1. Secretaría Técnica de la CVMRE") + 1]).toBe("Pendiente: esta sección aún no tiene su texto.");
  }, 60_000);

  it("gets every number right in a longer report whose sections break where the text runs out", async () => {
    const doc = fixtureDocument({ fill: 6 });
    const started = Date.now();
    const pdf = await htmlToPdf(reportPrintHtml(doc), footer);
    const ms = Date.now() - started;
    const pages = pdfPageLines(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect(pdfStats().lastPrints).toBe(2);
    const entries = [...contentsEntries(doc), ...doc.annexes.map((a) => ({ id: a.id, number: a.number, text: a.title, level: 2 }))];
    const printed = entries.map((e) => ({ id: e.id, page: printedPage(pages[1]!, headingLabel(e)) }));
    const actual = entries.map((e) => ({ id: e.id, page: headingPage(pages, headingLabel(e)) }));
    expect(printed).toEqual(actual);
    expect(new Set(actual.map((a) => a.page)).size).toBeGreaterThanOrEqual(4); // the headings really are spread over pages
    expect(actual.every((a) => a.page >= 3)).toBe(true);
    // Two prints of a ~8-page report: well inside the render timeout.
    expect(ms).toBeLessThan(20_000);
  }, 60_000);

  it("prints the contents without numbers rather than wrong ones when the PDF has no destinations", async () => {
    const html = `<!doctype html><html><body><nav><a href="#nowhere">Sección <span data-toc-target="nowhere"></span></a></nav><p>Texto</p></body></html>`;
    const pdf = await htmlToPdf(html, footer);
    expect(pdfStats().lastPrints).toBe(1);
    expect(pdfDestinationPages(pdf).pages.size).toBe(0);
    expect(pdfPageLines(pdf)[0]).toContain("Sección");
  }, 60_000);
});
