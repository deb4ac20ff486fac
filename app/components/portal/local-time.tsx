import { useEffect, useState } from "react";
import { useT } from "~/i18n/use-t";
import { formatDateTime } from "~/lib/format";
import type { Locale } from "~/i18n";

/**
 * An instant in the contest's zone (rendered on the server) and, once the page runs in the
 * browser, in the visitor's own zone when it differs (the server cannot know it).
 */
export function LocalTime({ at, zone, locale }: { at: string; zone: string; locale: Locale }) {
  const t = useT();
  const [visitorZone, setVisitorZone] = useState<string | null>(null);
  useEffect(() => {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (own && own !== zone) setVisitorZone(own);
  }, [zone]);
  return (
    <>
      <time dateTime={at}>{formatDateTime(at, locale, zone, { dateStyle: "long", zoneName: true })}</time>
      {visitorZone ? <span className="muted"> · {t("portal.call.yourTime", { time: formatDateTime(at, locale, visitorZone, { dateStyle: "long", zoneName: true }) })}</span> : null}
    </>
  );
}
