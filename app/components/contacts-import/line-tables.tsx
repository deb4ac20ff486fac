import { DataTable, useFormatNumber, type Column } from "~/components/ui";
import { useT } from "~/i18n/use-t";

type Rejection = { line: number; reason: string; raw: string | null };
type Warning = { line: number; field: string; value: string };

function More({ shown, total, kind }: { shown: number; total: number; kind: "rejections" | "warnings" }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  if (total <= shown) return null;
  const params = { shown: formatNumber(shown), total: formatNumber(total) };
  return <p className="muted">{kind === "rejections" ? t("contacts.import.rejections.more", params) : t("contacts.import.warnings.more", params)}</p>;
}

/** The rows the import refused, each with its line and reason, and the full list as CSV. */
export function Rejections({ batchId, rejections, total }: { batchId: string; rejections: readonly Rejection[]; total: number }) {
  const t = useT();
  if (!rejections.length) return null;
  const columns: Column<Rejection>[] = [
    { key: "line", header: t("contacts.import.rejections.line"), align: "end", cell: (r) => r.line },
    { key: "reason", header: t("contacts.import.rejections.reason"), primary: true, cell: (r) => t(`contacts.import.reasons.${r.reason}`) },
    { key: "raw", header: t("contacts.import.rejections.raw"), cell: (r) => <code className="import-raw">{r.raw}</code> },
  ];
  return (
    <section aria-labelledby="rejections-title">
      <div className="page-header--actions">
        <h2 id="rejections-title">{t("contacts.import.rejections.title")}</h2>
        <a className="button" href={`/contacts/import/${batchId}/rejections.csv`} download>
          {t("contacts.import.rejections.download")}
        </a>
      </div>
      <DataTable label={t("contacts.import.rejections.title")} columns={columns} rows={rejections} rowKey={(r) => String(r.line)} className="import-rejections" />
      <More shown={rejections.length} total={total} kind="rejections" />
    </section>
  );
}

/** Rows imported with an empty country or state: the value is unknown and kept in the contact's notes. */
export function Warnings({ warnings, total }: { warnings: readonly Warning[]; total: number }) {
  const t = useT();
  if (!warnings.length) return null;
  const columns: Column<Warning>[] = [
    { key: "line", header: t("contacts.import.rejections.line"), align: "end", cell: (w) => w.line },
    { key: "field", header: t("contacts.import.warnings.field"), primary: true, cell: (w) => t(`contacts.import.warnings.${w.field === "state" ? "state" : "country"}`) },
    { key: "value", header: t("contacts.import.warnings.value"), cell: (w) => `«${w.value}»` },
  ];
  return (
    <section aria-labelledby="warnings-title">
      <h2 id="warnings-title">{t("contacts.import.warnings.title", { count: total })}</h2>
      <p className="muted">{t("contacts.import.warnings.hint")}</p>
      <DataTable label={t("contacts.import.warnings.title", { count: total })} columns={columns} rows={warnings} rowKey={(w) => `${w.line}-${w.field}`} className="import-rejections import-warnings" />
      <More shown={warnings.length} total={total} kind="warnings" />
    </section>
  );
}
