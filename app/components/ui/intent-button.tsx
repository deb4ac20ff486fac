/**
 * A form of one button that posts its `intent` (lib/intents.server.ts), for actions with nothing
 * to fill in: «Reenviar invitación», «Reactivar», «Empezar de nuevo». The intent travels as the
 * button's name/value, so it posts with or without JavaScript.
 *
 *   <IntentButton intent="reactivate" tone="primary" busy={busy}>{t("admin.users.access.reactivate")}</IntentButton>
 */
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

export function IntentButton({ intent, busy = false, disabled = false, tone, children }: { intent: string; busy?: boolean; disabled?: boolean; tone?: "primary" | "danger"; children: ReactNode }) {
  return (
    <Form method="post">
      <button type="submit" name="intent" value={intent} className={tone ? `button button--${tone}` : "button"} disabled={busy || disabled}>
        {children}
      </button>
    </Form>
  );
}
