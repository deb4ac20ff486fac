import { describe, expect, it } from "vitest";
import { extractMergeTags, renderMarkdown, safeUrl, tagValue } from "~/modules/bulletins/markdown";
import { bulletinInputSchema } from "~/modules/bulletins/schema";
import { zonedLocalToUtc, utcToZonedLocal } from "~/modules/bulletins/time";

describe("bulletin Markdown", () => {
  it("renders the safe subset and lets no raw HTML through", () => {
    const { mjml, text } = renderMarkdown('# Título\n\nUn **párrafo** con *énfasis* y [liga](https://ine.mx/a?b=1&c=2).\n<script>alert("x")</script>\n\n- uno\n- dos\n\n1. primero\n\n![Logo](https://ine.mx/logo.png)\n\n[[Regístrate]](https://ine.mx/registro)\n\n[mala](javascript:alert(1))');
    expect(mjml).toContain("<h1");
    expect(mjml).toContain("<strong>párrafo</strong>");
    expect(mjml).toContain("<em>énfasis</em>");
    expect(mjml).toContain('<a href="https://ine.mx/a?b=1&amp;c=2"');
    expect(mjml).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mjml).not.toContain("<script");
    expect(mjml).toContain("<ul");
    expect(mjml).toContain("<ol");
    expect(mjml).toContain('<mj-image src="https://ine.mx/logo.png" alt="Logo" />');
    expect(mjml).toContain('<mj-button href="https://ine.mx/registro">Regístrate</mj-button>');
    expect(mjml).not.toContain("javascript:");
    expect(text).toContain("liga (https://ine.mx/a?b=1&c=2)");
    expect(text).toContain("Regístrate: https://ine.mx/registro");
    expect(text).toContain("- uno\n- dos");
  });

  it("turns merge tags into placeholders with fallbacks and reports unknown ones", () => {
    const tags = extractMergeTags('Hola {{ nombre | "amiga, amigo" }} de {{pais}}, {{correo}}');
    expect(tags.text).toBe("Hola {{m0}} de {{m1}}, {{m2}}");
    expect(tags.tags).toEqual([
      { field: "givenName", fallback: "amiga, amigo" },
      { field: "country", fallback: "" },
      { field: "email", fallback: "" },
    ]);
    expect(extractMergeTags("{{telefono}} {{nombre | sin comillas}}").unknown).toEqual(["{{telefono}}", "{{nombre | sin comillas}}"]);
    expect(tagValue({ field: "givenName", fallback: "amiga" }, { givenName: "  " })).toBe("amiga");
    expect(safeUrl("https://ine.mx/?n={{m0}}", { allowMailto: false })).toBe("https://ine.mx/?n={{u0}}");
    expect(safeUrl("data:text/html,x", { allowMailto: true })).toBeNull();
  });

  it("validates input with translated messages", () => {
    const bad = bulletinInputSchema.safeParse({ name: " ", subject: "{{desconocido}}", bodyMarkdown: "" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(["bulletins.errors.nameRequired", "bulletins.errors.unknownMergeTag", "bulletins.errors.bodyRequired"]));
    expect(messages.every((m) => m.startsWith("bulletins.errors."))).toBe(true);
  });

  it("reads scheduled times in the user's time zone and stores UTC", () => {
    expect(zonedLocalToUtc("2017-11-19T10:00", "America/Chicago")?.toISOString()).toBe("2017-11-19T16:00:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T09:30", "Europe/Madrid")?.toISOString()).toBe("2026-07-01T07:30:00.000Z");
    expect(utcToZonedLocal(new Date("2017-11-21T18:00:00Z"), "America/Los_Angeles")).toBe("2017-11-21T10:00");
    expect(zonedLocalToUtc("mañana", "America/Mexico_City")).toBeNull();
  });
});
