import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import contributionsStylesHref from "~/components/reports/contributions.css?url";
import { ContributionBadge, DueDate } from "~/components/reports/contributions-panel";
import { SectionExtras } from "~/components/reports/section-extras";
import { pageTitle } from "~/components/contact-detail/meta";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { formatMonth } from "~/lib/format";
import { fieldErrors } from "~/lib/forms";
import { formBody, routeParams } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, forbidden, requirePermission } from "~/modules/auth/session.server";
import { ContributionError, contributionSection, saveContributionText, submitContribution } from "~/modules/reports/contributions.server";
import { contributionTextSchema } from "~/modules/reports/contributions-schema";
import { NARRATIVE_MAX } from "~/modules/reports/schema";

const ENQUIRY_SECTIONS = new Set(["enquiries", "annex_enquiries"]);
const CNCS_SECTIONS = new Set(["cncs", "cncs_social", "media"]);

export const meta = pageTitle("contribute.section.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: contributionsStylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "contribute:report");
  const { month, section } = routeParams(request, params, { month: "month", section: "key" });
  try {
    return await contributionSection(user, month, section);
  } catch (error) {
    // Another area's section, a section outside the round, a month without one: refused alike.
    if (error instanceof ContributionError) throw await forbidden(request, user, { section, month });
    throw error;
  }
}

type ActionResult = { intent: string; errors: Record<string, string>; values: { text: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "contribute:report");
  const { month, section } = routeParams(request, params, { month: "month", section: "key" });
  const actor = { userId: user.id, ip: clientIp(request) };
  const form = await formBody(request);
  const intent = typeof form.get("intent") === "string" ? String(form.get("intent")) : "";
  const rawText = typeof form.get("text") === "string" ? String(form.get("text")) : "";
  const here = `/contribute/${month}/${section}`;
  // Whatever the form, a section the contributor may not reach is refused first.
  try {
    await contributionSection(user, month, section);
  } catch (error) {
    if (error instanceof ContributionError) throw await forbidden(request, user, { section, month });
    throw error;
  }
  try {
    if (intent === "save") {
      const parsed = contributionTextSchema.safeParse({ text: rawText });
      if (!parsed.success) return data<ActionResult>({ intent, errors: fieldErrors(parsed.error), values: { text: rawText } }, { status: 400 });
      const { changed } = await saveContributionText(user, actor, month, section, parsed.data.text);
      return redirectWithToast(here, changed ? { kind: "success", message: "contribute.section.saved" } : { kind: "info", message: "contribute.unchanged" });
    }
    if (intent === "submit") {
      const { changed } = await submitContribution(user, actor, month, section);
      return redirectWithToast(here, changed ? { kind: "success", message: "contribute.section.submitted" } : { kind: "info", message: "contribute.unchanged" });
    }
    return data<ActionResult>({ intent, errors: { form: "contribute.errors.intent" }, values: { text: rawText } }, { status: 400 });
  } catch (error) {
    if (error instanceof ContributionError) {
      if (error.code === "forbidden") throw await forbidden(request, user, { section, month });
      return data<ActionResult>({ intent, errors: { form: error.messageKey }, values: { text: rawText } }, { status: 409 });
    }
    throw error;
  }
}

export default function ContributionSectionPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const formatInstant = useFormatDate();
  const busy = useNavigation().state === "submitting";
  const editable = d.access === "edit";
  const heading = d.number ? `${d.number} ${d.title}` : d.title;
  const c = d.contribution;
  const isRoot = c.key === d.key;
  const errors = result?.errors ?? {};
  const textError = errors.text ?? errors.form;
  return (
    <div className="contrib-section">
      <header className="page-header">
        <p>
          <Link to="/contribute">← {t("contribute.mine.back")}</Link>
          {d.parent ? (
            <>
              {" · "}
              <Link to={`/contribute/${d.month}/${d.parent.key}`}>{d.parent.heading}</Link>
            </>
          ) : null}
        </p>
        <p className="muted">{t("contribute.mine.month", { month: formatMonth(d.month, locale) })}</p>
        <h1 className="contrib-heading">{heading}</h1>
        <p className="contrib-item__meta">
          <ContributionBadge state={c.state} />
          <DueDate dueOn={c.dueOn} overdue={c.overdue} />
          <span className="muted">{t("contribute.changedAt", { when: formatInstant(c.changedAt) })}</span>
        </p>
        {!isRoot ? <p className="muted">{t("contribute.section.partOf", { section: c.heading })}</p> : null}
      </header>

      {c.returnNote && c.state === "IN_PROGRESS" ? (
        <section className="contrib-item__note" role="note" aria-label={t("contribute.returnNote")}>
          <strong>{t("contribute.returnNote")}:</strong> {c.returnNote}
        </section>
      ) : null}

      {textError ? (
        <p className="form-error" role="alert" tabIndex={-1} autoFocus>
          {t(textError)}
        </p>
      ) : null}

      <section className="panel contrib-editor" aria-labelledby="contrib-text-title">
        <h2 id="contrib-text-title">{t("contribute.section.text")}</h2>
        {editable ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="save" />
            <label htmlFor="contrib-text">{t("contribute.section.textLabel")}</label>
            <p className="hint muted" id="contrib-text-hint">
              {t(d.kind === "COMPUTED" ? "contribute.section.computedHint" : "contribute.section.textHint")}
            </p>
            <textarea
              id="contrib-text"
              name="text"
              defaultValue={result?.values.text ?? d.text}
              maxLength={NARRATIVE_MAX}
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={errors.text ? "contrib-text-hint contrib-text-error" : "contrib-text-hint"}
            />
            {errors.text ? (
              <p className="field-error" id="contrib-text-error">
                {t(errors.text)}
              </p>
            ) : null}
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("contribute.section.save")}
              </button>
            </div>
          </Form>
        ) : d.text ? (
          d.text.split(/\n{2,}/).map((p, i) => (
            <p key={i} className="report-beside__text">
              {p}
            </p>
          ))
        ) : (
          <p className="muted">{t("contribute.section.noText")}</p>
        )}
        {!editable ? <p className="muted">{t(c.state === "REVIEWED" ? "contribute.section.readOnlyReviewed" : c.state === "SUBMITTED" ? "contribute.section.readOnlySubmitted" : "contribute.section.readOnlyApproved")}</p> : null}
      </section>

      <SectionExtras month={d.month} section={d.key} />
      {/* Sections computed from records the area keeps on its own pages (decision 025). */}
      {ENQUIRY_SECTIONS.has(d.key) ? (
        <p className="section-extras__link">
          <Link to={`/enquiries/${d.month}`}>{t("reports.enquiriesLink")}</Link>
        </p>
      ) : null}
      {CNCS_SECTIONS.has(d.key) ? (
        <p className="section-extras__link">
          <Link to={`/communications/months/${d.month}`}>{t("communications.reportLink.title")}</Link>
        </p>
      ) : null}

      {d.children.length > 0 ? (
        <section className="panel" aria-labelledby="contrib-children-title">
          <h2 id="contrib-children-title">{t("contribute.section.children")}</h2>
          <ul>
            {d.children.map((child) => (
              <li key={child.key}>
                <Link to={`/contribute/${d.month}/${child.key}`}>{child.heading}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {isRoot && editable ? (
        <section className="panel" aria-labelledby="contrib-submit-title">
          <h2 id="contrib-submit-title">{t("contribute.section.submitTitle")}</h2>
          <p className="muted">{t("contribute.section.submitHint")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="submit" />
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("contribute.section.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
