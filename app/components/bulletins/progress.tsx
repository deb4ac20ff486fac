import { useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import { formatNumber } from "~/lib/format";

export type ProgressData = {
  status: string;
  recipients: number;
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  outcomeUnknown: number;
  ratePerSecond: number;
  percent: number;
};

/** The live progress of a send: polls /bulletins/:id/progress while it is sending. */
export function BulletinProgress({ bulletinId, initial }: { bulletinId: string; initial: ProgressData }) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<ProgressData>();
  const progress = fetcher.data ?? initial;
  const live = progress.status === "SENDING" || progress.status === "PAUSED";
  const revalidator = useRevalidator();
  // When the send ends (or pauses itself), reload the page's data: the report and the actions change.
  const changed = fetcher.data !== undefined && fetcher.data.status !== initial.status;
  useEffect(() => {
    if (changed && revalidator.state === "idle") revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [changed]);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (fetcher.state === "idle") fetcher.load(`/bulletins/${bulletinId}/progress`);
    }, 1500);
    return () => clearInterval(timer);
  }, [live, bulletinId, fetcher]);
  return (
    <section className="panel" aria-labelledby="bl-progress-title" data-status={progress.status}>
      <h2 id="bl-progress-title">{t("bulletins.progress.title")}</h2>
      <progress className="bl-progress" max={100} value={progress.percent} aria-describedby="bl-progress-label" />
      <p id="bl-progress-label" data-testid="progress-percent" aria-live="polite">
        {t("bulletins.progress.label", { percent: progress.percent })} · {t(`bulletins.status.${progress.status}`)}
      </p>
      <dl className="bl-figures">
        <div>
          <dt>{t("bulletins.progress.sent")}</dt>
          <dd data-testid="progress-sent">{formatNumber(progress.sent, locale)}</dd>
        </div>
        <div>
          <dt>{t("bulletins.progress.failed")}</dt>
          <dd>{formatNumber(progress.failed, locale)}</dd>
        </div>
        <div>
          <dt>{t("bulletins.progress.pending")}</dt>
          <dd>{formatNumber(progress.pending + progress.sending, locale)}</dd>
        </div>
        <div>
          <dt>{t("bulletins.progress.rate")}</dt>
          <dd>{t("bulletins.progress.rateValue", { rate: progress.ratePerSecond })}</dd>
        </div>
        {progress.outcomeUnknown > 0 ? (
          <div>
            <dt>{t("bulletins.progress.unknown")}</dt>
            <dd>{formatNumber(progress.outcomeUnknown, locale)}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
