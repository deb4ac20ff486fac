import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { pageTitle } from "~/components/contact-detail/meta";
import { ReportDocumentView } from "~/components/reports/report-document";
import { useLocale, useT } from "~/i18n/use-t";
import { redirectWithToast } from "~/lib/toast.server";
import { formatMonth } from "~/lib/format";
import { can } from "~/modules/auth/permissions";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { documentOf } from "~/modules/reports/export.server";
import { approveReport, createNewVersion, getMonthlyInput, getReportView, ReportError, saveMonthlyInput, saveNarrative } from "~/modules/reports/reports.server";
import { fieldErrors, INPUT_FIELDS, monthlyInputSchema, narrativeSchema, NARRATIVE_MAX, REPORT_SECTIONS } from "~/modules/reports/schema";
import { formBody, idParam, idQuery, notFound } from "~/lib/params";

export const meta = pageTitle("reports.title");

const INPUT_GROUPS: Array<{ legend: string; fields: Array<(typeof INPUT_FIELDS)[number]> }> = [
  { legend: "reports.input.facebook", fields: ["facebookPosts", "facebookImpressions", "facebookFollowers"] },
  { legend: "reports.input.twitter", fields: ["twitterPosts", "twitterRetweets", "twitterLikes", "twitterComments", "twitterFollowers"] },
  { legend: "reports.input.microsite", fields: ["micrositeVisits", "micrositeCountries"] },
  { legend: "reports.input.media", fields: ["mediaInternet", "mediaPrint", "mediaRadio", "mediaTv", "mediaPositive", "mediaNeutral", "mediaNegative"] },
  { legend: "reports.input.enquiries", fields: ["enquiriesTotal", "enquiriesUsPercent"] },
];

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
  const input = await getMonthlyInput(month);
  const latest = view.versions[0]?.version ?? 1;
  return {
    month,
    version: view.version,
    isLatest: view.version === latest,
    state: view.state,
    versions: view.versions,
    narratives: view.narratives,
    doc: await documentOf(view),
    input: Object.fromEntries(INPUT_FIELDS.map((f) => [f, input ? String(input[f]) : ""])) as Record<string, string>,
    canEdit: can(user.role, "edit:report"),
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
      return redirectWithToast(`${back}#section-${parsed.data.section}`, changed ? { kind: "success", message: "reports.narrative.saved" } : { kind: "info", message: "reports.unchanged" });
    }
    if (intent === "input") {
      const values = Object.fromEntries(INPUT_FIELDS.map((f) => [f, text(f)]));
      const parsed = monthlyInputSchema.safeParse(values);
      if (!parsed.success) return data<ActionResult>({ intent, errors: fieldErrors(parsed.error), values }, { status: 400 });
      const { changed } = await saveMonthlyInput(actor, month, parsed.data);
      return redirectWithToast(`${back}#monthly-input`, changed ? { kind: "success", message: "reports.input.saved" } : { kind: "info", message: "reports.unchanged" });
    }
    if (intent === "approve") {
      const { version } = await approveReport(actor, month);
      return redirectWithToast(back, { kind: "success", message: "reports.approved", params: { version } });
    }
    if (intent === "newVersion") {
      const { version } = await createNewVersion(actor, month);
      return redirectWithToast(back, { kind: "success", message: "reports.versionCreated", params: { version } });
    }
    return data<ActionResult>({ intent, errors: { form: "reports.errors.intent" }, values: {} }, { status: 400 });
  } catch (error) {
    if (error instanceof ReportError) return data<ActionResult>({ intent, section: text("section"), errors: { form: `reports.errors.${error.code}` }, values: { text: text("text") } }, { status: 409 });
    throw error;
  }
}

export default function ReportPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const monthName = formatMonth(d.month, locale);
  const busy = useNavigation().state === "submitting";
  const editable = d.canEdit && d.state === "DRAFT" && d.isLatest;
  const base = `/reports/${d.month}`;
  const q = d.isLatest ? "" : `?version=${d.version}`;
  const inputErrors = actionData?.intent === "input" ? actionData.errors : {};
  const inputValues = actionData?.intent === "input" ? actionData.values : d.input;

  const narrativeEditor = (section: string) => {
    if (!editable || !(REPORT_SECTIONS as readonly string[]).includes(section)) return null;
    const mine = actionData?.intent === "narrative" && actionData.section === section;
    const errors = mine ? actionData.errors : {};
    const value = mine ? actionData.values.text : ((d.narratives as Record<string, string>)[section] ?? "");
    const id = `narrative-${section}`;
    return (
      <details className="narrative-editor" open={mine || undefined}>
        <summary>{t("reports.narrative.edit", { section: t(`reports.sections.${section}`) })}</summary>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="narrative" />
          <input type="hidden" name="section" value={section} />
          <label htmlFor={id}>{t("reports.narrative.label")}</label>
          <p className="hint muted">{t("reports.narrative.hint")}</p>
          <textarea id={id} name="text" defaultValue={value} maxLength={NARRATIVE_MAX} aria-invalid={errors.text ? true : undefined} aria-describedby={errors.text || errors.form ? `${id}-error` : undefined} />
          {errors.text || errors.form ? (
            <p className="field-error" id={`${id}-error`}>
              {t(errors.text ?? errors.form!)}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("reports.narrative.save")}
            </button>
          </div>
        </Form>
      </details>
    );
  };

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
        </div>
      </header>

      {actionData?.errors.form && !(actionData.intent === "narrative" && editable) ? (
        <p className="form-error" role="alert">
          {t(actionData.errors.form)}
        </p>
      ) : null}

      {d.canEdit && d.isLatest ? (
        <section className="panel" aria-labelledby="approval-title">
          <h2 id="approval-title">{t("reports.approval.title")}</h2>
          {d.state === "DRAFT" ? (
            <Form method="post">
              <p className="muted">{t("reports.approval.hint")}</p>
              <button type="submit" name="intent" value="approve" className="button button--primary" disabled={busy}>
                {t("reports.approval.approve")}
              </button>
            </Form>
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

      <ReportDocumentView
        doc={d.doc}
        after={narrativeEditor}
        annexLinks={(id) => (
          <a href={`${base}/annex/${id}.csv${q}`} className="report-csv">
            {t("reports.annexCsv")}
          </a>
        )}
      />

      {editable ? (
        <section className="panel report-input" id="monthly-input" aria-labelledby="monthly-input-title">
          <h2 id="monthly-input-title">{t("reports.input.title")}</h2>
          <p className="muted">{t("reports.input.hint")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="input" />
            {Object.keys(inputErrors).length > 0 ? (
              <p className="form-error" role="alert">
                {t("reports.errors.fix")}
              </p>
            ) : null}
            {INPUT_GROUPS.map((g) => (
              <fieldset key={g.legend}>
                <legend>{t(g.legend)}</legend>
                <div className="form-grid">
                  {g.fields.map((f) => (
                    <Field key={f} name={f} idPrefix="input" label={t(`reports.input.fields.${f}`)} defaultValue={inputValues[f] ?? ""} error={inputErrors[f]} autoComplete="off" />
                  ))}
                </div>
              </fieldset>
            ))}
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("reports.input.save")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
