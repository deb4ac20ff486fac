import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { pageTitle } from "~/components/contact-detail/meta";
import { ReportDocumentView } from "~/components/reports/report-document";
import contributionsStylesHref from "~/components/reports/contributions.css?url";
import { ContributionSectionState, ContributionsPanel } from "~/components/reports/contributions-panel";
import { SectionExtras } from "~/components/reports/section-extras";
import { roundStatus } from "~/modules/reports/contributions.server";
import { useLocale, useT } from "~/i18n/use-t";
import { redirectWithToast } from "~/lib/toast.server";
import { formatMonth } from "~/lib/format";
import { can } from "~/modules/auth/permissions";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { ANNEX_IDS, dmy } from "~/modules/reports/document";
import { reportOf } from "~/modules/reports/export.server";
import { approveReport, createNewVersion, getReportView, latestCutoff, listApprovalAgreements, ReportError, saveNarrative, setContestCutoff } from "~/modules/reports/reports.server";
import { approvalSchema, contestCutoffSchema, fieldErrors, narrativeSchema, NARRATIVE_MAX } from "~/modules/reports/schema";
import { formBody, idParam, idQuery, notFound } from "~/lib/params";

export const meta = pageTitle("reports.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: contributionsStylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:report");
  const month = idParam(request, params.month, "month");
  const version = idQuery(request, new URL(request.url).searchParams.get("version"), "int");
  let view;
  try {
    view = await getReportView(month, { version });
  } catch (error) {
    if (error instanceof ReportError && error.code === "notFound") throw notFound(request);
    throw error;
  }
  const latest = view.versions[0]?.version ?? 1;
  const canEdit = can(user.role, "edit:report");
  const editable = canEdit && view.state === "DRAFT" && view.version === latest;
  const { doc, sections } = await reportOf(view);
  return {
    month,
    version: view.version,
    isLatest: view.version === latest,
    state: view.state,
    legacy: view.legacy,
    versions: view.versions,
    doc,
    sections,
    contestCutoffOn: view.contestCutoffOn,
    annexIds: [...ANNEX_IDS],
    cutoffMin: `${month}-01`,
    cutoffMax: latestCutoff(month),
    agreements: editable ? (await listApprovalAgreements()).map((a) => ({ id: a.id, label: `${a.number} — ${dmy(a.adoptedOn)}`, title: a.title })) : [],
    canEdit,
    editable,
    round: await roundStatus(month),
  };
}

type ActionResult = { intent: string; section?: string; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:report");
  const month = idParam(request, params.month, "month");
  const actor = { userId: user.id, ip: clientIp(request) };
  const form = await formBody(request);
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const intent = text("intent");
  const back = `/reports/${month}`;
  try {
    if (intent === "narrative") {
      const parsed = narrativeSchema.safeParse({ section: text("section"), text: text("text") });
      if (!parsed.success) return data<ActionResult>({ intent, section: text("section"), errors: fieldErrors(parsed.error), values: { text: text("text") } }, { status: 400 });
      const { changed } = await saveNarrative(actor, month, parsed.data.section, parsed.data.text);
      return redirectWithToast(`${back}#${parsed.data.section}`, changed ? { kind: "success", message: "reports.narrative.saved" } : { kind: "info", message: "reports.unchanged" });
    }
    if (intent === "cutoff") {
      const parsed = contestCutoffSchema.safeParse({ cutoff: text("cutoff") });
      if (!parsed.success) return data<ActionResult>({ intent, errors: fieldErrors(parsed.error), values: { cutoff: text("cutoff") } }, { status: 400 });
      const { changed } = await setContestCutoff(actor, month, parsed.data.cutoff);
      return redirectWithToast(`${back}#contest-cutoff`, changed ? { kind: "success", message: "reports.cutoff.saved" } : { kind: "info", message: "reports.unchanged" });
    }
    if (intent === "approve") {
      const parsed = approvalSchema.safeParse({ agreementId: text("agreementId") });
      if (!parsed.success) return data<ActionResult>({ intent, errors: fieldErrors(parsed.error), values: {} }, { status: 400 });
      const { version } = await approveReport(actor, month, { agreementId: parsed.data.agreementId });
      return redirectWithToast(back, { kind: "success", message: "reports.approved", params: { version } });
    }
    if (intent === "newVersion") {
      const { version } = await createNewVersion(actor, month);
      return redirectWithToast(back, { kind: "success", message: "reports.versionCreated", params: { version } });
    }
    return data<ActionResult>({ intent, errors: { form: "reports.errors.intent" }, values: {} }, { status: 400 });
  } catch (error) {
    if (error instanceof ReportError) {
      const field = error.code === "agreementNotFound" ? "agreementId" : error.code === "cutoffRange" ? "cutoff" : "form";
      return data<ActionResult>({ intent, section: text("section"), errors: { [field]: `reports.errors.${error.code}` }, values: { text: text("text"), cutoff: text("cutoff") } }, { status: error.code === "section" ? 400 : 409 });
    }
    throw error;
  }
}

