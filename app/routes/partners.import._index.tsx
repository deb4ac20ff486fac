import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, MaxPartSizeExceededError } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { partnersTitle } from "~/components/partners/labels";
import { useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/session.server";
import { PARTNER_CSV_HEADERS } from "~/modules/partners/fields";
import { PARTNER_IMPORT_MAX_BYTES, storePartnerImport } from "~/modules/partners/import.server";
import { readBody, requireMultipart } from "~/lib/params";

export const meta = partnersTitle("partners.import.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:partner");
  return null;
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
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/partners">← {t("partners.backToList")}</Link>
        </p>
        <h1>{t("partners.import.title")}</h1>
        <p className="muted">{t("partners.import.intro")}</p>
        <p className="muted">{t("partners.import.columns", { columns: Object.values(PARTNER_CSV_HEADERS.es).join(", ") })}</p>
      </header>
      <Form method="post" encType="multipart/form-data" className="panel">
        {actionData?.error ? (
          <p className="form-error" role="alert">
            {t(actionData.error, { max: 2 })}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="import-file">{t("partners.import.file")}</label>
          <input id="import-file" name="file" type="file" accept=".csv,.tsv,.txt,text/csv" required />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("partners.import.upload")}
        </button>
      </Form>
    </>
  );
}
