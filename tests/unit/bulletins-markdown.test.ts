import { describe, expect, it } from "vitest";
import { extractMergeTags, renderInline, renderMarkdown, safeUrl, tagValue } from "~/modules/bulletins/markdown";
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

/** The former regex renderer of inline Markdown: the reference for what the tokenizer must recognise. */
function regexInline(source: string): { html: string; text: string } {
  const escape = (v: string) => v.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
  let html = "";
  let text = "";
  let last = 0;
  for (const match of source.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*|\*([^*]+)\*/g)) {
    const before = source.slice(last, match.index);
    html += escape(before);
    text += before;
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      const label = regexInline(match[1]);
      const url = safeUrl(match[2]!, { allowMailto: true });
      html += url ? `<a href="${escape(url)}" style="color:#8a1538">${label.html}</a>` : label.html;
      text += url ? `${label.text} (${url})` : label.text;
    } else {
      const inner = regexInline(match[3] ?? match[4]!);
      html += match[3] !== undefined ? `<strong>${inner.html}</strong>` : `<em>${inner.html}</em>`;
      text += inner.text;
    }
  }
  html += escape(source.slice(last));
  text += source.slice(last);
  return { html, text };
}

describe("bulletin Markdown on any input", () => {
  it("recognises exactly the links, bold and italics the regex renderer did", () => {
    let seed = 2017;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pieces = ["[", "]", "(", ")", "*", "**", "a", " ", "https://ine.mx/x", "mailto:a@b.mx", "javascript:x", "!", "{{m0}}", "<", "&", "[[", "]]", "\t"];
    for (let run = 0; run < 20_000; run++) {
      let line = "";
      const length = 1 + Math.floor(random() * 16);
      for (let k = 0; k < length; k++) line += pieces[Math.floor(random() * pieces.length)];
      expect(renderInline(line), line).toEqual(regexInline(line));
    }
    expect(renderInline("**[a](https://ine.mx)** y *b* [**c**](mailto:x@y.mx)").html).toBe(
      '<strong><a href="https://ine.mx" style="color:#8a1538">a</a></strong> y <em>b</em> <a href="mailto:x@y.mx" style="color:#8a1538"><strong>c</strong></a>',
    );
  });

  // A regression guard, not a speed goal (bench/markdown.ts measures): each of these bodies took
  // 1–5 s with the backtracking link regex; linear work renders them in milliseconds. The pause
  // after each body lets the test's timeout fire if a render blocked the event loop too long.
  const size = 100_000;
  const fill = (unit: string, prefix = "") => (prefix + unit.repeat(Math.ceil(size / unit.length))).slice(0, size);
  const adversarial: Record<string, string> = {
    'x + "["': fill("[", "x"),
    '"("': fill("("),
    '"*"': fill("*"),
    '"**a"': fill("**a"),
    '"_"': fill("_"),
    '"!["': fill("!["),
    '"]("': fill("]("),
    '"[a]("': fill("[a]("),
    '"[a](b"': fill("[a](b"),
    backticks: fill("`"),
    "nested brackets": "[".repeat(size / 2) + "]".repeat(size / 2),
    '"[["': fill("[["),
    '"{{"': fill("{{"),
    "a list item of [a": `- ${fill("[a")}`,
  };
  it("renders 100,000-character adversarial bodies without blocking", { timeout: 2_000 }, async () => {
    for (const [name, body] of Object.entries(adversarial)) {
      const { mjml, text } = renderMarkdown(extractMergeTags(body).text);
      expect(mjml.length, name).toBeGreaterThan(0);
      expect(text.length, name).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  });
});
