/**
 * The ARCO access download of one contact (JSON or CSV), shared by the two resource routes:
 * permission, the optional ARCO request it answers, the audit entry and the attachment headers.
 */
import { db } from "~/lib/db.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { auditContactExport, contactExportCsv, contactExportJson, exportContactData } from "./arco.server";
import { officeToday } from "./arco-requests.server";
import { parseContactId } from "./schema";

export async function contactExportResponse(request: Request, idParam: string | undefined, format: "json" | "csv"): Promise<Response> {
  const user = await requirePermission(request, "read:contact");
  const id = parseContactId(idParam);
  if (id === null) throw new Response("Not found", { status: 404 });
  const data = await exportContactData(id);
  if (!data) throw new Response("Not found", { status: 404 });
  const requested = new URL(request.url).searchParams.get("arco");
  const arcoRequest = requested ? await db.arcoRequest.findUnique({ where: { id: requested }, select: { id: true } }) : null;
  await auditContactExport({ userId: user.id, ip: clientIp(request) }, id, format, arcoRequest?.id ?? null);
  const fileName = `contacto-${id}-${await officeToday()}.${format}`;
  const body = format === "json" ? contactExportJson(data) : contactExportCsv(data, user.locale);
  return new Response(body, {
    headers: {
      "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
