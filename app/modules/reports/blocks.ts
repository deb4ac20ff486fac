/**
 * The report as a document model (decision 024): what the report page, the print view (PDF) and
 * the DOCX all render, in the outline's order. Built by document.ts; nothing here knows figures.
 */

/** One heading per outline section. `number` is "2.1.4" for numbered sections, "Anexo 3" for annexes, null for unnumbered parts. */
export type HeadingBlock = {
  type: "heading";
  /** 1–6: the section's depth in the outline (printed as h1–h6). */
  level: 1 | 2 | 3 | 4 | 5 | 6;
  number: string | null;
  text: string;
  /** The outline key: anchors, the table of contents and the annex list point here. */
  id: string;
  /** The section still waits for its text: printed with a «pendiente» note, never left out. */
  pending?: boolean;
  /** Staff rewrote the computed text and the data changed since: someone must review it. */
  review?: boolean;
};

export type Block =
  | HeadingBlock
  | { type: "paragraph"; text: string; narrative?: boolean }
  | { type: "bullets"; items: string[] }
  | { type: "table"; id: string; caption: string; headers: string[]; rows: string[][] }
  | { type: "pending"; text: string };

export type TocEntry = { id: string; number: string | null; text: string; level: number };

export type ReportDocument = {
  title: string;
  subtitle: string;
  /** "Noviembre 2017": the month reported. */
  monthLabel: string;
  status: string;
  blocks: Block[];
  /** Every heading, in order (numbered or not): the table of contents. */
  toc: TocEntry[];
  /** The annexes in order ("Anexo 1" …), for the annex index. */
  annexes: Array<{
    id: string;
    number: string;
    title: string;
    pending: boolean;
    /** issue 17 (contrib-tables): files attached to the annex (bundled with the export ZIP), when it has any. */
    attachments?: Array<{ title: string; fileName: string; mediaType: string }>;
  }>;
  /** The approval line, as the source prints it at the end; null while a draft. */
  approval: { agreement: string; adoptedOn: string; text: string; vote: string | null } | null;
  signature: Array<{ role: string; name: string }>;
};

/** What every stored version of a report says about itself, whatever the shape of its figures. */
export type DocumentVersion = {
  month: string;
  version: number;
  state: "DRAFT" | "APPROVED";
  approvedAt: string | null;
  approvedBy: string | null;
  institutionName?: string;
};
