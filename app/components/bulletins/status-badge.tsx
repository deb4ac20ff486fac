import { useT } from "~/i18n/use-t";

export function BulletinStatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <span className={`badge bl-status bl-status--${status}`} data-status={status}>
      {t(`bulletins.status.${status}`)}
    </span>
  );
}
