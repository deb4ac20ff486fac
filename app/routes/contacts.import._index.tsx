import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  data,
  redirect,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { adminTitle } from "~/components/admin/meta";
import { useFormatDate, useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { IMPORT_MAX_BYTES, discardUpload, listImports, prepareUpload, storeUpload } from "~/modules/contacts/import/batches.server";
import { ImportFileError } from "~/modules/contacts/import/errors";
import { ImportStatusBadge, useFormatNumber } from "~/components/contacts-import/status-badge";
import importStylesHref from "~/styles/contacts-import.css?url";
import { readBody, requireMultipart } from "~/lib/params";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStylesHref }];
export const meta = adminTitle("contacts.import.title");

const POLICIES = ["SKIP", "FILL", "OVERWRITE"] as const;
const TEXT_MAX = 500;

const optionsSchema = z.object({
  consentBasis: z
    .string({ message: "contacts.import.errors.consentBasisRequired" })
    .trim()
    .min(1, "contacts.import.errors.consentBasisRequired")
    .max(TEXT_MAX, "contacts.import.errors.textTooLong"),
  sourceText: z
    .string({ message: "contacts.import.errors.sourceRequired" })
    .trim()
    .min(1, "contacts.import.errors.sourceRequired")
    .max(TEXT_MAX, "contacts.import.errors.textTooLong"),
  onDuplicate: z.enum(POLICIES, { message: "contacts.import.errors.policyRequired" }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:contact");
  const imports = await listImports(50);
  return {
    maxMb: Math.round(IMPORT_MAX_BYTES / 1024 / 1024),
    imports,
  };
}

type ActionErrors = Record<string, string>;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:contact");
  const actor = { userId: user.id, ip: clientIp(request) };
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

  const parsed = optionsSchema.safeParse({
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
  const navigation = useNavigation();
  const t = useT();
  const formatDate = useFormatDate();
  const formatNumber = useFormatNumber();
  const busy = navigation.state === "submitting";
  const errors: ActionErrors = actionData?.errors ?? {};
  const described = (name: string, hint: boolean) => [hint ? `${name}-hint` : null, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("contacts.import.title")}</h1>
          <p className="muted">{t("contacts.import.intro")}</p>
        </div>
        <Link to="/contacts" className="button">
          {t("contacts.import.backToList")}
        </Link>
      </header>

      <section className="panel" aria-labelledby="upload-title">
        <h2 id="upload-title">{t("contacts.import.upload.title")}</h2>
        <Form method="post" encType="multipart/form-data" noValidate>
          <div className="field">
            <label htmlFor="import-consent">{t("contacts.import.upload.consentBasis")}</label>
            <p className="hint" id="consentBasis-hint">
              {t("contacts.import.upload.consentBasisHint")}
            </p>
            <input
              id="import-consent"
              name="consentBasis"
              required
              maxLength={TEXT_MAX}
              placeholder={t("contacts.import.upload.consentBasisPlaceholder")}
              aria-invalid={errors.consentBasis ? true : undefined}
              aria-describedby={described("consentBasis", true)}
            />
            {errors.consentBasis ? (
              <p className="field-error" id="consentBasis-error">
                {t(errors.consentBasis)}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="import-source">{t("contacts.import.upload.sourceText")}</label>
            <p className="hint" id="sourceText-hint">
              {t("contacts.import.upload.sourceTextHint")}
            </p>
            <input
              id="import-source"
              name="sourceText"
              required
              maxLength={TEXT_MAX}
              placeholder={t("contacts.import.upload.sourceTextPlaceholder")}
              aria-invalid={errors.sourceText ? true : undefined}
              aria-describedby={described("sourceText", true)}
            />
            {errors.sourceText ? (
              <p className="field-error" id="sourceText-error">
                {t(errors.sourceText)}
              </p>
            ) : null}
          </div>
          <fieldset className="field import-policies">
            <legend>{t("contacts.import.upload.onDuplicate")}</legend>
            {POLICIES.map((policy) => (
              <label key={policy} className="import-policy">
                <input type="radio" name="onDuplicate" value={policy} defaultChecked={policy === "SKIP"} />
                <span>
                  <strong>{t(`contacts.import.policy.${policy}`)}</strong>
                  <span className="muted"> — {t(`contacts.import.policy.${policy}.hint`)}</span>
                </span>
              </label>
            ))}
            {errors.onDuplicate ? <p className="field-error">{t(errors.onDuplicate)}</p> : null}
          </fieldset>
          <div className="field">
            <label htmlFor="import-file">{t("contacts.import.upload.file")}</label>
            <p className="hint" id="file-hint">
              {t("contacts.import.upload.fileHint", { maxMb })}
            </p>
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
              required
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={described("file", true)}
            />
            {errors.file ? (
              <p className="field-error" id="file-error">
                {t(errors.file, { maxMb })}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t("contacts.import.upload.submitting") : t("contacts.import.upload.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("contacts.import.history.title")}</h2>
        {imports.length === 0 ? (
          <div className="empty-state">
            <p>{t("contacts.import.history.empty")}</p>
          </div>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t("contacts.import.history.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("contacts.import.history.file")}</th>
                  <th scope="col">{t("contacts.import.history.date")}</th>
                  <th scope="col">{t("contacts.import.history.source")}</th>
                  <th scope="col">{t("contacts.import.history.status")}</th>
                  <th scope="col" className="num">
                    {t("contacts.import.counts.rows")}
                  </th>
                  <th scope="col" className="num">
                    {t("contacts.import.counts.created")}
                  </th>
                  <th scope="col" className="num">
                    {t("contacts.import.counts.updated")}
                  </th>
                  <th scope="col" className="num">
                    {t("contacts.import.counts.rejected")}
                  </th>
                  <th scope="col">{t("contacts.import.history.by")}</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <Link to={`/contacts/import/${item.id}`}>{item.fileName}</Link>
                    </td>
                    <td className="nowrap">{formatDate(item.createdAt)}</td>
                    <td>{item.sourceText}</td>
                    <td>
                      <ImportStatusBadge status={item.status} dryRun={item.dryRun} />
                    </td>
                    <td className="num">{formatNumber(item.rows)}</td>
                    <td className="num">{formatNumber(item.created)}</td>
                    <td className="num">{formatNumber(item.updated)}</td>
                    <td className="num">{formatNumber(item.rejected)}</td>
                    <td>{item.createdBy ?? t("contacts.import.history.system")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
