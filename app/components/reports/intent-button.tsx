/**
 * One button in a form of its own posting an intent and the record it acts on (delete a file, a
 * key figure, a table). Works without JavaScript; `danger` for the first step of a removal.
 *
 *   <IntentButton action={`${base}#attachments`} intent="detach" fields={{ attachmentId: a.id }} label={t("reports.attachments.delete")} danger busy={busy} />
 */
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

export function IntentButton({ action, intent, fields, label, danger, primary, busy, className, ariaLabel }: { action?: string; intent: string; fields?: Record<string, string>; label: ReactNode; danger?: boolean; primary?: boolean; busy?: boolean; className?: string; ariaLabel?: string }) {
  return (
    <Form method="post" action={action} className={className}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={danger ? "button button--danger" : primary ? "button button--primary" : "button"} disabled={busy} aria-label={ariaLabel}>
        {label}
      </button>
    </Form>
  );
}
