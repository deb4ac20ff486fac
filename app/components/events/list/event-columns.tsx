import { Link } from "@remix-run/react";
import type { Column } from "~/components/ui";
import type { Locale, T } from "~/i18n";
import type { EventLocation } from "~/modules/events";
import { EventTime, formatNumber, placeLabel, StatusBadge } from "../labels";

export type EventListRow = EventLocation & {
  id: string;
  name: string;
  kind: string;
  status: string;
  reportPart: string;
  partners: string | null;
  startsAt: string | Date;
  estimatedAttendance: number | null;
  credentialAppointments: number | null;
  registrationRequests: number | null;
  signups: number | null;
};

/** "A; B; C; D" → "A; B y 2 más" (the event's page lists them all). */
function shortList(joined: string, t: T): string {
  const names = joined.split("; ");
  return names.length <= 2 ? joined : `${names.slice(0, 2).join("; ")} ${t("events.list.more", { count: names.length - 2 })}`;
}

/**
 * The events table. Status rides in the name cell (as a badge) so the seven columns fit a 1366 px
 * screen beside the navigation; under 640 px the kit shows each row as a card.
 */
export function eventColumns(t: T, locale: Locale): Column<EventListRow>[] {
  const figure = (key: "estimatedAttendance" | "credentialAppointments" | "registrationRequests" | "signups", header: string): Column<EventListRow> => ({
    key,
    header,
    align: "end",
    cell: (row) => formatNumber(row[key], locale),
  });
  return [
    {
      key: "name",
      header: t("events.fields.name"),
      primary: true,
      className: "ev-name-cell",
      cell: (row) => (
        <>
          <Link to={`/events/${row.id}`} className="ev-name">
            {row.name}
          </Link>{" "}
          <StatusBadge status={row.status} t={t} />
          <br />
          <span className="muted">
            {t(`events.kind.${row.kind}`)} · <span data-testid="row-report-part">{t(`reportPart.${row.reportPart}`)}</span>
          </span>
          {row.partners ? (
            <>
              <br />
              <span className="muted">{shortList(row.partners, t)}</span>
            </>
          ) : null}
        </>
      ),
    },
    { key: "startsAt", header: t("events.fields.startsAt"), className: "ev-when", cell: (row) => <EventTime at={row.startsAt} zone={row.timeZone} compact /> },
    { key: "place", header: t("events.fields.place"), className: "ev-place", cell: (row) => placeLabel(row, locale, t) },
    figure("estimatedAttendance", t("events.figures.attendance")),
    figure("credentialAppointments", t("events.figures.appointments")),
    figure("registrationRequests", t("events.figures.registrationRequests")),
    figure("signups", t("events.figures.signups")),
  ];
}
