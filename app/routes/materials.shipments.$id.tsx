import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { ShipmentStatusBadge } from "~/components/materials/labels";
import { linesFromForm, wantsRow } from "~/components/materials/lines-editor";
import { hasNextStep, ShipmentActions } from "~/components/materials/shipments/shipment-actions";
import { ShipmentDetails, ShipmentLines, ShipmentSteps } from "~/components/materials/shipments/shipment-summary";
import { FormError, LinkButton, PageHeader } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { fieldErrors } from "~/lib/forms";
import { formBody, idParam, notFound } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { MaterialError, parseLines, parseReceived, shipmentActionSchema } from "~/modules/materials";
import { cancelShipment, canMove, getShipment, linesEditable, labelLines, materialLabels, prepareShipment, receiveShipment, shipShipment, updateShipmentLines } from "~/modules/materials/index.server";

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
    materials: canEdit && linesEditable(s.status) ? await materialLabels(s.lines.map((l) => l.materialId)) : {},
  };
}

type Errors = Record<string, string>;
const refuse = (errors: Errors, lines: ReturnType<typeof linesFromForm> | null = null, status = 400) => data({ errors, lines }, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:material");
  const id = idParam(request, params.id, "key");
  const form = await formBody(request);
  const parsed = shipmentActionSchema.safeParse(Object.fromEntries([...form].filter(([k]) => !k.startsWith("line") && !k.startsWith("received."))));
  if (!parsed.success) return refuse(fieldErrors(parsed.error));
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
        const received = parseReceived(form);
        if (!received.success) return refuse(received.errors);
        await receiveShipment(actor, id, { received: received.received, note: input.note });
        break;
      }
      case "cancel":
        await cancelShipment(actor, id);
        break;
      case "lines": {
        // «Añadir renglón» without JavaScript: the editor back with one more row, nothing saved.
        if (wantsRow(form)) return { errors: {} as Errors, lines: await labelLines(linesFromForm(form, undefined, 1)) };
        const lines = parseLines(form);
        if (!lines.success) return refuse(lines.errors, await labelLines(linesFromForm(form)));
        await updateShipmentLines(actor, id, lines.lines);
        break;
      }
    }
    return redirectWithToast(`/materials/shipments/${id}`, { kind: "success", message: `materials.shipments.done.${input.intent}` });
  } catch (error) {
    if (error instanceof MaterialError) {
      if (error.code === "shipmentNotFound") throw notFound(request);
      return refuse({ _form: error.messageKey }, input.intent === "lines" ? await labelLines(linesFromForm(form)) : null);
    }
    throw error;
  }
}

export default function ShipmentPage() {
  const { shipment, event, partner, steps, totalQuantity, canEdit, can: allowed, materials } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const errors: Errors = actionData?.errors ?? {};
  return (
    <>
      <PageHeader
        back={{ to: "/materials/shipments", label: t("materials.shipments.back") }}
        title={t("materials.shipments.numberLabel", { number: shipment.number })}
        description={
          <>
            <ShipmentStatusBadge status={shipment.status} t={t} /> · {shipment.fromLocation.name} → {shipment.toLocation.name}
          </>
        }
        actions={
          <LinkButton to={`/materials/shipments/${shipment.id}/packing`}>{t("materials.shipments.packingList")}</LinkButton>
        }
      />
      <FormError error={errors._form} />
      <div className="mt-grid">
        <ShipmentDetails shipment={shipment} event={event} partner={partner} />
        <ShipmentSteps steps={steps} />
      </div>
      <ShipmentLines shipment={shipment} totalQuantity={totalQuantity} />
      {canEdit && hasNextStep(allowed) ? <ShipmentActions shipment={shipment} allowed={allowed} materials={materials} errors={errors} postedLines={actionData?.lines ?? null} /> : null}
    </>
  );
}
