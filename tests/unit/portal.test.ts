/** The applicant portal's pure rules (decision 029): the FAQ text format, the countdown, the forms. */
import { describe, expect, it } from "vitest";
import { countdown, draftSchema, faqFromText, faqToText, publishSchema, signUpSchema } from "~/modules/portal";

describe("the FAQ as the office types it", () => {
  it("reads blocks separated by a blank line: the first line asks, the rest answers", () => {
    const text = "¿Puedo enviar en inglés?\nSí.\n\r\n¿Hasta cuándo?\nHasta el cierre.\nSin prórroga.\n\n\n";
    expect(faqFromText(text)).toEqual([
      { q: "¿Puedo enviar en inglés?", a: "Sí." },
      { q: "¿Hasta cuándo?", a: "Hasta el cierre.\nSin prórroga." },
    ]);
    expect(faqFromText(faqToText(faqFromText(text)))).toEqual(faqFromText(text));
    expect(faqFromText(null)).toEqual([]);
  });
});

describe("the correction countdown", () => {
  const now = new Date("2018-01-10T12:00:00Z");
  it("counts whole days and hours left, and nothing once the deadline has passed", () => {
    expect(countdown(new Date("2018-01-15T11:00:00Z"), now)).toEqual({ days: 4, hours: 23 });
    expect(countdown(new Date("2018-01-10T12:30:00Z"), now)).toEqual({ days: 0, hours: 0 });
    expect(countdown(now, now)).toBeNull();
    expect(countdown(new Date("2018-01-09T12:00:00Z"), now)).toBeNull();
  });
});

describe("the portal's forms", () => {
  it("keeps e-mail addresses lower-case and refuses short passwords", () => {
    expect(signUpSchema.parse({ email: " Osc@Ejemplo.ORG ", password: "x".repeat(12) }).email).toBe("osc@ejemplo.org");
    expect(signUpSchema.safeParse({ email: "osc@ejemplo.org", password: "corta" }).success).toBe(false);
  });
  it("reads blank optional fields as absent and checks the amount", () => {
    const draft = draftSchema.parse({ title: "  Voto 2018 ", summary: "   ", requestedBudget: "$24,500.50" });
    expect(draft).toMatchObject({ title: "Voto 2018", summary: null, requestedBudget: "24500.50", requirementId: null });
    expect(draftSchema.safeParse({ requestedBudget: "mucho" }).success).toBe(false);
  });
  it("accepts a slug of lower-case letters, digits and hyphens only", () => {
    expect(publishSchema.parse({ slug: " OSC-2018 " }).slug).toBe("osc-2018");
    for (const slug of ["ab", "osc/2018", "osc 2018", "osc_2018"]) expect(publishSchema.safeParse({ slug }).success, slug).toBe(false);
  });
});
