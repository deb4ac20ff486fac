import { Form } from "@remix-run/react";
import { Card, Field } from "~/components/ui";
import { useT } from "~/i18n/use-t";

/** Sends the bulletin as it stands to a few addresses (as the contact previewed, when one is). */
export function TestSend({ contact, error, busy }: { contact: string; error?: string; busy: boolean }) {
  const t = useT();
  return (
    <Card title={t("bulletins.test.title")}>
      <Form method="post" noValidate className="bl-actions">
        <input type="hidden" name="intent" value="test" />
        {contact ? <input type="hidden" name="contactId" value={contact} /> : null}
        <Field name="to" id="bulletin-test-to" label={t("bulletins.test.to")} error={error} required />
        <button type="submit" className="button" disabled={busy}>
          {t("bulletins.test.submit")}
        </button>
      </Form>
    </Card>
  );
}
