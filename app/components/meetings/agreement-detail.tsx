import { Link } from "@remix-run/react";
import { Card, Facts } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatMonth } from "~/lib/format";
import { formatDay } from "./labels";
import { ListCard } from "./list-card";

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
        <Facts
          items={[
            { label: t("meetings.agreements.titleField"), value: a.title },
            {
              label: t("meetings.agreements.session"),
              value: a.meeting ? (
                <Link to={`/meetings/${a.meeting.id}`}>
                  {formatDay(a.meeting.heldOn, locale)} — {a.meeting.subject}
                </Link>
              ) : (
                <span className="muted">{t("meetings.agreements.noSession")}</span>
              ),
            },
            { label: t("meetings.agreements.ownerArea"), value: a.ownerArea ? t(`ineArea.${a.ownerArea}`) : null },
            { label: t("meetings.agreements.vote"), value: a.vote, className: "summary" },
          ]}
        />
      </Card>
      <ListCard title={t("meetings.agreements.jurors")} items={a.jurors} empty={t("meetings.agreements.noJurors")} data-jurors="" item={(j) => t("meetings.agreements.jurorLine", { name: j.name, contest: j.contest.name })} />
      {a.approvedReports.length ? (
        <ListCard
          title={t("meetings.agreements.reports")}
          items={a.approvedReports}
          empty=""
          item={(r) => <Link to={`/reports/${r.month}`}>{t("meetings.agreements.reportLine", { month: formatMonth(r.month, locale), version: r.version })}</Link>}
        />
      ) : null}
    </>
  );
}
