import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { pageTitle } from "~/components/contact-detail/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { env } from "~/lib/env.server";
import { formatMonth } from "~/lib/format";
import { formBody, isMultipartBody, readBody, routeParams } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requireUser } from "~/modules/auth/session.server";
import { handleSectionAction, sectionPageData, type SectionActionResult } from "~/modules/reports/section-page.server";
import { sectionContext, SectionExtrasError, sectionRefusal, sectionUser } from "~/modules/reports/tables.server";

export const meta = pageTitle("reports.sectionExtras.title");

async function context(request: Request, params: Record<string, string | undefined>) {
  const user = await requireUser(request);
  const { month, key } = routeParams(request, params, { month: "month", key: "key" });
  try {
    return { user, ctx: await sectionContext(await sectionUser(user), month, key) };
  } catch (error) {
    if (error instanceof SectionExtrasError) throw await sectionRefusal(request, user, error);
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await context(request, params);
  return {
    month: ctx.month,
    section: { key: ctx.node.key, number: ctx.node.number, title: ctx.node.title },
    canEdit: ctx.access === "edit",
    approved: ctx.approved,
    holdsTables: ctx.holdsTables,
    holdsAttachments: ctx.holdsAttachments,
    ...(await sectionPageData(ctx)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ctx } = await context(request, params);
  let form: FormData | null;
  if (isMultipartBody(request)) {
    try {
      form = await readBody(request, () => unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: env().UPLOAD_MAX_BYTES + 1 })));
    } catch (error) {
      if (!(error instanceof MaxPartSizeExceededError)) throw error;
      form = null;
    }
  } else form = await formBody(request);
  const result = await handleSectionAction({ userId: user.id, ip: clientIp(request) }, ctx, form);
  if (result.ok) {
    const anchor = result.intent === "figure" || result.intent === "deleteFigure" ? "#key-figures" : result.intent === "attach" || result.intent === "detach" ? "#attachments" : "#tables";
    return redirectWithToast(`/reports/${ctx.month}/sections/${ctx.node.key}/extras${anchor}`, { kind: "success", message: result.message, params: result.params });
  }
  const status = result.preview || result.confirm ? 200 : result.errors.form === "files.errors.tooLarge" ? 413 : result.errors.form?.endsWith(".readOnly") ? 409 : 400;
  return data<SectionActionResult>(result, { status });
}

const SOURCE_LABEL: Record<string, string> = { PASTE: "reports.tables.source.PASTE", CSV: "reports.tables.source.CSV", XLSX: "reports.tables.source.XLSX" };

