import { useT } from "~/i18n/use-t";

export type LineValue = { materialId: string; qty: string };

/** Rows of (material, quantity) for a shipment; blank rows at the end to add more. */
export function LinesEditor({ lines, materials, errors, blank = 3 }: { lines: readonly LineValue[]; materials: ReadonlyArray<{ id: string; code: string; name: string }>; errors: Record<string, string>; blank?: number }) {
  const t = useT();
  const rows = [...lines];
  const filled = rows.filter((r) => r.materialId || r.qty).length;
  while (rows.length < filled + blank) rows.push({ materialId: "", qty: "" });
  return (
    <fieldset className="ev-fieldset">
      <legend>{t("materials.shipments.lines")}</legend>
      {errors.lines ? <p className="field-error">{t(errors.lines)}</p> : null}
      <table className="mt-lines">
        <thead>
          <tr>
            <th scope="col">{t("materials.shipments.material")}</th>
            <th scope="col">{t("materials.shipments.quantity")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td>
                <select name="lineMaterial" defaultValue={row.materialId} aria-label={t("materials.shipments.materialRow", { n: i + 1 })} aria-invalid={errors[`lineMaterial.${i}`] ? true : undefined}>
                  <option value="">{t("materials.form.choose")}</option>
                  {materials.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name} ({m.code})
                    </option>
                  ))}
                </select>
                {errors[`lineMaterial.${i}`] ? <p className="field-error">{t(errors[`lineMaterial.${i}`]!)}</p> : null}
              </td>
              <td>
                <input name="lineQty" inputMode="numeric" defaultValue={row.qty} aria-label={t("materials.shipments.quantityRow", { n: i + 1 })} aria-invalid={errors[`lineQty.${i}`] ? true : undefined} />
                {errors[`lineQty.${i}`] ? <p className="field-error">{t(errors[`lineQty.${i}`]!)}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

export function linesFromForm(form: FormData): LineValue[] {
  const ids = form.getAll("lineMaterial").map(String);
  const qtys = form.getAll("lineQty").map(String);
  return ids.map((materialId, i) => ({ materialId, qty: qtys[i] ?? "" }));
}
