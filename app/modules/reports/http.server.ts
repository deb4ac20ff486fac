/** What the report's resource routes share: the month and version from the request, or a 404. */
import { parseMonthParam } from "./month";
import { getReportView, ReportError, type ReportView } from "./reports.server";

export async function viewFromRequest(request: Request, monthParam: string | undefined): Promise<ReportView> {
  const month = parseMonthParam(monthParam);
  if (!month) throw new Response("Not found", { status: 404 });
  const raw = Number(new URL(request.url).searchParams.get("version") ?? "");
  const version = Number.isInteger(raw) && raw > 0 ? raw : undefined;
  try {
    return await getReportView(month, { version });
  } catch (error) {
    if (error instanceof ReportError && error.code === "notFound") throw new Response("Not found", { status: 404 });
    throw error;
  }
}
