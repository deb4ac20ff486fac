import { Card, LinkButton } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime } from "~/lib/format";

/** The event's sign-up kiosk: its state, window, link and QR code, and the printable poster. */
export function KioskPanel({ eventId, kiosk, opensAt, closesAt, timeZone }: { eventId: string; kiosk: { url: string; qr: string; state: string } | null; opensAt: string | Date | null; closesAt: string | Date | null; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card title={t("events.kioskPanel.title")}>
      {kiosk ? (
        <>
          <p>{t(`events.kioskPanel.state.${kiosk.state}`)}</p>
          {opensAt && closesAt ? (
            <p className="muted" data-testid="kiosk-window">
              {t("events.kioskPanel.window", { from: formatDateTime(opensAt, locale, timeZone), to: formatDateTime(closesAt, locale, timeZone, { zoneName: true }) })}
            </p>
          ) : null}
          <p>
            <a href={kiosk.url} className="ev-kiosk-link" target="_blank" rel="noopener">
              {kiosk.url}
            </a>
          </p>
          <img src={kiosk.qr} alt={t("events.kioskPanel.qrAlt", { url: kiosk.url })} className="ev-qr" />
          <p className="form-actions">
            <LinkButton to={`/events/${eventId}/poster`}>{t("events.kioskPanel.print")}</LinkButton>
          </p>
        </>
      ) : (
        <p className="muted">{t("events.kioskPanel.none")}</p>
      )}
    </Card>
  );
}
