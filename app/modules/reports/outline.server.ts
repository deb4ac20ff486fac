/**
 * The report's outline (decision 024): a tree of sections kept in ReportOutlineSection, seeded with
 * the source document's («Informe de avances», noviembre de 2017), edited by an ADMIN, frozen into
 * each approved version (MonthlyReport.frozenOutline) so an approved report never changes shape.
 *
 * Numbers are derived, never stored: numbered siblings count 1, 2, 3 under their parent's number
 * ("2.1.4"); numbered children of the annexes root are "Anexo 1" …; an unnumbered section has none.
 */
import { db } from "~/lib/db.server";

export const ANNEXES_KEY = "annexes";

export type OutlineKind = "COMPUTED" | "NARRATIVE" | "CONTRIBUTED";

/** One section as the report reads it (flat, in document order). */
export type OutlineNode = {
  key: string;
  parentKey: string | null;
  title: string;
  numbered: boolean;
  kind: OutlineKind;
  computed: string | null;
  ownerArea: string | null;
  /** "2.1.4", "Anexo 3" or null. */
  number: string | null;
  /** 1 for top-level sections. */
  depth: number;
  isAnnex: boolean;
};

type Row = { id: string; key: string; parentId: string | null; position: number; title: string; numbered: boolean; kind: OutlineKind; computed: string | null; ownerArea: string | null };

/** Orders and numbers rows into document order (pure: the admin page previews with it too). */
export function numberOutline(rows: Row[]): OutlineNode[] {
  const children = new Map<string | null, Row[]>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: OutlineNode[] = [];
  const walk = (parentId: string | null, parentNumber: string | null, depth: number, inAnnexes: boolean) => {
    let n = 0;
    for (const r of children.get(parentId) ?? []) {
      let number: string | null = null;
      if (r.numbered) {
        n += 1;
        number = inAnnexes && depth === 2 ? `Anexo ${n}` : parentNumber ? `${parentNumber}.${n}` : String(n);
      }
      out.push({
        key: r.key,
        parentKey: r.parentId ? (byId.get(r.parentId)?.key ?? null) : null,
        title: r.title,
        numbered: r.numbered,
        kind: r.kind,
        computed: r.computed,
        ownerArea: r.ownerArea,
        number,
        depth,
        isAnnex: inAnnexes && depth >= 2,
      });
      walk(r.id, inAnnexes && depth === 2 ? null : number, depth + 1, inAnnexes || r.key === ANNEXES_KEY);
    }
  };
  walk(null, null, 1, false);
  return out;
}

/** The live outline, in document order. */
export async function liveOutline(): Promise<OutlineNode[]> {
  const rows = await db.reportOutlineSection.findMany({
    select: { id: true, key: true, parentId: true, position: true, title: true, numbered: true, kind: true, computed: true, ownerArea: true },
  });
  return numberOutline(rows.map((r) => ({ ...r, kind: r.kind as OutlineKind, ownerArea: r.ownerArea as string | null })));
}

/** The outline a report version reads: its frozen copy once approved, the live one otherwise. */
export async function outlineFor(report: { frozenOutline: unknown } | null): Promise<OutlineNode[]> {
  if (report && Array.isArray(report.frozenOutline)) return report.frozenOutline as OutlineNode[];
  return liveOutline();
}
