import { strFromU8, unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { annexTables, buildReportDocument } from "~/modules/reports/document";
import { reportDocx } from "~/modules/reports/docx.server";
import type { ReportFigures } from "~/modules/reports/figures.server";
import { monthNameEs, monthOf, monthRange } from "~/modules/reports/month";
import { htmlToPdf, PdfUnavailableError } from "~/modules/reports/pdf.server";
import { reportPrintHtml } from "~/modules/reports/print.server";
import { fieldErrors, monthlyInputSchema, narrativeSchema } from "~/modules/reports/schema";

describe("report months", () => {
  it("starts and ends a month at local midnight in the organisation's zone", () => {
    const r = monthRange("2017-11", "America/Mexico_City");
    expect(r.from.toISOString()).toBe("2017-11-01T06:00:00.000Z");
    expect(r.to.toISOString()).toBe("2017-12-01T06:00:00.000Z");
    const utc = monthRange("2017-11", "UTC");
    expect(utc.from.toISOString()).toBe("2017-11-01T00:00:00.000Z");
    // Across a daylight-saving change (Madrid, March 2024: +01:00 → +02:00).
    const madrid = monthRange("2024-03", "Europe/Madrid");
    expect(madrid.from.toISOString()).toBe("2024-02-29T23:00:00.000Z");
    expect(madrid.to.toISOString()).toBe("2024-03-31T22:00:00.000Z");
    expect(monthRange("2017-12", "America/Mexico_City").to.toISOString()).toBe("2018-01-01T06:00:00.000Z");
  });

  it("puts an instant in its local month", () => {
    expect(monthOf(new Date("2017-12-01T03:00:00Z"), "America/Mexico_City")).toBe("2017-11");
    expect(monthOf(new Date("2017-12-01T03:00:00Z"), "UTC")).toBe("2017-12");
    expect(monthNameEs("2017-11")).toBe("noviembre de 2017");
  });

  it("refuses what is not a month", () => {
    for (const bad of ["2017-13", "2017-1", "nov", "1800-01"]) expect(() => monthRange(bad, "UTC")).toThrow(RangeError);
  });
});

const validInput = {
  facebookPosts: "14",
  facebookImpressions: "52,384",
  facebookFollowers: "22 319",
  twitterPosts: "72",
  twitterRetweets: "586",
  twitterLikes: "498",
  twitterComments: "34",
  twitterFollowers: "9350",
  micrositeVisits: "241061",
  micrositeCountries: "125",
  mediaInternet: "43",
  mediaPrint: "23",
  mediaRadio: "21",
  mediaTv: "6",
  mediaPositive: "0",
  mediaNeutral: "93",
  mediaNegative: "0",
  enquiriesTotal: "648",
  enquiriesUsPercent: "85,65 %",
};

describe("monthly input", () => {
  it("accepts the source document's figures with thousands separators and a decimal comma", () => {
    const parsed = monthlyInputSchema.parse(validInput);
    expect(parsed).toMatchObject({ facebookImpressions: 52384, facebookFollowers: 22319, enquiriesUsPercent: 85.65 });
  });

  it("names each bad field with a translated message", () => {
    const result = monthlyInputSchema.safeParse({ ...validInput, twitterLikes: "-3", micrositeVisits: "", enquiriesUsPercent: "120", mediaNeutral: "90" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toMatchObject({
      twitterLikes: "reports.errors.wholeNumber",
      micrositeVisits: "reports.errors.required",
      enquiriesUsPercent: "reports.errors.percent",
    });
    // The tone check runs once the numbers themselves are valid.
    const tone = monthlyInputSchema.safeParse({ ...validInput, mediaNeutral: "90" });
    expect(fieldErrors(tone.error!)).toEqual({ mediaNeutral: "reports.errors.mediaToneSum" });
  });

  it("validates narratives", () => {
    expect(narrativeSchema.parse({ section: "media", text: " Hola\r\n\r\nMundo " })).toEqual({ section: "media", text: "Hola\n\nMundo" });
    expect(narrativeSchema.safeParse({ section: "nope", text: "" }).success).toBe(false);
    expect(narrativeSchema.safeParse({ section: "media", text: "x".repeat(20_001) }).success).toBe(false);
  });
});

const figures = {
  month: "2017-11",
  timeZone: "America/Mexico_City",
  range: { from: "2017-11-01T06:00:00.000Z", to: "2017-12-01T06:00:00.000Z" },
  computedAt: "2017-12-05T00:00:00.000Z",
  sections: [],
  secretariat: { activities: [], meetings: 5, workshops: 1, institutions: 7, jurySessions: [] },
  promotion: {
    events: { events: 2, attendance: 23000, appointments: 95, registrationRequests: 22, handedOut: 0, signups: 0 },
    materials: { totals: { eventsAbroad: 52174, eventsMexico: 21664, eventsNoCountry: 0, partners: 0, foreignServicePosts: 0, total: 73838 }, handedOutAtEvents: 0, byMaterial: [{ code: "DIP-EUA", name: "Díptico EUA", kind: "LEAFLET", eventsAbroad: 52174, eventsMexico: 0, partners: 0, foreignServicePosts: 0, total: 52174 }], byKind: [] },
  },
  partners: { totals: { activities: 0, peopleReached: 0, itemsDistributed: 0, bulletinRecipients: 0 }, byKind: [], activities: [], institutions: 0, itemsDistributed: 0, bulletinRecipients: 0 },
  community: {
    events: [{ id: "e1", name: "Día del Músico", date: "2017-11-19", kind: "COMMUNITY_FESTIVAL", country: "US", state: "Texas", city: "Fort Worth", attendance: 23000, appointments: 65, registrationRequests: 12, handedOut: 3000, signups: 0 }],
    totals: { events: 1, attendance: 23000, appointments: 65, registrationRequests: 12, handedOut: 3000, signups: 0 },
  },
  education: { activities: [], eventsInMexico: [], totals: { events: 0, attendance: 0, appointments: 0, registrationRequests: 0, handedOut: 0, signups: 0 } },
  contest: [],
  bulletins: { bulletins: [], count: 0, recipients: 0, sent: 0, failed: 0, distinctContacts: 0 },
  input: null,
} as unknown as ReportFigures;

describe("the report document", () => {
  const doc = buildReportDocument({ month: "2017-11", version: 2, state: "APPROVED", approvedAt: "2017-12-21T18:00:00Z", approvedBy: "Lic. Enrique Andrade", narratives: { community: "Primer párrafo.\n\nSegundo párrafo." }, figures });

  it("has the source document's structure, the narratives, annexes and a signature block", () => {
    const headings = doc.blocks.filter((b) => b.type === "heading").map((b) => (b as { text: string }).text);
    expect(headings.slice(0, 4)).toEqual(["1. Presentación", "2. Avances generados", "2.1. Secretaría Técnica y reuniones de trabajo", "2.2. Actividades de promoción para el registro"]);
    expect(headings).toContain("2.9. Atención ciudadana");
    expect(doc.monthLabel).toBe("Noviembre de 2017");
    expect(doc.status).toBe("Versión 2, aprobada el 21 de diciembre de 2017 por Lic. Enrique Andrade");
    const narrative = doc.blocks.filter((b) => b.type === "paragraph" && b.narrative).map((b) => (b as { text: string }).text);
    expect(narrative).toEqual(["Primer párrafo.", "Segundo párrafo."]);
    expect(doc.signature.map((s) => s.role)).toEqual(["Elaboró", "Aprobó"]);
    expect(annexTables(figures).map((a) => a.id)).toEqual(["events", "materials", "activities", "contest", "bulletins"]);
  });

  it("writes a DOCX that reads back with its headings, figures and tables", async () => {
    const bytes = await reportDocx(doc);
    expect(bytes.length).toBeGreaterThan(5000);
    const files = unzipSync(new Uint8Array(bytes));
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain("<w:tbl>");
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("2.4. Vinculación con la comunidad en el extranjero");
    expect(text).toContain("a eventos de vinculación en el extranjero 52,174 materiales");
    expect(text).toContain("65 citas para credencialización; 12 solicitudes de registro");
    expect(text).toContain("Anexo 2. Materiales distribuidos");
    expect(text).toContain("Díptico EUA");
  });

  it("prints as HTML with print CSS, escaping text", () => {
    const html = reportPrintHtml({ ...doc, blocks: [...doc.blocks, { type: "paragraph", text: "<script>alert(1)</script>" }] });
    expect(html).toContain("@page");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert");
  });
});

describe("PDF without Chromium", () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it("says Chromium is unavailable instead of failing obscurely", async () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    await expect(htmlToPdf("<p>x</p>", "x")).rejects.toBeInstanceOf(PdfUnavailableError);
  });
});
