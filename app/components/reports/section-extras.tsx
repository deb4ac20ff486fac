/**
 * Beside a written section on the report page (issue 17): what it holds besides its text — its
 * key figures (with the previous month's value) and a link to the page where its tables, annex
 * files and key figures are managed (/reports/<month>/sections/<key>/extras). The tables
 * themselves print in the document under the section. Computed sections get nothing.
 */
import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-t";
import { formatNumber } from "~/lib/format";
import type { SectionExtrasSummary } from "~/modules/reports/index.server";

type SectionLike = { key: string; kind?: string; extras?: SectionExtrasSummary };

export function SectionExtras({ month, section }: { month: string; section: SectionLike | string }) {
  const t = useT();
  const locale = useLocale();
  const s: SectionLike = typeof section === "string" ? { key: section } : section;
  if (s.kind === "COMPUTED") return null;
  const nf = { format: (v: number) => formatNumber(v, locale, { maxDecimals: 6 }) };
  const extras = s.extras;
  return (
    <div className="section-extras">
      {extras?.keyFigures.length ? (
        <ul className="section-extras__figures">
          {extras.keyFigures.map((k) => (
            <li key={k.key}>
              <strong>{nf.format(k.value)}</strong>
              {k.unit ? ` ${k.unit}` : ""} — {k.label}
              {k.previous !== null ? <span className="muted"> ({t("reports.keyFigures.previous", { value: nf.format(k.previous) })})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="section-extras__link">
        <Link to={`/reports/${month}/sections/${s.key}/extras`}>{t("reports.sectionExtras.open")}</Link>
        {extras ? <span className="muted"> · {t("reports.sectionExtras.summary", { tables: extras.tables, attachments: extras.attachments, figures: extras.keyFigures.length })}</span> : null}
      </p>
    </div>
  );
}

export default SectionExtras;
