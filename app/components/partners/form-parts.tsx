/**
 * Pieces shared by the institution page's forms (activity, follow-up, person, agreement): the
 * shapes of an echoed form, the ticked lists and the institution search boxes.
 */
import { Form } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { FormActions, FormErrorSummary, SearchPicker } from "~/components/ui";
import { useT } from "~/i18n/use-t";

/** A form as typed, echoed back by the page's action (multi-valued fields joined by commas). */
export type Values = Record<string, string | undefined>;
/** Field → translation key ("_form" = the form's own refusal). */
export type Errors = Record<string, string>;
export type Choice = { id: string; name: string | null };

/**
 * One form of the institution page: it posts its `intent` (page.server's handlePageAction), the id of
 * the record it corrects when it corrects one (`record`), lists its errors on top and ends with its button.
 */
export function PageForm({
  intent,
  record,
  errors,
  idPrefix,
  errorParams,
  multipart,
  submitLabel,
  busy,
  children,
}: {
  intent: string;
  record?: { name: string; id?: string };
  errors: Errors;
  idPrefix: string;
  errorParams?: Record<string, string | number>;
  multipart?: boolean;
  submitLabel: string;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <Form method="post" encType={multipart ? "multipart/form-data" : undefined} noValidate>
      <input type="hidden" name="intent" value={intent} />
      {record?.id ? <input type="hidden" name={record.name} value={record.id} /> : null}
      <FormErrorSummary errors={errors} idPrefix={idPrefix} params={errorParams} />
      {children}
      <FormActions submitLabel={submitLabel} busy={busy} />
    </Form>
  );
}

/** Multi-valued fields travel as one comma-joined value when a form is echoed back (see page.server). */
export function listOf(value: string | undefined): string[] {
  return value ? value.split(",").filter(Boolean) : [];
}

export function Checkboxes({ legend, name, choices, checked = [] }: { legend: string; name: string; choices: Choice[]; checked?: string[] }) {
  if (!choices.length) return null;
  return (
    <fieldset className="choice-group field--wide">
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.id}>
          <input type="checkbox" name={name} value={c.id} defaultChecked={checked.includes(c.id)} /> {c.name}
        </label>
      ))}
    </fieldset>
  );
}

/** Options of a kit SelectField from people or events. */
export function choiceOptions(choices: Choice[]) {
  return choices.map((c) => ({ value: c.id, label: c.name ?? c.id }));
}

/**
 * Boxes for more institutions, each a search picker over /partners/options (the page's own left
 * out); without JavaScript a fixed few plain boxes taking the exact name or acronym (the module
 * resolves names), with it one more on demand. A chosen institution posts its id.
 */
export function InstitutionSearch({ idPrefix, typed, error, initial, partnerId }: { idPrefix: string; typed: string[]; error?: string; initial: number; partnerId: string }) {
  const t = useT();
  const [extra, setExtra] = useState(0);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const count = Math.max(initial, typed.length + 1) + extra;
  return (
    <div className="institution-search">
      {Array.from({ length: count }, (_, i) => (
        <SearchPicker
          key={i}
          id={`${idPrefix}-partnerNames-${i}`}
          name="partnerNames"
          label={t("partners.activity.addInstitution", { n: i + 1 })}
          source="/partners/options"
          params={{ exclude: partnerId }}
          echo={typed[i]}
          noScriptValue="label"
          invalid={!!error}
          describedBy={error ? `${idPrefix}-partnerNames-error` : `${idPrefix}-partnerNames-hint`}
        />
      ))}
      {hydrated ? (
        <button type="button" className="link-button" onClick={() => setExtra((n) => n + 1)}>
          {t("partners.activity.anotherInstitution")}
        </button>
      ) : null}
    </div>
  );
}
