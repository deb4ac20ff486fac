import { Form, Link, useNavigation } from "@remix-run/react";
import { Card, DataTable, Field, type Column } from "~/components/ui";
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
  const columns: Column<(typeof levels)[number]>[] = [
    {
      key: "place",
      header: t("materials.locations.place"),
      primary: true,
      cell: (l) => (
        <>
          <Link to={`/materials/locations/${l.locationId}`}>{l.name}</Link>
          <br />
          <span className="muted">{t(`materials.locationKind.${l.kind}`)}</span>
        </>
      ),
    },
    { key: "quantity", header: t("materials.locations.quantity"), align: "end", className: (l) => (l.kind === "WAREHOUSE" && l.quantity < threshold ? "mt-low" : undefined), cell: (l) => formatQty(l.quantity, locale) },
  ];
  return (
    <Card title={t("materials.detail.levels")} data-testid="levels">
      <DataTable
        label={t("materials.detail.levels")}
        columns={columns}
        rows={levels}
        rowKey={(l) => l.locationId}
        rowAttrs={(l) => ({ "data-location": l.name })}
        empty={{ message: t("materials.detail.noStock") }}
        totals={{ place: t("materials.detail.totalHeld"), quantity: formatQty(total, locale) }}
        className="mt-table"
      />
    </Card>
  );
}
