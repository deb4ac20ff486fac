/** The sections already in the month's round: area, state and due date. */
import { Card } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "~/lib/format";
import type { RoundPlanSection } from "~/modules/reports/index.server";
import { ContributionBadge } from "../contributions-panel";
import { sectionHeading } from "../labels";

export function OpenSections({ sections }: { sections: readonly RoundPlanSection[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card title={t("contribute.round.alreadyOpen", { count: sections.length })}>
      <ul className="contrib-list">
        {sections.map((s) => (
          <li key={s.key} className="contrib-item">
            <p className="contrib-item__title">{sectionHeading(s)}</p>
            {s.contribution ? (
              <p className="contrib-item__meta">
                <span>{t(`ineArea.${s.contribution.area}`)}</span>
                <ContributionBadge state={s.contribution.state} />
                <span>{t("contribute.due", { date: formatDate(s.contribution.dueOn, locale) })}</span>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
