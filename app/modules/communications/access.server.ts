/**
 * Who may read and change communications figures (decision 025):
 * - `edit:communications` (ADMIN, COORDINATOR, COMMUNICATIONS): every account, month, the
 *   microsite and the media log; accounts are created, edited and deactivated only by them;
 * - `read:report` without it: reads everything;
 * - a CONTRIBUTOR of the CNCS: reads the CNCS accounts and the media log, and edits the CNCS
 *   accounts' months and the media notes of a month while the report section «cncs» is theirs to
 *   edit (reports/access.server.ts sectionAccess: not once submitted); never the programme's
 *   accounts or the microsite;
 * - everyone else (jurors, other areas' contributors): refused, audited as permission.denied.
 *
 * A refusal is a CommunicationsError "forbidden" (status 403); routes turn it into the 403 page
 * with `.catch(refusalResponse)` (decision 027). No HTTP answer is built here.
 */
import { db } from "~/lib/db.server";
import { audit } from "~/modules/audit/index.server";
import { can } from "~/modules/auth";
import { clientIp, requireUser, type SessionUser } from "~/modules/auth/index.server";
import { sectionAccess } from "~/modules/reports/index.server";
import { CommunicationsError } from "./errors";
import type { OwnerArea } from "./shapes";

/** The report section the CNCS contributes its communications figures to. */
export const CNCS_SECTION = "cncs";

export type CommunicationsAccess =
  | { kind: "staff"; edit: boolean; user: SessionUser }
  | { kind: "cncs"; edit: false; user: SessionUser & { ineArea: string } };

/** The reader's access without a request (tests, jobs): null when they may not see communications at all. */
export async function accessOf(user: SessionUser): Promise<CommunicationsAccess | null> {
  if (can(user.role, "edit:communications")) return { kind: "staff", edit: true, user };
  if (can(user.role, "read:report")) return { kind: "staff", edit: false, user };
  if (user.role === "CONTRIBUTOR") {
    const row = await db.user.findUnique({ where: { id: user.id }, select: { ineArea: true } });
    if (row?.ineArea === "CNCS") return { kind: "cncs", edit: false, user: { ...user, ineArea: row.ineArea } };
  }
  return null;
}

/** The first line of every communications loader and action: the reader's access, or a refusal. */
export async function requireCommunications(request: Request): Promise<CommunicationsAccess> {
  const user = await requireUser(request);
  const access = await accessOf(user);
  if (!access) {
    await audit(
      { userId: user.id, ip: clientIp(request) },
      { action: "permission.denied", entity: "route", entityId: new URL(request.url).pathname, after: { method: request.method, permission: ["edit:communications", "read:report", "contribute:report"] } },
    );
    throw new CommunicationsError("forbidden");
  }
  return access;
}

/** Refuses unless the check holds (staff only, account managers only…); async so routes can `.catch(refusalResponse)`. */
export async function requireThat(allowed: boolean | Promise<boolean>): Promise<void> {
  if (!(await allowed)) throw new CommunicationsError("forbidden");
}

/** Whether the reader sees an owner area's accounts (the CNCS contributor: only the CNCS's). */
export function seesArea(access: CommunicationsAccess, area: OwnerArea | string): boolean {
  return access.kind === "staff" || area === "CNCS";
}

/** Whether the reader may change an area's figures (or the media log: area "CNCS") for the month. */
export async function mayEdit(access: CommunicationsAccess, month: string, area: OwnerArea | "MICROSITE" | "MEDIA"): Promise<boolean> {
  if (access.kind === "staff") return access.edit;
  if (area !== "CNCS" && area !== "MEDIA") return false;
  return (await sectionAccess(access.user, month, CNCS_SECTION)) === "edit";
}

/** Only staff with edit:communications manage the accounts themselves. */
export function mayManageAccounts(access: CommunicationsAccess): boolean {
  return access.kind === "staff" && access.edit;
}
