import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler as createMemoryUploadHandler, unstable_parseMultipartFormData as parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { KeysetPager } from "~/components/admin/pager";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatQty } from "~/components/materials/labels";
import { MovementsTable } from "~/components/materials/movements-table";
import { useLocale, useT } from "~/i18n/use-t";
import { env } from "~/lib/env.server";
import { fieldErrors } from "~/lib/forms";
import { requireActor } from "~/lib/actor.server";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { UploadRejected } from "~/modules/files/index.server";
import { getMaterial, listLocationOptions, setMaterialPicture, recordMovement, reverseMovement } from "~/modules/materials/index.server";
import { MaterialError, movementFormSchema } from "~/modules/materials";
import { formBody, idParam, isMultipartBody, notFound, readBody } from "~/lib/params";

export const meta = pageTitle("materials.detail.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:material");
  const view = await getMaterial(idParam(request, params.id, "key"), new URL(request.url).searchParams.get("cursor"));
  if (!view) throw notFound(request);
  const canEdit = can(user.role, "edit:material");
  return { ...view, canEdit, locations: canEdit ? await listLocationOptions() : [] };
}

type Errors = Record<string, string>;

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:material");
  const id = idParam(request, params.id, "key");
  try {
    if (isMultipartBody(request)) {
      let form: FormData;
      try {
        form = await readBody(request, () => parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: env().UPLOAD_MAX_BYTES })));
      } catch (error) {
        if (error instanceof MaxPartSizeExceededError) return data({ errors: { picture: "materials.errors.pictureTooLarge" } as Errors, intent: "picture" }, { status: 413 });
        throw error;
      }
      const file = form.get("picture");
      if (!(file instanceof File) || file.size === 0) return data({ errors: { picture: "materials.errors.pictureRequired" } as Errors, intent: "picture" }, { status: 400 });
      await setMaterialPicture(actor, id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      return redirectWithToast(`/materials/${id}`, { kind: "success", message: "materials.detail.pictureSaved" });
    }
    const form = await formBody(request);
    const intent = String(form.get("intent") ?? "");
    const parsed = movementFormSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error), intent }, { status: 400 });
    const input = parsed.data;
    switch (input.intent) {
      case "RECEIPT":
        await recordMovement(actor, { kind: "RECEIPT", materialId: id, toLocationId: input.toLocationId, quantity: input.quantity, supplier: input.supplier, orderRef: input.orderRef });
        break;
      case "TRANSFER":
      case "RETURN":
        await recordMovement(actor, { kind: input.intent, materialId: id, fromLocationId: input.fromLocationId, toLocationId: input.toLocationId, quantity: input.quantity, reason: input.reason });
        break;
      case "ADJUSTMENT":
        await recordMovement(actor, { kind: "ADJUSTMENT", materialId: id, locationId: input.locationId, delta: input.direction === "in" ? input.quantity : -input.quantity, reason: input.reason });
        break;
      case "LOSS":
        await recordMovement(actor, { kind: "LOSS", materialId: id, fromLocationId: input.fromLocationId, quantity: input.quantity, reason: input.reason });
        break;
      case "REVERSAL":
        await reverseMovement(actor, BigInt(input.movementId), input.reason);
        break;
    }
    return redirectWithToast(`/materials/${id}`, { kind: "success", message: `materials.movementSaved.${input.intent}` });
  } catch (error) {
    if (error instanceof MaterialError) {
      if (error.code === "notFound") throw notFound(request);
      return data({ errors: { _form: error.messageKey } as Errors, available: Number(error.detail.available ?? 0), intent: "" }, { status: 400 });
    }
    if (error instanceof UploadRejected) return data({ errors: { picture: `events.photos.errors.${error.reason}` } as Errors, intent: "picture" }, { status: 400 });
    throw error;
  }
}

function LocationSelect({ name, label, locations, error }: { name: string; label: string; locations: ReadonlyArray<{ id: string; name: string; kind: string }>; error?: string }) {
  const t = useT();
  const id = `mv-${name}-${label.length}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue="" aria-invalid={error ? true : undefined}>
        <option value="">{t("materials.form.choose")}</option>
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name} — {t(`materials.locationKind.${l.kind}`)}
          </option>
        ))}
      </select>
      {error ? <p className="field-error">{t(error)}</p> : null}
    </div>
  );
}

function Input({ name, label, error, placeholder }: { name: string; label: string; error?: string; placeholder?: string }) {
  const t = useT();
  const id = `mv-${name}-${label.length}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} placeholder={placeholder} inputMode={name === "quantity" ? "numeric" : undefined} aria-invalid={error ? true : undefined} maxLength={500} />
      {error ? <p className="field-error">{t(error)}</p> : null}
    </div>
  );
}

