/** A user's state as one badge: deactivated, invited (no password yet) or active. */
import { StatusBadge, toneMap } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { UserStatus } from "~/modules/users";

export const USER_STATUS_TONES = toneMap<UserStatus>({ active: "success", inactive: "danger", invited: "neutral" });

export function userStatus(user: { active: boolean; invited: boolean }): UserStatus {
  if (!user.active) return "inactive";
  return user.invited ? "invited" : "active";
}

export function UserStatus({ user }: { user: { active: boolean; invited: boolean } }) {
  const t = useT();
  const status = userStatus(user);
  return <StatusBadge tone={USER_STATUS_TONES(status)} label={t(`admin.users.status.${status}`)} />;
}
