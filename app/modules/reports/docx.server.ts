/**
 * The report as a Word document (the `docx` package), in Spanish, shaped like the source: a cover
 * page; «Contenido», a real Word table of contents (a TOC field over Heading 1–3, with hyperlinks);
 * the annex index; the sections as numbered headings in Word's Heading 1–6 styles (the level from
 * the outline), each bookmarked by its outline key; tables with a repeated header row; a pending
 * section printed with its «Pendiente» note; the approval line at the end («Acuerdo / Sentido del
 * voto», as the source prints it); «Página X de Y» in the footer (PAGE and NUMPAGES fields).
 *
 * Page numbers: Word computes them, we cannot. The TOC field is written dirty with
 * `features.updateFields`, so Word fills the numbers when the document is opened (it asks first);
 * until then — and in programs that never update fields — the field's cached result already lists
 * every heading with its number (written by `docx` from the headings), so the text is there before
 * any update. The annex index's page numbers are PAGEREF fields to the annexes' bookmarks, updated
 * the same way.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  InternalHyperlink,
  LeaderType,
  Packer,
  PageBreak,
  PageNumber,
  PageReference,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import type { Block, HeadingBlock, ReportDocument } from "./blocks";
import { headingLabel, NO_ROWS, PENDING_NOTE, REVIEW_NOTE, TOC_DEPTH } from "./print.server";

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
  5: HeadingLevel.HEADING_5,
  6: HeadingLevel.HEADING_6,
} as const;

const ACCENT = "6D2146";

/** A Word bookmark name for an outline key: a letter first, letters, digits and "_" only, at most 40 characters. */
export function bookmarkName(id: string): string {
  return `s_${id.replace(/[^A-Za-z0-9_]/g, "_")}`.slice(0, 40);
}

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: header, size: 18 })] })],
    shading: header ? { fill: "E7E6E6" } : undefined,
  });
}

function heading(b: HeadingBlock): Paragraph {
  const level = Math.min(Math.max(Math.trunc(b.level), 1), 6) as keyof typeof HEADINGS;
  return new Paragraph({
    heading: HEADINGS[level],
    keepNext: true,
    spacing: { before: 240, after: 120 },
    children: [new Bookmark({ id: bookmarkName(b.id), children: [new TextRun({ text: headingLabel(b) })] })],
  });
}

const note = (text: string, color: string) =>
  new Paragraph({
    spacing: { after: 120 },
    border: { left: { style: BorderStyle.SINGLE, size: 18, color, space: 6 } },
    children: [new TextRun({ text, italics: true })],
  });

function pendingNote(text: string): Paragraph {
  if (/^\s*pendiente\b/i.test(text)) return note(text, "C77700");
  return new Paragraph({
    spacing: { after: 120 },
    border: { left: { style: BorderStyle.SINGLE, size: 18, color: "C77700", space: 6 } },
    children: [new TextRun({ text: "Pendiente: ", bold: true, italics: true }), new TextRun({ text, italics: true })],
  });
}

function blocks(list: Block[]): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  list.forEach((block, i) => {
    if (block.type === "heading") {
      out.push(heading(block));
      if (block.review) out.push(note(REVIEW_NOTE, ACCENT));
      if (block.pending && list[i + 1]?.type !== "pending") out.push(note(PENDING_NOTE, "C77700"));
    } else if (block.type === "pending") out.push(pendingNote(block.text));
    else if (block.type === "paragraph") out.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: [new TextRun({ text: block.text })] }));
    else if (block.type === "bullets") for (const item of block.items) out.push(new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [new TextRun({ text: item })] }));
    else {
      out.push(new Paragraph({ keepNext: true, spacing: { before: 240, after: 80 }, children: [new TextRun({ text: block.caption, bold: true })] }));
      const rows = [new TableRow({ tableHeader: true, cantSplit: true, children: block.headers.map((h) => cell(h, true)) }), ...block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v) => cell(v)) }))];
      if (block.rows.length === 0) rows.push(new TableRow({ children: [new TableCell({ columnSpan: Math.max(block.headers.length, 1), children: [new Paragraph(NO_ROWS)] })] }));
      out.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }));
    }
  });
  return out;
}

function cover(doc: ReportDocument): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 1200 }, children: [new TextRun({ text: doc.subtitle, size: 20, color: "555555" })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 600 }, children: [new TextRun({ text: doc.title, bold: true, size: 40, color: ACCENT })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: doc.monthLabel, bold: true, size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.status, italics: true, size: 20 })] }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

const sectionTitle = (text: string) => new Paragraph({ spacing: { before: 120, after: 240 }, children: [new TextRun({ text, bold: true, size: 28, color: ACCENT })] });

