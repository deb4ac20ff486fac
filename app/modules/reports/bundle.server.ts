/**
 * The report as delivered (decision 025): one ZIP with the DOCX, the PDF (pdfOf: an approved
 * version's stored render) and each annex's attached files under «anexos/», named by the annex
 * number and the file's own name. The attachments are the version's own (frozen with its figures).
 */
import { zipSync, type Zippable } from "fflate";
import { blobStore } from "~/modules/files/storage.server";
import { docxOf, fileBase, pdfOf } from "./export.server";
import type { ReportView } from "./reports.server";
import { contributionsOf } from "./tables.server";

/** A name safe in any unzip tool: no path separators or control characters, at most 120 characters. */
export function zipEntryName(name: string): string {
  return name.normalize("NFC").replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]/gu, "_").replace(/\s+/g, " ").trim().slice(0, 120) || "archivo";
}

export async function exportZip(view: ReportView): Promise<Uint8Array> {
  const base = fileBase(view);
  const [docx, pdf] = [await docxOf(view), await pdfOf(view)];
  // Already compressed formats: stored, not deflated again.
  const files: Zippable = { [`${base}.docx`]: [new Uint8Array(docx), { level: 0 }], [`${base}.pdf`]: [new Uint8Array(pdf), { level: 0 }] };
  if (!view.legacy) {
    const numbers = new Map(view.outline.map((o) => [o.key, o.number]));
    const used = new Set<string>();
    for (const a of contributionsOf(view.figures).attachments) {
      const file = await blobStore().get(a.fileSha256);
      if (!file) continue;
      const prefix = numbers.get(a.sectionKey) ?? a.sectionKey;
      let name = `anexos/${zipEntryName(`${prefix} - ${a.fileName}`)}`;
      for (let n = 2; used.has(name); n++) name = `anexos/${zipEntryName(`${prefix} - ${n} - ${a.fileName}`)}`;
      used.add(name);
      files[name] = [file.bytes, { level: 0 }];
    }
  }
  return zipSync(files, { mtime: new Date("2000-01-01T00:00:00Z") });
}
