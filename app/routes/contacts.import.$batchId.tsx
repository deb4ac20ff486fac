import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { adminTitle } from "~/components/admin/meta";
import { ImportStatusBadge, useFormatNumber, type ImportStatusName } from "~/components/contacts-import/status-badge";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { countryName, stateName } from "~/components/contacts/labels";
import { cancelImport, confirmImport, countWarnings, getImport, listRejections, listWarnings, previewBatch, updateMapping } from "~/modules/contacts/import/batches.server";
import { IMPORT_FIELDS, isKnownIgnoredHeader, type ImportField } from "~/modules/contacts/import/detect";
import { readStoredError } from "~/modules/contacts/import/errors";
import { readStoredMapping, type PreviewRow } from "~/modules/contacts/import/pipeline.server";
import importStylesHref from "~/styles/contacts-import.css?url";
import { formBody, idParam, notFound } from "~/lib/params";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStylesHref }];
export const meta = adminTitle("contacts.import.review.title");

const REJECTIONS_SHOWN = 100;
const ACTIVE: readonly ImportStatusName[] = ["QUEUED", "RUNNING"];
const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:contact");
  const batch = await getImport(idParam(request, params.batchId, "key"));
  if (!batch) throw notFound(request);
  const mapping = readStoredMapping(batch.mapping);
  const beforeRun = batch.dryRun && batch.status !== "CANCELLED";
  const preview: PreviewRow[] = beforeRun && mapping && batch.status !== "FAILED" ? await previewBatch(batch.id, 10) : [];
  const showRejections = (batch.status === "ANALYZED" || batch.status === "DONE" || batch.status === "FAILED") && batch.rejected > 0;
  const rejections = showRejections
    ? await listRejections(batch.id, REJECTIONS_SHOWN)
    : [];
  const showWarnings = batch.status === "ANALYZED" || batch.status === "DONE" || batch.status === "FAILED" || batch.status === "RUNNING";
  const [warnings, warningTotal] = showWarnings ? await Promise.all([listWarnings(batch.id, REJECTIONS_SHOWN), countWarnings(batch.id)]) : [[], 0];
  const percent =
    batch.status === "DONE" ? 100 : batch.fileSize > 0 ? Math.min(100, Math.floor((Number(batch.bytesProcessed) * 100) / batch.fileSize)) : 0;
  const { mapping: _mapping, bytesProcessed: _bytes, error, createdById: _by, ...rest } = batch;
  return {
    batch: { ...rest, percent },
    error: readStoredError(error),
    columns: (mapping?.columns ?? []).map((c) => ({ ...c, exportColumn: !c.field && isKnownIgnoredHeader(c.header) })),
    editable: batch.dryRun && (batch.status === "UPLOADED" || batch.status === "ANALYZED"),
    preview,
    rejections,
    warnings,
    warningTotal,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:contact");
  const actor = { userId: user.id, ip: clientIp(request) };
  const batchId = idParam(request, params.batchId, "key");
  const batch = await getImport(batchId);
  if (!batch) throw notFound(request);
  const form = await formBody(request);
  const intent = form.get("intent");
  const here = `/contacts/import/${batchId}`;
  if (intent === "mapping") {
    const count = readStoredMapping(batch.mapping)?.columns.length ?? 0;
    const fields = Array.from({ length: count }, (_, i) => {
      const value = form.get(`column-${i}`);
      return typeof value === "string" && value !== "" ? value : null;
    });
    const problem = await updateMapping(actor, batchId, fields);
    return problem
      ? redirectWithToast(here, { kind: "error", message: `contacts.import.errors.${problem.code}`, params: problem.params })
      : redirectWithToast(here, { kind: "info", message: "contacts.import.toast.mappingSaved" });
  }
  if (intent === "confirm") {
    const ok = await confirmImport(actor, batchId);
    return ok
      ? redirectWithToast(here, { kind: "success", message: "contacts.import.toast.started" })
      : data({ ok: false }, { status: 409 });
  }
  if (intent === "cancel") {
    const ok = await cancelImport(actor, batchId);
    return ok ? redirectWithToast("/contacts/import", { kind: "info", message: "contacts.import.toast.cancelled" }) : data({ ok: false }, { status: 409 });
  }
  return data({ ok: false }, { status: 400 });
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function Counts({ batch, final }: { batch: Loaded["batch"]; final: boolean }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const items = [
    ["rows", batch.rows],
    ["created", batch.created],
    ["updated", batch.updated],
    ["unchanged", batch.unchanged],
    ["duplicates", batch.duplicates],
    ["suppressed", batch.suppressed],
    ["rejected", batch.rejected],
  ] as const;
  return (
    <dl className="import-counts" aria-label={t(final ? "contacts.import.done.countsLabel" : "contacts.import.dryRun.countsLabel")}>
      {items.map(([key, value]) => (
        <div key={key} className={`import-count import-count--${key}`} data-count={key}>
          <dt>{t(final ? `contacts.import.counts.${key}` : `contacts.import.dryRun.${key}`)}</dt>
          <dd>{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Progress({ percent, label }: { percent: number; label: string }) {
  const t = useT();
  return (
    <div className="import-progress">
      <label htmlFor="import-progress">{label}</label>
      <progress id="import-progress" max={100} value={percent}>
        {t("contacts.import.progress.percent", { percent })}
      </progress>
      <span className="import-progress__text" aria-live="polite">
        {t("contacts.import.progress.percent", { percent })}
      </span>
    </div>
  );
}

function Rejections({ batchId, rejections, total }: { batchId: string; rejections: Loaded["rejections"]; total: number }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  if (!rejections.length) return null;
  return (
    <section aria-labelledby="rejections-title">
      <div className="page-header--actions">
        <h2 id="rejections-title">{t("contacts.import.rejections.title")}</h2>
        <a className="button" href={`/contacts/import/${batchId}/rejections.csv`} download>
          {t("contacts.import.rejections.download")}
        </a>
      </div>
      <div className="table-wrap">
        <table className="import-rejections">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("contacts.import.rejections.line")}
              </th>
              <th scope="col">{t("contacts.import.rejections.reason")}</th>
              <th scope="col">{t("contacts.import.rejections.raw")}</th>
            </tr>
          </thead>
          <tbody>
            {rejections.map((r) => (
              <tr key={r.line}>
                <td className="num">{r.line}</td>
                <td>{t(`contacts.import.reasons.${r.reason}`)}</td>
                <td>
                  <code className="import-raw">{r.raw}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > rejections.length ? <p className="muted">{t("contacts.import.rejections.more", { shown: formatNumber(rejections.length), total: formatNumber(total) })}</p> : null}
    </section>
  );
}

/** Rows imported with an empty country or state: the value is unknown and kept in the contact's notes. */
function Warnings({ warnings, total }: { warnings: Loaded["warnings"]; total: number }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  if (!warnings.length) return null;
  return (
    <section aria-labelledby="warnings-title">
      <h2 id="warnings-title">{t("contacts.import.warnings.title", { count: total })}</h2>
      <p className="muted">{t("contacts.import.warnings.hint")}</p>
      <div className="table-wrap">
        <table className="import-rejections import-warnings">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("contacts.import.rejections.line")}
              </th>
              <th scope="col">{t("contacts.import.warnings.field")}</th>
              <th scope="col">{t("contacts.import.warnings.value")}</th>
            </tr>
          </thead>
          <tbody>
            {warnings.map((w) => (
              <tr key={`${w.line}-${w.field}`}>
                <td className="num">{w.line}</td>
                <td>{t(`contacts.import.warnings.${w.field === "state" ? "state" : "country"}`)}</td>
                <td>«{w.value}»</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > warnings.length ? <p className="muted">{t("contacts.import.warnings.more", { shown: formatNumber(warnings.length), total: formatNumber(total) })}</p> : null}
    </section>
  );
}

function Preview({ rows, fields }: { rows: PreviewRow[]; fields: ImportField[] }) {
  const t = useT();
  const locale = useLocale();
  if (!rows.length) return null;
  const shown = fields.filter((f) => f !== "consentStatus" && f !== "subscriptionStatus");
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t("contacts.import.preview.title")}</h2>
      <p className="muted">{t("contacts.import.preview.hint")}</p>
      <div className="table-wrap">
        <table className="import-preview">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("contacts.import.rejections.line")}
              </th>
              {shown.map((field) => (
                <th key={field} scope="col">
                  {t(`contacts.import.fields.${field}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) =>
              r.ok ? (
                <tr key={r.line}>
                  <td className="num">{r.line}</td>
                  {shown.map((field) => {
                    if (field === "country") return <td key={field}>{r.row.country ? countryName(r.row.country, locale) : ""}</td>;
                    if (field === "state") return <td key={field}>{r.row.state ? stateName(r.row.state) : ""}</td>;
                    const value = r.row[field as keyof typeof r.row];
                    return <td key={field}>{Array.isArray(value) ? value.join(", ") : typeof value === "string" ? value : ""}</td>;
                  })}
                </tr>
              ) : (
                <tr key={r.line} className="import-preview__rejected">
                  <td className="num">{r.line}</td>
                  <td colSpan={shown.length}>
                    <strong>{t(`contacts.import.reasons.${r.reason}`)}</strong> <code className="import-raw">{r.raw}</code>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function ImportReviewPage() {
  const { batch, error, columns, editable, preview, rejections, warnings, warningTotal } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const active = ACTIVE.includes(batch.status);
  const busy = navigation.state !== "idle";

  // Progress lives in the database: poll it every second while the job works (and after a reload).
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, revalidator]);

  const mappedFields = columns.map((c) => c.field).filter((f): f is ImportField => !!f);
  const ignored = columns.filter((c) => !c.field);
  const running = !batch.dryRun && active;
  const done = batch.status === "DONE";

  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("contacts.import.review.title")}</h1>
          <p className="muted">
            {batch.fileName} · {formatDate(batch.createdAt)} · <ImportStatusBadge status={batch.status} dryRun={batch.dryRun} />
          </p>
        </div>
        <div className="form-actions">
          <Link to="/contacts/import" className="button">
            {t("contacts.import.review.allImports")}
          </Link>
          <Link to="/contacts" className="button">
            {t("contacts.import.backToList")}
          </Link>
        </div>
      </header>

      {error ? (
        <div className="form-error" role="alert">
          <p>{t(`contacts.import.errors.${error.code}`, error.params)}</p>
        </div>
      ) : null}

      <section className="panel" aria-labelledby="file-title">
        <h2 id="file-title">{t("contacts.import.review.file")}</h2>
        <dl className="import-facts">
          <div>
            <dt>{t("contacts.import.review.encoding")}</dt>
            <dd>{batch.encoding ? t(`contacts.import.encodings.${batch.encoding}`) : t("common.none")}</dd>
          </div>
          <div>
            <dt>{t("contacts.import.review.delimiter")}</dt>
            <dd>{batch.delimiter ? t(`contacts.import.delimiters.${DELIMITER_NAMES[batch.delimiter] ?? "comma"}`) : t("common.none")}</dd>
          </div>
          <div>
            <dt>{t("contacts.import.upload.consentBasis")}</dt>
            <dd>{batch.consentBasis ?? t("contacts.import.review.noBasis")}</dd>
          </div>
          <div>
            <dt>{t("contacts.import.upload.sourceText")}</dt>
            <dd>{batch.sourceText}</dd>
          </div>
          <div>
            <dt>{t("contacts.import.upload.onDuplicate")}</dt>
            <dd>{t(`contacts.import.policy.${batch.onDuplicate}`)}</dd>
          </div>
        </dl>
      </section>

      {columns.length ? (
        <section className="panel" aria-labelledby="mapping-title">
          <h2 id="mapping-title">{t("contacts.import.mapping.title")}</h2>
          <p className="muted">{t(editable ? "contacts.import.mapping.hint" : "contacts.import.mapping.locked")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="mapping" />
            <div className="table-wrap">
              <table className="import-mapping">
                <thead>
                  <tr>
                    <th scope="col">{t("contacts.import.mapping.column")}</th>
                    <th scope="col">{t("contacts.import.mapping.field")}</th>
                  </tr>
                </thead>
                <tbody>
                  {columns.map((column, i) => (
                    <tr key={i}>
                      <th scope="row">
                        <label htmlFor={`column-${i}`}>{column.header || t("contacts.import.mapping.unnamed", { n: i + 1 })}</label>
                      </th>
                      <td>
                        {editable ? (
                          <select id={`column-${i}`} name={`column-${i}`} defaultValue={column.field ?? ""}>
                            <option value="">{t("contacts.import.mapping.ignore")}</option>
                            {IMPORT_FIELDS.map((field) => (
                              <option key={field} value={field}>
                                {t(`contacts.import.fields.${field}`)}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <span id={`column-${i}`}>{column.field ? t(`contacts.import.fields.${column.field}`) : t("contacts.import.mapping.ignore")}</span>
                        )}
                        {!column.field ? (
                          <span className="muted import-ignored">
                            {" "}
                            {t(column.exportColumn ? "contacts.import.mapping.exportColumn" : "contacts.import.mapping.ignored")}
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {ignored.length ? (
              <p className="muted">{t("contacts.import.mapping.ignoredList", { columns: ignored.map((c) => c.header || "—").join(", ") })}</p>
            ) : null}
            {editable ? (
              <button type="submit" className="button" disabled={busy}>
                {t("contacts.import.mapping.save")}
              </button>
            ) : null}
          </Form>
        </section>
      ) : null}

      {batch.dryRun && active ? <Progress percent={batch.percent} label={t("contacts.import.dryRun.analyzing")} /> : null}

      {batch.dryRun ? <Preview rows={preview} fields={mappedFields} /> : null}

      {batch.dryRun && batch.status === "ANALYZED" ? (
        <section className="panel" aria-labelledby="dryrun-title">
          <h2 id="dryrun-title">{t("contacts.import.dryRun.title")}</h2>
          <p className="muted">{t("contacts.import.dryRun.hint")}</p>
          <Counts batch={batch} final={false} />
          <div className="form-actions">
            <Form method="post">
              <input type="hidden" name="intent" value="confirm" />
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("contacts.import.confirm", { count: batch.created + batch.updated })}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="button" disabled={busy}>
                {t("contacts.import.cancel")}
              </button>
            </Form>
          </div>
        </section>
      ) : null}

      {batch.dryRun && (batch.status === "UPLOADED" || (batch.status === "FAILED" && error)) ? (
        <Form method="post" className="form-actions">
          <input type="hidden" name="intent" value="cancel" />
          <button type="submit" className="button" disabled={busy}>
            {t("contacts.import.cancel")}
          </button>
        </Form>
      ) : null}

      {running ? (
        <section className="panel" aria-labelledby="run-title">
          <h2 id="run-title">{t("contacts.import.run.title")}</h2>
          <Progress percent={batch.percent} label={t("contacts.import.run.progress")} />
          <Counts batch={batch} final />
        </section>
      ) : null}

      {done ? (
        <section className="panel" aria-labelledby="done-title">
          <h2 id="done-title">{t("contacts.import.done.title")}</h2>
          <Progress percent={100} label={t("contacts.import.run.progress")} />
          <Counts batch={batch} final />
          <p>
            <Link to="/contacts" className="button button--primary">
              {t("contacts.import.done.toList")}
            </Link>
          </p>
        </section>
      ) : null}

      {!batch.dryRun && batch.status === "FAILED" ? <Counts batch={batch} final /> : null}

      <Warnings warnings={warnings} total={warningTotal} />
      <Rejections batchId={batch.id} rejections={rejections} total={batch.rejected} />
    </>
  );
}
