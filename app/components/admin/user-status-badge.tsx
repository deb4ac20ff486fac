import { useT } from "~/i18n/use-t";

/** Active, invited (no password yet) or deactivated. */
export function UserStatusBadge({ active, invited }: { active: boolean; invited: boolean }) {
  const t = useT();
  if (!active) return <span className="badge badge--off">{t("admin.users.status.inactive")}</span>;
  if (invited) return <span className="badge">{t("admin.users.status.invited")}</span>;
  return <span className="badge badge--ok">{t("admin.users.status.active")}</span>;
}
