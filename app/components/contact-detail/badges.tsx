import { StatusBadge, toneMap } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { DeadlineState } from "~/modules/contacts";

export const CONSENT_TONES = toneMap({ CONFIRMED: "success", WITHDRAWN: "danger" }, "info");
export const SUBSCRIPTION_TONES = toneMap({ SUBSCRIBED: "success" }, "danger");
export const ARCO_STATE_TONES = toneMap({ RESOLVED: "success", REJECTED: "danger" });
export const DEADLINE_TONES = toneMap<DeadlineState>({ overdue: "danger", dueSoon: "warning" });

export function ConsentBadge({ status }: { status: string }) {
  const t = useT();
  return <StatusBadge tone={CONSENT_TONES(status)} label={t(`contacts.consent.${status}`)} />;
}

export function SubscriptionBadge({ status }: { status: string }) {
  const t = useT();
  return <StatusBadge tone={SUBSCRIPTION_TONES(status)} label={t(`contacts.subscription.${status}`)} />;
}

/** Where an open ARCO request stands against its legal deadline. */
export function DeadlineBadge({ deadline }: { deadline: { state: DeadlineState; businessDaysLeft: number } | null }) {
  const t = useT();
  if (!deadline) return null;
  const days = t("contacts.arco.deadline.daysLeft", { count: deadline.businessDaysLeft });
  const label = deadline.state === "overdue" ? t("contacts.arco.deadline.overdue") : deadline.state === "dueSoon" ? `${t("contacts.arco.deadline.dueSoon")} · ${days}` : days;
  return <StatusBadge tone={DEADLINE_TONES(deadline.state)} label={label} />;
}

export function ArcoStateBadge({ state }: { state: string }) {
  const t = useT();
  return <StatusBadge tone={ARCO_STATE_TONES(state)} label={t(`contacts.arco.state.${state}`)} />;
}
