/** Every bulk template carries the unsubscribe link and the postal address, in HTML and text. */
import { describe, expect, it } from "vitest";
import { BULK_TEMPLATES } from "../../emails/bulk/index";
import { bulletinSources, compiledBulletin, mergeBulletin, bulletinCompileCount } from "../../emails/bulk/render.server";

const context = { institutionName: "Instituto Nacional Electoral", postalAddress: "Viaducto Tlalpan 100, Arenal Tepepan, 14610 Ciudad de México", unsubscribeUrl: "https://alcance.example/u/TOKEN123", privacyUrl: "https://alcance.example/u/TOKEN123#aviso-de-privacidad" };

describe("bulk templates", () => {
  it("has at least one template", () => {
    expect(Object.keys(BULK_TEMPLATES).length).toBeGreaterThan(0);
  });

  for (const [name, template] of Object.entries(BULK_TEMPLATES)) {
    for (const language of ["es", "en"]) {
      it(`${name} (${language}) carries the unsubscribe link, the privacy link and the postal address`, async () => {
        expect(template.footer).toContain("{{unsubscribeUrl}}");
        expect(template.footer).toContain("{{postalAddress}}");
        expect(template.textFooter).toContain("{{unsubscribeUrl}}");
        expect(template.textFooter).toContain("{{postalAddress}}");
        const compiled = await compiledBulletin({ id: `tpl${name}${language}`, version: 1, subject: "Hola", preheader: null, bodyMarkdown: "Texto", language }, name);
        const message = mergeBulletin(compiled, {}, context);
        expect(message.html).toContain(`href="${context.unsubscribeUrl}"`);
        expect(message.html).toContain(`href="${context.privacyUrl}"`);
        expect(message.html).toContain(context.postalAddress);
        expect(message.text).toContain(context.unsubscribeUrl);
        expect(message.text).toContain(context.postalAddress);
        expect(message.html).not.toMatch(/\{\{\w+\}\}|\[\[\w+\]\]/);
      });
    }
  }

  it("compiles MJML once per bulletin version; a new version compiles again", async () => {
    const content = { id: "tplonce", version: 1, subject: "Hola {{nombre}}", preheader: null, bodyMarkdown: "Hola {{nombre}}", language: "es" };
    const before = bulletinCompileCount();
    const compiled = await compiledBulletin(content);
    for (let i = 0; i < 50; i++) mergeBulletin(await compiledBulletin(content), { givenName: `P${i}` }, context);
    expect(bulletinCompileCount() - before).toBe(1);
    expect(mergeBulletin(compiled, { givenName: "Rosa" }, context).subject).toBe("Hola Rosa");
    await compiledBulletin({ ...content, version: 2 });
    expect(bulletinCompileCount() - before).toBe(2);
  });

  it("refuses a bulk template that lacks the unsubscribe link", async () => {
    const broken = { name: "broken", footer: "<mj-text>{{postalAddress}}</mj-text>", textFooter: "{{postalAddress}}", labels: {} };
    BULK_TEMPLATES.broken = broken;
    try {
      await expect(compiledBulletin({ id: "tplbroken", version: 1, subject: "x", preheader: null, bodyMarkdown: "x", language: "es" }, "broken")).rejects.toThrow(/unsubscribeUrl/);
      expect(bulletinSources({ id: "tplbroken", version: 1, subject: "x", preheader: null, bodyMarkdown: "x", language: "es" }, "broken").mjml).not.toContain("{{unsubscribeUrl}}");
    } finally {
      delete BULK_TEMPLATES.broken;
    }
  });
});
