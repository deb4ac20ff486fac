/**
 * Event times: typed as wall-clock times in the event's own IANA zone, stored as UTC instants,
 * shown in the event's zone and the reader's. The conversions (and the rule for repeated and
 * skipped times on daylight-saving nights) live in app/lib/time.ts; this adds the event's view.
 */
import type { Locale } from "~/i18n";
import { formatDateTime } from "~/lib/format";

/**
 * An instant as the event's zone shows it and, when different, as the viewer's zone shows it:
 * { local: "19 nov 2017, 10:00 a.m. GMT-6", viewer: "19 nov 2017, 10:00 a.m. GMT-6" | null }.
 * The zone is named as an offset in every language (app/lib/format.ts).
 */
export function formatEventTime(instant: Date, eventZone: string, viewerZone: string, locale: Locale): { local: string; viewer: string | null } {
  const local = formatDateTime(instant, locale, eventZone, { zoneName: true });
  const viewer = eventZone === viewerZone ? local : formatDateTime(instant, locale, viewerZone, { zoneName: true });
  // Shown once when the viewer reads exactly the same clock (same offset and same zone name).
  return { local, viewer: viewer === local ? null : viewer };
}
