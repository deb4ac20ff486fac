import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatQty, ShipmentStatusBadge } from "~/components/materials/labels";
import { LinesEditor, linesFromForm } from "~/components/materials/lines-editor";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth/permissions";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { listMaterialOptions } from "~/modules/materials/catalogue.server";
import { MaterialError } from "~/modules/materials/errors";
import { parseLines, quantitySchema, shipmentActionSchema } from "~/modules/materials/schema";
import { cancelShipment, canMove, getShipment, linesEditable, prepareShipment, receiveShipment, shipShipment, updateShipmentLines } from "~/modules/materials/shipments.server";
import { formBody, idParam, notFound } from "~/lib/params";

export const meta = pageTitle("materials.shipments.detailTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:material");
  const view = await getShipment(idParam(request, params.id, "key"));
  if (!view) throw notFound(request);
  const canEdit = can(user.role, "edit:material");
  const s = view.shipment;
  return {
    ...view,
    canEdit,
    can: { prepare: canMove(s.status, "PREPARED"), ship: canMove(s.status, "SHIPPED"), receive: canMove(s.status, "RECEIVED"), cancel: canMove(s.status, "CANCELLED"), lines: linesEditable(s.status) },
    materials: canEdit && linesEditable(s.status) ? await listMaterialOptions(s.lines.map((l) => l.materialId)) : [],
  };
}

type Errors = Record<string, string>;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:material");
  const id = idParam(request, params.id, "key");
  const actor = { userId: user.id, ip: clientIp(request) };
  const form = await formBody(request);
  const parsed = shipmentActionSchema.safeParse(Object.fromEntries([...form].filter(([k]) => !k.startsWith("line") && !k.startsWith("received."))));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), lines: null }, { status: 400 });
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "prepare":
        await prepareShipment(actor, id);
        break;
      case "ship":
        await shipShipment(actor, id, { carrier: input.carrier, trackingRef: input.trackingRef });
        break;
      case "receive": {
        const received: Record<string, number> = {};
        const errors: Errors = {};
        for (const [key, value] of form) {
          if (!key.startsWith("received.") || typeof value !== "string") continue;
          const materialId = key.slice("received.".length);
          if (value.trim() === "0") received[materialId] = 0;
          else {
            const q = quantitySchema.safeParse(value);
            if (q.success) received[materialId] = q.data;
            else errors[key] = "materials.errors.quantity";
          }
        }
        if (Object.keys(errors).length) return data({ errors, lines: null }, { status: 400 });
        await receiveShipment(actor, id, { received, note: input.note });
        break;
      }
      case "cancel":
        await cancelShipment(actor, id);
        break;
      case "lines": {
        const lines = parseLines(form);
        if (!lines.success) return data({ errors: lines.errors, lines: linesFromForm(form) }, { status: 400 });
        await updateShipmentLines(actor, id, lines.lines);
        break;
      }
    }
    return redirectWithToast(`/materials/shipments/${id}`, { kind: "success", message: `materials.shipments.done.${input.intent}` });
  } catch (error) {
    if (error instanceof MaterialError) {
      if (error.code === "shipmentNotFound") throw notFound(request);
      return data({ errors: { _form: error.messageKey } as Errors, lines: input.intent === "lines" ? linesFromForm(form) : null }, { status: 400 });
    }
    throw error;
  }
}

