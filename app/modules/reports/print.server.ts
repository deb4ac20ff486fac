/** The report as a standalone HTML page with print CSS: the print view, and what Chromium turns into the PDF. */
import type { ReportDocument } from "./document";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const PRINT_CSS = `
@page { size: Letter; margin: 2.2cm 2cm 2.2cm 2cm; }
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: 11pt; line-height: 1.45; color: #111; margin: 0; }
main { max-width: 17cm; margin: 0 auto; padding: 1cm 0; }
.cover { text-align: center; margin-bottom: 1.2cm; border-bottom: 2px solid #6d2146; padding-bottom: .6cm; }
.cover .institution { color: #555; font-size: 10pt; }
.cover h1 { font-size: 18pt; margin: .4cm 0 .2cm; }
.cover .month { font-size: 14pt; font-weight: bold; }
.cover .status { font-style: italic; font-size: 10pt; }
h2 { font-size: 14pt; color: #6d2146; margin: .8cm 0 .3cm; page-break-after: avoid; }
h3 { font-size: 12pt; margin: .6cm 0 .2cm; page-break-after: avoid; }
p { text-align: justify; margin: 0 0 .25cm; }
ul { margin: 0 0 .3cm 0; padding-left: .6cm; }
table { width: 100%; border-collapse: collapse; margin: .2cm 0 .5cm; font-size: 9pt; page-break-inside: auto; }
caption { text-align: left; font-weight: bold; margin-bottom: .15cm; }
th, td { border: 1px solid #888; padding: 3px 5px; vertical-align: top; }
th { background: #eee; }
tr { page-break-inside: avoid; }
.signatures { display: flex; gap: 2cm; margin-top: 2cm; page-break-inside: avoid; }
.signatures div { flex: 1; text-align: center; }
.signatures .line { border-bottom: 1px solid #000; height: 2cm; margin-bottom: .2cm; }
@media screen { body { background: #f4f4f4; } main { background: #fff; padding: 2cm; box-shadow: 0 0 4px #aaa; margin: 1cm auto; } }
`;

export function blocksHtml(doc: ReportDocument): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === "heading") out.push(`<h${b.level + 1}${b.id ? ` id="${esc(b.id)}"` : ""}>${esc(b.text)}</h${b.level + 1}>`);
    else if (b.type === "paragraph") out.push(`<p>${esc(b.text)}</p>`);
    else if (b.type === "bullets") out.push(`<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`);
    else {
      const body = b.rows.length ? b.rows.map((r) => `<tr>${r.map((v) => `<td>${esc(v)}</td>`).join("")}</tr>`).join("") : `<tr><td colspan="${b.headers.length}">Sin registros en el mes.</td></tr>`;
      out.push(`<table id="annex-${esc(b.id)}"><caption>${esc(b.caption)}</caption><thead><tr>${b.headers.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table>`);
    }
  }
  return out.join("\n");
}

export function reportPrintHtml(doc: ReportDocument): string {
  return `<!doctype html>
<html lang="es-MX"><head><meta charset="utf-8"><title>${esc(doc.title)} — ${esc(doc.monthLabel)}</title><style>${PRINT_CSS}</style></head>
<body><main>
<header class="cover"><div class="institution">${esc(doc.subtitle)}</div><h1>${esc(doc.title)}</h1><div class="month">${esc(doc.monthLabel)}</div><div class="status">${esc(doc.status)}</div></header>
${blocksHtml(doc)}
<section class="signatures">${doc.signature.map((s) => `<div><strong>${esc(s.role)}</strong><div class="line"></div>${esc(s.name || "Nombre y firma")}</div>`).join("")}</section>
</main></body></html>`;
}
