import { useEffect, useState } from "react";
import { FieldError, SearchPicker } from "~/components/ui";
import { useT } from "~/i18n/use-t";

/** A row: its material (with its «Name (CODE)» when known, see labelLines) and quantity as typed. */
export type LineValue = { materialId: string; qty: string; label?: string };

/** The posted field names and labels of one rows editor (shipment lines, event hand-outs). */
export type LinesNames = { material: string; qty: string };

const SHIPMENT_LINES: LinesNames = { material: "lineMaterial", qty: "lineQty" };

/** The submit button's name that asks for one more row (without JavaScript the page comes back with it). */
export const ADD_ROW = "addRow";

/** True when the post was «Añadir renglón», not a save: the action echoes the rows plus one. */
export function wantsRow(form: FormData): boolean {
  return form.get(ADD_ROW) !== null;
}

/**
 * Rows of (material, quantity), the material a search picker over /materials/options (a page no
 * longer renders the 500-material select in every row), blank rows at the end, and «Añadir renglón»: with JavaScript it adds
 * a row in place; without, it posts the form and the action re-renders it with one more
 * (`wantsRow` + `linesFromForm(form, names, 1)`).
 */
export function LinesEditor({
  lines,
  labels: materialLabels = {},
  errors,
  blank = 3,
  names = SHIPMENT_LINES,
  legend,
  hint,
  rowLabels,
}: {
  lines: readonly LineValue[];
  /** «Name (CODE)» of the materials the stored rows name (posted rows carry their own `label`). */
  labels?: Readonly<Record<string, string>>;
  errors: Record<string, string>;
  blank?: number;
  names?: LinesNames;
  legend?: string;
  hint?: string;
  rowLabels?: { material: (n: number) => string; qty: (n: number) => string; materialHeader: string; qtyHeader: string };
}) {
  const t = useT();
  const [added, setAdded] = useState(0);
  // After hydration the button stops being a submit button, so Enter in a row still saves the form.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const filled = lines.filter((r) => r.materialId || r.qty).length;
  const count = Math.max(lines.length, filled + blank) + added;
  const rows = Array.from({ length: count }, (_, i) => lines[i] ?? { materialId: "", qty: "" });
  const labels = rowLabels ?? {
    material: (n: number) => t("materials.shipments.materialRow", { n }),
    qty: (n: number) => t("materials.shipments.quantityRow", { n }),
    materialHeader: t("materials.shipments.material"),
    qtyHeader: t("materials.shipments.quantity"),
  };
  const rowError = (name: string, i: number) => errors[`${name}.${i}`];
  const labelOf = (row: LineValue) => (row.materialId ? (row.label ?? materialLabels[row.materialId]) : undefined);
  return (
    <fieldset className="ev-fieldset mt-lines-editor">
      <legend>{legend ?? t("materials.shipments.lines")}</legend>
      {hint ? <p className="hint muted">{hint}</p> : null}
      <FieldError error={errors.lines ?? errors.handouts} />
      <table className="mt-lines">
        <thead>
          <tr>
            <th scope="col">{labels.materialHeader}</th>
            <th scope="col">{labels.qtyHeader}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td>
                <SearchPicker
                  id={`${names.material}-${i}`}
                  name={names.material}
                  label={labels.material(i + 1)}
                  hideLabel
                  source="/materials/options"
                  placeholder={t("materials.form.choose")}
                  defaultValue={labelOf(row) ? { id: row.materialId, label: labelOf(row)! } : null}
                  echo={row.materialId && !labelOf(row) ? row.materialId : undefined}
                  error={rowError(names.material, i)}
                />
              </td>
              <td>
                <input name={names.qty} inputMode="numeric" defaultValue={row.qty} aria-label={labels.qty(i + 1)} aria-invalid={rowError(names.qty, i) ? true : undefined} />
                <FieldError error={rowError(names.qty, i)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type={hydrated ? "button" : "submit"}
        name={ADD_ROW}
        value="1"
        formNoValidate
        className="link-button"
        onClick={(e) => {
          if (!hydrated) return;
          e.preventDefault();
          setAdded((n) => n + 1);
        }}
      >
        + {t("materials.shipments.addRow")}
      </button>
    </fieldset>
  );
}

/** The rows as posted (kept after an error), plus `extra` blank rows («Añadir renglón» without JavaScript). */
export function linesFromForm(form: FormData, names: LinesNames = SHIPMENT_LINES, extra = 0): LineValue[] {
  const ids = form.getAll(names.material).map(String);
  const qtys = form.getAll(names.qty).map(String);
  const rows = ids.map((materialId, i) => ({ materialId, qty: qtys[i] ?? "" }));
  return [...rows, ...Array.from({ length: extra }, () => ({ materialId: "", qty: "" }))];
}
