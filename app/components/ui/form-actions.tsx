/**
 * The end of a form: its primary button, an optional «Cancelar» link back, and any extra buttons.
 * `intent` names the button's intent when the page has several forms (lib/intents.server.ts).
 *
 *   <FormActions submitLabel={t("common.save")} busy={busy} cancelTo="/materials" />
 *
 * LinkButton is a link that looks like a button (page actions, «Nuevo…»):
 *
 *   <PageHeader actions={<LinkButton to="/materials/new" primary>{t("materials.actions.new")}</LinkButton>} />
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";

export function FormActions({ submitLabel, busy = false, cancelTo, intent, danger, children }: { submitLabel: ReactNode; busy?: boolean; cancelTo?: string; intent?: string; danger?: boolean; children?: ReactNode }) {
  const t = useT();
  return (
    <div className="form-actions">
      <button type="submit" name={intent ? "intent" : undefined} value={intent} className={danger ? "button button--danger" : "button button--primary"} disabled={busy}>
        {submitLabel}
      </button>
      {children}
      {cancelTo ? (
        <Link to={cancelTo} className="button">
          {t("common.cancel")}
        </Link>
      ) : null}
    </div>
  );
}

export function LinkButton({ to, primary, children, reloadDocument, download }: { to: string; primary?: boolean; children: ReactNode; reloadDocument?: boolean; download?: boolean }) {
  return (
    <Link to={to} className={primary ? "button button--primary" : "button"} reloadDocument={reloadDocument || download} download={download}>
      {children}
    </Link>
  );
}
