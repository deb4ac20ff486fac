import { Form, Link } from "@remix-run/react";
import { Card, FormActions, CheckboxField, FormError, SelectField } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "~/lib/format";
import type { IntentState, SetupView } from "./state";

/** Links designated jurors to the meeting agreement that designated them. */
export function LinkAgreementCard({ view, busy, state }: { view: SetupView; busy: boolean; state: (intent: string) => IntentState }) {
  const t = useT();
  const locale = useLocale();
  if (view.jurors.length === 0) return null;
  const { errors, values } = state("linkAgreement");
  return (
    <Card title={t("jury.setup.linkTitle")} className="jy-section">
      {view.agreements.length === 0 ? (
        <p className="muted">
          {t("jury.setup.noAgreements")} <Link to="/meetings/agreements/new">{t("jury.setup.recordAgreement")}</Link>
        </p>
      ) : (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="linkAgreement" />
          <p className="hint">{t("jury.setup.linkHint")}</p>
          <SelectField name="agreementId" idPrefix="link" label={t("jury.setup.agreement")} options={view.agreements.map((a) => ({ value: a.id, label: `${a.number} (${formatDate(a.adoptedOn, locale)})` }))} defaultValue={values.agreementId ?? view.agreements[0]?.id} />
          <fieldset className="field">
            <legend>{t("jury.setup.jurorsTitle")}</legend>
            {view.jurors.map((j) => (
              <CheckboxField key={j.userId} name="userIds" id={`link-${j.userId}`} value={j.userId} label={j.name} defaultChecked={!j.agreement} />
            ))}
          </fieldset>
          <FormError error={errors._form ?? errors.memberIds ?? errors.agreementId} />
          <FormActions submitLabel={t("jury.setup.link")} busy={busy} />
        </Form>
      )}
    </Card>
  );
}
