import { useLocale, useT } from "~/i18n/use-t";
import { formatNumber } from "~/lib/format";

export type ImportStatusName = "UPLOADED" | "ANALYZED" | "QUEUED" | "RUNNING" | "DONE" | "FAILED" | "CANCELLED";

/** The stage an import is at, in words: a dry run that is queued or running is "analyzing". */
export function importStage(status: ImportStatusName, dryRun: boolean): string {
  if (dryRun && (status === "QUEUED" || status === "RUNNING")) return "ANALYZING";
  return status;
}

export function ImportStatusBadge({ status, dryRun }: { status: ImportStatusName; dryRun: boolean }) {
  const t = useT();
  const stage = importStage(status, dryRun);
  const tone = stage === "DONE" ? " badge--ok" : stage === "FAILED" || stage === "CANCELLED" ? " badge--off" : "";
  return <span className={`badge${tone}`}>{t(`contacts.import.status.${stage}`)}</span>;
}

/** Numbers grouped the reader's way, the same on the server and in the browser. */
export function useFormatNumber() {
  const locale = useLocale();
  return (value: number) => formatNumber(value, locale);
}
