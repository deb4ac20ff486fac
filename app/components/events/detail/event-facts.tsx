import { Form, useNavigation } from "@remix-run/react";
import { Card, Facts } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { isOnlineEvent, type EventLocation } from "~/modules/events";
import { EventTime, formatNumber, placeLabel } from "../labels";

export type EventFactsView = EventLocation & {
  kind: string;
  startsAt: string | Date;
  endsAt: string | Date;
  reportPart: string;
  expectedAttendance: number | null;
  description: string | null;
  materialsRequest: string | null;
};

/** When, where, for whom: the event as stored. */
export function EventDetails({ event, partners }: { event: EventFactsView; partners: ReadonlyArray<{ name: string; acronym: string | null }> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card title={t("events.detail.details")}>
      <Facts
        className="ev-details"
        items={[
          { label: t("events.fields.startsAt"), value: <EventTime at={event.startsAt} zone={event.timeZone} /> },
          { label: t("events.fields.endsAt"), value: <EventTime at={event.endsAt} zone={event.timeZone} /> },
          { label: t("events.fields.timeZone"), value: event.timeZone },
          { label: t("events.fields.place"), value: placeLabel(event, locale, t) },
          {
            label: t("events.fields.onlineUrl"),
            value: event.onlineUrl ? (
              <a href={event.onlineUrl} rel="noopener noreferrer" target="_blank">
                {event.onlineUrl}
              </a>
            ) : null,
          },
          {
            label: t("events.fields.reportPart"),
            value: (
              <span data-testid="report-part">
                {t(`reportPart.${event.reportPart}`)}
                {event.reportPart === "COMMUNITY_ABROAD" && isOnlineEvent(event) ? (
                  <>
                    <br />
                    <span className="field-error">{t("events.detail.reportPartOnline")}</span>
                  </>
                ) : null}
              </span>
            ),
          },
          { label: t("events.fields.partners"), value: partners.length ? partners.map((p) => (p.acronym ? `${p.name} (${p.acronym})` : p.name)).join("; ") : t("common.none") },
          { label: t("events.fields.expectedAttendance"), value: formatNumber(event.expectedAttendance, locale) },
          { label: t("events.fields.description"), value: event.description },
          { label: t("events.fields.materialsRequest"), value: event.materialsRequest ?? t("common.none") },
        ]}
      />
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
