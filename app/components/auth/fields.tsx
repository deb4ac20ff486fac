import { Field } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth";

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