/** «Contenido» (the TOC field) and «Índice de anexos» (links with PAGEREF page numbers). */
function contents(doc: ReportDocument): Array<Paragraph | TableOfContents> {
  const out: Array<Paragraph | TableOfContents> = [sectionTitle("Contenido"), new TableOfContents("Contenido", { hyperlink: true, headingStyleRange: `1-${TOC_DEPTH}`, tabLeader: LeaderType.DOT })];
  if (doc.annexes.length) {
    out.push(sectionTitle("Índice de anexos"));
    for (const a of doc.annexes) {
      out.push(
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: 9000, leader: LeaderType.DOT }],
          spacing: { after: 80 },
          children: [
            new InternalHyperlink({ anchor: bookmarkName(a.id), children: [new TextRun({ text: `${a.number}. ${a.title}` }), ...(a.pending ? [new TextRun({ text: " (pendiente)", italics: true })] : [])] }),
            new TextRun({ text: "\t" }),
            new PageReference(bookmarkName(a.id)),
          ],
        }),
      );
    }
  }
  out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

/** The approval line as the source prints it: a two-row table, «Acuerdo» and «Sentido del voto». */
function approval(doc: ReportDocument): Array<Paragraph | Table> {
  if (!doc.approval) return [];
  const a = doc.approval;
  const label = (text: string) => new TableCell({ width: { size: 22, type: WidthType.PERCENTAGE }, shading: { fill: "E7E6E6" }, children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })] });
  const lines = (a.vote ?? "")
    .split(/\n+/)
    .map((l) => l.replace(/^\s*[•\-*]\s*/, "").trim())
    .filter(Boolean);
  const rows = [
    new TableRow({
      cantSplit: true,
      children: [label("Acuerdo"), new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: `${a.agreement}: ${a.adoptedOn} `, bold: true }), new TextRun({ text: a.text })] })] })],
    }),
  ];
  if (lines.length)
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [label("Sentido del voto"), new TableCell({ children: lines.map((l, i) => new Paragraph({ children: [new TextRun({ text: i === 0 ? l : `• ${l}` })] })) })],
      }),
    );
  return [new Paragraph({ spacing: { before: 480 }, keepNext: true, children: [] }), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })];
}

function signatures(doc: ReportDocument): Array<Paragraph | Table> {
  if (!doc.signature.length) return [];
  const line = { style: BorderStyle.SINGLE, size: 6, color: "000000" };
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  return [
    new Paragraph({ spacing: { before: 600 }, children: [] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: [
        new TableRow({
          cantSplit: true,
          children: doc.signature.map(
            (s) =>
              new TableCell({
                borders: { top: none, bottom: none, left: none, right: none },
                children: [
                  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: s.role, bold: true })] }),
                  new Paragraph({ spacing: { before: 720 }, border: { bottom: line }, children: [] }),
                  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: s.name || "Nombre y firma" })] }),
                ],
              }),
          ),
        }),
      ],
    }),
  ];
}

export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const footer = new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
        children: [
          new TextRun({ text: `${doc.title} — ${doc.monthLabel}`, size: 14, color: "444444" }),
          new TextRun({ text: "\t", size: 14 }),
          new TextRun({ children: ["Página ", PageNumber.CURRENT, " de ", PageNumber.TOTAL_PAGES], size: 16 }),
        ],
      }),
    ],
  });
  const document = new Document({
    creator: "Alcance",
    title: `${doc.title} — ${doc.monthLabel}`,
    // Word fills the table of contents' and the annex index's page numbers when it opens the file.
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: "Arial", size: 22 } },
        heading1: { run: { font: "Arial", size: 30, bold: true, color: ACCENT } },
        heading2: { run: { font: "Arial", size: 26, bold: true, color: ACCENT } },
        heading3: { run: { font: "Arial", size: 24, bold: true, color: "111111" } },
        heading4: { run: { font: "Arial", size: 22, bold: true, color: "111111" } },
        heading5: { run: { font: "Arial", size: 22, bold: true, italics: true, color: "111111" } },
        heading6: { run: { font: "Arial", size: 22, italics: true, color: "111111" } },
      },
    },
    sections: [
      {
        // The cover has no footer; every other page says «Página X de Y» (X counts the cover, as the PDF's).
        properties: { titlePage: true, page: { size: { width: 12240, height: 15840 }, margin: { top: 1418, bottom: 1361, left: 1247, right: 1247 } } },
        footers: { default: footer, first: new Footer({ children: [new Paragraph({ children: [] })] }) },
        children: [...cover(doc), ...contents(doc), ...blocks(doc.blocks), ...approval(doc), ...signatures(doc)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
