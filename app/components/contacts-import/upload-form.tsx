import { Form, useNavigation } from "@remix-run/react";
import { Card, Field, FieldError } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { DUPLICATE_POLICIES, IMPORT_TEXT_MAX } from "~/modules/contacts";

/** The upload: consent basis, source, duplicate policy and the file (multipart, works without JS). */
export function UploadForm({ errors, maxMb }: { errors: Record<string, string>; maxMb: number }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  // The two required texts of an upload, each with its hint and an example as placeholder.
  const described = (id: string, name: "consentBasis" | "sourceText") => (
    <Field
      id={id}
      name={name}
      label={t(`contacts.import.upload.${name}`)}
      hint={t(`contacts.import.upload.${name}Hint`)}
      placeholder={t(`contacts.import.upload.${name}Placeholder`)}
      maxLength={IMPORT_TEXT_MAX}
      error={errors[name]}
      required
    />
  );
  return (
    <Card title={t("contacts.import.upload.title")}>
      <Form method="post" encType="multipart/form-data" noValidate>
        {described("import-consent", "consentBasis")}
        {described("import-source", "sourceText")}
        <fieldset className="field import-policies">
          <legend>{t("contacts.import.upload.onDuplicate")}</legend>
          {DUPLICATE_POLICIES.map((policy) => (
            <label key={policy} className="import-policy">
              <input type="radio" name="onDuplicate" value={policy} defaultChecked={policy === "SKIP"} />
              <span>
                <strong>{t(`contacts.import.policy.${policy}`)}</strong>
                <span className="muted"> — {t(`contacts.import.policy.${policy}.hint`)}</span>
              </span>
            </label>
          ))}
          <FieldError error={errors.onDuplicate} />
        </fieldset>
        <Field
          id="import-file"
          name="file"
          type="file"
          label={t("contacts.import.upload.file")}
          hint={t("contacts.import.upload.fileHint", { maxMb })}
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          error={errors.file}
          errorParams={{ maxMb }}
          required
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("contacts.import.upload.submitting") : t("contacts.import.upload.submit")}
        </button>
      </Form>
    </Card>
  );
}
