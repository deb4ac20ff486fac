import { Form } from "@remix-run/react";
import { Card, CheckboxField, Field, FormError, Toolbar } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { IntentButton } from "./intent-button";
import type { IntentState, SetupView } from "./state";

/** Discussion and closing switches, reminders, blind review and the dispersion threshold. */
export function StateCard({ contest: c, busy, state }: { contest: SetupView["contest"]; busy: boolean; state: (intent: string) => IntentState }) {
  const t = useT();
  const format = useFormatDate();
  const options = state("options");
  return (
    <Card title={t("jury.setup.stateTitle")} className="jy-section">
      <p>{t("jury.deadline.label", { date: format(c.evaluationEndsAt) })}</p>
      <Toolbar>
        <IntentButton intent="discussion" fields={{ open: c.discussionOpen ? "0" : "1" }} disabled={busy}>
          {c.discussionOpen ? t("jury.setup.closeDiscussion") : t("jury.setup.openDiscussion")}
        </IntentButton>
        <IntentButton intent="close" fields={{ closed: c.juryClosed ? "0" : "1" }} className={c.juryClosed ? "button" : "button button--danger"} disabled={busy}>
          {c.juryClosed ? t("jury.setup.reopenJury") : t("jury.setup.closeJury")}
        </IntentButton>
        <IntentButton intent="remind" disabled={busy || c.juryClosed}>
          {t("jury.setup.remindNow")}
        </IntentButton>
      </Toolbar>
      <p className="muted">
        {c.discussionOpen ? t("jury.setup.discussionIsOpen") : t("jury.setup.discussionIsClosed")} · {c.juryClosed ? t("jury.setup.juryIsClosed") : t("jury.setup.juryIsOpen")}
      </p>
      <FormError error={state("remind").errors._form ?? state("discussion").errors._form ?? state("close").errors._form} />
      <Form method="post" className="jy-inline">
        <input type="hidden" name="intent" value="options" />
        <CheckboxField name="blindReview" idPrefix="opt" label={t("jury.setup.blind")} defaultChecked={c.blindReview} />
        <Field name="dispersionThreshold" id="opt-threshold" type="number" step="0.5" min="0" max="100" label={t("jury.setup.threshold")} defaultValue={options.values.dispersionThreshold ?? c.dispersionThreshold} error={options.errors.dispersionThreshold} />
        <button type="submit" className="button" disabled={busy}>
          {t("jury.setup.saveOptions")}
        </button>
      </Form>
    </Card>
  );
}
