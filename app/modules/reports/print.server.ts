/**
 * The report as a standalone HTML page with print CSS: the print view (`/reports/<month>/print`),
 * and what Chromium turns into the PDF (pdf.server.ts). It looks like the source document: a cover
 * page, the table of contents («Contenido») and the annex index on their own page, the sections
 * with their numbers as real headings (`h1`–`h6`, the level from the outline), a section still
 * waiting for its text printed with a «Pendiente» note, tables with header rows, and the approval
 * line at the end as the source prints it («Acuerdo … / Sentido del voto …»).
 *
 * Page numbers in the contents: the print view links each entry to its heading and shows no page
 * numbers (a browser prints its own). The PDF fills them in: every entry carries an empty
 * `<span class="toc-page" data-toc-target="ID">` of fixed width, and pdf.server.ts writes the page
 * it measured into it before the final render (see the method there). The span's width is reserved
 * either way, so writing the numbers moves nothing.
 *
 * Every text is escaped; nothing in the model is trusted as markup.
 */
import type { Block, HeadingBlock, ReportDocument, TocEntry } from "./blocks";

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The contents list headings down to this depth (the source lists 1 and 2.1…; the DOCX lists 1–3 too). */
export const TOC_DEPTH = 3;

/** "2.1.4. Oficina de Vinculación…", "Anexo 3. Organización electoral", or the bare title when unnumbered. */
export function headingLabel(h: { number: string | null; text: string }): string {
  return h.number ? `${h.number}. ${h.text}` : h.text;
}

/** The words printed beside a section that waits for its text (the model may give its own). */
export const PENDING_NOTE = "Pendiente: esta sección aún no tiene su texto.";
export const REVIEW_NOTE = "Por revisar: los datos cambiaron después de que se redactó este texto.";
export const NO_ROWS = "Sin registros en el mes.";

export const PRINT_CSS = `
@page { size: Letter; margin: 2.5cm 2.2cm 2.4cm 2.2cm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; margin: 0; overflow-wrap: break-word; }
main { max-width: 17cm; margin: 0 auto; }
a { color: inherit; text-decoration: none; }
.cover { min-height: 20cm; display: flex; flex-direction: column; justify-content: center; text-align: center; break-after: page; }
.cover .institution { color: #555; font-size: 10pt; margin-bottom: 1.5cm; }
.cover .title { text-align: center; font-size: 20pt; font-weight: bold; line-height: 1.3; margin: 0 0 .8cm; color: #6d2146; }
.cover .month { font-size: 16pt; font-weight: bold; margin-bottom: .4cm; }
.cover .status { font-style: italic; font-size: 10pt; color: #444; }
.contents .contents-title { font-size: 14pt; font-weight: bold; color: #6d2146; margin: 0 0 .4cm; }
.contents ol { list-style: none; margin: 0 0 .6cm; padding: 0; }
.contents li a { display: flex; align-items: baseline; gap: .2cm; padding: .05cm 0; }
.contents .toc-num { flex: none; min-width: 1.4cm; }
.contents .toc-text { flex: 0 1 auto; }
.contents .toc-dots { flex: 1 1 0.5cm; border-bottom: 1px dotted #777; transform: translateY(-.1cm); min-width: .5cm; }
.contents .toc-page { flex: none; width: 1cm; text-align: right; }
.contents .toc-l1 { font-weight: bold; }
.contents .toc-l2 { padding-left: .6cm; }
.contents .toc-l3 { padding-left: 1.2cm; font-size: 10pt; }
.contents .pending-mark { font-style: italic; color: #8a4b00; font-weight: normal; }
.body { break-before: page; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; line-height: 1.3; }
h1 { font-size: 15pt; color: #6d2146; margin: .9cm 0 .35cm; }
h2 { font-size: 13pt; color: #6d2146; margin: .7cm 0 .3cm; }
h3 { font-size: 12pt; margin: .6cm 0 .25cm; }
h4 { font-size: 11pt; margin: .5cm 0 .2cm; }
h5, h6 { font-size: 11pt; font-style: italic; margin: .4cm 0 .2cm; }
.body > h1:first-child { margin-top: 0; }
p { text-align: justify; margin: 0 0 .25cm; }
ul { margin: 0 0 .3cm 0; padding-left: .6cm; }
.pending-note, .review-note { border-left: 3px solid #c77700; background: #fff6e5; padding: .15cm .3cm; font-style: italic; text-align: left; }
.review-note { border-left-color: #6d2146; background: #f7edf2; }
table { width: 100%; border-collapse: collapse; margin: .2cm 0 .5cm; font-size: 9pt; }
caption { text-align: left; font-weight: bold; margin-bottom: .15cm; }
th, td { border: 1px solid #888; padding: 3px 5px; vertical-align: top; text-align: left; }
thead th { background: #e7e6e6; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.approval { margin-top: 1cm; break-inside: avoid; page-break-inside: avoid; }
.approval th { width: 3.5cm; background: #e7e6e6; }
.approval ul { list-style: none; padding: 0; margin: .1cm 0 0; }
.signatures { display: flex; flex-wrap: wrap; gap: 1cm 2cm; margin-top: 2cm; break-inside: avoid; page-break-inside: avoid; }
.signatures div { flex: 1 1 6cm; text-align: center; }
.signatures .line { border-bottom: 1px solid #000; height: 2cm; margin-bottom: .2cm; }
@media screen {
  body { background: #f4f4f4; }
  main { background: #fff; padding: 1.5cm 2cm; box-shadow: 0 0 4px #aaa; margin: 1cm auto; }
  .cover { min-height: 0; padding: 2cm 0; border-bottom: 2px solid #6d2146; }
  .contents { border-bottom: 1px solid #ccc; padding: .8cm 0; }
  .contents .toc-page, .contents .toc-dots { display: none; }
  .contents .toc-text { text-decoration: underline; }
}
@media screen and (max-width: 600px) {
  main { padding: 1rem; margin: 0; box-shadow: none; }
  .cover .title { font-size: 16pt; }
  .contents .toc-num { min-width: 0; }
  .contents .toc-l2 { padding-left: .4cm; }
  .contents .toc-l3 { padding-left: .8cm; }
  table { display: block; overflow-x: auto; }
}
`;

