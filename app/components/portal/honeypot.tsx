import { useT } from "~/i18n/use-t";
import { PORTAL_HONEYPOT } from "~/modules/portal";

/** The field people never see and robots fill in (the kiosk's defence). */
export function Honeypot({ idPrefix }: { idPrefix: string }) {
  const t = useT();
  return (
    <div className="portal-hp" aria-hidden="true">
      <label htmlFor={`${idPrefix}-${PORTAL_HONEYPOT}`}>{t("portal.honeypot")}</label>
      <input id={`${idPrefix}-${PORTAL_HONEYPOT}`} name={PORTAL_HONEYPOT} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
