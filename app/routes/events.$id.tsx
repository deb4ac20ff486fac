import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, MaxPartSizeExceededError, unstable_parseMultipartFormData as parseMultipartFormData, unstable_createMemoryUploadHandler as createMemoryUploadHandler } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { actionErrors } from "~/components/events/detail/action-errors";
import { EventChecklist, EventDetails } from "~/components/events/detail/event-facts";
import { KioskPanel } from "~/components/events/detail/kiosk-panel";
import { EventMaterialsPanel } from "~/components/events/detail/materials-panel";
import { OutcomesPanel } from "~/components/events/detail/outcomes-panel";
import { PhotosPanel } from "~/components/events/detail/photos-panel";
import { StaffPanel } from "~/components/events/detail/staff-panel";
import { EventTime, StatusBadge } from "~/components/events/labels";
import { FormError, LinkButton, PageHeader } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { type Actor, requireActor } from "~/lib/actor.server";
import { env } from "~/lib/env.server";
import { handleIntents } from "~/lib/intents.server";
import { idParam, isMultipartBody, notFound, readBody } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { EVENT_INTENTS, photoCaptionSchema } from "~/modules/events";
import { addPhoto, addStaff, deletePhoto, EventError, getEvent, kioskQrDataUrl, kioskState, kioskUrl, listAssignableUsers, markMaterialsRequested, outcomesRefusal, removeStaff, seesMaterials, setStaffConfirmed } from "~/modules/events/index.server";
import { UploadRejected } from "~/modules/files/index.server";
import { eventMaterials, listShipments } from "~/modules/materials/index.server";

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
    ? await Promise.all([eventMaterials(id), listShipments({ eventId: id }, null, 20)]).then(([materials, shipments]) => ({ handouts, materials, shipments: shipments.rows, canShip: can(user.role, "edit:material") }))
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

type Refusal = { errors: Record<string, string> };
const refuse = (field: string, key: string, status = 400) => data<Refusal>({ errors: { [field]: key } }, { status });

/** The photo form posts multipart with no intent field. */
async function uploadPhoto(request: Request, actor: Actor, id: string) {
  let form: FormData;
  try {
    form = await readBody(request, () => parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: env().UPLOAD_MAX_BYTES })));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refuse("photo", "events.photos.errors.tooLarge", 413);
    throw error;
  }
  const file = form.get("photo");
  const caption = photoCaptionSchema.safeParse(form.get("caption") ?? undefined);
  if (!(file instanceof File) || file.size === 0) return refuse("photo", "events.photos.errors.required");
  if (!caption.success) return refuse("caption", "events.form.errors.tooLong");
  try {
    await addPhoto(actor, id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, caption.data);
  } catch (error) {
    if (error instanceof UploadRejected) return refuse("photo", `events.photos.errors.${error.reason}`);
    if (error instanceof EventError && error.code === "notFound") throw notFound(request);
    if (error instanceof EventError) return refuse("_form", error.messageKey);
    throw error;
  }
  return redirectWithToast(`/events/${id}`, { kind: "success", message: "events.photos.added" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:event");
  const id = idParam(request, params.id, "key");
  if (isMultipartBody(request)) return uploadPhoto(request, actor, id);
  const back = (message: string, kind: "success" | "info" = "success") => redirectWithToast(`/events/${id}`, { kind, message });
  return handleIntents(request, {
    addStaff: { schema: EVENT_INTENTS.addStaff, run: async (v) => ((await addStaff(actor, id, v.userId)).changed ? back("events.staff.added") : back("events.staff.already", "info")) },
    confirmStaff: { schema: EVENT_INTENTS.confirmStaff, run: async (v) => (await setStaffConfirmed(actor, id, v.userId, v.confirmed), back(v.confirmed ? "events.staff.confirmedToast" : "events.staff.unconfirmedToast")) },
    removeStaff: { schema: EVENT_INTENTS.removeStaff, run: async (v) => (await removeStaff(actor, id, v.userId), back("events.staff.removed")) },
    deletePhoto: { schema: EVENT_INTENTS.deletePhoto, run: async (v) => (await deletePhoto(actor, id, v.photoId), back("events.photos.deleted")) },
    markMaterialsRequested: { schema: EVENT_INTENTS.markMaterialsRequested, run: async () => (await markMaterialsRequested(actor, id), back("events.checklist.materialsMarked")) },
  });
}

export default function EventPage() {
  // ledger is null for a reader without read:material: the loader leaves the materials ledger out.
  const { event, staff, partners, photos, outcomesRecordedBy, signups, figures, checklist, canEdit, outcomesRefused, assignable, kiosk, ledger } = useLoaderData<typeof loader>();
  const errors = actionErrors(useActionData<typeof action>());
  const t = useT();
  const actions = canEdit ? (
    <>
      <LinkButton to={`/events/${event.id}/edit`}>{t("events.actions.edit")}</LinkButton>
      {outcomesRefused === "notStarted" ? (
        <p className="muted" data-testid="outcomes-from">
          {t("events.detail.outcomesFrom")} <EventTime at={event.startsAt} zone={event.timeZone} />
        </p>
      ) : (
        <LinkButton to={`/events/${event.id}/outcomes`} primary>
          {t("events.actions.outcomes")}
        </LinkButton>
      )}
    </>
  ) : undefined;
  return (
    <>
      <PageHeader
        back={{ to: "/events", label: t("events.detail.backToList") }}
        title={event.name}
        description={
          <>
            {t(`events.kind.${event.kind}`)} · <StatusBadge status={event.status} t={t} />
          </>
        }
        actions={actions}
      />
      <FormError error={errors._form} />
      <div className="ev-grid">
        <EventDetails event={event} partners={partners} />
        <EventChecklist checklist={checklist} canEdit={canEdit} />
      </div>
      <StaffPanel staff={staff} assignable={assignable} canEdit={canEdit} error={errors.userId} />
      <OutcomesPanel recordedAt={event.outcomesRecordedAt} recordedBy={outcomesRecordedBy?.name ?? null} notes={event.outcomeNotes} figures={figures} signups={signups} handouts={ledger?.handouts ?? []} withMaterials={!!ledger} />
      {ledger ? <EventMaterialsPanel eventId={event.id} materials={ledger.materials} shipments={ledger.shipments} canShip={ledger.canShip} /> : null}
      <KioskPanel eventId={event.id} kiosk={kiosk} opensAt={event.signupOpensAt} closesAt={event.signupClosesAt} timeZone={event.timeZone} />
      <PhotosPanel photos={photos} canEdit={canEdit} errors={errors} />
    </>
  );
}
