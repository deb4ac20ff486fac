import { countryName, stateName } from "~/components/contacts/labels";
import { useLocale, useT } from "~/i18n/use-t";
import type { ImportField, PreviewRow } from "~/modules/contacts/index.server";

/** The first rows as they would be stored (a refused row shows its reason and raw text). */
export function Preview({ rows, fields }: { rows: readonly PreviewRow[]; fields: readonly ImportField[] }) {
  const t = useT();
  const locale = useLocale();
  if (!rows.length) return null;
  const shown = fields.filter((f) => f !== "consentStatus" && f !== "subscriptionStatus");
  const cell = (row: Extract<PreviewRow, { ok: true }>["row"], field: ImportField) => {
    if (field === "country") return row.country ? countryName(row.country, locale) : "";
    if (field === "state") return row.state ? stateName(row.state) : "";
    const value = row[field as keyof typeof row];
    return Array.isArray(value) ? value.join(", ") : typeof value === "string" ? value : "";
  };
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t("contacts.import.preview.title")}</h2>
      <p className="muted">{t("contacts.import.preview.hint")}</p>
      <div className="table-wrap">
        <table className="import-preview">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("contacts.import.rejections.line")}
              </th>
              {shown.map((field) => (
                <th key={field} scope="col">
                  {t(`contacts.import.fields.${field}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) =>
              r.ok ? (
                <tr key={r.line}>
                  <td className="num">{r.line}</td>
                  {shown.map((field) => (
                    <td key={field}>{cell(r.row, field)}</td>
                  ))}
                </tr>
              ) : (
                <tr key={r.line} className="import-preview__rejected">
                  <td className="num">{r.line}</td>
                  <td colSpan={shown.length}>
                    <strong>{t(`contacts.import.reasons.${r.reason}`)}</strong> <code className="import-raw">{r.raw}</code>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
