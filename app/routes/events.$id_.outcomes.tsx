import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { LinesEditor, linesFromForm, wantsRow } from "~/components/materials/lines-editor";
import { Field, FormActions, FormError, PageHeader, TextareaField } from "~/components/ui";
import { pageTitle } from "~/components/contact-detail/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { EventError, getEvent, recordOutcomes } from "~/modules/events/index.server";
import { parseOutcomesForm } from "~/modules/events";
import { labelLines, materialLabels } from "~/modules/materials/index.server";
import { formBody, idParam, notFound } from "~/lib/params";

export const meta = pageTitle("events.outcomes.formTitle");

const HANDOUT_NAMES = { material: "handoutMaterial", qty: "handoutQty" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:event");
  const view = await getEvent(idParam(request, params.id, "key"));
  if (!view) throw notFound(request);
  const e = view.event;
  const str = (n: number | null) => (n === null ? "" : String(n));
  return {
    id: e.id,
    name: e.name,
    signups: view.signups,
    values: {
      estimatedAttendance: str(e.estimatedAttendance),
      credentialAppointments: str(e.credentialAppointments),
      registrationRequests: str(e.registrationRequests),
      outcomeNotes: e.outcomeNotes ?? "",
    } as Record<string, string>,
    handouts: view.handouts.map((h) => ({ materialId: h.materialId, qty: String(h.quantity) })),
    materials: await materialLabels(view.handouts.map((h) => h.materialId)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:event");
  const id = idParam(request, params.id, "key");
  const form = await formBody(request);
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const values: Record<string, string> = {
    estimatedAttendance: text("estimatedAttendance"),
    credentialAppointments: text("credentialAppointments"),
    registrationRequests: text("registrationRequests"),
    outcomeNotes: text("outcomeNotes"),
  };
  // «Añadir renglón» without JavaScript: the form back with one more row, nothing saved.
  if (wantsRow(form)) return { errors: {} as Record<string, string>, values, handouts: await labelLines(linesFromForm(form, HANDOUT_NAMES, 1)) };
  const handouts = await labelLines(linesFromForm(form, HANDOUT_NAMES));
  const parsed = parseOutcomesForm(form);
  if (!parsed.success) return data({ errors: parsed.errors, values, handouts }, { status: 400 });
  try {
    const { changed } = await recordOutcomes(actor, id, parsed.data);
    return redirectWithToast(`/events/${id}`, changed ? { kind: "success", message: "events.outcomes.saved" } : { kind: "info", message: "events.form.unchanged" });
  } catch (error) {
    if (error instanceof EventError && error.code === "notFound") throw notFound(request);
    // Not started / cancelled concern the whole form, not a field: shown at the top, entries kept.
    if (error instanceof EventError && (error.code === "notStarted" || error.code === "cancelled")) {
      return data({ errors: { form: error.messageKey } as Record<string, string>, values, handouts }, { status: 409 });
    }
    if (error instanceof EventError) return data({ errors: { handouts: error.messageKey } as Record<string, string>, values, handouts }, { status: 400 });
    throw error;
  }
}

export default function OutcomesPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values ?? loaderData.values;
  const count = (name: keyof typeof values) => <Field name={name} label={t(`events.fields.${name}`)} defaultValue={values[name]} error={errors[name]} autoComplete="off" />;
  return (
    <>
      <PageHeader back={{ to: `/events/${loaderData.id}`, label: t("events.detail.back") }} title={t("events.outcomes.formTitle")} description={loaderData.name} />
      <Form method="post" noValidate className="panel">
        {Object.keys(errors).length > 0 ? <FormError error={errors.form ?? "events.form.errors.fix"} /> : null}
        <div className="form-grid">
          {count("estimatedAttendance")}
          {count("credentialAppointments")}
          {count("registrationRequests")}
        </div>
        <p className="muted">{t("events.outcomes.signupsNote", { count: loaderData.signups.signups, confirmed: loaderData.signups.confirmed })}</p>
        <LinesEditor
          lines={actionData?.handouts ?? loaderData.handouts}
          labels={loaderData.materials}
          errors={errors}
          names={HANDOUT_NAMES}
          legend={t("events.outcomes.handouts")}
          hint={t("events.outcomes.handoutsHint")}
          rowLabels={{ material: (n) => t("events.outcomes.itemRow", { n }), qty: (n) => t("events.outcomes.quantityRow", { n }), materialHeader: t("events.outcomes.item"), qtyHeader: t("events.outcomes.quantity") }}
        />
        <TextareaField name="outcomeNotes" label={t("events.fields.outcomeNotes")} defaultValue={values.outcomeNotes} error={errors.outcomeNotes} />
        <FormActions submitLabel={t("events.outcomes.save")} busy={busy} cancelTo={`/events/${loaderData.id}`} />
      </Form>
    </>
  );
}
