import { useT } from "~/i18n/use-t";
import type { DeadlineState } from "~/modules/contacts/business-days";

export function ConsentBadge({ status }: { status: string }) {
  const t = useT();
  const tone = status === "CONFIRMED" ? "badge--ok" : status === "WITHDRAWN" ? "badge--off" : "badge--pending";
  return <span className={`badge ${tone}`}>{t(`contacts.consent.${status}`)}</span>;
}

export function SubscriptionBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`badge ${status === "SUBSCRIBED" ? "badge--ok" : "badge--off"}`}>{t(`contacts.subscription.${status}`)}</span>;
}

/** Where an open ARCO request stands against its legal deadline. */
export function DeadlineBadge({ deadline }: { deadline: { state: DeadlineState; businessDaysLeft: number } | null }) {
  const t = useT();
  if (!deadline) return null;
  if (deadline.state === "overdue") return <span className="badge badge--off">{t("contacts.arco.deadline.overdue")}</span>;
  if (deadline.state === "dueSoon") {
    return (
      <span className="badge badge--warn">
        {t("contacts.arco.deadline.dueSoon")} · {t("contacts.arco.deadline.daysLeft", { count: deadline.businessDaysLeft })}
      </span>
    );
  }
  return <span className="badge">{t("contacts.arco.deadline.daysLeft", { count: deadline.businessDaysLeft })}</span>;
}

export function ArcoStateBadge({ state }: { state: string }) {
  const t = useT();
  const tone = state === "RESOLVED" ? "badge--ok" : state === "REJECTED" ? "badge--off" : "";
  return <span className={`badge ${tone}`}>{t(`contacts.arco.state.${state}`)}</span>;
}
