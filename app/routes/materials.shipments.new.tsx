import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { LinesEditor, linesFromForm, wantsRow } from "~/components/materials/lines-editor";
import { DestinationFields, SHIPMENT_PLACE_KINDS, type DestinationKind } from "~/components/materials/shipments/destination-fields";
import { Field, FormActions, FormError, PageHeader, SearchPicker, TextareaField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { fieldErrors } from "~/lib/forms";
import { formBody, idQuery } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { MaterialError, parseLines, shipmentFormSchema } from "~/modules/materials";
import { createShipment, labelLines, newShipmentDefaults } from "~/modules/materials/index.server";

export const meta = pageTitle("materials.shipments.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:material");
  const eventId = idQuery(request, new URL(request.url).searchParams.get("eventId"), "key") ?? "";
  return { ...(await newShipmentDefaults(eventId || null)), eventId };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:material");
  const form = await formBody(request);
  const values = Object.fromEntries([...form].filter(([k]) => !k.startsWith("line")).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  // «Añadir renglón» without JavaScript: the same form back, one row longer, nothing saved.
  if (wantsRow(form)) return { errors: {} as Record<string, string>, values, lines: await labelLines(linesFromForm(form, undefined, 1)) };
  const lines = await labelLines(linesFromForm(form));
  const parsed = shipmentFormSchema.safeParse(values);
  const parsedLines = parseLines(form);
  if (!parsed.success || !parsedLines.success) {
    const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(parsedLines.success ? {} : parsedLines.errors) };
    return data({ errors, values, lines }, { status: 400 });
  }
  try {
    const shipment = await createShipment(actor, { ...parsed.data, lines: parsedLines.lines });
    return redirectWithToast(`/materials/shipments/${shipment.id}`, { kind: "success", message: "materials.shipments.created" });
  } catch (error) {
    if (error instanceof MaterialError) return data({ errors: { _form: error.messageKey } as Record<string, string>, values, lines }, { status: 400 });
    throw error;
  }
}

export default function NewShipmentPage() {
  const { origin, event, eventId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string | undefined> = actionData?.values ?? { destinationKind: eventId ? "event" : "location", eventId };
  const kind = (["event", "partner", "location"].includes(values.destinationKind ?? "") ? values.destinationKind : "location") as DestinationKind;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <PageHeader title={t("materials.shipments.newTitle")} description={t("materials.shipments.newIntro")} back={{ to: "/materials/shipments", label: t("materials.shipments.back") }} />
      <Form method="post" noValidate className="panel">
        {hasErrors ? <FormError error={errors._form ?? "materials.errors.fix"} /> : null}
        <div className="form-grid">
          <SearchPicker
            name="fromLocationId"
            id="sh-from"
            label={t("materials.shipments.from")}
            source="/materials/locations/options"
            params={{ kind: SHIPMENT_PLACE_KINDS }}
            placeholder={t("materials.form.choose")}
            defaultValue={origin ? { id: origin.id, label: origin.name } : null}
            echo={values.fromLocationId !== undefined && values.fromLocationId !== origin?.id ? values.fromLocationId : undefined}
            error={errors.fromLocationId}
          />
          <DestinationFields kind={kind} values={values} event={event} error={errors.destination} />
          <Field name="carrier" label={t("materials.shipments.carrier")} defaultValue={values.carrier} error={errors.carrier} idPrefix="sh" />
          <Field name="trackingRef" label={t("materials.shipments.trackingRef")} defaultValue={values.trackingRef} error={errors.trackingRef} idPrefix="sh" />
          <TextareaField name="notes" label={t("materials.shipments.notes")} defaultValue={values.notes} error={errors.notes} wide idPrefix="sh" />
        </div>
        <LinesEditor lines={actionData?.lines ?? []} errors={errors} />
        <FormActions submitLabel={t("materials.shipments.request")} busy={busy} cancelTo="/materials/shipments" />
      </Form>
    </>
  );
}
