/** Changing one's password (account.tsx, intent "password"); the fields are never pre-filled. */
import { Form } from "@remix-run/react";
import { Card, Field, FormError } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { SubmissionResult } from "~/lib/forms";
import { NewPasswordFields } from "../fields";

export function PasswordForm({ email, reply, minutes, busy }: { email: string; reply?: SubmissionResult<string[]>; minutes?: number; busy: boolean }) {
  const t = useT();
  const errors = Object.fromEntries(Object.entries(reply?.error ?? {}).map(([name, keys]) => [name, keys?.[0] ?? ""]));
  return (
    <Card title={t("auth.account.password.title")}>
      <p className="muted">{t("auth.account.password.intro")}</p>
      <FormError error={errors[""]} params={minutes ? { minutes } : undefined} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="password" />
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required label={t("auth.fields.currentPassword")} error={errors.currentPassword} />
        <NewPasswordFields errors={errors} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("auth.account.password.submit")}
        </button>
      </Form>
    </Card>
  );
}
