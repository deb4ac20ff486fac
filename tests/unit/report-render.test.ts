/**
 * The report's renderings from a hand-made document model (blocks.ts): the print view (what the
 * PDF is made of) and the DOCX. Headings are real h1–h6 / Heading1–6 with their numbers, in order;
 * a pending section prints its heading and a «Pendiente» note; the contents, the annex index, the
 * tables and the approval line are there; Word gets a TOC field it updates on opening and page
 * number fields in the footer; every text is escaped.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { bookmarkName, reportDocx } from "~/modules/reports/docx.server";
import { contentsEntries, reportPrintHtml } from "~/modules/reports/print.server";
import { FIXTURE_SECTIONS, FIXTURE_TITLE, fixtureDocument } from "../support/report-document";

export { fixtureDocument } from "../support/report-document";

const label = (s: { number: string | null; text: string }) => (s.number ? `${s.number}. ${s.text}` : s.text);
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

describe("the print view", () => {
  const doc = fixtureDocument();
  const html = reportPrintHtml(doc);

  it("marks every section with a real heading of its level, numbered, in the document's order", () => {
    const headings = [...html.matchAll(/<h([1-6]) id="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({ level: Number(m[1]), id: m[2], text: plain(m[3]!) }));
    expect(headings).toEqual(FIXTURE_SECTIONS.map((s) => ({ level: s.level, id: s.id, text: label(s) })));
    expect(new Set(headings.map((h) => h.level))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it("prints a pending section's heading with a «Pendiente» note: its own, or ours when it has none", () => {
    const after = (id: string) => html.slice(html.indexOf(`id="${id}"`)).split("\n").slice(1, 2).join("");
    expect(after("registration")).toContain('class="pending-note"');
    expect(plain(after("registration"))).toBe("Pendiente: la DERFE aún no envía su texto.");
    expect(plain(after("deoe"))).toBe("Pendiente: esta sección aún no tiene su texto.");
    expect(plain(after("annex_registration"))).toMatch(/^Pendiente/);
    expect(plain(after("enquiries"))).toMatch(/^Por revisar/);
    // Only the pending ones.
    expect(html.match(/class="pending-note"/g)).toHaveLength(3);
  });

  it("has a cover, the contents linked to the headings (no page numbers in the print view) and the annex index", () => {
    const text = plain(html);
    expect(text.indexOf(FIXTURE_TITLE)).toBeLessThan(text.indexOf("Contenido"));
    expect(text).toContain("Noviembre 2017");
    const contents = html.slice(html.indexOf('<nav class="contents"'), html.indexOf("</nav>"));
    const links = [...contents.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual([...contentsEntries(doc).map((e) => e.id), "annex_registration", "annex_enquiries"]);
    expect(links).not.toContain("community_abroad"); // deeper than the contents go
    expect(plain(contents)).toContain("Índice de anexos");
    expect(plain(contents)).toContain("Anexo 1.Solicitudes de inscripción");
    // The page cells are there, empty: the PDF fills them.
    expect([...contents.matchAll(/<span class="toc-page" data-toc-target="[^"]+"><\/span>/g)]).toHaveLength(links.length);
  });

  it("prints tables with a header row and the approval line at the end as the source does", () => {
    expect(html).toContain('<thead><tr><th scope="col">Fecha</th><th scope="col">Lugar</th><th scope="col">Asistentes</th></tr></thead>');
    const approval = plain(html.slice(html.indexOf('<section class="approval"')));
    expect(approval).toMatch(/^\s*Acuerdo\s*INE\/CVMRE-03SE: 21\/12\/2017 La Comisión Temporal/);
    expect(approval).toContain("Sentido del voto");
    expect(approval).toContain("• Dr. Benito Nacif Hernández.");
    expect(html.lastIndexOf("<h")).toBeLessThan(html.indexOf('<section class="approval"'));
    expect(reportPrintHtml(fixtureDocument({ overrides: { approval: null } }))).not.toContain('class="approval"');
  });

  it("escapes every text it prints", () => {
    const evil = `<script>alert("x")</script>' onmouseover='x`;
    const hostile = fixtureDocument({
      sections: [{ level: 1, number: "1", text: evil, id: `x" onclick="alert(1)` }],
      overrides: { title: evil, subtitle: evil, monthLabel: evil, status: evil, signature: [{ role: evil, name: evil }], approval: { agreement: evil, adoptedOn: evil, text: evil, vote: evil } },
    });
    hostile.blocks.push({ type: "table", id: evil, caption: evil, headers: [evil], rows: [[evil]] }, { type: "bullets", items: [evil] }, { type: "pending", text: evil });
    const out = reportPrintHtml(hostile);
    expect(out).not.toContain("<script>");
    expect(out).not.toContain(`" onclick="`);
    expect(out).not.toContain(`' onmouseover='`);
    expect(out).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x");
  });
});

describe("the DOCX", () => {
  const doc = fixtureDocument();
  const files = async (d = doc) => unzipSync(new Uint8Array(await reportDocx(d)));
  const text = (xml: string) => xml.replace(/<w:tab\/>/g, "\t").replace(/<[^>]+>/g, "");

  it("has the headings in order, numbered, in Word's Heading 1–6 styles", async () => {
    const xml = strFromU8((await files())["word/document.xml"]!);
    const body = xml.slice(xml.indexOf("</w:sdt>"));
    const paragraphs = [...body.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading([1-6])"\/>([\s\S]*?)<\/w:p>/g)].map((m) => ({ level: Number(m[1]), text: text(m[2]!) }));
    expect(paragraphs).toEqual(FIXTURE_SECTIONS.map((s) => ({ level: s.level, text: label(s) })));
    // Each heading is bookmarked by its outline key (the annex index links there).
    for (const s of FIXTURE_SECTIONS) expect(body).toContain(`w:name="${bookmarkName(s.id)}"`);
  });

  it("has a real table of contents Word fills on opening, already listing the headings before it does", async () => {
    const f = await files();
    const xml = strFromU8(f["word/document.xml"]!);
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-3&quot;<\/w:instrText>/);
    expect(xml).toContain('w:fldCharType="begin" w:dirty="true"');
    expect(strFromU8(f["word/settings.xml"]!)).toMatch(/<w:updateFields( w:val="(true|1)")?\/>/);
    const toc = text(xml.slice(xml.indexOf("<w:sdt>"), xml.indexOf("</w:sdt>")));
    let at = 0;
    for (const s of FIXTURE_SECTIONS.filter((x) => x.level <= 3)) {
      const found = toc.indexOf(label(s), at);
      expect(found, label(s)).toBeGreaterThanOrEqual(at);
      at = found;
    }
    expect(toc).not.toContain("Detalle de Lynwood"); // level 6: not in the contents
    // The annex index: each annex with a PAGEREF to its bookmark.
    const index = text(xml.slice(xml.indexOf("Índice de anexos"), xml.indexOf("Índice de anexos") + 4000));
    expect(index).toContain("Anexo 1. Solicitudes de inscripción a la Lista Nominal de Electores Residentes en el Extranjero (pendiente)");
    expect(xml).toContain(`PAGEREF ${bookmarkName("annex_enquiries")}`);
  });

  it("numbers the pages «Página X de Y» in the footer, prints tables with header rows, pending notes and the approval line", async () => {
    const f = await files();
    const footers = Object.keys(f)
      .filter((name) => /^word\/footer\d+\.xml$/.test(name))
      .map((name) => strFromU8(f[name]!));
    const numbered = footers.find((x) => x.includes(">PAGE<"));
    expect(numbered).toBeDefined();
    expect(numbered).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(text(numbered!)).toContain("Página PAGE de NUMPAGES");
    const xml = strFromU8(f["word/document.xml"]!);
    expect(xml).toContain("<w:tblHeader/>");
    const all = text(xml);
    expect(all).toContain("Pendiente: la DERFE aún no envía su texto.");
    expect(all).toContain("Pendiente: esta sección aún no tiene su texto.");
    expect(all).toMatch(/AcuerdoINE\/CVMRE-03SE: 21\/12\/2017 La Comisión Temporal del Voto/);
    expect(all).toContain("Sentido del votoAprobado por unanimidad de la Consejera y los Consejeros Electorales:• Lic. Enrique Andrade González");
    expect(all.indexOf("Sentido del voto")).toBeGreaterThan(all.lastIndexOf("Atención ciudadana: consultas sobre el VMRE"));
    expect(all.indexOf(FIXTURE_TITLE)).toBeLessThan(all.indexOf("Contenido"));
  });

  it("writes hostile text as text", async () => {
    const evil = `<w:p>&amp;"'`;
    const xml = strFromU8((await files(fixtureDocument({ sections: [{ level: 1, number: "1", text: evil, id: "a b" }], overrides: { title: evil } })))["word/document.xml"]!);
    expect(xml).not.toContain("<w:p>&amp;");
    expect(xml).toContain("&lt;w:p&gt;&amp;amp;");
  });
});
