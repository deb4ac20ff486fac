/** The report as a Word document (the `docx` package), in Spanish. */
import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { ReportDocument } from "./document";

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: header, size: 18 })] })],
    shading: header ? { fill: "E7E6E6" } : undefined,
  });
}

export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.subtitle, size: 20, color: "555555" })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun({ text: doc.title, bold: true, size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: doc.monthLabel, bold: true, size: 28 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: doc.status, italics: true, size: 20 })] }),
  ];
  for (const block of doc.blocks) {
    if (block.type === "heading") children.push(new Paragraph({ heading: HEADINGS[block.level], spacing: { before: 240, after: 120 }, children: [new TextRun({ text: block.text })] }));
    else if (block.type === "paragraph") children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: [new TextRun({ text: block.text })] }));
    else if (block.type === "bullets") for (const item of block.items) children.push(new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [new TextRun({ text: item })] }));
    else {
      children.push(new Paragraph({ spacing: { before: 240, after: 80 }, children: [new TextRun({ text: block.caption, bold: true })] }));
      const rows = [new TableRow({ tableHeader: true, children: block.headers.map((h) => cell(h, true)) }), ...block.rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) }))];
      if (block.rows.length === 0) rows.push(new TableRow({ children: [new TableCell({ columnSpan: block.headers.length, children: [new Paragraph("Sin registros en el mes.")] })] }));
      children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }));
    }
  }
  children.push(new Paragraph({ spacing: { before: 600 }, children: [] }));
  const line = { style: BorderStyle.SINGLE, size: 6, color: "000000" };
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: [
        new TableRow({
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
  );
  const document = new Document({
    creator: "Alcance",
    title: `${doc.title} — ${doc.monthLabel}`,
    styles: { default: { document: { run: { font: "Arial", size: 22 } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${doc.title} — ${doc.monthLabel} — página `, size: 16 }), new TextRun({ children: [PageNumber.CURRENT], size: 16 })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