const STATE_BADGE: Record<string, string> = { computed: "badge--pending", rewritten: "badge--draft", written: "badge--ok", pending: "badge--warn" };

export default function ReportPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const monthName = formatMonth(d.month, locale);
  const busy = useNavigation().state === "submitting";
  const base = `/reports/${d.month}`;
  const q = d.isLatest ? "" : `?version=${d.version}`;
  const sections = new Map(d.sections.map((s) => [s.key, s]));
  const nf = new Intl.NumberFormat(locale === "es" ? "es-MX" : "en-US");

  const roundRows = new Map(d.round.rows.map((r) => [r.key, r]));
  const before = (key: string) => {
    const s = sections.get(key);
    if (!s || s.state === "parent") return roundRows.has(key) ? <p className="report-section-state"><ContributionSectionState row={roundRows.get(key)} /></p> : null;
    return (
      <p className="report-section-state">
        <span className={`badge ${STATE_BADGE[s.state] ?? ""}`}>{t(`reports.sectionState.${s.state}`)}</span>
        <ContributionSectionState row={roundRows.get(key)} />
        {s.review ? (
          <span className="badge badge--off report-review" role="status">
            {t("reports.review.flag")}
          </span>
        ) : null}
      </p>
    );
  };

  const figuresTable = (key: string, now: Record<string, number> | null, basis: Record<string, number> | null) =>
    now ? (
      <div className="table-wrap">
        <table className="report-figures">
          <caption className="sr-only">{t("reports.review.figures")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.review.figure")}</th>
              <th scope="col">{t("reports.review.now")}</th>
              {basis ? <th scope="col">{t("reports.review.then")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {Object.entries(now).map(([k, v]) => (
              <tr key={k} className={basis && (basis[k] ?? 0) !== v ? "report-figures__changed" : undefined}>
                <th scope="row">{t(`reports.figureKeys.${k}`)}</th>
                <td>{nf.format(v)}</td>
                {basis ? <td>{nf.format(basis[k] ?? 0)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ) : null;

  const after = (key: string) => {
    const s = sections.get(key);
    if (!s) return null;
    const out = [];
    if (s.state === "rewritten") {
      out.push(
        <details key="computed" className="report-beside" open={s.review || undefined}>
          <summary>{s.review ? t("reports.review.compare") : t("reports.review.computed")}</summary>
          <div className="report-beside__grid">
            <div>
              <p className="report-beside__label">{t("reports.review.computedText")}</p>
              {s.computedText.map((line, i) => (
                <p key={i} className="report-beside__text">
                  {line}
                </p>
              ))}
            </div>
            {figuresTable(key, s.figures, s.basis)}
          </div>
        </details>,
      );
    }
    if (d.editable && s.computed === "contest") out.push(cutoffForm());
    // Tables, annex files and key figures of a written section (decision 025).
    if (d.editable && s.kind !== "COMPUTED") out.push(<SectionExtras key="extras" month={d.month} section={s} />);
    if (s.computed === "enquiries")
      out.push(
        <p key="enquiries" className="section-extras__link">
          <Link to={`/enquiries/${d.month}`}>{t("reports.enquiriesLink")}</Link>
        </p>,
      );
    if (d.editable) {
      const mine = actionData?.intent === "narrative" && actionData.section === key;
      const errors = mine ? actionData.errors : {};
      const value = mine ? actionData.values.text : s.text;
      const id = `narrative-${key}`;
      const computed = s.kind === "COMPUTED";
      out.push(
        <details key="editor" className="narrative-editor" open={mine || undefined}>
          <summary>{t(computed ? "reports.narrative.rewrite" : "reports.narrative.edit", { section: s.number ? `${s.number} ${s.title}` : s.title })}</summary>
          <Form method="post" action={`${base}#${key}`} noValidate>
            <input type="hidden" name="intent" value="narrative" />
            <input type="hidden" name="section" value={key} />
            <label htmlFor={id}>{t("reports.narrative.label")}</label>
            <p className="hint muted" id={`${id}-hint`}>
              {t(computed ? "reports.narrative.rewriteHint" : "reports.narrative.writeHint")}
            </p>
            {computed && s.state !== "rewritten" && s.computedText.length ? (
              <details className="report-beside">
                <summary>{t("reports.review.computed")}</summary>
                {s.computedText.map((line, i) => (
                  <p key={i} className="report-beside__text">
                    {line}
                  </p>
                ))}
                {figuresTable(key, s.figures, null)}
              </details>
            ) : null}
            <textarea
              id={id}
              name="text"
              defaultValue={value}
              maxLength={NARRATIVE_MAX}
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={[`${id}-hint`, errors.text || errors.form || errors.section ? `${id}-error` : null].filter(Boolean).join(" ")}
            />
            {errors.text || errors.form || errors.section ? (
              <p className="field-error" id={`${id}-error`}>
                {t(errors.text ?? errors.section ?? errors.form!)}
              </p>
            ) : null}
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("reports.narrative.save")}
              </button>
            </div>
          </Form>
        </details>,
      );
    }
    return out.length ? <>{out}</> : null;
  };

  const cutoffForm = () => {
    const errors = actionData?.intent === "cutoff" ? actionData.errors : {};
    const value = actionData?.intent === "cutoff" ? actionData.values.cutoff : (d.contestCutoffOn ?? "");
    return (
      <Form key="cutoff" method="post" action={`${base}#contest-cutoff`} id="contest-cutoff" className="report-cutoff" noValidate>
        <input type="hidden" name="intent" value="cutoff" />
        <Field name="cutoff" idPrefix="contest" type="date" label={t("reports.cutoff.label")} hint={t("reports.cutoff.hint")} defaultValue={value} error={errors.cutoff} />
        <button type="submit" className="button" disabled={busy}>
          {t("reports.cutoff.save")}
        </button>
      </Form>
    );
  };

  const approveErrors = actionData?.intent === "approve" ? actionData.errors : {};
  // A text's error shows in its editor; when there is none on the page (approved, unknown section), here.
  const inEditor = actionData?.intent === "narrative" && d.editable && sections.has(actionData.section ?? "");
  const topError = actionData && !inEditor ? (actionData.errors.form ?? (actionData.intent === "narrative" ? (actionData.errors.section ?? actionData.errors.text) : undefined)) : undefined;
  const reviews = d.sections.filter((s) => s.review);

  return (
    <div className="report-layout">
      <header className="page-header">
        <p>
          <Link to="/reports">← {t("reports.back")}</Link>
        </p>
        <h1>{t("reports.monthTitle", { month: monthName.charAt(0).toUpperCase() + monthName.slice(1) })}</h1>
        <p>
          <span className={`report-state report-state--${d.state}`}>{t(`reports.states.${d.state}`)}</span> {t("reports.versionN", { version: d.version })}
          {!d.isLatest ? (
            <>
              {" "}
              <Link to={base}>{t("reports.latest")}</Link>
            </>
          ) : null}
        </p>
        {d.versions.length > 1 ? (
          <p className="muted">
            {t("reports.versions")}:{" "}
            {d.versions.map((v) => (
              <span key={v.version}>
                <Link to={`${base}?version=${v.version}`}>{t("reports.versionN", { version: v.version })}</Link> ({t(`reports.states.${v.state}`)}){" "}
              </span>
            ))}
          </p>
        ) : null}
        <div className="report-actions">
          <a className="button" href={`${base}/export.docx${q}`} download>
            {t("reports.export.docx")}
          </a>
          <a className="button" href={`${base}/export.pdf${q}`}>
            {t("reports.export.pdf")}
          </a>
          <a className="button" href={`${base}/print${q}`} target="_blank" rel="noreferrer">
            {t("reports.export.print")}
          </a>
          <a className="button" href={`${base}/figures.json${q}`}>
            {t("reports.export.figures")}
          </a>
          <a className="button" href={`${base}/export.zip${q}`} download>
            {t("reports.export.zip")}
          </a>
        </div>
        <details className="report-csv-list">
          <summary>{t("reports.annexCsvTitle")}</summary>
          <ul>
            {d.annexIds.map((id) => (
              <li key={id}>
                <a href={`${base}/annex/${id}.csv${q}`}>{t(`reports.annexCsvTable.${id}`)}</a>
              </li>
            ))}
          </ul>
        </details>
      </header>

      {topError ? (
        <p className="form-error" role="alert">
          {t(topError)}
        </p>
      ) : null}

      {reviews.length ? (
        <section className="panel report-reviews" aria-labelledby="reviews-title">
          <h2 id="reviews-title">{t("reports.review.title")}</h2>
          <ul>
            {reviews.map((s) => (
              <li key={s.key}>
                <a href={`#${s.key}`}>{s.number ? `${s.number} ${s.title}` : s.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.canEdit && d.isLatest ? (
        <section className="panel" aria-labelledby="approval-title">
          <h2 id="approval-title">{t("reports.approval.title")}</h2>
          {d.state === "DRAFT" ? (
            d.agreements.length ? (
              <Form method="post" noValidate>
                <p className="muted">{t("reports.approval.hint")}</p>
                <div className="field">
                  <label htmlFor="approval-agreement">{t("reports.approval.agreement")}</label>
                  <select id="approval-agreement" name="agreementId" defaultValue="" aria-invalid={approveErrors.agreementId ? true : undefined} aria-describedby={approveErrors.agreementId ? "approval-agreement-error" : undefined}>
                    <option value="">{t("reports.approval.choose")}</option>
                    {d.agreements.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.label}
                      </option>
                    ))}
                  </select>
                  {approveErrors.agreementId ? (
                    <p className="field-error" id="approval-agreement-error">
                      {t(approveErrors.agreementId)}
                    </p>
                  ) : null}
                </div>
                <button type="submit" name="intent" value="approve" className="button button--primary" disabled={busy}>
                  {t("reports.approval.approve")}
                </button>
              </Form>
            ) : (
              <p className="muted">{t("reports.approval.noAgreements")}</p>
            )
          ) : (
            <Form method="post">
              <p className="muted">{t("reports.approval.frozen")}</p>
              <button type="submit" name="intent" value="newVersion" className="button" disabled={busy}>
                {t("reports.approval.newVersion")}
              </button>
            </Form>
          )}
        </section>
      ) : null}

      <ContributionsPanel month={d.month} round={d.round} editable={d.editable} busy={busy} />

      <ReportDocumentView doc={d.doc} before={before} after={after} pendingLabel={t("reports.sectionState.pending")} />

      {/* The monthly-input form is gone (decision 025): its figures are records now. */}
      <section className="panel report-input" id="monthly-input" aria-labelledby="monthly-input-title">
        <h2 id="monthly-input-title">{t("communications.reportLink.title")}</h2>
        <p className="muted">{t("communications.reportLink.hint")}</p>
        <p>
          <Link to={`/communications/months/${d.month}`}>{t("communications.reportLink.open", { month: monthName })}</Link>
        </p>
      </section>
    </div>
  );
}
