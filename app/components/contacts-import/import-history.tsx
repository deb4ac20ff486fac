import { Link } from "@remix-run/react";
import { DataTable, useFormatNumber, type Column } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { ImportStatusBadge, type ImportStatusName } from "./status-badge";

type ImportItem = { id: string; fileName: string; createdAt: string | Date; sourceText: string; status: ImportStatusName; dryRun: boolean; rows: number; created: number; updated: number; rejected: number; createdBy: string | null };

/** The latest imports with their outcome. */
export function ImportHistory({ imports }: { imports: readonly ImportItem[] }) {
  const t = useT();
  const formatDate = useFormatDate();
  const formatNumber = useFormatNumber();
  const count = (key: "rows" | "created" | "updated" | "rejected"): Column<ImportItem> => ({ key, header: t(`contacts.import.counts.${key}`), align: "end", cell: (item) => formatNumber(item[key]) });
  const columns: Column<ImportItem>[] = [
    { key: "file", header: t("contacts.import.history.file"), primary: true, cell: (item) => <Link to={`/contacts/import/${item.id}`}>{item.fileName}</Link> },
    { key: "date", header: t("contacts.import.history.date"), className: "nowrap", cell: (item) => formatDate(item.createdAt) },
    { key: "source", header: t("contacts.import.history.source"), cell: (item) => item.sourceText },
    { key: "status", header: t("contacts.import.history.status"), cell: (item) => (
        <span>
          <ImportStatusBadge status={item.status} dryRun={item.dryRun} />
        </span>
      ) },
    count("rows"),
    count("created"),
    count("updated"),
    count("rejected"),
    { key: "by", header: t("contacts.import.history.by"), cell: (item) => item.createdBy ?? t("contacts.import.history.system") },
  ];
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t("contacts.import.history.title")}</h2>
      <DataTable label={t("contacts.import.history.title")} columns={columns} rows={imports} rowKey={(item) => item.id} empty={{ message: t("contacts.import.history.empty") }} />
    </section>
  );
}
