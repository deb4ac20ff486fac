/**
 * What the report page (`/reports/:month`) shows: the version asked for, its document and sections,
 * who may edit it, the agreements that may approve it and the contribution round. The route only
 * checks access and passes this on; a month without that version throws ReportError("notFound").
 */
import { can, type RoleName } from "~/modules/auth";
import { roundStatus } from "./contributions.server";
import { ANNEX_IDS, dmy } from "./document";
import { reportOf } from "./export.server";
import { getReportView, listApprovalAgreements } from "./reports.server";

export async function reportPageData(role: RoleName, month: string, version: number | undefined) {
  const view = await getReportView(month, { version });
  const latest = view.versions[0]?.version ?? 1;
  const canEdit = can(role, "edit:report");
  const editable = canEdit && view.state === "DRAFT" && view.version === latest;
  const [{ doc, sections }, agreements, round] = await Promise.all([reportOf(view), editable ? listApprovalAgreements() : Promise.resolve([]), roundStatus(month)]);
  return {
    month,
    version: view.version,
    isLatest: view.version === latest,
    state: view.state,
    legacy: view.legacy,
    versions: view.versions,
    doc,
    sections,
    contestCutoffOn: view.contestCutoffOn,
    annexIds: [...ANNEX_IDS],
    agreements: agreements.map((a) => ({ id: a.id, label: `${a.number} — ${dmy(a.adoptedOn)}`, title: a.title })),
    canEdit,
    editable,
    round,
  };
}

export type ReportPageData = Awaited<ReturnType<typeof reportPageData>>;
