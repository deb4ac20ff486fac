import { Link } from "@remix-run/react";
import { useFormatDate, useT } from "~/i18n/use-t";
import { EventTime } from "./labels";

export type ContactSignupItem = {
  signupId: number;
  at: string | Date;
  confirmedAt: string | Date | null;
  event: { id: string; name: string; startsAt: string | Date; timeZone: string; city: string | null; country: string | null };
};

/** "Events where it signed up" on a contact's page (items from listContactSignups). */
export function ContactEventSignups({ items }: { items: ContactSignupItem[] }) {
  const t = useT();
  const formatDate = useFormatDate();
  if (items.length === 0) return <p className="cd-note">{t("events.contactSignups.none")}</p>;
  return (
    <ul className="ev-contact-signups">
      {items.map((s) => (
        <li key={s.signupId}>
          <Link to={`/events/${s.event.id}`}>{s.event.name}</Link> · <EventTime at={s.event.startsAt} zone={s.event.timeZone} compact />
          <br />
          <span className="muted">
            {t("events.contactSignups.signedUp", { date: formatDate(s.at) })}{" "}
            {s.confirmedAt ? t("events.contactSignups.confirmed", { date: formatDate(s.confirmedAt) }) : t("events.contactSignups.pending")}
          </span>
        </li>
      ))}
    </ul>
  );
}
