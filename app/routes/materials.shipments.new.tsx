import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { pageTitle } from "~/components/contact-detail/meta";
import { LinesEditor, linesFromForm } from "~/components/materials/lines-editor";
import { useLocale, useT } from "~/i18n/use-t";
import { db } from "~/lib/db.server";
import { fieldErrors } from "~/lib/forms";
import { formatInstantDate } from "~/lib/format";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { listPartnerOptions } from "~/modules/events/event.server";
import { listLocationOptions, listMaterialOptions } from "~/modules/materials/catalogue.server";
import { MaterialError } from "~/modules/materials/errors";
import { parseLines, shipmentFormSchema } from "~/modules/materials/schema";
import { createShipment } from "~/modules/materials/shipments.server";
import { formBody, idQuery } from "~/lib/params";

export const meta = pageTitle("materials.shipments.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:material");
  const eventId = idQuery(request, new URL(request.url).searchParams.get("eventId"), "key") ?? "";
  const [materials, senders, destinations, partners, events] = await Promise.all([
    listMaterialOptions(),
    listLocationOptions(["WAREHOUSE", "FOREIGN_SERVICE_POST", "PARTNER_OFFICE"]),
    listLocationOptions(["WAREHOUSE", "FOREIGN_SERVICE_POST", "PARTNER_OFFICE"]),
    listPartnerOptions(),
    db.event.findMany({ where: { status: { not: "CANCELLED" } }, select: { id: true, name: true, startsAt: true, timeZone: true }, orderBy: [{ startsAt: "desc" }, { id: "desc" }], take: 300 }),
  ]);
  return { materials, senders, destinations, partners, events, eventId };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:material");
  const form = await formBody(request);
  const values = Object.fromEntries([...form].filter(([k]) => !k.startsWith("line")).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const lines = linesFromForm(form);
  const parsed = shipmentFormSchema.safeParse(values);
  const parsedLines = parseLines(form);
  if (!parsed.success || !parsedLines.success) {
    const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(parsedLines.success ? {} : parsedLines.errors) };
    return data({ errors, values, lines }, { status: 400 });
  }
  try {
    const shipment = await createShipment({ userId: user.id, ip: clientIp(request) }, { ...parsed.data, lines: parsedLines.lines });
    return redirectWithToast(`/materials/shipments/${shipment.id}`, { kind: "success", message: "materials.shipments.created" });
  } catch (error) {
    if (error instanceof MaterialError) return data({ errors: { _form: error.messageKey } as Record<string, string>, values, lines }, { status: 400 });
    throw error;
  }
}

export default function NewShipmentPage() {
  const { materials, senders, destinations, partners, events, eventId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? { destinationKind: eventId ? "event" : "location", eventId };
  return (
    <>
      <header className="page-header">
        <h1>{t("materials.shipments.newTitle")}</h1>
        <p className="muted">{t("materials.shipments.newIntro")}</p>
      </header>
      <Form method="post" noValidate className="panel">
        {Object.keys(errors).length ? (
          <p className="form-error" role="alert">
            {t(errors._form ?? "materials.errors.fix")}
          </p>
        ) : null}
        <div className="form-grid">
          <div className="field">
            <label htmlFor="sh-from">{t("materials.shipments.from")}</label>
            <select id="sh-from" name="fromLocationId" defaultValue={values.fromLocationId ?? senders.find((s) => s.kind === "WAREHOUSE")?.id ?? ""} aria-invalid={errors.fromLocationId ? true : undefined}>
              <option value="">{t("materials.form.choose")}</option>
              {senders.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name} — {t(`materials.locationKind.${l.kind}`)}
                </option>
              ))}
            </select>
            {errors.fromLocationId ? <p className="field-error">{t(errors.fromLocationId)}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="sh-dest-kind">{t("materials.shipments.destinationKind")}</label>
            <select id="sh-dest-kind" name="destinationKind" defaultValue={values.destinationKind ?? "location"}>
              <option value="event">{t("materials.shipments.toEvent")}</option>
              <option value="partner">{t("materials.shipments.toPartner")}</option>
              <option value="location">{t("materials.shipments.toLocation")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="sh-event">{t("materials.shipments.event")}</label>
            <select id="sh-event" name="eventId" defaultValue={values.eventId ?? ""}>
              <option value="">{t("materials.form.choose")}</option>
              {events.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name} ({formatInstantDate(e.startsAt, locale, e.timeZone)})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sh-partner">{t("materials.shipments.partner")}</label>
            <select id="sh-partner" name="partnerId" defaultValue={values.partnerId ?? ""}>
              <option value="">{t("materials.form.choose")}</option>
              {partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sh-to">{t("materials.shipments.toPlace")}</label>
            <select id="sh-to" name="toLocationId" defaultValue={values.toLocationId ?? ""}>
              <option value="">{t("materials.form.choose")}</option>
              {destinations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name} — {t(`materials.locationKind.${l.kind}`)}
                </option>
              ))}
            </select>
          </div>
          {errors.destination ? <p className="field-error field--wide">{t(errors.destination)}</p> : null}
          <Field name="carrier" label={t("materials.shipments.carrier")} defaultValue={values.carrier} error={errors.carrier} idPrefix="sh" />
          <Field name="trackingRef" label={t("materials.shipments.trackingRef")} defaultValue={values.trackingRef} error={errors.trackingRef} idPrefix="sh" />
          <Field name="notes" label={t("materials.shipments.notes")} defaultValue={values.notes} error={errors.notes} multiline wide idPrefix="sh" />
        </div>
        <LinesEditor lines={actionData?.lines ?? []} materials={materials} errors={errors} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("materials.shipments.request")}
          </button>
          <Link to="/materials/shipments" className="button">
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
