import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, MaxPartSizeExceededError, unstable_parseMultipartFormData as parseMultipartFormData, unstable_createMemoryUploadHandler as createMemoryUploadHandler } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { EventTime, formatNumber, placeLabel, StatusBadge } from "~/components/events/labels";
import { formatDateTime } from "~/lib/format";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { env } from "~/lib/env.server";
import { fieldErrors } from "~/lib/forms";
import { formBody, idParam, isMultipartBody, notFound, readBody } from "~/lib/params";
import { requireActor } from "~/lib/actor.server";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { addPhoto, addStaff, deletePhoto, EventError, getEvent, listAssignableUsers, markMaterialsRequested, outcomesRefusal, removeStaff, setStaffConfirmed, kioskQrDataUrl, kioskState, kioskUrl, seesMaterials } from "~/modules/events/index.server";
import { eventMaterials, listShipments } from "~/modules/materials/index.server";
import { eventActionSchema, photoCaptionSchema, isOnlineEvent } from "~/modules/events";
import { UploadRejected } from "~/modules/files/index.server";

export const meta = pageTitle("events.detail.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:event");
  const id = idParam(request, params.id, "key");
  // Hand-outs, stock and shipments come from the materials ledger: only for read:material.
  const withMaterials = seesMaterials(user);
  const view = await getEvent(id, { materials: withMaterials });
  if (!view) throw notFound(request);
  // The page shows no audit trail (its entries carry hand-outs): it is not sent.
  const { audit: _audit, handouts, ...shown } = view;
  const canEdit = can(user.role, "edit:event");
  const slug = view.event.signupSlug;
  const ledger = withMaterials
    ? await Promise.all([eventMaterials(id), listShipments({ eventId: id }, null, 20)]).then(([materials, shipments]) => ({
        handouts,
        materials,
        shipments: shipments.rows,
        canShip: can(user.role, "edit:material"),
      }))
    : null;
  return {
    ...shown,
    ledger,
    canEdit,
    // «Registrar resultados» only when recordOutcomes would take them (the same rule).
    outcomesRefused: outcomesRefusal(view.event),
    assignable: canEdit ? await listAssignableUsers() : [],
    kiosk: slug ? { url: kioskUrl(slug), qr: await kioskQrDataUrl(slug), state: kioskState(view.event) } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:event");
  const id = idParam(request, params.id, "key");
  try {
    if (isMultipartBody(request)) {
      let form: FormData;
      try {
        form = await readBody(request, () => parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: env().UPLOAD_MAX_BYTES })));
      } catch (error) {
        if (error instanceof MaxPartSizeExceededError) return data({ errors: { photo: "events.photos.errors.tooLarge" } as Record<string, string> }, { status: 413 });
        throw error;
      }
      const file = form.get("photo");
      const caption = photoCaptionSchema.safeParse(form.get("caption") ?? undefined);
      if (!(file instanceof File) || file.size === 0) return data({ errors: { photo: "events.photos.errors.required" } as Record<string, string> }, { status: 400 });
      if (!caption.success) return data({ errors: { caption: "events.form.errors.tooLong" } as Record<string, string> }, { status: 400 });
      await addPhoto(actor, id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, caption.data);
      return redirectWithToast(`/events/${id}`, { kind: "success", message: "events.photos.added" });
    }
    const parsed = eventActionSchema.safeParse(Object.fromEntries(await formBody(request)));
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
    const input = parsed.data;
    switch (input.intent) {
      case "addStaff": {
        const { changed } = await addStaff(actor, id, input.userId);
        return redirectWithToast(`/events/${id}`, changed ? { kind: "success", message: "events.staff.added" } : { kind: "info", message: "events.staff.already" });
      }
      case "confirmStaff":
        await setStaffConfirmed(actor, id, input.userId, input.confirmed);
        return redirectWithToast(`/events/${id}`, { kind: "success", message: input.confirmed ? "events.staff.confirmedToast" : "events.staff.unconfirmedToast" });
      case "removeStaff":
        await removeStaff(actor, id, input.userId);
        return redirectWithToast(`/events/${id}`, { kind: "success", message: "events.staff.removed" });
      case "deletePhoto":
        await deletePhoto(actor, id, input.photoId);
        return redirectWithToast(`/events/${id}`, { kind: "success", message: "events.photos.deleted" });
      case "markMaterialsRequested":
        await markMaterialsRequested(actor, id);
        return redirectWithToast(`/events/${id}`, { kind: "success", message: "events.checklist.materialsMarked" });
    }
  } catch (error) {
    if (error instanceof EventError) {
      if (error.code === "notFound") throw notFound(request);
      return data({ errors: { _form: error.messageKey } as Record<string, string> }, { status: 400 });
    }
    if (error instanceof UploadRejected) return data({ errors: { photo: `events.photos.errors.${error.reason}` } as Record<string, string> }, { status: 400 });
    throw error;
  }
}

