import { Form, useNavigation } from "@remix-run/react";
import { Card, Field } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { SubscriptionBadge } from "./badges";

/** Whether bulletins reach the contact, and the unsubscribe / resubscribe forms. */
export function SubscriptionPanel({ contact, canEdit, errors }: { contact: { consentStatus: string; subscriptionStatus: string }; canEdit: boolean; errors: Record<string, string> }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const subscribed = contact.subscriptionStatus === "SUBSCRIBED";
  return (
    <Card title={t("contacts.detail.subscription.title")}>
      <p>
        <SubscriptionBadge status={contact.subscriptionStatus} />{" "}
        <span className="muted">{contact.consentStatus === "CONFIRMED" && subscribed ? t("contacts.detail.subscription.canReceive") : t("contacts.detail.subscription.cannotReceive")}</span>
      </p>
      {canEdit && subscribed ? (
        <Form method="post" className="cd-inline-form">
          <input type="hidden" name="intent" value="unsubscribe" />
          <p className="cd-note">{t("contacts.detail.subscription.unsubscribeHint")}</p>
          <button type="submit" className="button" disabled={busy}>
            {t("contacts.detail.subscription.unsubscribe")}
          </button>
        </Form>
      ) : null}
      {canEdit && !subscribed ? (
        <Form method="post" className="cd-inline-form">
          <input type="hidden" name="intent" value="resubscribe" />
          <Field idPrefix="resubscribe" name="basis" label={t("contacts.detail.subscription.resubscribeBasis")} hint={t("contacts.detail.subscription.resubscribeHint")} error={errors.basis} required />
          <button type="submit" className="button" disabled={busy}>
            {t("contacts.detail.subscription.resubscribe")}
          </button>
        </Form>
      ) : null}
    </Card>
  );
}