export default function MaterialPage() {
  const { material, levels, movements, canEdit, locations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const errors: Errors = actionData?.errors ?? {};
  const forIntent = (intent: string) => (actionData?.intent === intent ? errors : {});
  const warehouses = locations.filter((l) => l.kind === "WAREHOUSE");
  const total = levels.filter((l) => l.kind !== "HANDED_OUT").reduce((s, l) => s + l.quantity, 0);
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <p>
            <Link to="/materials">← {t("materials.detail.back")}</Link>
          </p>
          <h1>{material.name}</h1>
          <p className="muted">
            {material.code} · {t(`materials.kind.${material.kind}`)}
            {material.audience ? ` · ${t(`materials.audience.${material.audience}`)}` : ""}
            {!material.active ? ` · ${t("materials.list.retired")}` : ""}
          </p>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/materials/${material.id}/edit`} className="button">
              {t("materials.actions.edit")}
            </Link>
          </div>
        ) : null}
      </header>
      {errors._form ? (
        <p className="form-error" role="alert">
          {t(errors._form, { available: formatQty(actionData && "available" in actionData ? Number(actionData.available) : 0, locale) })}
        </p>
      ) : null}

      <div className="mt-grid">
        <section className="panel" aria-labelledby="mt-details">
          <h2 id="mt-details">{t("materials.detail.details")}</h2>
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
              <div className="field">
                <label htmlFor="material-picture">{t("materials.detail.picture")}</label>
                <input id="material-picture" name="picture" type="file" accept="image/png,image/jpeg,image/gif,image/webp" />
                {forIntent("picture").picture ? <p className="field-error">{t(forIntent("picture").picture!)}</p> : null}
              </div>
              <button type="submit" className="button" disabled={busy}>
                {t("materials.detail.upload")}
              </button>
            </Form>
          ) : null}
        </section>

        <section className="panel" aria-labelledby="mt-levels">
          <h2 id="mt-levels">{t("materials.detail.levels")}</h2>
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
                    <td className={l.kind === "WAREHOUSE" && l.quantity < material.lowStockThreshold ? "num mt-low" : "num"}>{formatQty(l.quantity, locale)}</td>
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
        </section>
      </div>

      {canEdit ? (
        <section className="panel mt-forms" aria-labelledby="mt-record">
          <h2 id="mt-record">{t("materials.detail.record")}</h2>
          <details open={actionData?.intent === "RECEIPT"}>
            <summary>{t("materials.movementKind.RECEIPT")}</summary>
            <Form method="post" className="mt-inline-form">
              <input type="hidden" name="intent" value="RECEIPT" />
              <LocationSelect name="toLocationId" label={t("materials.form.toLocation")} locations={warehouses.length ? warehouses : locations} error={forIntent("RECEIPT").toLocationId} />
              <Input name="quantity" label={t("materials.form.quantity")} error={forIntent("RECEIPT").quantity} />
              <Input name="supplier" label={t("materials.form.supplier")} error={forIntent("RECEIPT").supplier} />
              <Input name="orderRef" label={t("materials.form.orderRef")} error={forIntent("RECEIPT").orderRef} />
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("materials.form.recordReceipt")}
              </button>
            </Form>
          </details>
          {(["TRANSFER", "RETURN"] as const).map((kind) => (
            <details key={kind} open={actionData?.intent === kind}>
              <summary>{t(`materials.movementKind.${kind}`)}</summary>
              <Form method="post" className="mt-inline-form">
                <input type="hidden" name="intent" value={kind} />
                <LocationSelect name="fromLocationId" label={t("materials.form.fromLocation")} locations={locations} error={forIntent(kind).fromLocationId} />
                <LocationSelect name="toLocationId" label={t("materials.form.toLocation")} locations={locations} error={forIntent(kind).toLocationId} />
                <Input name="quantity" label={t("materials.form.quantity")} error={forIntent(kind).quantity} />
                <Input name="reason" label={t("materials.form.note")} error={forIntent(kind).reason} />
                <button type="submit" className="button" disabled={busy}>
                  {t("materials.form.record")}
                </button>
              </Form>
            </details>
          ))}
          <details open={actionData?.intent === "ADJUSTMENT"}>
            <summary>{t("materials.movementKind.ADJUSTMENT")}</summary>
            <Form method="post" className="mt-inline-form">
              <input type="hidden" name="intent" value="ADJUSTMENT" />
              <LocationSelect name="locationId" label={t("materials.form.location")} locations={locations} error={forIntent("ADJUSTMENT").locationId} />
              <div className="field">
                <label htmlFor="adj-direction">{t("materials.form.direction")}</label>
                <select id="adj-direction" name="direction" defaultValue="in">
                  <option value="in">{t("materials.form.directionIn")}</option>
                  <option value="out">{t("materials.form.directionOut")}</option>
                </select>
              </div>
              <Input name="quantity" label={t("materials.form.quantity")} error={forIntent("ADJUSTMENT").quantity} />
              <Input name="reason" label={t("materials.form.reason")} error={forIntent("ADJUSTMENT").reason} />
              <button type="submit" className="button" disabled={busy}>
                {t("materials.form.record")}
              </button>
            </Form>
          </details>
          <details open={actionData?.intent === "LOSS"}>
            <summary>{t("materials.movementKind.LOSS")}</summary>
            <Form method="post" className="mt-inline-form">
              <input type="hidden" name="intent" value="LOSS" />
              <LocationSelect name="fromLocationId" label={t("materials.form.location")} locations={locations} error={forIntent("LOSS").fromLocationId} />
              <Input name="quantity" label={t("materials.form.quantity")} error={forIntent("LOSS").quantity} />
              <Input name="reason" label={t("materials.form.reason")} error={forIntent("LOSS").reason} />
              <button type="submit" className="button" disabled={busy}>
                {t("materials.form.record")}
              </button>
            </Form>
          </details>
          {forIntent("REVERSAL").reason ? <p className="field-error">{t(forIntent("REVERSAL").reason!)}</p> : null}
        </section>
      ) : null}

      <section className="panel" aria-labelledby="mt-movements">
        <h2 id="mt-movements">{t("materials.detail.movements")}</h2>
        <MovementsTable rows={movements.rows} canReverse={canEdit} />
        <KeysetPager nextCursor={movements.nextCursor ?? undefined} />
      </section>
    </>
  );
}
