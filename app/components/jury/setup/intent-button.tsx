import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/** A one-button form posting an intent (and hidden fields). */
export function IntentButton({ intent, fields = {}, children, className = "button", disabled, label }: { intent: string; fields?: Record<string, string>; children: ReactNode; className?: string; disabled?: boolean; label?: string }) {
  return (
    <Form method="post" className="jy-cell-form">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} disabled={disabled} aria-label={label}>
        {children}
      </button>
    </Form>
  );
}
