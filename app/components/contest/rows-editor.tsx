import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { CheckboxField, FormActions, FormErrorSummary } from "~/components/ui";
import { useT } from "~/i18n/use-t";

export type EditorRow = Record<string, string>;

/**
 * The editor of a contest's rows (requirements, rubric criteria): one fieldset per row with its id
 * hidden, a «remove» box on saved rows, blank rows to add, errors on top, save and cancel.
 */
export function RowsEditor({
  rows,
  errors,
  params,
  idPrefix,
  intro,
  addHint,
  legend,
  removeLabel,
  busy,
  cancelTo,
  children,
}: {
  rows: EditorRow[];
  errors: Record<string, string>;
  params?: Record<string, string | number>;
  idPrefix: string;
  intro: string;
  addHint: string;
  legend: (n: number) => string;
  removeLabel: string;
  busy: boolean;
  cancelTo?: string;
  children: (row: EditorRow, i: number) => ReactNode;
}) {
  const t = useT();
  return (
    <Form method="post" noValidate className="panel">
      <p className="muted">{intro}</p>
      <FormErrorSummary errors={errors} params={params} idPrefix={idPrefix} />
      <div className="ct-rows">
        {rows.map((row, i) => (
          <fieldset key={`${row.id}-${i}`} className="ct-row" aria-label={legend(i + 1)}>
            <input type="hidden" name={`rows.${i}.id`} value={row.id ?? ""} />
            {children(row, i)}
            {row.id ? <CheckboxField name={`rows.${i}.remove`} idPrefix={idPrefix} label={removeLabel} defaultChecked={row.remove === "on"} /> : null}
          </fieldset>
        ))}
      </div>
      <p className="hint muted">{addHint}</p>
      <FormActions submitLabel={t("common.save")} busy={busy} cancelTo={cancelTo} />
    </Form>
  );
}
