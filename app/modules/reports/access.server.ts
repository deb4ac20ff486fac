/**
 * Who may read and edit which report section (decision 025). One rule, asked by every route and
 * module that touches a section's text, tables, attachments or key figures:
 * - ADMIN and COORDINATOR edit every section of a draft; COMMUNICATIONS reads;
 * - a CONTRIBUTOR reads and edits only the sections owned by their INE area — the month's
 *   contribution's owner area, else the outline's — and the sections under them, while the
 *   contribution is not yet submitted (a section sent back is editable again);
 * - everyone else: nothing.
 * An approved version is read-only for all.
 */
import { db } from "~/lib/db.server";
import type { RoleName } from "~/modules/auth/permissions";
import { liveOutline, type OutlineNode } from "./outline.server";

export type SectionUser = { id: string; role: RoleName; ineArea?: string | null };
export type SectionAccess = "edit" | "read" | null;

/** The area that owns each section for the month: the contribution's, else the outline's, inherited by children. */
export async function sectionOwners(month: string, outline?: OutlineNode[]): Promise<Map<string, string | null>> {
  const nodes = outline ?? (await liveOutline());
  const contributions = await db.reportContribution.findMany({ where: { month }, select: { sectionKey: true, ownerArea: true } });
  const assigned = new Map(contributions.map((c) => [c.sectionKey, c.ownerArea as string]));
  const owners = new Map<string, string | null>();
  for (const n of nodes) owners.set(n.key, assigned.get(n.key) ?? n.ownerArea ?? (n.parentKey ? (owners.get(n.parentKey) ?? null) : null));
  return owners;
}

export async function sectionAccess(user: SectionUser, month: string, sectionKey: string, opts: { approved?: boolean } = {}): Promise<SectionAccess> {
  if (user.role === "ADMIN" || user.role === "COORDINATOR") return opts.approved ? "read" : "edit";
  if (user.role === "COMMUNICATIONS") return "read";
  if (user.role !== "CONTRIBUTOR" || !user.ineArea) return null;
  const owners = await sectionOwners(month);
  if (owners.get(sectionKey) !== user.ineArea) return null;
  if (opts.approved) return "read";
  const contribution = await db.reportContribution.findUnique({ where: { month_sectionKey: { month, sectionKey } }, select: { state: true } });
  return contribution && (contribution.state === "SUBMITTED" || contribution.state === "REVIEWED") ? "read" : "edit";
}
