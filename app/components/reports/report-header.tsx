/**
 * The top of a month's report: title, state and version (with the other versions), the downloads
 * and the annex CSVs. The downloads sit under the title as a wrapping row, so a phone shows them
 * as two or three lines of buttons rather than one line wider than the screen.
 */
import { Link } from "@remix-run/react";
import { PageHeader, StatusBadge, Toolbar } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { REPORT_STATE_TONES } from "./labels";

type Version = { version: number; state: string };

export function ReportHeader({ month, monthName, state, version, isLatest, versions, annexIds }: { month: string; monthName: string; state: string; version: number; isLatest: boolean; versions: readonly Version[]; annexIds: readonly string[] }) {
  const t = useT();
  const base = `/reports/${month}`;
  const q = isLatest ? "" : `?version=${version}`;
  const exports = [
    { href: `${base}/export.docx${q}`, label: t("reports.export.docx"), download: true },
    { href: `${base}/export.pdf${q}`, label: t("reports.export.pdf") },
    { href: `${base}/print${q}`, label: t("reports.export.print"), blank: true },
    { href: `${base}/figures.json${q}`, label: t("reports.export.figures") },
    { href: `${base}/export.zip${q}`, label: t("reports.export.zip"), download: true },
  ];
  return (
    <PageHeader back={{ to: "/reports", label: t("reports.back") }} title={t("reports.monthTitle", { month: monthName.charAt(0).toUpperCase() + monthName.slice(1) })}>
      <p>
        <StatusBadge tone={REPORT_STATE_TONES(state)} label={t(`reports.states.${state}`)} /> {t("reports.versionN", { version })}
        {!isLatest ? (
          <>
            {" "}
            <Link to={base}>{t("reports.latest")}</Link>
          </>
        ) : null}
      </p>
      {versions.length > 1 ? (
        <p className="muted">
          {t("reports.versions")}:{" "}
          {versions.map((v) => (
            <span key={v.version}>
              <Link to={`${base}?version=${v.version}`}>{t("reports.versionN", { version: v.version })}</Link> ({t(`reports.states.${v.state}`)}){" "}
            </span>
          ))}
        </p>
      ) : null}
      <Toolbar className="report-actions">
        {exports.map((e) => (
          <a key={e.href} className="button" href={e.href} download={e.download || undefined} target={e.blank ? "_blank" : undefined} rel={e.blank ? "noreferrer" : undefined}>
            {e.label}
          </a>
        ))}
      </Toolbar>
      <details className="report-csv-list">
        <summary>{t("reports.annexCsvTitle")}</summary>
        <ul>
          {annexIds.map((id) => (
            <li key={id}>
              <a href={`${base}/annex/${id}.csv${q}`}>{t(`reports.annexCsvTable.${id}`)}</a>
            </li>
          ))}
        </ul>
      </details>
    </PageHeader>
  );
}
