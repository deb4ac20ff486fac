import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { readBody, requireMultipart } from "~/lib/params";
import { requirePermission } from "~/modules/auth/index.server";
import { PARTNER_CSV_HEADERS } from "~/modules/partners";
import { PARTNER_IMPORT_MAX_BYTES, storePartnerImport } from "~/modules/partners/index.server";

export const meta = pageTitle("partners.import.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:partner");
  return { maxMb: Math.round(PARTNER_IMPORT_MAX_BYTES / 1024 / 1024) };
}

/** Step 1: the upload is stored (content-addressed); step 2 (the preview and dry run) is its own page. */
export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "edit:partner");
  requireMultipart(request);
  let form: FormData;
  try {
    form = await readBody(request, () => unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: PARTNER_IMPORT_MAX_BYTES })));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return data({ error: "partners.import.errors.tooLarge" }, { status: 413 });
    throw error;
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return data({ error: "partners.import.errors.fileRequired" }, { status: 400 });
  const sha256 = await storePartnerImport(new Uint8Array(await file.arrayBuffer()));
  return redirect(`/partners/import/${sha256}`);
}

export default function PartnersImportPage() {
  const { maxMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader back={{ to: "/partners", label: t("partners.backToList") }} title={t("partners.import.title")} description={t("partners.import.intro")}>
        <p className="muted">{t("partners.import.columns", { columns: Object.values(PARTNER_CSV_HEADERS.es).join(", ") })}</p>
      </PageHeader>
      <Form method="post" encType="multipart/form-data" className="panel">
        <FormError error={actionData?.error} params={{ max: maxMb }} />
        <Field name="file" idPrefix="import" type="file" label={t("partners.import.file")} accept=".csv,.tsv,.txt,text/csv" required />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("partners.import.upload")}
        </button>
      </Form>
    </>
  );
}
