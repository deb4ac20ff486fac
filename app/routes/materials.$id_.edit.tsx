import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeader } from "~/components/ui";
import { pageTitle } from "~/components/contact-detail/meta";
import { MaterialForm, materialFormValues, type MaterialFormValues } from "~/components/materials/material-form";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { requireActor } from "~/lib/actor.server";
import { findMaterial, updateMaterial } from "~/modules/materials/index.server";
import { MaterialError, materialFormSchema } from "~/modules/materials";
import { formBody, idParam, notFound } from "~/lib/params";

export const meta = pageTitle("materials.edit.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:material");
  const m = await findMaterial(idParam(request, params.id, "key"));
  if (!m) throw notFound(request);
  const values: MaterialFormValues = { code: m.code, name: m.name, kind: m.kind, audience: m.audience ?? "", language: m.language ?? "", unit: m.unit, lowStockThreshold: String(m.lowStockThreshold), active: m.active };
  return { id: m.id, name: m.name, values };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:material");
  const id = idParam(request, params.id, "key");
  const form = await formBody(request);
  const values = materialFormValues(form);
  const parsed = materialFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const { changed } = await updateMaterial(actor, id, parsed.data);
    return redirectWithToast(`/materials/${id}`, changed ? { kind: "success", message: "materials.edit.saved" } : { kind: "info", message: "materials.edit.unchanged" });
  } catch (error) {
    if (error instanceof MaterialError && error.code === "notFound") throw notFound(request);
    if (error instanceof MaterialError) return data({ errors: { code: error.messageKey } as Record<string, string>, values }, { status: 400 });
    throw error;
  }
}

export default function EditMaterialPage() {
  const { id, name, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  return (
    <>
      <PageHeader title={t("materials.edit.title")} description={name} />
      <MaterialForm values={actionData?.values ?? values} errors={actionData?.errors ?? {}} submitLabel={t("materials.edit.submit")} cancelTo={`/materials/${id}`} busy={navigation.state === "submitting"} />
    </>
  );
}
