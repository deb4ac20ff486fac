import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useNavigation } from "@remix-run/react";
import { PageHeader } from "~/components/ui";
import { pageTitle } from "~/components/contact-detail/meta";
import { EMPTY_MATERIAL, MaterialForm, materialFormValues } from "~/components/materials/material-form";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { requireActor } from "~/lib/actor.server";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { createMaterial } from "~/modules/materials/index.server";
import { MaterialError, materialFormSchema } from "~/modules/materials";
import { formBody } from "~/lib/params";

export const meta = pageTitle("materials.new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:material");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:material");
  const form = await formBody(request);
  const values = materialFormValues(form);
  const parsed = materialFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const material = await createMaterial(actor, parsed.data);
    return redirectWithToast(`/materials/${material.id}`, { kind: "success", message: "materials.new.created" });
  } catch (error) {
    if (error instanceof MaterialError && error.code === "codeTaken") return data({ errors: { code: error.messageKey } as Record<string, string>, values }, { status: 400 });
    throw error;
  }
}

export default function NewMaterialPage() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  return (
    <>
      <PageHeader title={t("materials.new.title")} />
      <MaterialForm values={actionData?.values ?? EMPTY_MATERIAL} errors={actionData?.errors ?? {}} submitLabel={t("materials.new.submit")} cancelTo="/materials" busy={navigation.state === "submitting"} />
    </>
  );
}
