import { StatusBadge, toneMap } from "~/components/ui";
import { useT } from "~/i18n/use-t";

export const BULLETIN_TONES = toneMap({ SENDING: "info", SCHEDULED: "info", SENT: "success", PAUSED: "warning", CANCELLED: "danger" });

export function BulletinStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <StatusBadge tone={BULLETIN_TONES(status)} label={t(`bulletins.status.${status}`)} data-status={status} />;
}
