import type { ReactNode } from "react";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { formatAmount } from "~/lib/format";
import { subdivisionName } from "~/modules/geo";
import type { SubmissionView } from "./types";

/** The project's data as registered: organisation, contact, summary, budget, receipt. */
export function SubmissionDataPanel({ s }: { s: SubmissionView }) {
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const value = (v: string | null | undefined): ReactNode => v || <span className="muted">{t("common.none")}</span>;
  const rows: Array<[string, ReactNode] | null> = [
    [t("contest.submission.organisation"), `${s.partner.name}${s.partner.city || s.partner.state ? ` — ${[s.partner.city, subdivisionName(s.partner.state)].filter(Boolean).join(", ")}` : ""}`],
    [t("contest.submission.contactPerson"), s.contact ? [s.contact.name, s.contact.email, s.contact.phone].filter(Boolean).join(" · ") : value(null)],
    [t("contest.submission.summary"), value(s.summary)],
    [t("contest.submission.targetCommunities"), value(s.targetCommunities)],
    [t("contest.submission.targetCities"), value(s.targetCities)],
    [t("contest.submission.requestedBudget"), s.requestedBudget ? `${formatAmount(Number(s.requestedBudget), locale)} ${s.currency}` : value(null)],
    [t("contest.submission.receivedAt"), formatDate(s.receivedAt)],
    [t("contest.submission.channel"), t(`contest.channel.${s.channel}`)],
    s.registeredAt ? [t("contest.submission.registeredAt"), formatDate(s.registeredAt)] : null,
    s.lateAcceptReason ? [t("contest.late.reason"), s.lateAcceptReason] : null,
  ];
  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">{t("contest.submission.data")}</h2>
      <dl className="ct-details">
        {rows.filter((r): r is [string, ReactNode] => r !== null).map(([label, v]) => (
          <div key={label} className="ct-details__row">
            <dt>{label}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
