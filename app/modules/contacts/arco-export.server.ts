/**
 * The ARCO access download of one contact (JSON or CSV), shared by the two resource routes: the
 * optional ARCO request it answers, the audit entry, the file's name and body. The routes answer HTTP.
 */
import { db } from "~/lib/db.server";
import type { AuditActor } from "~/modules/audit/index.server";
import { auditContactExport, contactExportCsv, contactExportJson, exportContactData } from "./arco.server";
import { officeToday } from "./arco-requests.server";

export type ExportFile = { fileName: string; body: string; contentType: string };

/** null when the contact does not exist. `arco` names the request the download answers, if any. */
export async function contactExportFile(actor: AuditActor, id: number, format: "json" | "csv", arco: string | null, locale: "es" | "en"): Promise<ExportFile | null> {
  const data = await exportContactData(id);
  if (!data) return null;
  const arcoRequest = arco ? await db.arcoRequest.findUnique({ where: { id: arco }, select: { id: true } }) : null;
  await auditContactExport(actor, id, format, arcoRequest?.id ?? null);
  return {
    fileName: `contacto-${id}-${await officeToday()}.${format}`,
    body: format === "json" ? contactExportJson(data) : contactExportCsv(data, locale),
    contentType: format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
  };
}