/** The contents: headings down to TOC_DEPTH except the annexes (they have their own index). */
export function contentsEntries(doc: ReportDocument): TocEntry[] {
  const annexIds = new Set(doc.annexes.map((a) => a.id));
  return doc.toc.filter((e) => e.level <= TOC_DEPTH && !annexIds.has(e.id));
}

function tocItem(entry: { id: string; number: string | null; text: string; level: number }, pending: boolean): string {
  const level = Math.min(Math.max(entry.level, 1), 3);
  return (
    `<li class="toc-l${level}"><a href="#${esc(entry.id)}">` +
    `<span class="toc-num">${entry.number ? esc(entry.number) + "." : ""}</span>` +
    `<span class="toc-text">${esc(entry.text)}${pending ? ` <span class="pending-mark">(pendiente)</span>` : ""}</span>` +
    `<span class="toc-dots" aria-hidden="true"></span><span class="toc-page" data-toc-target="${esc(entry.id)}"></span></a></li>`
  );
}

function contentsHtml(doc: ReportDocument): string {
  const pendingIds = new Set(doc.blocks.filter((b): b is HeadingBlock => b.type === "heading" && !!b.pending).map((b) => b.id));
  const entries = contentsEntries(doc);
  const annexes = doc.annexes.length
    ? `<p class="contents-title" id="annex-index-title">Índice de anexos</p>
<ol class="annex-index" aria-labelledby="annex-index-title">${doc.annexes.map((a) => tocItem({ id: a.id, number: a.number, text: a.title, level: 1 }, a.pending)).join("")}</ol>`
    : "";
  return `<nav class="contents" aria-labelledby="contents-title">
<p class="contents-title" id="contents-title">Contenido</p>
<ol class="toc">${entries.map((e) => tocItem(e, pendingIds.has(e.id))).join("")}</ol>
${annexes}
</nav>`;
}

