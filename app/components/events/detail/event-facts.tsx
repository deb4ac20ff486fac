import { Form, useNavigation } from "@remix-run/react";
import { Card } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { isOnlineEvent } from "~/modules/events";
import { EventTime, formatNumber, placeLabel } from "../labels";

export type EventFactsView = {
  kind: string;
  startsAt: string | Date;
  endsAt: string | Date;
  timeZone: string;
  city: string | null;
  state: string | null;
  country: string | null;
  venue: string | null;
  onlineUrl: string | null;
  reportPart: string;
  expectedAttendance: number | null;
  description: string | null;
  materialsRequest: string | null;
};

/** When, where, for whom: the event as stored. */
export function EventDetails({ event, partners }: { event: EventFactsView; partners: ReadonlyArray<{ name: string; acronym: string | null }> }) {
  const t = useT();
  const locale = useLocale();
  const item = (label: string, value: React.ReactNode, testId?: string) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
  return (
    <Card title={t("events.detail.details")}>
      <dl className="ev-details">
        {item(t("events.fields.startsAt"), <EventTime at={event.startsAt} zone={event.timeZone} />, "starts-at")}
        {item(t("events.fields.endsAt"), <EventTime at={event.endsAt} zone={event.timeZone} />)}
        {item(t("events.fields.timeZone"), event.timeZone)}
        {item(t("events.fields.place"), placeLabel(event, locale, t))}
        {event.onlineUrl
          ? item(
              t("events.fields.onlineUrl"),
              <a href={event.onlineUrl} rel="noopener noreferrer" target="_blank">
                {event.onlineUrl}
              </a>,
            )
          : null}
        {item(
          t("events.fields.reportPart"),
          <>
            {t(`reportPart.${event.reportPart}`)}
            {event.reportPart === "COMMUNITY_ABROAD" && isOnlineEvent(event) ? (
              <>
                <br />
                <span className="field-error">{t("events.detail.reportPartOnline")}</span>
              </>
            ) : null}
          </>,
          "report-part",
        )}
        {item(t("events.fields.partners"), partners.length ? partners.map((p) => (p.acronym ? `${p.name} (${p.acronym})` : p.name)).join("; ") : t("common.none"))}
        {item(t("events.fields.expectedAttendance"), formatNumber(event.expectedAttendance, locale))}
        {event.description ? item(t("events.fields.description"), event.description) : null}
        {item(t("events.fields.materialsRequest"), event.materialsRequest ?? t("common.none"))}
      </dl>
    </Card>
  );
}

/** What is done and what is due before and after the event; «materials requested» can be ticked here. */
export function EventChecklist({ checklist, canEdit }: { checklist: ReadonlyArray<{ key: string; done: boolean; due: boolean }>; canEdit: boolean }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("events.checklist.title")}>
      <ul className="ev-checklist">
        {checklist.map((item) => (
          <li key={item.key} data-check={item.key} data-done={item.done ? "true" : "false"}>
            <span className={`ev-check ${item.done ? "ev-check--done" : item.due ? "ev-check--todo" : "ev-check--later"}`} aria-hidden="true">
              {item.done ? "✓" : item.due ? "!" : "…"}
            </span>
            <span>
              {t(`events.checklist.${item.key}`)} — <strong>{item.done ? t("events.checklist.done") : item.due ? t("events.checklist.pending") : t("events.checklist.later")}</strong>
            </span>
          </li>
        ))}
      </ul>
      {canEdit && !checklist.find((c) => c.key === "materialsRequested")?.done ? (
        <Form method="post" className="ev-inline-form">
          <input type="hidden" name="intent" value="markMaterialsRequested" />
          <button type="submit" className="button" disabled={busy}>
            {t("events.checklist.markMaterials")}
          </button>
        </Form>
      ) : null}
    </Card>
  );
}
