/** A user's record as the administrator reads it (admin.users.$id.tsx). */
import { Link } from "@remix-run/react";
import { Card, StatusBadge } from "~/components/ui";
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
      <dl className="details-list">
        <dt>{t("admin.users.fields.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("admin.users.fields.role")}</dt>
        <dd>{t(`roles.${user.role}`)}</dd>
        {user.ineArea ? (
          <>
            <dt>{t("admin.users.fields.ineArea")}</dt>
            <dd>{t(`ineArea.${user.ineArea}`)}</dd>
          </>
        ) : null}
        <dt>{t("admin.users.fields.locale")}</dt>
        <dd>{t(`admin.locales.${user.locale === "en" ? "en" : "es"}`)}</dd>
        <dt>{t("admin.users.fields.timeZone")}</dt>
        <dd>{user.timeZone ?? t("admin.users.detail.organisationTimeZone")}</dd>
        <dt>{t("admin.users.fields.status")}</dt>
        <dd>
          <UserStatus user={user} />
        </dd>
        <dt>{t("admin.users.fields.twoFactor")}</dt>
        <dd>
          <StatusBadge tone={user.totpEnabled ? "success" : "neutral"} label={t(user.totpEnabled ? "admin.users.twoFactor.on" : "admin.users.twoFactor.off")} />
        </dd>
        <dt>{t("admin.users.fields.lastLogin")}</dt>
        <dd>{user.lastLoginAt ? formatDate(user.lastLoginAt) : t("admin.users.neverLoggedIn")}</dd>
        <dt>{t("admin.users.fields.activeSessions")}</dt>
        <dd>{t("admin.users.detail.sessionCount", { count: user.activeSessions })}</dd>
        <dt>{t("admin.users.fields.createdAt")}</dt>
        <dd>{formatDate(user.createdAt)}</dd>
        {user.invited && user.invitation ? (
          <>
            <dt>{t("admin.users.fields.invitation")}</dt>
            <dd>{t(invitationExpired ? "admin.users.detail.invitationExpired" : "admin.users.detail.invitationValid", { date: formatDate(user.invitation.expiresAt) })}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to={`/admin/audit?${new URLSearchParams({ entity: "user", entityId: user.id })}`}>{t("admin.users.detail.history")}</Link>
      </p>
    </Card>
  );
}
