import { Form } from "@remix-run/react";
import { ConfirmDialog, Toolbar } from "~/components/ui";
import { useT } from "~/i18n/use-t";

/** Pause or resume a running send; cancel it after saying how many messages will not go. */
export function SendControls({ status, pending, busy }: { status: string; pending: number; busy: boolean }) {
  const t = useT();
  const pause = status === "SENDING";
  return (
    <Toolbar className="panel bl-actions">
      <Form method="post">
        <input type="hidden" name="intent" value={pause ? "pause" : "resume"} />
        <button type="submit" className={pause ? "button" : "button button--primary"} disabled={busy}>
          {t(pause ? "bulletins.control.pause" : "bulletins.control.resume")}
        </button>
      </Form>
      <ConfirmDialog trigger={t("bulletins.control.cancel")} title={t("bulletins.control.cancel")} intent="cancel" confirmLabel={t("bulletins.control.cancelConfirm")} busy={busy}>
        {t("bulletins.control.cancelWhat", { count: pending })}
      </ConfirmDialog>
    </Toolbar>
  );
}
