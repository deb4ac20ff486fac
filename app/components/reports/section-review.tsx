/**
 * What the report page shows around a section's text: its state line under the heading (where the
 * text comes from, the contribution, the «data changed» flag) and, for a rewritten section, the
 * computed text and its figures beside the written one (decision 024's review).
 */
import { StatusBadge } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatNumber } from "~/lib/format";
import type { RoundRow } from "~/modules/reports/index.server";
import { ContributionSectionState } from "./contributions-panel";
import { SECTION_STATE_TONES } from "./labels";

export type ReviewSection = { state: string; review: boolean; computedText: string[]; figures: Record<string, number> | null; basis: Record<string, number> | null };

/** The badges under a section's heading; null when there is nothing to say. */
export function SectionStateLine({ section, round }: { section?: Pick<ReviewSection, "state" | "review">; round?: RoundRow }) {
  const t = useT();
  if (!section || section.state === "parent") {
    return round ? (
      <p className="report-section-state">
        <ContributionSectionState row={round} />
      </p>
    ) : null;
  }
  return (
    <p className="report-section-state">
      <StatusBadge tone={SECTION_STATE_TONES(section.state)} label={t(`reports.sectionState.${section.state}`)} />
      <ContributionSectionState row={round} />
      {section.review ? (
        <span role="status" className="report-review">
          <StatusBadge tone="danger" label={t("reports.review.flag")} />
        </span>
      ) : null}
    </p>
  );
}

/** A section's figures now (and when its text was rewritten, with the changed ones marked). */
export function FiguresTable({ now, basis }: { now: Record<string, number> | null; basis: Record<string, number> | null }) {
  const t = useT();
  const locale = useLocale();
  if (!now) return null;
  return (
    <div className="table-wrap">
      <table className="report-figures">
        <caption className="sr-only">{t("reports.review.figures")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.review.figure")}</th>
            <th scope="col">{t("reports.review.now")}</th>
            {basis ? <th scope="col">{t("reports.review.then")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {Object.entries(now).map(([k, v]) => (
            <tr key={k} className={basis && (basis[k] ?? 0) !== v ? "report-figures__changed" : undefined}>
              <th scope="row">{t(`reports.figureKeys.${k}`)}</th>
              <td className="num">{formatNumber(v, locale)}</td>
              {basis ? <td className="num">{formatNumber(basis[k] ?? 0, locale)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The computed text, paragraph by paragraph. */
export function ComputedText({ lines }: { lines: readonly string[] }) {
  return (
    <>
      {lines.map((line, i) => (
        <p key={i} className="report-beside__text">
          {line}
        </p>
      ))}
    </>
  );
}

/** A rewritten section: the computed text and the figures, open when the data changed since. */
export function ComputedBeside({ section }: { section: ReviewSection }) {
  const t = useT();
  return (
    <details className="report-beside" open={section.review || undefined}>
      <summary>{section.review ? t("reports.review.compare") : t("reports.review.computed")}</summary>
      <div className="report-beside__grid">
        <div>
          <p className="report-beside__label">{t("reports.review.computedText")}</p>
          <ComputedText lines={section.computedText} />
        </div>
        <FiguresTable now={section.figures} basis={section.basis} />
      </div>
    </details>
  );
}
