import { StatusBadge, toneMap } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { PORTAL_STAGE_TONES, type PortalStage } from "~/modules/portal";

const tone = toneMap<PortalStage>(PORTAL_STAGE_TONES);

/** A submission's stage as the organisation reads it. */
export function StageBadge({ stage }: { stage: PortalStage }) {
  const t = useT();
  return <StatusBadge tone={tone(stage)}>{t(`portal.stage.${stage}`)}</StatusBadge>;
}

const PATH: PortalStage[] = ["RECEIVED", "IN_REVIEW", "CORRECTIONS_REQUESTED", "REGISTERED"];

/** received → in review → correction requested → registered / not registered, the current one marked. */
export function StagePath({ stage }: { stage: PortalStage }) {
  const t = useT();
  const steps = stage === "NOT_REGISTERED" || stage === "WITHDRAWN" ? [...PATH.slice(0, 3), stage] : PATH;
  return (
    <ol className="portal-stages" aria-label={t("portal.status.path")}>
      {steps.map((s) => (
        <li key={s} aria-current={s === stage ? "step" : undefined}>
          {t(`portal.stage.${s}`)}
        </li>
      ))}
    </ol>
  );
}
