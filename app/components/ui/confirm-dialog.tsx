/**
 * The second step of an irreversible action (decision 023), without JavaScript. Two shapes:
 *
 * 1. Server-driven (bulk actions, sends): the first post changes nothing and returns what will
 *    happen and to how many; the page renders this panel, which posts the real intent with the
 *    figures the person saw (`fields`) so the server can refuse a stale confirmation.
 *
 *   {actionData?.confirm ? (
 *     <ConfirmDialog title={t("contacts.bulk.deleteTitle")} intent="delete" fields={{ confirmedCount: n, ids }}
 *       confirmLabel={t("contacts.bulk.deleteButton", { count: n })} cancelTo="/contacts">
 *       {t("contacts.bulk.deleteWhat", { count: n })}
 *     </ConfirmDialog>
 *   ) : null}
 *
 * 2. In-page (deleting one record the page already shows): `trigger` renders a «Eliminar…» disclosure
 *    (<details>) whose content states the consequence and holds the confirm button.
 *
 *   <ConfirmDialog trigger={t("partners.delete")} title={t("partners.deleteTitle")} intent="delete"
 *     confirmLabel={t("partners.deleteConfirm")}>{t("partners.deleteWhat", { name })}</ConfirmDialog>
 */
import { Form, Link } from "@remix-run/react";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { useT } from "~/i18n/use-t";

type Props = {
  title: ReactNode;
  /** What will happen, to whom and how many. */
  children: ReactNode;
  /** Value of the `intent` field posted by the confirm button. */
  intent: string;
  /** Hidden fields posted with the confirmation (the figures seen, the ids). Arrays post one field per item. */
  fields?: Record<string, string | number | readonly (string | number)[] | null | undefined>;
  confirmLabel?: ReactNode;
  cancelLabel?: ReactNode;
  /** Where «Cancelar» goes (server-driven shape). In the disclosure shape cancel just closes it. */
  cancelTo?: string;
  /** When given, renders the in-page disclosure with this button text. */
  trigger?: ReactNode;
  action?: string;
  /** Red confirm button (default) — false for reversible-but-weighty actions. */
  danger?: boolean;
  busy?: boolean;
  /** A server notice above the statement (e.g. «the count changed, check again»). */
  notice?: ReactNode;
  testId?: string;
};

function Hidden({ fields }: { fields: NonNullable<Props["fields"]> }) {
  return (
    <>
      {Object.entries(fields).flatMap(([name, value]) =>
        value === null || value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v, i) => <input key={`${name}-${i}`} type="hidden" name={name} value={String(v)} />),
      )}
    </>
  );
}

export function ConfirmDialog({ title, children, intent, fields = {}, confirmLabel, cancelLabel, cancelTo, trigger, action, danger = true, busy, notice, testId = "confirm-dialog" }: Props) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!trigger) ref.current?.focus();
  }, [trigger]);
  const body = (
    <>
      <h2 id={`${id}-title`} className="ui-confirm__title">
        {title}
      </h2>
      {notice ? (
        <p className="form-error" role="alert">
          {notice}
        </p>
      ) : null}
      <p className="ui-confirm__what">{children}</p>
      <Form method="post" action={action} className="form-actions">
        <input type="hidden" name="intent" value={intent} />
        <Hidden fields={fields} />
        <button type="submit" className={danger ? "button button--danger" : "button button--primary"} disabled={busy}>
          {confirmLabel ?? t("ui.confirm.confirm")}
        </button>
        {cancelTo ? (
          <Link to={cancelTo} className="button">
            {cancelLabel ?? t("ui.confirm.cancel")}
          </Link>
        ) : null}
      </Form>
    </>
  );
  if (trigger) {
    return (
      <details className="ui-confirm ui-confirm--inline" data-testid={testId}>
        <summary className={danger ? "button button--danger-outline" : "button"}>{trigger}</summary>
        <section className="panel" aria-labelledby={`${id}-title`}>
          {body}
        </section>
      </details>
    );
  }
  return (
    <section ref={ref} className="panel ui-confirm" aria-labelledby={`${id}-title`} tabIndex={-1} autoFocus role="alertdialog" data-testid={testId}>
      {body}
    </section>
  );
}
