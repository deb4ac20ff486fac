import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Card, Field, FormActions, FormError, PageHeader } from "~/components/ui";
import { Honeypot } from "~/components/portal/honeypot";
import { useT } from "~/i18n/use-t";
import { useAppForm } from "~/lib/forms";
import { forgotSchema } from "~/modules/portal";
import type { sendLinkAction } from "./send-link.server";

/** A «send me a link» page (password reset, magic link) in the words of its message group. */
export function SendLinkPage({ words }: { words: "forgot" | "magic" }) {
  const t = useT();
  const answer = useActionData<ReturnType<typeof sendLinkAction>>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useAppForm({ schema: forgotSchema, lastResult: answer?.result });
  if (answer?.sent) {
    return (
      <Card title={t(`portal.${words}.sentTitle`)}>
        <p role="status">{t(`portal.${words}.sent`)}</p>
      </Card>
    );
  }
  return (
    <div className="portal-narrow">
      <PageHeader title={t(`portal.${words}.title`)} description={t(`portal.${words}.intro`)} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormError error={form.errors?.[0]} params={{ minutes: answer?.minutes ?? 0 }} />
        <Field meta={fields.email} type="email" label={t("portal.fields.email")} autoComplete="username" required />
        <Honeypot idPrefix={words} />
        <FormActions submitLabel={t(`portal.${words}.submit`)} busy={busy} />
      </Form>
    </div>
  );
}
