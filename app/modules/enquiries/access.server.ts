/**
 * Who may see and change a month's citizen enquiries: the report's rule for section 2.1.3
 * (reports/access.server.ts, decision 025) — ADMIN and COORDINATOR edit, COMMUNICATIONS reads,
 * the contributor of the section's owner area (DAC) edits until the section is submitted; nobody
 * else. The import, the typed totals and their figures are that section's content.
 */
import { db } from "~/lib/db.server";
import { audit } from "~/modules/audit/audit.server";
import type { RoleName } from "~/modules/auth/permissions";
import { sectionAccess, type SectionAccess } from "~/modules/reports/access.server";

export const ENQUIRIES_SECTION = "enquiries";

/** The permissions that may reach the enquiries pages at all (the section rule decides the rest). */
export const ENQUIRY_PAGE_PERMISSIONS = ["read:report", "contribute:report"] as const;

export async function enquiryAccess(user: { id: string; role: RoleName | string; ineArea?: string | null }, month: string): Promise<SectionAccess> {
  let ineArea = user.ineArea;
  if (user.role === "CONTRIBUTOR" && ineArea === undefined) ineArea = (await db.user.findUnique({ where: { id: user.id }, select: { ineArea: true } }))?.ineArea ?? null;
  return sectionAccess({ id: user.id, role: user.role as RoleName, ineArea }, month, ENQUIRIES_SECTION);
}

/** 403 unless the user may read (or, with `edit`, change) the month's enquiries. */
export async function requireEnquiryAccess(request: Request, user: { id: string; role: RoleName | string }, month: string, need: "read" | "edit"): Promise<SectionAccess> {
  const access = await enquiryAccess(user, month);
  if (!access || (need === "edit" && access !== "edit")) {
    await audit(
      { userId: user.id, ip: request.headers.get("x-alcance-client-ip") },
      { action: "permission.denied", entity: "route", entityId: new URL(request.url).pathname, after: { method: request.method, section: ENQUIRIES_SECTION, need } },
    );
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  return access;
}
