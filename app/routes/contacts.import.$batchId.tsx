import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { FileFacts } from "~/components/contacts-import/file-facts";
import { Rejections, Warnings } from "~/components/contacts-import/line-tables";
import { MappingPanel } from "~/components/contacts-import/mapping";
import { Preview } from "~/components/contacts-import/preview";
import { StagePanels } from "~/components/contacts-import/stage-panels";
import { ImportStatusBadge } from "~/components/contacts-import/status-badge";
import { FormError, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormatDate, useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { DomainError } from "~/lib/errors";
import { handleIntents } from "~/lib/intents.server";
import { notFound, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { cancelImport, confirmImport, getImport, loadImportReview, postedMapping, updateMapping, type ImportField } from "~/modules/contacts/index.server";
import importStylesHref from "~/styles/contacts-import.css?url";
import { z } from "zod";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStylesHref }];
export const meta = pageTitle("contacts.import.review.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "edit:contact");
  const review = await loadImportReview(requireParam(params, "batchId", "key"));
  if (!review) throw notFound(request);
  return review;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:contact");
  const batchId = requireParam(params, "batchId", "key");
  if (!(await getImport(batchId))) throw notFound(request);
  const here = `/contacts/import/${batchId}`;
  const stale = () => redirectWithToast(here, { kind: "error", message: "contacts.import.errors.locked" });
  const none = z.object({});
  return handleIntents(request, {
    mapping: {
      schema: none,
      run: async (_, { formData }) => {
        const fields = await postedMapping(batchId, formData);
        if (!fields) throw notFound(request);
        try {
          const problem = await updateMapping(actor, batchId, fields);
          return problem
            ? redirectWithToast(here, { kind: "error", message: `contacts.import.errors.${problem.code}`, params: problem.params })
            : redirectWithToast(here, { kind: "info", message: "contacts.import.toast.mappingSaved" });
        } catch (error) {
          if (error instanceof DomainError && error.status === 409) return stale();
          throw error;
        }
      },
    },
    confirm: { schema: none, run: async () => ((await confirmImport(actor, batchId)) ? redirectWithToast(here, { kind: "success", message: "contacts.import.toast.started" }) : stale()) },
    cancel: { schema: none, run: async () => ((await cancelImport(actor, batchId)) ? redirectWithToast("/contacts/import", { kind: "info", message: "contacts.import.toast.cancelled" }) : stale()) },
  });
}

export default function ImportReviewPage() {
  const { batch, error, columns, editable, preview, rejections, warnings, warningTotal } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  const revalidator = useRevalidator();
  const active = batch.status === "QUEUED" || batch.status === "RUNNING";

  // Progress lives in the database: poll it every second while the job works (and after a reload).
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, revalidator]);

  return (
    <>
      <PageHeader
        title={t("contacts.import.review.title")}
        description={
          <>
            {batch.fileName} · {formatDate(batch.createdAt)} · <ImportStatusBadge status={batch.status} dryRun={batch.dryRun} />
          </>
        }
        actions={
          <>
            <Link to="/contacts/import" className="button">
              {t("contacts.import.review.allImports")}
            </Link>
            <Link to="/contacts" className="button">
              {t("contacts.import.backToList")}
            </Link>
          </>
        }
      />
      {error ? <FormError error={`contacts.import.errors.${error.code}`} params={error.params} /> : null}
      <FileFacts batch={batch} />
      {columns.length ? <MappingPanel columns={columns} editable={editable} /> : null}
      {batch.dryRun ? <Preview rows={preview} fields={columns.map((c) => c.field).filter((f): f is ImportField => !!f)} /> : null}
      <StagePanels batch={batch} active={active} failedFile={!!error} />
      <Warnings warnings={warnings} total={warningTotal} />
      <Rejections batchId={batch.id} rejections={rejections} total={batch.rejected} />
    </>
  );
}
