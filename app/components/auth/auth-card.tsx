/**
 * The card of the signed-out pages (login, its two-factor step, forgot and reset password, the
 * invitation): a title, an intro line, a form-level refusal (rate limit, wrong password), the
 * content, and a footer link. AuthForm is their form: fields, then one wide submit button that
 * says it is working while the request runs.
 *
 *   <AuthCard title={t("auth.forgot.title")} intro={t("auth.forgot.intro")} error={actionData?.formError} footer={<BackToLogin />}>
 *     <AuthForm submit={t("auth.forgot.submit")} submitting={t("auth.forgot.submitting")}>
 *       <Field id="email" name="email" type="email" label={t("auth.fields.email")} />
 *     </AuthForm>
 *   </AuthCard>
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormError } from "~/components/ui";
import type { TParams } from "~/i18n";
import { useT } from "~/i18n/use-t";

export type AuthRefusal = { key: string; params?: TParams } | null;

export function AuthCard({ title, intro, error, footer, children }: { title: ReactNode; intro?: ReactNode; error?: AuthRefusal; footer?: ReactNode; children?: ReactNode }) {
  return (
    <div className="auth-card">
      <h1>{title}</h1>
      {intro ? <p className="muted">{intro}</p> : null}
      <FormError error={error?.key} params={error?.params} />
      {children}
      {footer ? <p className="auth-card__footer">{footer}</p> : null}
    </div>
  );
}

export function AuthForm({ submit, submitting, children }: { submit: string; submitting: string; children: ReactNode }) {
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" noValidate>
      {children}
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? submitting : submit}
      </button>
    </Form>
  );
}

export function BackToLogin() {
  const t = useT();
  return <Link to="/login">{t("auth.backToLogin")}</Link>;
}
