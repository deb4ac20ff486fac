import { StatusBadge } from "~/components/ui";
import { useT } from "~/i18n/use-t";

/** Active, invited (no password yet) or deactivated. */
export function UserStatusBadge({ active, invited }: { active: boolean; invited: boolean }) {
  const t = useT();
  if (!active) return <StatusBadge tone="danger" label={t("admin.users.status.inactive")} />;
  if (invited) return <StatusBadge tone="neutral" label={t("admin.users.status.invited")} />;
  return <StatusBadge tone="success" label={t("admin.users.status.active")} />;
}
