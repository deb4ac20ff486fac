/** A table's first rows with its column names and types (a stored table, or a preview before saving). */
import { useT } from "~/i18n/use-t";
import type { TableColumn } from "~/modules/reports";

export function SampleTable({ caption, columns, rows }: { caption: string; columns: readonly TableColumn[]; rows: readonly (readonly string[])[] }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, j) => (
              <th key={j} scope="col">
                {c.name} <span className="badge">{t(`reports.tables.types.${c.type}`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j} className={columns[j]?.type !== "text" ? "num" : undefined}>
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
