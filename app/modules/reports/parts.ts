/**
 * Where the monthly report counts a record (events, partner activities, meetings carry one,
 * explicit and editable) and the INE areas. Labels: common.json `reportPart.*` and `ineArea.*`.
 * Each owning module states its own default rule (events by kind and country, activities and
 * meetings by their institutions); the report only reads the stored value.
 */
import type { IneArea, ReportPart } from "~/generated/prisma/enums";

export const REPORT_PARTS = [
  "SECRETARIAT",
  "INSTITUTIONAL",
  "COMMUNITY_ABROAD",
  "CONTEST",
  "EDUCATIONAL",
  "DECENTRALIZED",
  "DIGITAL",
  "NOT_REPORTED",
] as const satisfies readonly ReportPart[];

export const INE_AREAS = ["DERFE", "DEOE", "DECEYEC", "UNICOM", "CNCS", "DAC", "UTVOPL", "VMRE_OFFICE"] as const satisfies readonly IneArea[];

export type { IneArea, ReportPart };
