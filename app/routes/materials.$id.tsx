import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler as createMemoryUploadHandler, unstable_parseMultipartFormData as parseMultipartFormData } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatQty } from "~/components/materials/labels";
import { MaterialDetails, StockLevels } from "~/components/materials/material-summary";
import { MovementForms } from "~/components/materials/movement-forms";
import { MovementsTable } from "~/components/materials/movements-table";
import { Card, FormError, KeysetPager, LinkButton, PageHeader } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { env } from "~/lib/env.server";
import { fieldErrors } from "~/lib/forms";
import { requireActor } from "~/lib/actor.server";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { UploadRejected } from "~/modules/files/index.server";
import { getMaterial, setMaterialPicture, recordMovement, reverseMovement } from "~/modules/materials/index.server";
import { MaterialError, movementFormSchema } from "~/modules/materials";
import { formBody, idParam, isMultipartBody, notFound, readBody } from "~/lib/params";

export const meta = pageTitle("materials.detail.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:material");
  const view = await getMaterial(idParam(request, params.id, "key"), new URL(request.url).searchParams.get("cursor"));
  if (!view) throw notFound(request);
  const canEdit = can(user.role, "edit:material");
  return { ...view, canEdit };
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

export default function MaterialPage() {
  const { material, levels, movements, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const errors: Errors = actionData?.errors ?? {};
  const available = actionData && "available" in actionData ? Number(actionData.available) : 0;
  const subtitle = [material.code, t(`materials.kind.${material.kind}`), material.audience ? t(`materials.audience.${material.audience}`) : null, !material.active ? t("materials.list.retired") : null].filter(Boolean).join(" · ");
  return (
    <>
      <PageHeader
        back={{ to: "/materials", label: t("materials.detail.back") }}
        title={material.name}
        description={subtitle}
        actions={
          canEdit ? (
            <LinkButton to={`/materials/${material.id}/edit`}>{t("materials.actions.edit")}</LinkButton>
          ) : undefined
        }
      />
      <FormError error={errors._form} params={{ available: formatQty(available, locale) }} />
      <div className="mt-grid">
        <MaterialDetails material={material} canEdit={canEdit} pictureError={actionData?.intent === "picture" ? errors.picture : undefined} />
        <StockLevels levels={levels} threshold={material.lowStockThreshold} />
      </div>
      {canEdit ? <MovementForms openIntent={actionData?.intent} errors={errors} /> : null}
      <Card title={t("materials.detail.movements")}>
        <MovementsTable rows={movements.rows} canReverse={canEdit} />
        <KeysetPager nextCursor={movements.nextCursor} />
      </Card>
    </>
  );
}
