/**
 * One two-factor form (account_.two-factor.tsx): an intent, a code field and its button, with the
 * form-level refusal (rate limit, not allowed) above it. `state` is what the action answered for
 * this intent: Conform's result (field errors, the typed code) and/or a form error with params.
 */
import { Form } from "@remix-run/react";
import { Field, FormError } from "~/components/ui";
import type { TParams } from "~/i18n";

export type CodeFormState = { error?: string; code?: string; formError?: { key: string; params?: TParams } | null };

type Props = {
  intent: "confirm" | "regenerate" | "disable";
  state: CodeFormState;
  busy: boolean;
  label: string;
  hint: string;
  submit: string;
  numeric?: boolean;
  tone?: "primary" | "danger" | "plain";
};

export function CodeForm({ intent, state, busy, label, hint, submit, numeric = true, tone = "plain" }: Props) {
  return (
    <>
      <FormError error={state.formError?.key} params={state.formError?.params} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value={intent} />
        <Field
          id={`${intent}-code`}
          name="code"
          label={label}
          hint={hint}
          inputMode={numeric ? "numeric" : undefined}
          autoComplete="one-time-code"
          maxLength={numeric ? 9 : 20}
          required
          defaultValue={state.code}
          error={state.error}
        />
        <button type="submit" className={tone === "plain" ? "button" : `button button--${tone}`} disabled={busy}>
          {submit}
        </button>
      </Form>
    </>
  );
}
