import { useFormatNumber } from "~/components/ui";
import { useT } from "~/i18n/use-t";

export type ImportCounts = { rows: number; created: number; updated: number; unchanged: number; duplicates: number; suppressed: number; rejected: number };

const COUNT_KEYS = ["rows", "created", "updated", "unchanged", "duplicates", "suppressed", "rejected"] as const;

/** What a dry run would do (`final` false) or what the import did. */
export function Counts({ batch, final }: { batch: ImportCounts; final: boolean }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  return (
    <dl className="import-counts" aria-label={t(final ? "contacts.import.done.countsLabel" : "contacts.import.dryRun.countsLabel")}>
      {COUNT_KEYS.map((key) => (
        <div key={key} className={`import-count import-count--${key}`} data-count={key}>
          <dt>{t(final ? `contacts.import.counts.${key}` : `contacts.import.dryRun.${key}`)}</dt>
          <dd>{formatNumber(batch[key])}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Progress({ percent, label }: { percent: number; label: string }) {
  const t = useT();
  return (
    <div className="import-progress">
      <label htmlFor="import-progress">{label}</label>
      <progress id="import-progress" max={100} value={percent}>
        {t("contacts.import.progress.percent", { percent })}
      </progress>
      <span className="import-progress__text" aria-live="polite">
        {t("contacts.import.progress.percent", { percent })}
      </span>
    </div>
  );
}
