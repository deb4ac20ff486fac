/** The read-only parts of the account page: who I am, two-factor state, my other sessions. */
import { Card, Facts, IntentButton, LinkButton, StatusBadge } from "~/components/ui";
import { useT } from "~/i18n/use-t";

export function ProfilePanel({ account }: { account: { name: string; email: string; role: string } }) {
  const t = useT();
  return (
    <Card title={t("auth.account.profile.title")}>
      <Facts
        items={[
          { label: t("auth.account.profile.name"), value: account.name },
          { label: t("auth.fields.email"), value: account.email },
          { label: t("auth.account.profile.role"), value: t(`roles.${account.role}`) },
        ]}
      />
      <p className="muted">{t("auth.account.profile.managedByAdmins")}</p>
    </Card>
  );
}

export function TwoFactorStateBadge({ enabled }: { enabled: boolean }) {
  const t = useT();
  return <StatusBadge tone={enabled ? "success" : "neutral"} label={t(enabled ? "auth.twoFactor.status.on" : "auth.twoFactor.status.off")} />;
}

export function TwoFactorPanel({ enabled, recoveryCodesLeft }: { enabled: boolean; recoveryCodesLeft: number }) {
  const t = useT();
  return (
    <Card
      title={
        <>
          {t("auth.twoFactor.title")} <TwoFactorStateBadge enabled={enabled} />
        </>
      }
    >
      <p>{enabled ? t("auth.twoFactor.status.recoveryLeft", { count: recoveryCodesLeft }) : t("auth.account.twoFactor.offIntro")}</p>
      <LinkButton to="/account/two-factor">{t(enabled ? "auth.account.twoFactor.manage" : "auth.account.twoFactor.setUp")}</LinkButton>
    </Card>
  );
}

export function SessionsPanel({ otherSessions, busy }: { otherSessions: number; busy: boolean }) {
  const t = useT();
  return (
    <Card title={t("auth.account.sessions.title")}>
      <p>{otherSessions === 0 ? t("auth.account.sessions.none") : t("auth.account.sessions.count", { count: otherSessions })}</p>
      <IntentButton intent="endSessions" busy={busy} disabled={otherSessions === 0}>
        {t("auth.account.sessions.submit")}
      </IntentButton>
    </Card>
  );
}
