import { useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { Card, useFormatNumber } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { BulletinProgress as BulletinProgressData } from "~/modules/bulletins";
import { Figures } from "./figures";

type ProgressData = Omit<BulletinProgressData, "pausedReason">;

/** The live progress of a send: polls /bulletins/:id/progress while it is sending. */
export function BulletinProgress({ bulletinId, initial }: { bulletinId: string; initial: ProgressData }) {
  const t = useT();
  const num = useFormatNumber();
  const fetcher = useFetcher<ProgressData>();
  const progress = fetcher.data ?? initial;
  const live = progress.status === "SENDING" || progress.status === "PAUSED";
  const revalidator = useRevalidator();
  // When the send ends (or pauses itself), reload the page's data: the report and the actions change.
  const changed = fetcher.data !== undefined && fetcher.data.status !== initial.status;
  // Also on the revalidator's state: a change seen while another reload was running is reloaded
  // once that one ends (with [changed] alone it was dropped, and the report never appeared).
  useEffect(() => {
    if (changed && revalidator.state === "idle") revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [changed, revalidator.state]);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (fetcher.state === "idle") fetcher.load(`/bulletins/${bulletinId}/progress`);
    }, 1500);
    return () => clearInterval(timer);
  }, [live, bulletinId, fetcher]);
  return (
    <Card title={t("bulletins.progress.title")} data-status={progress.status}>
      <progress className="bl-progress" max={100} value={progress.percent} aria-describedby="bl-progress-label" />
      <p id="bl-progress-label" data-testid="progress-percent" aria-live="polite">
        {t("bulletins.progress.label", { percent: progress.percent })} · {t(`bulletins.status.${progress.status}`)}
      </p>
      <Figures
        items={[
          { label: t("bulletins.progress.sent"), value: num(progress.sent), testId: "progress-sent" },
          { label: t("bulletins.progress.failed"), value: num(progress.failed) },
          { label: t("bulletins.progress.pending"), value: num(progress.pending + progress.sending) },
          { label: t("bulletins.progress.rate"), value: t("bulletins.progress.rateValue", { rate: progress.ratePerSecond }) },
          ...(progress.outcomeUnknown > 0 ? [{ label: t("bulletins.progress.unknown"), value: num(progress.outcomeUnknown) }] : []),
        ]}
      />
    </Card>
  );
}
