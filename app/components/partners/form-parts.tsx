/**
 * Pieces shared by the institution page's forms (activity, follow-up, person, agreement): the
 * shapes of an echoed form, the ticked lists and the institution search boxes.
 */
import { Form } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { FormActions, FormErrorSummary } from "~/components/ui";
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

/** The id of the page's one list of institutions (a <datalist>): every search box of the page uses it. */
export const INSTITUTIONS_LIST_ID = "partner-institutions";

/** Every institution by name, once per page, for the search boxes of the activity forms (native: no JavaScript needed). */
export function InstitutionsList({ institutions }: { institutions: Array<{ id: string; name: string; acronym: string | null }> }) {
  return (
    <datalist id={INSTITUTIONS_LIST_ID}>
      {institutions.map((p) => (
        <option key={p.id} value={p.name}>
          {p.acronym ?? undefined}
        </option>
      ))}
    </datalist>
  );
}

/** Boxes for more institutions; without JavaScript a fixed few (save, then edit to add more), with it one more on demand. */
export function InstitutionSearch({ idPrefix, typed, error, initial }: { idPrefix: string; typed: string[]; error?: string; initial: number }) {
  const t = useT();
  const [extra, setExtra] = useState(0);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const count = Math.max(initial, typed.length + 1) + extra;
  return (
    <div className="institution-search">
      {Array.from({ length: count }, (_, i) => (
        <div className="field" key={i}>
          <label htmlFor={`${idPrefix}-partnerNames-${i}`}>{t("partners.activity.addInstitution", { n: i + 1 })}</label>
          <input
            id={`${idPrefix}-partnerNames-${i}`}
            name="partnerNames"
            type="search"
            list={INSTITUTIONS_LIST_ID}
            autoComplete="off"
            defaultValue={typed[i] ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${idPrefix}-partnerNames-error` : `${idPrefix}-partnerNames-hint`}
          />
        </div>
      ))}
      {hydrated ? (
        <button type="button" className="link-button" onClick={() => setExtra((n) => n + 1)}>
          {t("partners.activity.anotherInstitution")}
        </button>
      ) : null}
    </div>
  );
}
