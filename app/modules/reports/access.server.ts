/**
 * Who may read and edit which report section (decision 025). One rule, asked by every route and
 * module that touches a section's text, tables, attachments or key figures:
 * - ADMIN and COORDINATOR edit every section of a draft; COMMUNICATIONS reads;
 * - a CONTRIBUTOR reads and edits only the sections the month's round gives to their INE area
 *   (a ReportContribution row: no round, nothing) and the sections under them that have no other
 *   owner in the outline, while the contribution is not yet submitted (a section sent back is
 *   editable again); once submitted or reviewed they read it;
 * - everyone else: nothing.
 * An approved version is read-only for all.
 *
 * Which sections a round covers (`contributableSections`): the outline's CONTRIBUTED sections
 * (annexes included), and the COMPUTED sections the outline gives to an area other than their
 * parent's — an area whose records feed one part of another area's chapter, like Atención
 * Ciudadana's 2.1.3 and Anexo 2 inside DERFE's 2.1 — except the outreach office's own, which it
 * writes itself.
 */
import { db } from "~/lib/db.server";
import type { RoleName } from "~/modules/auth/permissions";
import { liveOutline, type OutlineNode } from "./outline.server";

export type SectionUser = { id: string; role: RoleName; ineArea?: string | null };
export type SectionAccess = "edit" | "read" | null;

/** The office writes its own sections: it is never a contributing area. */
const OFFICE_AREA = "VMRE_OFFICE";

/** The sections a month's round covers, in document order (see the file's comment). */
export function contributableSections(outline: OutlineNode[]): OutlineNode[] {
  const byKey = new Map(outline.map((n) => [n.key, n]));
  return outline.filter((n) => {
    if (n.kind === "CONTRIBUTED") return true;
    if (n.kind !== "COMPUTED" || !n.ownerArea || n.ownerArea === OFFICE_AREA || !n.parentKey) return false;
    const parent = byKey.get(n.parentKey);
    return (parent?.ownerArea ?? null) !== n.ownerArea;
  });
}

/**
 * The area each section is contributed by for the month (null: the office writes it): a section
 * of the round takes its contribution's owner area — or, before the round covers it, the
 * outline's —, and the sections under it follow it unless the outline gives them another area.
 * `rootOf` names, for each contributed section, the round's section it belongs to.
 */
export async function sectionOwners(month: string, outline?: OutlineNode[]): Promise<Map<string, string | null>> {
  return (await ownership(month, outline)).owners;
}

async function ownership(month: string, outline?: OutlineNode[]) {
  const nodes = outline ?? (await liveOutline());
  const contributions = await db.reportContribution.findMany({ where: { month }, select: { sectionKey: true, ownerArea: true, state: true } });
  const assigned = new Map(contributions.map((c) => [c.sectionKey, c]));
  const roots = new Set(contributableSections(nodes).map((n) => n.key));
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const owners = new Map<string, string | null>();
  const rootOf = new Map<string, string>();
  for (const n of nodes) {
    if (roots.has(n.key)) {
      owners.set(n.key, (assigned.get(n.key)?.ownerArea as string | undefined) ?? n.ownerArea);
      rootOf.set(n.key, n.key);
      continue;
    }
    const parent = n.parentKey ? byKey.get(n.parentKey) : undefined;
    const parentRoot = n.parentKey ? rootOf.get(n.parentKey) : undefined;
    // A child follows its contributed parent unless the outline names another area for it.
    if (parent && parentRoot && (!n.ownerArea || n.ownerArea === parent.ownerArea)) {
      owners.set(n.key, owners.get(n.parentKey!) ?? null);
      rootOf.set(n.key, parentRoot);
    } else owners.set(n.key, null);
  }
  return { owners, rootOf, assigned };
}

/** The round's section (its ReportContribution's key) a section belongs to, or null. */
export async function contributionKeyOf(month: string, sectionKey: string, outline?: OutlineNode[]): Promise<string | null> {
  const { rootOf, assigned } = await ownership(month, outline);
  const root = rootOf.get(sectionKey);
  return root && assigned.has(root) ? root : null;
}

export async function sectionAccess(user: SectionUser, month: string, sectionKey: string, opts: { approved?: boolean } = {}): Promise<SectionAccess> {
  if (user.role === "ADMIN" || user.role === "COORDINATOR") return opts.approved ? "read" : "edit";
  if (user.role === "COMMUNICATIONS") return "read";
  if (user.role !== "CONTRIBUTOR" || !user.ineArea) return null;
  const { rootOf, assigned } = await ownership(month);
  const root = rootOf.get(sectionKey);
  const contribution = root ? assigned.get(root) : undefined;
  // No round for this section this month: a contributor reaches nothing.
  if (!contribution || contribution.ownerArea !== user.ineArea) return null;
  if (opts.approved) return "read";
  return contribution.state === "SUBMITTED" || contribution.state === "REVIEWED" ? "read" : "edit";
}
