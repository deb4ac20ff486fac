import { Form, useNavigation } from "@remix-run/react";
import { Card } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { IMPORT_FIELDS } from "~/modules/contacts";

export type MappedColumn = { header: string; field: string | null; exportColumn: boolean };

/** Which field each column of the file goes to; editable until the import runs. */
export function MappingPanel({ columns, editable }: { columns: readonly MappedColumn[]; editable: boolean }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const ignored = columns.filter((c) => !c.field);
  return (
    <Card title={t("contacts.import.mapping.title")}>
      <p className="muted">{t(editable ? "contacts.import.mapping.hint" : "contacts.import.mapping.locked")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="mapping" />
        <ul className="import-mapping">
          {columns.map((column, i) => (
            <li key={i} className="field">
              <label htmlFor={`column-${i}`}>{column.header || t("contacts.import.mapping.unnamed", { n: i + 1 })}</label>
              {editable ? (
                <select id={`column-${i}`} name={`column-${i}`} defaultValue={column.field ?? ""}>
                  <option value="">{t("contacts.import.mapping.ignore")}</option>
                  {IMPORT_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {t(`contacts.import.fields.${field}`)}
                    </option>
                  ))}
                </select>
              ) : (
                <span id={`column-${i}`}>{column.field ? t(`contacts.import.fields.${column.field}`) : t("contacts.import.mapping.ignore")}</span>
              )}
              {!column.field ? <span className="muted import-ignored">{t(column.exportColumn ? "contacts.import.mapping.exportColumn" : "contacts.import.mapping.ignored")}</span> : null}
            </li>
          ))}
        </ul>
        {ignored.length ? <p className="muted">{t("contacts.import.mapping.ignoredList", { columns: ignored.map((c) => c.header || "—").join(", ") })}</p> : null}
        {editable ? (
          <button type="submit" className="button" disabled={busy}>
            {t("contacts.import.mapping.save")}
          </button>
        ) : null}
      </Form>
    </Card>
  );
}
