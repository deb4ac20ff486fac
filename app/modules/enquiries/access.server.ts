/**
 * Who may see and change a month's citizen enquiries: the report's rule for section 2.1.3
 * (reports/access.server.ts, decision 025) — ADMIN and COORDINATOR edit, COMMUNICATIONS reads,
 * the contributor of the section's owner area (DAC) edits until the section is submitted; nobody
 * else. The import, the typed totals and their figures are that section's content.
 *
 * A refusal is an EnquiryError "forbidden" (403), audited as permission.denied; routes turn it
 * into the 403 page with `.catch(refusalResponse)` (decision 027).
 */
import { db } from "~/lib/db.server";
import { audit } from "~/modules/audit/index.server";
import type { RoleName } from "~/modules/auth";
import { clientIp, requirePermission, type SessionUser } from "~/modules/auth/index.server";
import { sectionAccess, type SectionAccess } from "~/modules/reports/index.server";
import { EnquiryError } from "./errors";

export const ENQUIRIES_SECTION = "enquiries";

/** The permissions that may reach the enquiries pages at all (the section rule decides the rest). */
export const ENQUIRY_PAGE_PERMISSIONS = ["read:report", "contribute:report"] as const;

export async function enquiryAccess(user: { id: string; role: RoleName | string; ineArea?: string | null }, month: string): Promise<SectionAccess> {
  let ineArea = user.ineArea;
  if (user.role === "CONTRIBUTOR" && ineArea === undefined) ineArea = (await db.user.findUnique({ where: { id: user.id }, select: { ineArea: true } }))?.ineArea ?? null;
  return sectionAccess({ id: user.id, role: user.role as RoleName, ineArea }, month, ENQUIRIES_SECTION);
}

/** Where a refused attempt is recorded: who, from where, on which page and how. */
export type Attempt = { actor: { userId: string; ip: string | null }; path: string; method: string };

/** The user's access to the month's enquiries, or a refusal unless they may read (or, with `edit`, change) them. */
export async function requireEnquiryAccess(user: { id: string; role: RoleName | string }, month: string, need: "read" | "edit", attempt: Attempt): Promise<SectionAccess> {
  const access = await enquiryAccess(user, month);
  if (!access || (need === "edit" && access !== "edit")) {
    await audit(attempt.actor, { action: "permission.denied", entity: "route", entityId: attempt.path, after: { method: attempt.method, section: ENQUIRIES_SECTION, need } });
    throw new EnquiryError("forbidden");
  }
  return access;
}

/**
 * The first line of every enquiries loader and action: the signed-in user (auth answers a missing
 * session or permission) and their access to the month, or an EnquiryError "forbidden".
 */
export async function requireEnquiryMonth(request: Request, month: string, need: "read" | "edit"): Promise<{ user: SessionUser; actor: Attempt["actor"]; access: SectionAccess }> {
  const user = await requirePermission(request, ENQUIRY_PAGE_PERMISSIONS);
  const actor = { userId: user.id, ip: clientIp(request) };
  const access = await requireEnquiryAccess(user, month, need, { actor, path: new URL(request.url).pathname, method: request.method });
  return { user, actor, access };
}