export default function SectionExtrasPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SectionActionResult | undefined;
  const failed = result && !result.ok ? result : undefined;
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const nf = new Intl.NumberFormat(locale === "es" ? "es-MX" : "en-US", { maximumFractionDigits: 6 });
  const base = `/reports/${d.month}/sections/${d.section.key}/extras`;
  const heading = d.section.number ? `${d.section.number} ${d.section.title}` : d.section.title;
  const errorsFor = (intent: string) => (failed && failed.intent === intent ? failed.errors : {});
  const params = failed?.params ?? {};
  const preview = failed?.intent === "preview" || failed?.intent === "createTable" ? failed.preview : undefined;
  const tableValues = failed && (failed.intent === "preview" || failed.intent === "createTable") ? failed.values : {};
  const confirm = failed?.confirm;
  const figureValues = failed?.intent === "figure" ? failed.values : {};

  return (
    <div className="report-extras">
      <header className="page-header">
        <p>
          <Link to={`/reports/${d.month}#${d.section.key}`}>← {t("reports.sectionExtras.back", { month: formatMonth(d.month, locale) })}</Link>
        </p>
        <h1>{heading}</h1>
        <p className="muted">{t(d.canEdit ? "reports.sectionExtras.intro" : d.approved ? "reports.sectionExtras.approved" : "reports.sectionExtras.readOnly")}</p>
      </header>

      {failed?.errors.form ? (
        <p className="form-error" role="alert">
          {t(failed.errors.form, params)}
        </p>
      ) : null}

      {confirm ? (
        <section className="panel report-confirm" role="alertdialog" aria-labelledby="confirm-title">
          <h2 id="confirm-title">{t(confirm.kind === "table" ? "reports.tables.confirmTitle" : "reports.attachments.confirmTitle")}</h2>
          <p>{t(confirm.kind === "table" ? "reports.tables.confirmText" : "reports.attachments.confirmText", { title: confirm.title, detail: confirm.detail })}</p>
          <Form method="post" className="form-actions">
            <input type="hidden" name="intent" value={confirm.kind === "table" ? "deleteTable" : "detach"} />
            <input type="hidden" name={confirm.kind === "table" ? "tableId" : "attachmentId"} value={confirm.id} />
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" className="button button--danger" disabled={busy}>
              {t("reports.sectionExtras.confirmDelete")}
            </button>
            <Link to={base} className="button">
              {t("reports.sectionExtras.cancel")}
            </Link>
          </Form>
        </section>
      ) : null}

      {d.holdsTables ? (
        <section className="panel" id="tables" aria-labelledby="tables-title">
          <h2 id="tables-title">{t("reports.tables.title")}</h2>
          {d.tables.length === 0 ? <p className="muted">{t("reports.tables.none")}</p> : null}
          {d.tables.map((table, index) => (
            <article key={table.id} className="report-extras__table">
              <h3>{table.title}</h3>
              <p className="muted">
                {t("reports.tables.size", { rows: table.rowCount, columns: table.columns.length })} · {t(SOURCE_LABEL[table.source] ?? table.source)}
                {table.sourceFileName ? ` (${table.sourceFileName})` : ""}
              </p>
              <div className="table-wrap">
                <table>
                  <caption className="sr-only">{table.title}</caption>
                  <thead>
                    <tr>
                      {table.columns.map((c, j) => (
                        <th key={j} scope="col">
                          {c.name} <span className="badge">{t(`reports.tables.types.${c.type}`)}</span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {table.sample.map((r, i) => (
                      <tr key={i}>
                        {r.map((v, j) => (
                          <td key={j} className={table.columns[j]?.type !== "text" ? "num" : undefined}>
                            {v}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {table.rowCount > table.sample.length ? <p className="muted">{t("reports.tables.more", { count: table.rowCount - table.sample.length })}</p> : null}
              <div className="report-extras__actions">
                <a className="button" href={`/reports/${d.month}/sections/${d.section.key}/tables/${table.id}.csv`}>
                  {t("reports.tables.csv")}
                </a>
                {d.canEdit ? (
                  <>
                    <Form method="post" action={`${base}#tables`}>
                      <input type="hidden" name="intent" value="moveTable" />
                      <input type="hidden" name="tableId" value={table.id} />
                      <button type="submit" name="direction" value="up" className="button" disabled={busy || index === 0} aria-label={t("reports.tables.moveUpNamed", { title: table.title })}>
                        ↑ {t("reports.tables.moveUp")}
                      </button>
                      <button type="submit" name="direction" value="down" className="button" disabled={busy || index === d.tables.length - 1} aria-label={t("reports.tables.moveDownNamed", { title: table.title })}>
                        ↓ {t("reports.tables.moveDown")}
                      </button>
                    </Form>
                    <Form method="post" action={`${base}#tables`}>
                      <input type="hidden" name="intent" value="deleteTable" />
                      <input type="hidden" name="tableId" value={table.id} />
                      <button type="submit" className="button button--danger" disabled={busy}>
                        {t("reports.tables.delete")}
                      </button>
                    </Form>
                  </>
                ) : null}
              </div>
              {d.canEdit ? (
                <details className="report-extras__rename">
                  <summary>{t("reports.tables.rename")}</summary>
                  <Form method="post" action={`${base}#tables`} noValidate>
                    <input type="hidden" name="intent" value="renameTable" />
                    <input type="hidden" name="tableId" value={table.id} />
                    <Field name="title" idPrefix={`rename-${table.id}`} label={t("reports.tables.tableTitle")} defaultValue={table.title} maxLength={d.limits.titleChars} error={failed?.intent === "renameTable" && failed.values.tableId === table.id ? failed.errors.title : undefined} />
                    <button type="submit" className="button" disabled={busy}>
                      {t("reports.tables.saveTitle")}
                    </button>
                  </Form>
                </details>
              ) : null}
            </article>
          ))}

          {d.canEdit ? (
            <>
              <h3 id="new-table">{t("reports.tables.new")}</h3>
              <p className="muted">{t("reports.tables.limits", { rows: d.limits.rows, columns: d.limits.columns, cells: d.limits.cells, chars: d.limits.cellChars, mb: d.limits.uploadMb })}</p>
              <Form method="post" action={`${base}#new-table`} encType="multipart/form-data" noValidate>
                <input type="hidden" name="intent" value="preview" />
                <Field name="title" idPrefix="new-table" label={t("reports.tables.tableTitle")} defaultValue={tableValues.title ?? ""} maxLength={d.limits.titleChars} />
                <Field name="text" idPrefix="new-table" multiline label={t("reports.tables.paste")} hint={t("reports.tables.pasteHint")} defaultValue={tableValues.text ?? ""} maxLength={d.limits.pasteChars} />
                <div className="field">
                  <label htmlFor="new-table-file">{t("reports.tables.file")}</label>
                  <input id="new-table-file" name="file" type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
                </div>
                <div className="field">
                  <label htmlFor="new-table-header">{t("reports.tables.header")}</label>
                  <select id="new-table-header" name="header" defaultValue={tableValues.header ?? "auto"}>
                    <option value="auto">{t("reports.tables.headerAuto")}</option>
                    <option value="yes">{t("reports.tables.headerYes")}</option>
                    <option value="no">{t("reports.tables.headerNo")}</option>
                  </select>
                </div>
                {errorsFor("preview").source ? (
                  <p className="field-error" role="alert">
                    {t(errorsFor("preview").source!, params)}
                  </p>
                ) : null}
                <button type="submit" className="button" disabled={busy}>
                  {t("reports.tables.preview")}
                </button>
              </Form>
              {errorsFor("createTable").source ? (
                <p className="field-error" role="alert">
                  {t(errorsFor("createTable").source!, params)}
                </p>
              ) : null}
              {preview ? (
                <div className="report-extras__preview" id="table-preview">
                  <h4>{t("reports.tables.previewTitle", { rows: preview.rowCount, columns: preview.columns.length })}</h4>
                  <p className="muted">{t(preview.header ? "reports.tables.previewHeader" : "reports.tables.previewNoHeader")}</p>
                  <div className="table-wrap">
                    <table>
                      <caption className="sr-only">{t("reports.tables.previewCaption")}</caption>
                      <thead>
                        <tr>
                          {preview.columns.map((c, j) => (
                            <th key={j} scope="col">
                              {c.name} <span className="badge">{t(`reports.tables.types.${c.type}`)}</span>
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {preview.sample.map((r, i) => (
                          <tr key={i}>
                            {r.map((v, j) => (
                              <td key={j}>{v}</td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <Form method="post" action={`${base}#tables`} encType="multipart/form-data" noValidate>
                    <input type="hidden" name="intent" value="createTable" />
                    <input type="hidden" name="raw" value={preview.raw} />
                    <input type="hidden" name="header" value={preview.header ? "yes" : "no"} />
                    <input type="hidden" name="source" value={preview.source} />
                    <input type="hidden" name="fileName" value={preview.fileName ?? ""} />
                    <Field name="title" idPrefix="save-table" label={t("reports.tables.tableTitle")} defaultValue={tableValues.title ?? ""} maxLength={d.limits.titleChars} error={errorsFor("createTable").title} required />
                    <button type="submit" className="button button--primary" disabled={busy}>
                      {t("reports.tables.save")}
                    </button>
                  </Form>
                </div>
              ) : null}
            </>
          ) : null}
        </section>
      ) : (
        <p className="muted">{t("reports.sectionExtras.computed")}</p>
      )}

      {d.holdsAttachments ? (
        <section className="panel" id="attachments" aria-labelledby="attachments-title">
          <h2 id="attachments-title">{t("reports.attachments.title")}</h2>
          {d.attachments.length === 0 ? <p className="muted">{t("reports.attachments.none")}</p> : null}
          <ul className="report-extras__files">
            {d.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/reports/${d.month}/sections/${d.section.key}/attachments/${a.id}`}>{a.title}</a> <span className="muted">({a.fileName}, {nf.format(Math.ceil(a.size / 1024))} KB)</span>
                {d.canEdit ? (
                  <Form method="post" action={`${base}#attachments`} className="inline-form">
                    <input type="hidden" name="intent" value="detach" />
                    <input type="hidden" name="attachmentId" value={a.id} />
                    <button type="submit" className="button button--danger" disabled={busy}>
                      {t("reports.attachments.delete")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {d.canEdit ? (
            <Form method="post" action={`${base}#attachments`} encType="multipart/form-data" noValidate>
              <input type="hidden" name="intent" value="attach" />
              <Field name="title" idPrefix="attachment" label={t("reports.attachments.fileTitle")} defaultValue={failed?.intent === "attach" ? failed.values.title : ""} maxLength={200} />
              <div className="field">
                <label htmlFor="attachment-file">{t("reports.attachments.file", { mb: d.limits.uploadMb })}</label>
                <input id="attachment-file" name="file" type="file" accept=".pdf,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby={errorsFor("attach").file ? "attachment-file-error" : undefined} />
                {errorsFor("attach").file ? (
                  <p className="field-error" id="attachment-file-error">
                    {t(errorsFor("attach").file!, params)}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("reports.attachments.upload")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {d.holdsTables ? (
        <section className="panel" id="key-figures" aria-labelledby="key-figures-title">
          <h2 id="key-figures-title">{t("reports.keyFigures.title")}</h2>
          <p className="muted">{t("reports.keyFigures.hint", { section: d.section.key })}</p>
          {d.keyFigures.length === 0 ? <p className="muted">{t("reports.keyFigures.none")}</p> : null}
          {d.keyFigures.map((k) => {
            const mine = failed?.intent === "figure" && figureValues.id === k.id;
            const errors = mine ? failed!.errors : {};
            return (
              <div key={k.id} className="report-extras__figure">
                <p>
                  <strong>{nf.format(k.value)}</strong> {k.unit ?? ""} — {k.label} <code>{k.key}</code>
                </p>
                {d.canEdit ? (
                  <details open={mine || undefined}>
                    <summary>{t("reports.keyFigures.edit")}</summary>
                    <Form method="post" action={`${base}#key-figures`} noValidate className="form-grid">
                      <input type="hidden" name="intent" value="figure" />
                      <input type="hidden" name="id" value={k.id} />
                      <Field name="label" idPrefix={`kf-${k.id}`} label={t("reports.keyFigures.label")} defaultValue={mine ? figureValues.label : k.label} error={errors.label} maxLength={120} />
                      <Field name="value" idPrefix={`kf-${k.id}`} label={t("reports.keyFigures.value")} defaultValue={mine ? figureValues.value : String(k.value)} error={errors.value} />
                      <Field name="unit" idPrefix={`kf-${k.id}`} label={t("reports.keyFigures.unit")} defaultValue={mine ? figureValues.unit : (k.unit ?? "")} error={errors.unit} maxLength={40} />
                      <Field name="key" idPrefix={`kf-${k.id}`} label={t("reports.keyFigures.key")} hint={t("reports.keyFigures.keyHint")} defaultValue={mine ? figureValues.key : k.key} error={errors.key} maxLength={40} />
                      <button type="submit" className="button" disabled={busy}>
                        {t("reports.keyFigures.save")}
                      </button>
                    </Form>
                    <Form method="post" action={`${base}#key-figures`}>
                      <input type="hidden" name="intent" value="deleteFigure" />
                      <input type="hidden" name="id" value={k.id} />
                      <button type="submit" className="button button--danger" disabled={busy}>
                        {t("reports.keyFigures.delete")}
                      </button>
                    </Form>
                  </details>
                ) : null}
              </div>
            );
          })}
          {d.canEdit ? (
            <Form method="post" action={`${base}#key-figures`} noValidate>
              <input type="hidden" name="intent" value="figure" />
              <h3>{t("reports.keyFigures.new")}</h3>
              <div className="form-grid">
                <Field name="label" idPrefix="kf-new" label={t("reports.keyFigures.label")} defaultValue={figureValues.id ? "" : figureValues.label} error={figureValues.id ? undefined : errorsFor("figure").label} maxLength={120} />
                <Field name="value" idPrefix="kf-new" label={t("reports.keyFigures.value")} defaultValue={figureValues.id ? "" : figureValues.value} error={figureValues.id ? undefined : errorsFor("figure").value} />
                <Field name="unit" idPrefix="kf-new" label={t("reports.keyFigures.unit")} defaultValue={figureValues.id ? "" : figureValues.unit} error={figureValues.id ? undefined : errorsFor("figure").unit} maxLength={40} />
                <Field name="key" idPrefix="kf-new" label={t("reports.keyFigures.key")} hint={t("reports.keyFigures.keyHint")} defaultValue={figureValues.id ? "" : figureValues.key} error={figureValues.id ? undefined : errorsFor("figure").key} maxLength={40} />
              </div>
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("reports.keyFigures.add")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
