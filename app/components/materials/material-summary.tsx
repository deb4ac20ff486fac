import { Form, Link, useNavigation } from "@remix-run/react";
import { Card, Field } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatQty } from "./labels";

type Material = { name: string; language: string | null; unit: string; lowStockThreshold: number; pictureSha256: string | null; pictureFileName: string | null };

/** Language, unit, low-stock threshold and the picture (editors replace it: multipart, no intent). */
export function MaterialDetails({ material, canEdit, pictureError }: { material: Material; canEdit: boolean; pictureError?: string }) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("materials.detail.details")}>
      <dl className="mt-details">
        <dt>{t("materials.fields.language")}</dt>
        <dd>{material.language ?? "—"}</dd>
        <dt>{t("materials.fields.unit")}</dt>
        <dd>{material.unit}</dd>
        <dt>{t("materials.fields.lowStockThreshold")}</dt>
        <dd>{formatQty(material.lowStockThreshold, locale)}</dd>
      </dl>
      {material.pictureSha256 ? (
        <p>
          <img className="mt-picture" src={`/files/${material.pictureSha256}?inline=1&name=${encodeURIComponent(material.pictureFileName ?? "material")}`} alt={t("materials.detail.pictureAlt", { name: material.name })} />
        </p>
      ) : null}
      {canEdit ? (
        <Form method="post" encType="multipart/form-data" className="mt-inline-form">
          <Field name="picture" id="material-picture" type="file" label={t("materials.detail.picture")} accept="image/png,image/jpeg,image/gif,image/webp" error={pictureError} />
          <button type="submit" className="button" disabled={busy}>
            {t("materials.detail.upload")}
          </button>
        </Form>
      ) : null}
    </Card>
  );
}

/** Stock per place (low warehouse stock in red) and the total held. */
export function StockLevels({ levels, threshold }: { levels: ReadonlyArray<{ locationId: string; name: string; kind: string; quantity: number }>; threshold: number }) {
  const t = useT();
  const locale = useLocale();
  const total = levels.filter((l) => l.kind !== "HANDED_OUT").reduce((s, l) => s + l.quantity, 0);
  return (
    <Card title={t("materials.detail.levels")}>
      {levels.length === 0 ? (
        <p className="muted">{t("materials.detail.noStock")}</p>
      ) : (
        <table className="mt-table" data-testid="levels">
          <tbody>
            {levels.map((l) => (
              <tr key={l.locationId} data-location={l.name}>
                <td>
                  <Link to={`/materials/locations/${l.locationId}`}>{l.name}</Link>
                  <br />
                  <span className="muted">{t(`materials.locationKind.${l.kind}`)}</span>
                </td>
                <td className={l.kind === "WAREHOUSE" && l.quantity < threshold ? "num mt-low" : "num"}>{formatQty(l.quantity, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("materials.detail.totalHeld")}</th>
              <td className="num">{formatQty(total, locale)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </Card>
  );
}
