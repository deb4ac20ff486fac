import { DataTable, type Column } from "~/components/ui";
import { useT } from "~/i18n/use-t";

type Rejected = { line: number; reason: string; raw: string };

/** Rows a file's import refuses: line, reason, and the row as it was (wrapped anywhere), then the CSV of them all. */
export function Rejections({ rows, csvHref }: { rows: readonly Rejected[]; csvHref: string }) {
  const t = useT();
  const columns: Column<Rejected>[] = [
    { key: "line", header: t("enquiries.import.line"), align: "end", cell: (r) => r.line },
    { key: "reason", header: t("enquiries.import.reason"), primary: true, cell: (r) => t(`enquiries.import.reasons.${r.reason}`) },
    { key: "raw", header: t("enquiries.import.rawRow"), className: "enq-raw", cell: (r) => <code>{r.raw}</code> },
  ];
  return (
    <>
      <DataTable label={t("enquiries.import.rejections")} columns={columns} rows={rows} rowKey={(r) => String(r.line)} className="enq-rejections" />
      <p>
        <a href={csvHref} download>
          {t("enquiries.import.downloadRejections")}
        </a>
      </p>
    </>
  );
}
