import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** A form's primary button and «Cancelar» (a link back). `intent` names the button's intent when the page has several. */
export function FormButtons({ submitLabel, cancelTo, busy, intent }: { submitLabel: string; cancelTo: string; busy: boolean; intent?: string }) {
  const t = useT();
  return (
    <div className="form-actions">
      <button type="submit" name={intent ? "intent" : undefined} value={intent} className="button button--primary" disabled={busy}>
        {submitLabel}
      </button>
      <Link to={cancelTo} className="button">
        {t("common.cancel")}
      </Link>
    </div>
  );
}
