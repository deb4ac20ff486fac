import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { EnquiryFiguresView, enquiryLinks, EnquiryTotalsForm, type TotalsErrors } from "~/components/enquiries/enquiries";
import { useFormatDate, useT } from "~/i18n/use-t";
import { formBody, idParam, isMultipartBody, readBody } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { ENQUIRY_PAGE_PERMISSIONS, requireEnquiryAccess } from "~/modules/enquiries/access.server";
import { enquiryFiguresForMonth } from "~/modules/enquiries/figures.server";
import { applyEnquiryImport, ENQUIRY_IMPORT_MAX_BYTES, enquiryTotals, lastEnquiryImport, loadEnquiryFile, planEnquiryImport, saveEnquiryTotals, storeEnquiryFile } from "~/modules/enquiries/import.server";
import { confirmSchema, enquiryTotalsSchema, totalsErrors } from "~/modules/enquiries/schema";
import { shiftMonth } from "~/modules/reports/month";
import { countryName, subdivisionName } from "~/modules/geo/regions";
import { INTL_LOCALE } from "~/i18n";
import { formatMonth } from "~/lib/format";

export const meta = pageTitle("enquiries.title");
export const links = enquiryLinks;

const SHOWN_REJECTIONS = 100;

function fileNameParam(value: string | null): string {
  // Control characters out (a file name is shown and stored as text).
  const printable = [...(value ?? "")].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join("");
  return printable.trim().slice(0, 200) || "consultas.csv";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, ENQUIRY_PAGE_PERMISSIONS);
  const month = idParam(request, params.month, "month");
  const access = await requireEnquiryAccess(request, user, month, "read");
  const canEdit = access === "edit";
  const url = new URL(request.url);
  const [figures, last, totals] = [await enquiryFiguresForMonth(month), await lastEnquiryImport(month), await enquiryTotals(month)];
  let review = null;
  const sha = url.searchParams.get("file");
  if (canEdit && sha && /^[a-f0-9]{64}$/.test(sha)) {
    const bytes = await loadEnquiryFile(sha);
    if (bytes) {
      const plan = await planEnquiryImport(month, sha, bytes);
      review = {
        sha256: plan.sha256,
        fileName: fileNameParam(url.searchParams.get("name")),
        encoding: plan.encoding,
        delimiter: plan.delimiter === "\t" ? "tab" : plan.delimiter,
        columns: plan.columns,
        problem: plan.problem,
        rows: plan.rows.length,
        rejectedCount: plan.rejected.length,
        rejected: plan.rejected.slice(0, SHOWN_REJECTIONS),
        replaces: plan.replaces,
        previous: plan.previous,
        preview: plan.preview,
      };
    }
  }
  const codes = [figures, review?.preview].flatMap((f) => (f ? [...f.byUsState.map((x) => x.code), ...f.byCountry.map((x) => x.code)] : []));
  codes.push(...(totals?.topUsStates ?? []), ...(totals?.topCountries ?? []));
  // Names on the server, in the reader's language, so the browser's ICU cannot change them (decision 019).
  const names = Object.fromEntries(codes.map((c) => [c, c.includes("-") ? subdivisionName(c) : countryName(c, INTL_LOCALE[user.locale])]));
  return {
    month,
    names,
    monthLabel: formatMonth(month, user.locale),
    prev: shiftMonth(month, -1),
    next: shiftMonth(month, 1),
    canEdit,
    figures,
    last: last ? { ...last, rejections: last.rejections.slice(0, SHOWN_REJECTIONS) } : null,
    totals,
    review,
  };
}