export default function ShipmentPage() {
  const { shipment, event, partner, steps, totalQuantity, canEdit, can: allowed, materials } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const busy = useNavigation().state === "submitting";
  const errors: Errors = actionData?.errors ?? {};
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <p>
            <Link to="/materials/shipments">← {t("materials.shipments.back")}</Link>
          </p>
          <h1>{t("materials.shipments.numberLabel", { number: shipment.number })}</h1>
          <p className="muted">
            <ShipmentStatusBadge status={shipment.status} t={t} /> · {shipment.fromLocation.name} → {shipment.toLocation.name}
          </p>
        </div>
        <div className="form-actions">
          <Link to={`/materials/shipments/${shipment.id}/packing`} className="button">
            {t("materials.shipments.packingList")}
          </Link>
        </div>
      </header>
      {errors._form ? (
        <p className="form-error" role="alert">
          {t(errors._form)}
        </p>
      ) : null}
      <div className="mt-grid">
        <section className="panel" aria-labelledby="sh-details">
          <h2 id="sh-details">{t("materials.shipments.details")}</h2>
          <dl className="mt-details">
            <dt>{t("materials.shipments.from")}</dt>
            <dd>
              <Link to={`/materials/locations/${shipment.fromLocationId}`}>{shipment.fromLocation.name}</Link>
            </dd>
            <dt>{t("materials.shipments.to")}</dt>
            <dd>
              <Link to={`/materials/locations/${shipment.toLocationId}`}>{shipment.toLocation.name}</Link>
            </dd>
            {event ? (
              <>
                <dt>{t("materials.shipments.event")}</dt>
                <dd>
                  <Link to={`/events/${event.id}`}>{event.name}</Link>
                </dd>
              </>
            ) : null}
            {partner ? (
              <>
                <dt>{t("materials.shipments.partner")}</dt>
                <dd>
                  <Link to={`/partners/${partner.id}`}>{partner.name}</Link>
                </dd>
              </>
            ) : null}
            <dt>{t("materials.shipments.carrier")}</dt>
            <dd>{shipment.carrier ?? "—"}</dd>
            <dt>{t("materials.shipments.trackingRef")}</dt>
            <dd>{shipment.trackingRef ?? "—"}</dd>
            {shipment.notes ? (
              <>
                <dt>{t("materials.shipments.notes")}</dt>
                <dd>{shipment.notes}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="panel" aria-labelledby="sh-steps">
          <h2 id="sh-steps">{t("materials.shipments.steps")}</h2>
          <ol className="mt-steps">
            {steps
              .filter((s) => s.step !== "CANCELLED" || s.at)
              .map((s) => (
                <li key={s.step} data-step={s.step} data-done={s.at ? "true" : "false"}>
                  <strong>{t(`materials.shipmentStatus.${s.step}`)}</strong>: {s.at ? t("materials.shipments.stepBy", { date: formatDate(s.at), name: s.by ?? "—" }) : t("materials.shipments.stepPending")}
                </li>
              ))}
          </ol>
        </section>
      </div>

      <section className="panel" aria-labelledby="sh-lines">
        <h2 id="sh-lines">{t("materials.shipments.lines")}</h2>
        <table className="mt-table" data-testid="shipment-lines">
          <thead>
            <tr>
              <th scope="col">{t("materials.fields.code")}</th>
              <th scope="col">{t("materials.shipments.material")}</th>
              <th scope="col" className="num">
                {t("materials.shipments.quantity")}
              </th>
              <th scope="col" className="num">
                {t("materials.shipments.received")}
              </th>
            </tr>
          </thead>
          <tbody>
            {shipment.lines.map((l) => (
              <tr key={l.id}>
                <td>{l.material.code}</td>
                <td>
                  <Link to={`/materials/${l.material.id}`}>{l.material.name}</Link>
                </td>
                <td className="num">{formatQty(l.quantity, locale)}</td>
                <td className="num">{formatQty(l.receivedQuantity, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t("materials.shipments.total")}
              </th>
              <td className="num">{formatQty(totalQuantity, locale)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </section>

      {canEdit ? (
        <section className="panel mt-forms" aria-labelledby="sh-actions">
          <h2 id="sh-actions">{t("materials.shipments.actions")}</h2>
          {allowed.prepare ? (
            <Form method="post" className="mt-inline-form">
              <input type="hidden" name="intent" value="prepare" />
              <button type="submit" className="button" disabled={busy}>
                {t("materials.shipments.prepare")}
              </button>
            </Form>
          ) : null}
          {allowed.ship ? (
            <Form method="post" className="mt-inline-form">
              <input type="hidden" name="intent" value="ship" />
              <div className="field">
                <label htmlFor="ship-carrier">{t("materials.shipments.carrier")}</label>
                <input id="ship-carrier" name="carrier" defaultValue={shipment.carrier ?? ""} maxLength={120} />
              </div>
              <div className="field">
                <label htmlFor="ship-tracking">{t("materials.shipments.trackingRef")}</label>
                <input id="ship-tracking" name="trackingRef" defaultValue={shipment.trackingRef ?? ""} maxLength={120} />
              </div>
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("materials.shipments.ship")}
              </button>
            </Form>
          ) : null}
          {allowed.receive ? (
            <Form method="post">
              <input type="hidden" name="intent" value="receive" />
              <p className="hint muted">{t("materials.shipments.receiveHint")}</p>
              <div className="form-grid">
                {shipment.lines.map((l) => (
                  <div className="field" key={l.id}>
                    <label htmlFor={`recv-${l.id}`}>{t("materials.shipments.receivedOf", { name: l.material.name, quantity: formatQty(l.quantity, locale) })}</label>
                    <input id={`recv-${l.id}`} name={`received.${l.materialId}`} inputMode="numeric" defaultValue={String(l.quantity)} aria-invalid={errors[`received.${l.materialId}`] ? true : undefined} />
                    {errors[`received.${l.materialId}`] ? <p className="field-error">{t(errors[`received.${l.materialId}`]!)}</p> : null}
                  </div>
                ))}
                <div className="field field--wide">
                  <label htmlFor="recv-note">{t("materials.shipments.lossNote")}</label>
                  <input id="recv-note" name="note" maxLength={500} />
                </div>
              </div>
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("materials.shipments.receive")}
              </button>
            </Form>
          ) : null}
          {allowed.lines ? (
            <details open={!!actionData?.lines}>
              <summary>{t("materials.shipments.editLines")}</summary>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="lines" />
                <LinesEditor lines={actionData?.lines ?? shipment.lines.map((l) => ({ materialId: l.materialId, qty: String(l.quantity) }))} materials={materials} errors={errors} blank={2} />
                <button type="submit" className="button" disabled={busy}>
                  {t("materials.shipments.saveLines")}
                </button>
              </Form>
            </details>
          ) : null}
          {allowed.cancel ? (
            <Form method="post" className="mt-inline-form">
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="link-button" disabled={busy}>
                {t("materials.shipments.cancel")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
