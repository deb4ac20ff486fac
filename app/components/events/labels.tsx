import { useRouteLoaderData } from "@remix-run/react";
import { StatusBadge as KitBadge, toneMap } from "~/components/ui";
import { DEFAULT_LOCALE, type Locale, type T } from "~/i18n";
import { useLocale } from "~/i18n/use-t";
import { countryName, formatNumber as formatDecimal, formatMonth, stateName } from "~/lib/format";
import { formatEventTime } from "~/modules/events";

/** "Fort Worth, Texas, Estados Unidos" — or the online label. */
export function placeLabel(e: { city: string | null; state?: string | null; country: string | null; venue?: string | null; onlineUrl?: string | null }, locale: Locale, t: T): string {
  const parts = [e.venue, e.city, stateName(e.state, locale), e.country ? countryName(e.country, locale) : null].filter(Boolean);
  if (parts.length) return parts.join(", ");
  return e.onlineUrl ? t("events.place.online") : t("common.none");
}

export function useViewerZone(): string {
  const data = useRouteLoaderData("root") as { timeZone?: string } | undefined;
  return data?.timeZone ?? "America/Mexico_City";
}

/** An instant in the event's own zone and, when the viewer's differs, in the viewer's. */
/** `localOnly`: the public kiosk, whose visitor's zone is unknown, shows the event's local time only. */
export function EventTime({ at, zone, compact, localOnly, lang }: { at: string | Date; zone: string; compact?: boolean; localOnly?: boolean; lang?: Locale }) {
  const rootLocale = useLocale();
  const locale = lang ?? rootLocale;
  const viewerZone = useViewerZone();
  const instant = new Date(at);
  const shown = formatEventTime(instant, zone, viewerZone, locale);
  return (
    <span className="ev-time">
      <time dateTime={instant.toISOString()} suppressHydrationWarning>
        {shown.local}
      </time>
      {shown.viewer && !localOnly ? (
        <span className={compact ? "ev-time__viewer ev-time__viewer--below muted" : "ev-time__viewer"} suppressHydrationWarning>
          {` (${shown.viewer})`}
        </span>
      ) : null}
    </span>
  );
}

export function formatNumber(value: number | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
  if (value === null || value === undefined) return "—";
  return formatDecimal(value, locale, { maxDecimals: 1 });
}

export const EVENT_STATUS_TONES = toneMap({ HELD: "success", CANCELLED: "danger", CONFIRMED: "info" });

export function StatusBadge({ status, t }: { status: string; t: T }) {
  return <KitBadge tone={EVENT_STATUS_TONES(status)} label={t(`events.status.${status}`)} />;
}

/** Whether a staff member confirmed they work the event (the event's staff table and «Mis eventos»). */
export function ConfirmedBadge({ confirmed, t }: { confirmed: boolean; t: T }) {
  return <KitBadge tone={confirmed ? "success" : "neutral"} label={confirmed ? t("events.staff.confirmed") : t("events.staff.unconfirmed")} />;
}

/** "noviembre de 2017" for "2017-11". */
export function monthLabel(month: string, locale: Locale): string {
  return formatMonth(month, locale);
}
