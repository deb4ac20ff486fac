import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { pageTitle } from "~/components/contact-detail/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { EventError, getEvent, recordOutcomes } from "~/modules/events/index.server";
import { parseOutcomesForm } from "~/modules/events";
import { listMaterialOptions } from "~/modules/materials/index.server";
import { formBody, idParam, notFound } from "~/lib/params";

export const meta = pageTitle("events.outcomes.formTitle");

const BLANK_ROWS = 3;

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
    materials: await listMaterialOptions(view.handouts.map((h) => h.materialId)),
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
  const materialIds = form.getAll("handoutMaterial").map(String);
  const qtys = form.getAll("handoutQty").map(String);
  const handouts = materialIds.map((materialId, i) => ({ materialId, qty: qtys[i] ?? "" }));
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
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values ?? loaderData.values;
  const rows = [...(actionData?.handouts ?? loaderData.handouts)];
  const filled = rows.filter((r) => r.materialId || r.qty).length;
  while (rows.length < filled + BLANK_ROWS) rows.push({ materialId: "", qty: "" });
  return (
    <>
      <header className="page-header">
        <p>
          <Link to={`/events/${loaderData.id}`}>← {t("events.detail.back")}</Link>
        </p>
        <h1>{t("events.outcomes.formTitle")}</h1>
        <p className="muted">{loaderData.name}</p>
      </header>
      <Form method="post" noValidate className="panel">
        {Object.keys(errors).length > 0 ? (
          <p className="form-error" role="alert">
            {errors.form ? t(errors.form) : t("events.form.errors.fix")}
          </p>
        ) : null}
        <div className="form-grid">
          <Field name="estimatedAttendance" label={t("events.fields.estimatedAttendance")} defaultValue={values.estimatedAttendance} error={errors.estimatedAttendance} autoComplete="off" />
          <Field name="credentialAppointments" label={t("events.fields.credentialAppointments")} defaultValue={values.credentialAppointments} error={errors.credentialAppointments} autoComplete="off" />
          <Field name="registrationRequests" label={t("events.fields.registrationRequests")} defaultValue={values.registrationRequests} error={errors.registrationRequests} autoComplete="off" />
        </div>
        <p className="muted">{t("events.outcomes.signupsNote", { count: loaderData.signups.signups, confirmed: loaderData.signups.confirmed })}</p>
        <fieldset className="ev-fieldset">
          <legend>{t("events.outcomes.handouts")}</legend>
          <p className="hint muted">{t("events.outcomes.handoutsHint")}</p>
          {errors.handouts ? <p className="field-error">{t(errors.handouts)}</p> : null}
          <table className="ev-handouts">
            <thead>
              <tr>
                <th scope="col">{t("events.outcomes.item")}</th>
                <th scope="col">{t("events.outcomes.quantity")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  <td>
                    <select
                      name="handoutMaterial"
                      defaultValue={row.materialId}
                      aria-label={t("events.outcomes.itemRow", { n: i + 1 })}
                      aria-invalid={errors[`handoutMaterial.${i}`] ? true : undefined}
                    >
                      <option value="">{t("events.form.choose")}</option>
                      {loaderData.materials.map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.name} ({m.code})
                        </option>
                      ))}
                    </select>
                    {errors[`handoutMaterial.${i}`] ? <p className="field-error">{t(errors[`handoutMaterial.${i}`]!)}</p> : null}
                  </td>
                  <td>
                    <input
                      name="handoutQty"
                      inputMode="numeric"
                      defaultValue={row.qty}
                      aria-label={t("events.outcomes.quantityRow", { n: i + 1 })}
                      aria-invalid={errors[`handoutQty.${i}`] ? true : undefined}
                    />
                    {errors[`handoutQty.${i}`] ? <p className="field-error">{t(errors[`handoutQty.${i}`]!)}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint muted">{t("events.outcomes.moreRows")}</p>
        </fieldset>
        <Field name="outcomeNotes" label={t("events.fields.outcomeNotes")} defaultValue={values.outcomeNotes} error={errors.outcomeNotes} multiline />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("events.outcomes.save")}
          </button>
          <Link to={`/events/${loaderData.id}`} className="button">
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