export default function EventPage() {
  // ledger is null for a reader without read:material: the loader leaves the materials ledger out.
  const { event, staff, partners, photos, outcomesRecordedBy, signups, figures, checklist, canEdit, outcomesRefused, assignable, kiosk, ledger } = useLoaderData<typeof loader>();
  const handouts = ledger?.handouts ?? [];
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const assignedIds = new Set(staff.map((s) => s.userId));
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <p>
            <Link to="/events">← {t("events.detail.backToList")}</Link>
          </p>
          <h1>{event.name}</h1>
          <p className="muted">
            {t(`events.kind.${event.kind}`)} · <StatusBadge status={event.status} t={t} />
          </p>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/events/${event.id}/edit`} className="button">
              {t("events.actions.edit")}
            </Link>
            {outcomesRefused === "notStarted" ? (
              <p className="muted" data-testid="outcomes-from">
                {t("events.detail.outcomesFrom")} <EventTime at={event.startsAt} zone={event.timeZone} />
              </p>
            ) : (
              <Link to={`/events/${event.id}/outcomes`} className="button button--primary">
                {t("events.actions.outcomes")}
              </Link>
            )}
          </div>
        ) : null}
      </header>
      {errors._form ? (
        <p className="form-error" role="alert">
          {t(errors._form)}
        </p>
      ) : null}

      <div className="ev-grid">
        <section className="panel" aria-labelledby="ev-details">
          <h2 id="ev-details">{t("events.detail.details")}</h2>
          <dl className="ev-details">
            <dt>{t("events.fields.startsAt")}</dt>
            <dd data-testid="starts-at">
              <EventTime at={event.startsAt} zone={event.timeZone} />
            </dd>
            <dt>{t("events.fields.endsAt")}</dt>
            <dd>
              <EventTime at={event.endsAt} zone={event.timeZone} />
            </dd>
            <dt>{t("events.fields.timeZone")}</dt>
            <dd>{event.timeZone}</dd>
            <dt>{t("events.fields.place")}</dt>
            <dd>{placeLabel(event, locale, t)}</dd>
            {event.onlineUrl ? (
              <>
                <dt>{t("events.fields.onlineUrl")}</dt>
                <dd>
                  <a href={event.onlineUrl} rel="noopener noreferrer" target="_blank">
                    {event.onlineUrl}
                  </a>
                </dd>
              </>
            ) : null}
            <dt>{t("events.fields.reportPart")}</dt>
            <dd data-testid="report-part">
              {t(`reportPart.${event.reportPart}`)}
              {event.reportPart === "COMMUNITY_ABROAD" && isOnlineEvent(event) ? (
                <>
                  <br />
                  <span className="field-error">{t("events.detail.reportPartOnline")}</span>
                </>
              ) : null}
            </dd>
            <dt>{t("events.fields.partners")}</dt>
            <dd>{partners.length ? partners.map((p) => (p.acronym ? `${p.name} (${p.acronym})` : p.name)).join("; ") : t("common.none")}</dd>
            <dt>{t("events.fields.expectedAttendance")}</dt>
            <dd>{formatNumber(event.expectedAttendance, locale)}</dd>
            {event.description ? (
              <>
                <dt>{t("events.fields.description")}</dt>
                <dd>{event.description}</dd>
              </>
            ) : null}
            <dt>{t("events.fields.materialsRequest")}</dt>
            <dd>{event.materialsRequest ?? t("common.none")}</dd>
          </dl>
        </section>

        <section className="panel" aria-labelledby="ev-checklist">
          <h2 id="ev-checklist">{t("events.checklist.title")}</h2>
          <ul className="ev-checklist">
            {checklist.map((item) => (
              <li key={item.key} data-check={item.key} data-done={item.done ? "true" : "false"}>
                <span className={`ev-check ${item.done ? "ev-check--done" : item.due ? "ev-check--todo" : "ev-check--later"}`} aria-hidden="true">
                  {item.done ? "✓" : item.due ? "!" : "…"}
                </span>
                <span>
                  {t(`events.checklist.${item.key}`)} —{" "}
                  <strong>{item.done ? t("events.checklist.done") : item.due ? t("events.checklist.pending") : t("events.checklist.later")}</strong>
                </span>
              </li>
            ))}
          </ul>
          {canEdit && !checklist.find((c) => c.key === "materialsRequested")?.done ? (
            <Form method="post" className="ev-inline-form">
              <input type="hidden" name="intent" value="markMaterialsRequested" />
              <button type="submit" className="button" disabled={busy}>
                {t("events.checklist.markMaterials")}
              </button>
            </Form>
          ) : null}
        </section>
      </div>

      <section className="panel" aria-labelledby="ev-staff">
        <h2 id="ev-staff">{t("events.staff.title")}</h2>
        {staff.length === 0 ? (
          <p className="muted">{t("events.staff.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("events.staff.person")}</th>
                  <th scope="col">{t("events.staff.confirmedColumn")}</th>
                  {canEdit ? <th scope="col">{t("events.staff.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {staff.map((s) => (
                  <tr key={s.userId}>
                    <td>
                      {s.name}
                      <br />
                      <span className="muted">{s.email}</span>
                    </td>
                    <td>{s.confirmed ? <span className="badge badge--ok">{t("events.staff.confirmed")}</span> : <span className="badge">{t("events.staff.unconfirmed")}</span>}</td>
                    {canEdit ? (
                      <td>
                        <div className="form-actions">
                          <Form method="post">
                            <input type="hidden" name="intent" value="confirmStaff" />
                            <input type="hidden" name="userId" value={s.userId} />
                            <input type="hidden" name="confirmed" value={s.confirmed ? "false" : "true"} />
                            <button type="submit" className="button" disabled={busy}>
                              {s.confirmed ? t("events.staff.unconfirm") : t("events.staff.confirm")}
                            </button>
                          </Form>
                          <Form method="post">
                            <input type="hidden" name="intent" value="removeStaff" />
                            <input type="hidden" name="userId" value={s.userId} />
                            <button type="submit" className="link-button" disabled={busy}>
                              {t("events.staff.remove", { name: s.name })}
                            </button>
                          </Form>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canEdit ? (
          <Form method="post" className="ev-inline-form">
            <input type="hidden" name="intent" value="addStaff" />
            <div className="field">
              <label htmlFor="staff-user">{t("events.staff.add")}</label>
              <select id="staff-user" name="userId" defaultValue="" aria-invalid={errors.userId ? true : undefined}>
                <option value="">{t("events.form.choose")}</option>
                {assignable
                  .filter((u) => !assignedIds.has(u.id))
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name} — {t(`roles.${u.role}`)}
                    </option>
                  ))}
              </select>
              {errors.userId ? <p className="field-error">{t(errors.userId)}</p> : null}
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t("events.staff.addButton")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="ev-outcomes">
        <h2 id="ev-outcomes">{t("events.outcomes.title")}</h2>
        {event.outcomesRecordedAt ? (
          <p className="muted">
            {t("events.outcomes.recordedBy", { name: outcomesRecordedBy?.name ?? t("common.none"), date: formatDate(event.outcomesRecordedAt) })}
          </p>
        ) : (
          <p className="muted">{t("events.outcomes.notRecorded")}</p>
        )}
        <dl className="ev-figures" aria-label={t("events.figures.title")}>
          {(
            [
              ["attendance", figures.attendance],
              ["appointments", figures.appointments],
              ["registrationRequests", figures.registrationRequests],
              ["signups", signups.signups],
              ["confirmedSignups", signups.confirmed],
              ["handedOut", figures.handedOut],
              ["appointmentsPer1000", figures.appointmentsPer1000],
              ["registrationRequestsPer1000", figures.registrationRequestsPer1000],
              ["signupsPer1000", figures.signupsPer1000],
            ] as const
          )
            .filter(([, value]) => value !== undefined)
            .map(([key, value]) => (
              <div key={key} data-figure={key}>
                <dt>{t(`events.figures.${key}`)}</dt>
                <dd>{formatNumber(value, locale)}</dd>
              </div>
            ))}
        </dl>
        {ledger ? <p className="muted">{t("events.figures.per1000Hint")}</p> : null}
        {handouts.length ? (
          <>
            <h3>{t("events.outcomes.handouts")}</h3>
            <ul>
              {handouts.map((h) => (
                <li key={h.materialId}>
                  <Link to={`/materials/${h.materialId}`}>{h.name}</Link>: {formatNumber(h.quantity, locale)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {event.outcomeNotes ? (
          <>
            <h3>{t("events.fields.outcomeNotes")}</h3>
            <p style={{ whiteSpace: "pre-wrap" }}>{event.outcomeNotes}</p>
          </>
        ) : null}
      </section>

      {ledger ? (
        <section className="panel" aria-labelledby="ev-materials" data-testid="event-materials">
          <h2 id="ev-materials">{t("events.materials.title")}</h2>
          {ledger.materials.length === 0 ? (
            <p className="muted">{t("events.materials.none")}</p>
          ) : (
            <div className="table-wrap">
              <table className="ev-table">
                <thead>
                  <tr>
                    <th scope="col">{t("events.materials.material")}</th>
                    {(["requested", "arrived", "unshipped", "handedOut", "returned", "onHand"] as const).map((k) => (
                      <th key={k} scope="col" className="num">
                        {t(`events.materials.${k}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {ledger.materials.map((m) => (
                    <tr key={m.materialId} data-material={m.code}>
                      <td>
                        <Link to={`/materials/${m.materialId}`}>{m.name}</Link>
                      </td>
                      {(["requested", "arrived", "unshipped", "handedOut", "returned", "onHand"] as const).map((k) => (
                        <td key={k} className="num" data-col={k}>
                          {formatNumber(m[k], locale)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {ledger.shipments.length ? (
            <>
              <h3>{t("events.materials.shipments")}</h3>
              <ul>
                {ledger.shipments.map((s) => (
                  <li key={s.id}>
                    <Link to={`/materials/shipments/${s.id}`}>{t("events.materials.shipment", { number: s.number, status: t(`materials.shipmentStatus.${s.status}`) })}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {ledger.canShip ? (
            <p className="form-actions">
              <Link to={`/materials/shipments/new?eventId=${event.id}`} className="button">
                {t("events.materials.newShipment")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section className="panel" aria-labelledby="ev-kiosk">
        <h2 id="ev-kiosk">{t("events.kioskPanel.title")}</h2>
        {kiosk ? (
          <>
            <p>{t(`events.kioskPanel.state.${kiosk.state}`)}</p>
            {event.signupOpensAt && event.signupClosesAt ? (
              <p className="muted" data-testid="kiosk-window">
                {t("events.kioskPanel.window", {
                  from: formatDateTime(event.signupOpensAt, locale, event.timeZone),
                  to: formatDateTime(event.signupClosesAt, locale, event.timeZone, { zoneName: true }),
                })}
              </p>
            ) : null}
            <p>
              <a href={kiosk.url} className="ev-kiosk-link" target="_blank" rel="noopener">
                {kiosk.url}
              </a>
            </p>
            <img src={kiosk.qr} alt={t("events.kioskPanel.qrAlt", { url: kiosk.url })} className="ev-qr" />
            <p className="form-actions">
              <Link to={`/events/${event.id}/poster`} className="button">
                {t("events.kioskPanel.print")}
              </Link>
            </p>
          </>
        ) : (
          <p className="muted">{t("events.kioskPanel.none")}</p>
        )}
      </section>

      <section className="panel" aria-labelledby="ev-photos">
        <h2 id="ev-photos">{t("events.photos.title")}</h2>
        {photos.length ? (
          <ul className="ev-photos">
            {photos.map((p) => (
              <li key={p.id}>
                <figure>
                  <a href={`/files/${p.fileSha256}?inline=1&name=${encodeURIComponent(p.fileName)}`}>
                    <img src={`/files/${p.fileSha256}?inline=1&name=${encodeURIComponent(p.fileName)}`} alt={p.caption ?? p.fileName} loading="lazy" />
                  </a>
                  <figcaption>{p.caption ?? p.fileName}</figcaption>
                </figure>
                {canEdit ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="deletePhoto" />
                    <input type="hidden" name="photoId" value={p.id} />
                    <button type="submit" className="link-button" disabled={busy}>
                      {t("events.photos.delete")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("events.photos.none")}</p>
        )}
        {canEdit ? (
          <Form method="post" encType="multipart/form-data" className="ev-inline-form">
            <div className="field">
              <label htmlFor="photo-file">{t("events.photos.file")}</label>
              <input id="photo-file" name="photo" type="file" accept="image/png,image/jpeg,image/gif,image/webp" aria-invalid={errors.photo ? true : undefined} />
              {errors.photo ? <p className="field-error">{t(errors.photo)}</p> : null}
            </div>
            <div className="field">
              <label htmlFor="photo-caption">{t("events.photos.caption")}</label>
              <input id="photo-caption" name="caption" maxLength={300} />
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t("events.photos.upload")}
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}
