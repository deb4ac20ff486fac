/** What the report's resource routes share: the month and version from the request, or a 404. */
import { idParam, idQuery, notFound } from "~/lib/params";
import { getReportView, ReportError, type ReportView } from "./reports.server";

export async function viewFromRequest(request: Request, monthParam: string | undefined): Promise<ReportView> {
  const month = idParam(request, monthParam, "month");
  const version = idQuery(request, new URL(request.url).searchParams.get("version"), "int");
  try {
    return await getReportView(month, { version });
  } catch (error) {
    if (error instanceof ReportError && error.code === "notFound") throw notFound(request);
    throw error;
  }
}
