import { Link } from "@remix-run/react";
import { Card } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatMonth } from "~/lib/format";
import { formatDay } from "./labels";

type Agreement = {
  title: string;
  ownerArea: string | null;
  vote: string | null;
  meeting: { id: string; heldOn: string; subject: string } | null;
  jurors: Array<{ id: string; name: string; contest: { name: string } }>;
  approvedReports: Array<{ id: string; month: string; version: number }>;
};

/** An agreement's record: title, session, owner area, vote; the jurors it designated; the reports it approved. */
export function AgreementDetail({ agreement: a }: { agreement: Agreement }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <Card className="meeting-detail">
        <dl>
          <dt>{t("meetings.agreements.titleField")}</dt>
          <dd>{a.title}</dd>
          <dt>{t("meetings.agreements.session")}</dt>
          <dd>
            {a.meeting ? (
              <Link to={`/meetings/${a.meeting.id}`}>
                {formatDay(a.meeting.heldOn, locale)} — {a.meeting.subject}
              </Link>
            ) : (
              <span className="muted">{t("meetings.agreements.noSession")}</span>
            )}
          </dd>
          {a.ownerArea ? (
            <>
              <dt>{t("meetings.agreements.ownerArea")}</dt>
              <dd>{t(`ineArea.${a.ownerArea}`)}</dd>
            </>
          ) : null}
          {a.vote ? (
            <>
              <dt>{t("meetings.agreements.vote")}</dt>
              <dd className="summary">{a.vote}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      <Card title={t("meetings.agreements.jurors")} className="meeting-detail">
        {a.jurors.length ? (
          <ul data-jurors>
            {a.jurors.map((j) => (
              <li key={j.id}>{t("meetings.agreements.jurorLine", { name: j.name, contest: j.contest.name })}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("meetings.agreements.noJurors")}</p>
        )}
      </Card>
      {a.approvedReports.length ? (
        <Card title={t("meetings.agreements.reports")} className="meeting-detail">
          <ul>
            {a.approvedReports.map((r) => (
              <li key={r.id}>
                <Link to={`/reports/${r.month}`}>{t("meetings.agreements.reportLine", { month: formatMonth(r.month, locale), version: r.version })}</Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
