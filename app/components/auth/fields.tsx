import type { InputHTMLAttributes } from "react";
import { useT } from "~/i18n/use-t";
import type { TParams } from "~/i18n";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth/password-rules";

type FieldProps = {
  id: string;
  name: string;
  label: string;
  /** Translation key of the field's error, if any. */
  error?: string;
  errorParams?: TParams;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">;

/** A labelled input with its hint and error wired for screen readers. */
export function Field({ id, name, label, error, errorParams, hint, ...input }: FieldProps) {
  const t = useT();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error, errorParams)}
        </p>
      ) : null}
    </div>
  );
}

/** New password and its confirmation; never pre-filled. */
export function NewPasswordFields({ errors }: { errors: Record<string, string> }) {
  const t = useT();
  const params = { min: PASSWORD_MIN_LENGTH };
  return (
    <>
      <Field
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        label={t("auth.fields.newPassword")}
        hint={t("auth.password.hint", params)}
        error={errors.password}
        errorParams={params}
      />
      <Field
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        label={t("auth.fields.confirmPassword")}
        error={errors.confirmPassword}
      />
    </>
  );
}
