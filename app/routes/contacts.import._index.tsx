import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  data,
  redirect,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ImportHistory } from "~/components/contacts-import/import-history";
import { UploadForm } from "~/components/contacts-import/upload-form";
import { PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { fieldErrors } from "~/lib/forms";
import { readBody, requireMultipart } from "~/lib/params";
import { discardUpload, IMPORT_MAX_BYTES, ImportFileError, importOptionsSchema, listImports, prepareUpload, storeUpload } from "~/modules/contacts/index.server";
import importStylesHref from "~/styles/contacts-import.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStylesHref }];
export const meta = pageTitle("contacts.import.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "edit:contact");
  const imports = await listImports(50);
  return {
    maxMb: Math.round(IMPORT_MAX_BYTES / 1024 / 1024),
    imports,
  };
}

type ActionErrors = Record<string, string>;

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:contact");
  const maxMb = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);
  requireMultipart(request);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > IMPORT_MAX_BYTES + 1024 * 1024) {
    return data({ errors: { file: "contacts.import.errors.tooLarge" } as ActionErrors, maxMb }, { status: 413 });
  }

  let batchId: string | null = null;
  const fileHandler: UploadHandler = async ({ name, filename, data: bytes }) => {
    if (name !== "file" || filename === undefined) return undefined;
    if (!filename || batchId) {
      // No file chosen (an empty part), or a second file: read and drop.
      for await (const _ of bytes) void _;
      return undefined;
    }
    batchId = await storeUpload(actor, filename, bytes, IMPORT_MAX_BYTES);
    return batchId;
  };
  let form: FormData;
  try {
    form = await readBody(request, () =>
      unstable_parseMultipartFormData(request, unstable_composeUploadHandlers(fileHandler, unstable_createMemoryUploadHandler({ maxPartSize: 64 * 1024 }))),
    );
  } catch (error) {
    if (batchId) await discardUpload(batchId);
    if (error instanceof ImportFileError && error.code === "tooLarge") {
      return data({ errors: { file: "contacts.import.errors.tooLarge" } as ActionErrors, maxMb }, { status: 413 });
    }
    throw error;
  }

  const parsed = importOptionsSchema.safeParse({
    consentBasis: form.get("consentBasis") ?? undefined,
    sourceText: form.get("sourceText") ?? undefined,
    onDuplicate: form.get("onDuplicate") ?? undefined,
  });
  const errors: ActionErrors = parsed.success ? {} : fieldErrors(parsed.error);
  const storedId = batchId as string | null;
  if (!storedId) errors.file = "contacts.import.errors.fileRequired";
  if (!parsed.success || !storedId) {
    if (storedId) await discardUpload(storedId);
    return data({ errors, maxMb }, { status: 400 });
  }
  await prepareUpload(actor, storedId, parsed.data);
  return redirect(`/contacts/import/${storedId}`);
}

export default function ContactsImportPage() {
  const { imports, maxMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("contacts.import.title")}
        description={t("contacts.import.intro")}
        actions={
          <Link to="/contacts" className="button">
            {t("contacts.import.backToList")}
          </Link>
        }
      />
      <UploadForm errors={actionData?.errors ?? {}} maxMb={maxMb} />
      <ImportHistory imports={imports} />
    </>
  );
}
