import { StatusBadge, toneMap, useFormatNumber } from "~/components/ui";
import { useT } from "~/i18n/use-t";

export { useFormatNumber };

export type ImportStatusName = "UPLOADED" | "ANALYZED" | "QUEUED" | "RUNNING" | "DONE" | "FAILED" | "CANCELLED";

/** The stage an import is at, in words: a dry run that is queued or running is "analyzing". */
export function importStage(status: ImportStatusName, dryRun: boolean): string {
  if (dryRun && (status === "QUEUED" || status === "RUNNING")) return "ANALYZING";
  return status;
}

export const IMPORT_TONES = toneMap({ DONE: "success", FAILED: "danger", CANCELLED: "danger" });

export function ImportStatusBadge({ status, dryRun }: { status: ImportStatusName; dryRun: boolean }) {
  const t = useT();
  const stage = importStage(status, dryRun);
  return <StatusBadge tone={IMPORT_TONES(stage)} label={t(`contacts.import.status.${stage}`)} />;
}
