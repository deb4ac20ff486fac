import { PageHeader } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { BulletinStatusBadge } from "./status-badge";

type Props = {
  bulletin: { name: string; status: string; segmentId: string | null; segmentName: string | null; scheduledAt: string | Date | null; pausedReason: string | null };
  audience: number | null;
  zone: string;
};

/** The bulletin's name, state, audience and, when it waits or stopped, when and why. */
export function BulletinHeader({ bulletin, audience, zone }: Props) {
  const t = useT();
  const formatDate = useFormatDate();
  const { status, segmentId, segmentName, scheduledAt, pausedReason } = bulletin;
  const failureDetail = pausedReason?.startsWith("failureThreshold:") ? pausedReason.slice("failureThreshold:".length) : null;
  const complaintDetail = pausedReason?.startsWith("complaintRate:") ? pausedReason.slice("complaintRate:".length) : null;
  const reach = segmentId ? t("bulletins.audience.segment", { name: segmentName ?? "" }) : segmentName ? t("bulletins.audience.missing", { name: segmentName }) : t("bulletins.audience.all");
  return (
    <PageHeader title={<span className="bl-title">{bulletin.name}</span>} back={{ to: "/bulletins", label: t("bulletins.back") }}>
      <p>
        <BulletinStatusBadge status={status} />{" "}
        <span className="muted">
          {reach}
          {audience !== null ? ` · ${t("bulletins.audience.count", { count: audience })}` : null}
        </span>
      </p>
      {status === "SCHEDULED" && scheduledAt ? <p>{t("bulletins.schedule.for", { at: `${formatDate(scheduledAt, { dateStyle: "long", timeStyle: "short" })} (${zone})` })}</p> : null}
      {status === "PAUSED" && pausedReason ? (
        <p className="form-error" role="status">
          {failureDetail
            ? t("bulletins.paused.failureThreshold", { detail: failureDetail })
            : complaintDetail
              ? t("bulletins.paused.complaintRate", { detail: complaintDetail })
              : t(`bulletins.paused.${pausedReason}`)}
        </p>
      ) : null}
      {status === "DRAFT" && pausedReason === "segmentMissing" ? <p className="form-error">{t("bulletins.paused.segmentMissing")}</p> : null}
    </PageHeader>
  );
}