function headingHtml(b: HeadingBlock): string {
  const level = Math.min(Math.max(Math.trunc(b.level), 1), 6);
  const num = b.number ? `<span class="num">${esc(b.number)}.</span> ` : "";
  return `<h${level} id="${esc(b.id)}"${b.pending ? ` class="pending"` : ""}>${num}${esc(b.text)}</h${level}>`;
}

const pendingText = (text: string) => (/^\s*pendiente\b/i.test(text) ? esc(text) : `<strong>Pendiente:</strong> ${esc(text)}`);

/** The body: every block in order; a pending heading always gets its note (its own or ours). */
export function blocksHtml(doc: Pick<ReportDocument, "blocks">): string {
  const out: string[] = [];
  doc.blocks.forEach((b: Block, i) => {
    if (b.type === "heading") {
      out.push(headingHtml(b));
      if (b.review) out.push(`<p class="review-note">${esc(REVIEW_NOTE)}</p>`);
      if (b.pending && doc.blocks[i + 1]?.type !== "pending") out.push(`<p class="pending-note">${esc(PENDING_NOTE)}</p>`);
    } else if (b.type === "pending") out.push(`<p class="pending-note">${pendingText(b.text)}</p>`);
    else if (b.type === "paragraph") out.push(`<p>${esc(b.text)}</p>`);
    else if (b.type === "bullets") out.push(`<ul>${b.items.map((item) => `<li>${esc(item)}</li>`).join("")}</ul>`);
    else {
      const body = b.rows.length
        ? b.rows.map((r) => `<tr>${r.map((v) => `<td>${esc(v)}</td>`).join("")}</tr>`).join("")
        : `<tr><td colspan="${Math.max(b.headers.length, 1)}">${esc(NO_ROWS)}</td></tr>`;
      out.push(
        `<table id="table-${esc(b.id)}"><caption>${esc(b.caption)}</caption><thead><tr>${b.headers.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table>`,
      );
    }
  });
  return out.join("\n");
}

/** The approval line as the source prints it: «Acuerdo | INE/CVMRE-03SE: 21/12/2017 …», «Sentido del voto | …». */
export function approvalHtml(approval: ReportDocument["approval"]): string {
  if (!approval) return "";
  const lines = (approval.vote ?? "")
    .split(/\n+/)
    .map((l) => l.replace(/^\s*[•\-*]\s*/, "").trim())
    .filter(Boolean);
  const vote = lines.length ? `${esc(lines[0]!)}${lines.length > 1 ? `<ul>${lines.slice(1).map((l) => `<li>• ${esc(l)}</li>`).join("")}</ul>` : ""}` : "";
  return `<section class="approval" aria-label="Aprobación">
<table><tbody>
<tr><th scope="row">Acuerdo</th><td><strong>${esc(approval.agreement)}: ${esc(approval.adoptedOn)}</strong> ${esc(approval.text)}</td></tr>
${vote ? `<tr><th scope="row">Sentido del voto</th><td>${vote}</td></tr>` : ""}
</tbody></table>
</section>`;
}

/** The whole document as one standalone page (no scripts, no external resources). */
export function reportPrintHtml(doc: ReportDocument): string {
  const signatures = doc.signature.length
    ? `<section class="signatures" aria-label="Firmas">${doc.signature.map((s) => `<div><strong>${esc(s.role)}</strong><div class="line"></div>${esc(s.name || "Nombre y firma")}</div>`).join("")}</section>`
    : "";
  return `<!doctype html>
<html lang="es-MX"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(doc.title)} — ${esc(doc.monthLabel)}</title><style>${PRINT_CSS}</style></head>
<body><main>
<header class="cover"><div class="institution">${esc(doc.subtitle)}</div><p class="title">${esc(doc.title)}</p><div class="month">${esc(doc.monthLabel)}</div><div class="status">${esc(doc.status)}</div></header>
${contentsHtml(doc)}
<article class="body">
${blocksHtml(doc)}
${approvalHtml(doc.approval)}
${signatures}
</article>
</main></body></html>`;
}
