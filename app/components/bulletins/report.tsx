import { Card, DataTable, useFormatNumber, type Column } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { BulletinReport } from "~/modules/bulletins/index.server";
import { Figures } from "./figures";

type Reason = BulletinReport["failureReasons"][number];

/** What a finished (or stopped) send did: figures, then the most frequent failure reasons. */
export function BulletinReportPanel({ report }: { report: Pick<BulletinReport, "recipients" | "sent" | "failed" | "bounced" | "complained" | "unsubscribedSince" | "outcomeUnknown" | "failureReasons" | "complaintRate" | "complaintWarn"> }) {
  const t = useT();
  const num = useFormatNumber();
  const percent = useFormatNumber({ style: "percent", maximumFractionDigits: 2 });
  const columns: Column<Reason>[] = [
    // SMTP diagnostics are long unbroken strings: they wrap anywhere rather than widen the page.
    { key: "reason", header: t("bulletins.report.reason"), primary: true, className: "bl-reason", cell: (r) => r.reason },
    { key: "count", header: t("bulletins.report.count"), align: "end", cell: (r) => num(r.count) },
  ];
  const rate = percent(report.complaintRate);
  return (
    <Card title={t("bulletins.report.title")}>
      {report.complaintWarn ? (
        <p className="form-error" role="alert" data-testid="complaint-warning">
          {t("bulletins.report.complaintWarn", { rate })}
        </p>
      ) : null}
      <Figures
        items={[
          { label: t("bulletins.report.recipients"), value: num(report.recipients), testId: "report-recipients" },
          { label: t("bulletins.report.delivered"), value: num(report.sent), testId: "report-delivered" },
          { label: t("bulletins.report.failed"), value: num(report.failed) },
          { label: t("bulletins.report.bounced"), value: num(report.bounced) },
          { label: t("bulletins.report.complained"), value: num(report.complained) },
          { label: t("bulletins.report.complaintRate"), value: rate, testId: "report-complaint-rate" },
          { label: t("bulletins.report.unsubscribed"), value: num(report.unsubscribedSince) },
          { label: t("bulletins.report.unknown"), value: num(report.outcomeUnknown) },
        ]}
      />
      <h3>{t("bulletins.report.reasons")}</h3>
      <DataTable label={t("bulletins.report.reasons")} columns={columns} rows={report.failureReasons} rowKey={(r) => r.reason} empty={{ message: t("bulletins.report.noFailures") }} />
    </Card>
  );
}
