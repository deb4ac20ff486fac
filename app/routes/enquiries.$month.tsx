import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EnquiryFiguresView, enquiryLinks, EnquiryTotalsForm, type TotalsErrors } from "~/components/enquiries/enquiries";
import { Rejections } from "~/components/enquiries/rejections";
import { ImportReview } from "~/components/enquiries/review";
import { Card, Field, FormError, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormatDate, useT } from "~/i18n/use-t";
import { refusalResponse } from "~/lib/http.server";
import { formBody, isMultipartBody, readBody, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { confirmSchema, enquiryTotalsSchema, totalsErrors } from "~/modules/enquiries";
import { applyEnquiryImport, ENQUIRY_IMPORT_MAX_BYTES, enquiryFileName, enquiryMonthPage, requireEnquiryMonth, saveEnquiryTotals, storeEnquiryFile } from "~/modules/enquiries/index.server";

export const meta = pageTitle("enquiries.title");
export const links = enquiryLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const month = requireParam(params, "month", "month");
  const { user, access } = await requireEnquiryMonth(request, month, "read").catch(refusalResponse);
  const url = new URL(request.url);
  return enquiryMonthPage(user, month, access === "edit", { sha: url.searchParams.get("file"), name: url.searchParams.get("name") });
}

type ActionData = { error?: string; stale?: boolean; errors?: TotalsErrors; values?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const month = requireParam(params, "month", "month");
  const { actor } = await requireEnquiryMonth(request, month, "edit").catch(refusalResponse);
  if (isMultipartBody(request)) {
    // Step 1: the file is stored (content-addressed); the page then shows what importing it would do.
    let form: FormData;
    try {
      form = await readBody(request, () => unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: ENQUIRY_IMPORT_MAX_BYTES })));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return data<ActionData>({ error: "enquiries.errors.tooLarge" }, { status: 413 });
      throw error;
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return data<ActionData>({ error: "enquiries.errors.fileRequired" }, { status: 400 });
    const sha256 = await storeEnquiryFile(new Uint8Array(await file.arrayBuffer()));
    return redirect(`/enquiries/${month}?${new URLSearchParams({ file: sha256, name: enquiryFileName(file.name) })}#review`);
  }
  const form = await formBody(request);
  const intent = form.get("intent");
  if (intent === "confirm") {
    // Step 2: what the person saw (rows imported, rows replaced) travels with the confirmation.
    const parsed = confirmSchema.safeParse({ file: form.get("file") ?? "", fileName: form.get("fileName") ?? undefined, replaces: form.get("replaces") ?? "", rows: form.get("rows") ?? "" });
    if (!parsed.success) return data<ActionData>({ error: parsed.error.issues[0]?.message ?? "enquiries.errors.stale" }, { status: 400 });
    const outcome = await applyEnquiryImport(actor, month, { sha256: parsed.data.file, fileName: parsed.data.fileName }, { replaces: parsed.data.replaces, rows: parsed.data.rows });
    if (outcome.ok) return redirectWithToast(`/enquiries/${month}`, { kind: "success", message: "enquiries.import.done", params: { rows: outcome.plan.rows.length, rejected: outcome.plan.rejected.length, replaced: outcome.plan.replaces } });
    if (outcome.reason === "stale") return data<ActionData>({ stale: true, error: "enquiries.errors.stale" }, { status: 409 });
    if (outcome.reason === "fileGone") return data<ActionData>({ error: "enquiries.errors.fileGone" }, { status: 400 });
    return data<ActionData>({ error: outcome.reason === "nothingToImport" ? "enquiries.errors.nothingToImport" : `enquiries.problem.${outcome.plan?.problem ?? "emptyFile"}` }, { status: 400 });
  }
  if (intent === "totals") {
    const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v).slice(0, 2000)]));
    const parsed = enquiryTotalsSchema.safeParse(values);
    if (!parsed.success) return data<ActionData>({ errors: totalsErrors(parsed.error), values }, { status: 400 });
    await saveEnquiryTotals(actor, month, parsed.data);
    return redirectWithToast(`/enquiries/${month}`, { kind: "success", message: "enquiries.totals.saved" });
  }
  return data<ActionData>({ error: "enquiries.errors.intent" }, { status: 400 });
}

export default function EnquiriesMonthPage() {
  const { month, names, monthLabel, prev, next, canEdit, figures, last, totals, review } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const formatDate = useFormatDate();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader title={t("enquiries.monthTitle", { month: monthLabel })} description={t("enquiries.intro")} back={{ to: "/enquiries", label: t("enquiries.title") }}>
        <nav aria-label={t("enquiries.months")} className="enq-months">
          <Link to={`/enquiries/${prev}`} rel="prev">
            ← {prev}
          </Link>
          <Link to={`/enquiries/${next}`} rel="next">
            {next} →
          </Link>
          <Link to={`/reports/${month}#enquiries`}>{t("enquiries.toReport")}</Link>
        </nav>
      </PageHeader>
      <FormError error={actionData?.error} />
      <section className="panel" aria-labelledby="enq-figures">
        <h2 id="enq-figures">{t("enquiries.figures.title")}</h2>
        <p className="muted" data-source={figures.source ?? "none"}>
          {t(`enquiries.source.${figures.source ?? "none"}`)}
        </p>
        <EnquiryFiguresView figures={figures} names={names} />
      </section>
      {last ? (
        <Card title={t("enquiries.last.title")}>
          <p className="enq-wrap">{t("enquiries.last.summary", { file: last.fileName, rows: last.rows, rejected: last.rejected, date: formatDate(last.createdAt), by: last.by ?? "—" })}</p>
          {last.rejected ? <Rejections rows={last.rejections} csvHref={`/enquiries/${month}/rejections.csv`} /> : null}
        </Card>
      ) : null}
      {canEdit && review ? <ImportReview month={month} review={review} names={names} busy={busy} /> : null}
      {canEdit ? (
        <Card title={t("enquiries.import.title")}>
          <p className="muted">{t("enquiries.import.help")}</p>
          <Form method="post" encType="multipart/form-data">
            <Field name="file" id="enq-file" type="file" label={t("enquiries.import.file")} accept=".csv,.tsv,.txt,text/csv" required />
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("enquiries.import.upload")}
            </button>
          </Form>
        </Card>
      ) : null}
      {canEdit ? (
        <Card title={t("enquiries.totals.title")}>
          <p className="muted">{t(figures.source === "records" ? "enquiries.totals.helpRecords" : "enquiries.totals.help")}</p>
          <EnquiryTotalsForm totals={totals} names={names} errors={actionData?.errors} values={actionData?.values} busy={busy} />
        </Card>
      ) : null}
    </>
  );
}
