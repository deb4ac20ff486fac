/** A user's record as the administrator reads it (admin.users.$id.tsx). */
import { Link } from "@remix-run/react";
import { Card, Facts, StatusBadge } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { UserStatus } from "../user-status";

export type UserDetail = {
  id: string;
  email: string;
  role: string;
  ineArea: string | null;
  locale: string;
  timeZone: string | null;
  active: boolean;
  invited: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | Date | null;
  createdAt: string | Date;
  activeSessions: number;
  invitation: { expiresAt: string | Date } | null;
};

export function UserDetails({ user }: { user: UserDetail }) {
  const t = useT();
  const formatDate = useFormatDate();
  const invitationExpired = user.invitation ? new Date(user.invitation.expiresAt).getTime() <= Date.now() : false;
  return (
    <Card title={t("admin.users.detail.details")}>
      <Facts
        items={[
          { label: t("admin.users.fields.email"), value: user.email },
          { label: t("admin.users.fields.role"), value: t(`roles.${user.role}`) },
          { label: t("admin.users.fields.ineArea"), value: user.ineArea ? t(`ineArea.${user.ineArea}`) : null },
          { label: t("admin.users.fields.locale"), value: t(`admin.locales.${user.locale === "en" ? "en" : "es"}`) },
          { label: t("admin.users.fields.timeZone"), value: user.timeZone ?? t("admin.users.detail.organisationTimeZone") },
          { label: t("admin.users.fields.status"), value: <UserStatus user={user} /> },
          { label: t("admin.users.fields.twoFactor"), value: <StatusBadge tone={user.totpEnabled ? "success" : "neutral"} label={t(user.totpEnabled ? "admin.users.twoFactor.on" : "admin.users.twoFactor.off")} /> },
          { label: t("admin.users.fields.lastLogin"), value: user.lastLoginAt ? formatDate(user.lastLoginAt) : t("admin.users.neverLoggedIn") },
          { label: t("admin.users.fields.activeSessions"), value: t("admin.users.detail.sessionCount", { count: user.activeSessions }) },
          { label: t("admin.users.fields.createdAt"), value: formatDate(user.createdAt) },
          {
            label: t("admin.users.fields.invitation"),
            value: user.invited && user.invitation ? t(invitationExpired ? "admin.users.detail.invitationExpired" : "admin.users.detail.invitationValid", { date: formatDate(user.invitation.expiresAt) }) : null,
          },
        ]}
      />
      <p>
        <Link to={`/admin/audit?${new URLSearchParams({ entity: "user", entityId: user.id })}`}>{t("admin.users.detail.history")}</Link>
      </p>
    </Card>
  );
}