type ActionData = { error?: string; stale?: boolean; errors?: TotalsErrors; values?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, ENQUIRY_PAGE_PERMISSIONS);
  const month = idParam(request, params.month, "month");
  await requireEnquiryAccess(request, user, month, "edit");
  const actor = { userId: user.id, ip: clientIp(request) };

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
    return redirect(`/enquiries/${month}?${new URLSearchParams({ file: sha256, name: fileNameParam(file.name) })}#review`);
  }

  const form = await formBody(request);
  const intent = form.get("intent");
  if (intent === "confirm") {
    // Step 2: what the person saw (rows imported, rows replaced) travels with the confirmation.
    const parsed = confirmSchema.safeParse({ file: form.get("file") ?? "", fileName: form.get("fileName") ?? undefined, replaces: form.get("replaces") ?? "", rows: form.get("rows") ?? "" });
    if (!parsed.success) return data<ActionData>({ error: parsed.error.issues[0]?.message ?? "enquiries.errors.stale" }, { status: 400 });
    const outcome = await applyEnquiryImport(actor, month, { sha256: parsed.data.file, fileName: parsed.data.fileName }, { replaces: parsed.data.replaces, rows: parsed.data.rows });
    if (outcome.ok)
      return redirectWithToast(`/enquiries/${month}`, {
        kind: "success",
        message: "enquiries.import.done",
        params: { rows: outcome.plan.rows.length, rejected: outcome.plan.rejected.length, replaced: outcome.plan.replaces },
      });
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
      <header className="page-header">
        <p>
          <Link to="/enquiries">← {t("enquiries.title")}</Link> · <Link to={`/reports/${month}#enquiries`}>{t("enquiries.toReport")}</Link>
        </p>
        <h1>{t("enquiries.monthTitle", { month: monthLabel })}</h1>
        <p className="muted">{t("enquiries.intro")}</p>
        <nav aria-label={t("enquiries.months")} className="enq-months">
          <Link to={`/enquiries/${prev}`} rel="prev">
            ← {prev}
          </Link>
          <Link to={`/enquiries/${next}`} rel="next">
            {next} →
          </Link>
        </nav>
      </header>

      {actionData?.error ? (
        <p className="form-error" role="alert" autoFocus tabIndex={-1}>
          {t(actionData.error)}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="enq-figures">
        <h2 id="enq-figures">{t("enquiries.figures.title")}</h2>
        <p className="muted" data-source={figures.source ?? "none"}>
          {t(`enquiries.source.${figures.source ?? "none"}`)}
        </p>
        <EnquiryFiguresView figures={figures} names={names} />
      </section>

      {last ? (
        <section className="panel" aria-labelledby="enq-last">
          <h2 id="enq-last">{t("enquiries.last.title")}</h2>
          <p>{t("enquiries.last.summary", { file: last.fileName, rows: last.rows, rejected: last.rejected, date: formatDate(last.createdAt), by: last.by ?? "—" })}</p>
          {last.rejected ? (
            <>
              <RejectionsTable rows={last.rejections} />
              <p>
                <a href={`/enquiries/${month}/rejections.csv`} download>
                  {t("enquiries.import.downloadRejections")}
                </a>
              </p>
            </>
          ) : null}
        </section>
      ) : null}

      {canEdit && review ? (
        <section className="panel" aria-labelledby="review-title" id="review">
          <h2 id="review-title">{t("enquiries.review.title", { file: review.fileName })}</h2>
          <p className="muted">{t("enquiries.review.detected", { encoding: review.encoding, delimiter: review.delimiter })}</p>
          <ul>
            {review.columns.map((c, i) => (
              <li key={i}>
                «{c.header}» → {c.column ? t(`enquiries.column.${c.column}`) : t("enquiries.review.ignored")}
              </li>
            ))}
          </ul>
          {review.problem ? (
            <p className="form-error" role="alert">
              {t(`enquiries.problem.${review.problem}`)}
            </p>
          ) : (
            <>
              <p data-review="counts">{t("enquiries.review.counts", { rows: review.rows, rejected: review.rejectedCount })}</p>
              {review.rejectedCount ? (
                <>
                  <RejectionsTable rows={review.rejected} />
                  <p>
                    <a href={`/enquiries/${month}/rejections.csv?file=${review.sha256}`} download>
                      {t("enquiries.import.downloadRejections")}
                    </a>
                  </p>
                </>
              ) : null}
              {review.preview ? <EnquiryFiguresView figures={review.preview} names={names} /> : null}
              {review.rows > 0 ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="confirm" />
                  <input type="hidden" name="file" value={review.sha256} />
                  <input type="hidden" name="fileName" value={review.fileName} />
                  <input type="hidden" name="rows" value={review.rows} />
                  <input type="hidden" name="replaces" value={review.replaces} />
                  <p className={review.replaces ? "form-error" : undefined} data-review="replaces">
                    {review.replaces
                      ? t("enquiries.review.replaces", { count: review.replaces, file: review.previous?.fileName ?? "—", rows: review.rows })
                      : t("enquiries.review.first", { rows: review.rows })}
                  </p>
                  <div className="form-actions">
                    <button type="submit" className="button button--primary" disabled={busy}>
                      {review.replaces ? t("enquiries.review.confirmReplace", { count: review.replaces, rows: review.rows }) : t("enquiries.review.confirm", { count: review.rows })}
                    </button>
                    <Link to={`/enquiries/${month}`} className="button">
                      {t("enquiries.review.cancel")}
                    </Link>
                  </div>
                </Form>
              ) : (
                <p>{t("enquiries.errors.nothingToImport")}</p>
              )}
            </>
          )}
        </section>
      ) : null}

      {canEdit ? (
        <section className="panel" aria-labelledby="enq-import">
          <h2 id="enq-import">{t("enquiries.import.title")}</h2>
          <p className="muted">{t("enquiries.import.help")}</p>
          <Form method="post" encType="multipart/form-data">
            <div className="field">
              <label htmlFor="enq-file">{t("enquiries.import.file")}</label>
              <input id="enq-file" name="file" type="file" accept=".csv,.tsv,.txt,text/csv" required />
            </div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("enquiries.import.upload")}
            </button>
          </Form>
        </section>
      ) : null}

      {canEdit ? (
        <section className="panel" aria-labelledby="enq-totals">
          <h2 id="enq-totals">{t("enquiries.totals.title")}</h2>
          <p className="muted">{t(figures.source === "records" ? "enquiries.totals.helpRecords" : "enquiries.totals.help")}</p>
          <EnquiryTotalsForm totals={totals} names={names} errors={actionData?.errors} values={actionData?.values} busy={busy} />
        </section>
      ) : null}
    </>
  );
}

function RejectionsTable({ rows }: { rows: Array<{ line: number; reason: string; raw: string }> }) {
  const t = useT();
  return (
    <div className="table-wrap enq-rejections">
      <table aria-label={t("enquiries.import.rejections")}>
        <thead>
          <tr>
            <th scope="col">{t("enquiries.import.line")}</th>
            <th scope="col">{t("enquiries.import.reason")}</th>
            <th scope="col">{t("enquiries.import.rawRow")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line}>
              <td>{r.line}</td>
              <td>{t(`enquiries.import.reasons.${r.reason}`)}</td>
              <td>
                <code style={{ wordBreak: "break-all" }}>{r.raw}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
