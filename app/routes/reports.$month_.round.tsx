import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import contributionsStylesHref from "~/components/reports/contributions.css?url";
import { ContributionBadge } from "~/components/reports/contributions-panel";
import { pageTitle } from "~/components/contact-detail/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate, formatMonth } from "~/lib/format";
import { fieldErrors } from "~/lib/forms";
import { formBody, idParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { ContributionError, openRound, previewRound, returnContribution, reviewContribution, roundPlan, type RoundPreview } from "~/modules/reports/contributions.server";
import { INE_AREAS, returnNoteSchema, roundConfirmSchema, roundFormSchema, sectionKeySchema, type RoundInput } from "~/modules/reports/contributions-schema";

export const meta = pageTitle("contribute.round.pageTitle");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: contributionsStylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:report");
  const month = idParam(request, params.month, "month");
  return await roundPlan(month);
}

type ActionResult = { intent: string; errors: Record<string, string>; values: Record<string, string>; preview?: RoundPreview; stale?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:report");
  const month = idParam(request, params.month, "month");
  const actor = { userId: user.id, ip: clientIp(request), role: user.role };
  const form = await formBody(request);
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const intent = text("intent");
  const back = `/reports/${month}#contributions`;
  try {
    if (intent === "review" || intent === "return") {
      const section = sectionKeySchema.safeParse(text("section"));
      if (!section.success) return redirectWithToast(back, { kind: "error", message: "contribute.errors.notFound" });
      if (intent === "review") {
        const { changed } = await reviewContribution(actor, month, section.data);
        return redirectWithToast(back, changed ? { kind: "success", message: "contribute.review.done" } : { kind: "info", message: "contribute.unchanged" });
      }
      const note = returnNoteSchema.safeParse({ note: text("note") });
      if (!note.success) return redirectWithToast(back, { kind: "error", message: fieldErrors(note.error).note ?? "contribute.errors.noteRequired" });
      const { changed, mails } = await returnContribution(actor, month, section.data, note.data.note);
      return redirectWithToast(back, changed ? { kind: "success", message: "contribute.return.done", params: { count: mails } } : { kind: "info", message: "contribute.unchanged" });
    }
    if (intent !== "preview" && intent !== "confirm") return data<ActionResult>({ intent, errors: { form: "contribute.errors.intent" }, values: {} }, { status: 400 });
    // The round's form: the sections not yet open, each with its area and due date (blank: the common one).
    const plan = await roundPlan(month);
    const candidates = plan.sections.filter((s) => !s.contribution);
    const values: Record<string, string> = { dueOn: text("dueOn") };
    for (const s of candidates) {
      values[`include.${s.key}`] = text(`include.${s.key}`);
      values[`area.${s.key}`] = text(`area.${s.key}`);
      values[`due.${s.key}`] = text(`due.${s.key}`);
    }
    const chosen = candidates.filter((s) => values[`include.${s.key}`] === "on");
    const parsed = roundFormSchema(chosen.map((s) => s.key)).safeParse({
      dueOn: values.dueOn,
      sections: chosen.map((s) => ({ key: s.key, area: values[`area.${s.key}`], dueOn: values[`due.${s.key}`] })),
    });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const [first, index, field] = issue.path;
        if (first === "dueOn") errors.dueOn ??= issue.message;
        else if (first === "sections" && typeof index === "number") errors[`${field === "area" ? "area" : "due"}.${chosen[index]!.key}`] ??= issue.message;
      }
      return data<ActionResult>({ intent, errors, values }, { status: 400 });
    }
    const input: RoundInput = parsed.data;
    if (input.sections.length === 0) return data<ActionResult>({ intent, errors: { form: "contribute.errors.noSections" }, values }, { status: 400 });
    if (intent === "preview") return data<ActionResult>({ intent, errors: {}, values, preview: await previewRound(month, input) });
    const seen = roundConfirmSchema.safeParse({ sections: text("seenSections"), mails: text("seenMails") });
    if (!seen.success) return data<ActionResult>({ intent, errors: {}, values, preview: await previewRound(month, input) }, { status: 400 });
    try {
      const { added, mailsQueued } = await openRound(actor, month, input, seen.data);
      return redirectWithToast(back, { kind: "success", message: "contribute.round.opened", params: { count: added, mails: mailsQueued } });
    } catch (error) {
      // What the person confirmed is no longer what would happen: ask again with today's figures.
      if (error instanceof ContributionError && error.code === "stale") return data<ActionResult>({ intent, errors: {}, values, preview: await previewRound(month, input), stale: true }, { status: 409 });
      throw error;
    }
  } catch (error) {
    if (error instanceof ContributionError) {
      if (intent === "review" || intent === "return") return redirectWithToast(back, { kind: "error", message: error.messageKey });
      return data<ActionResult>({ intent, errors: { form: error.messageKey }, values: {} }, { status: error.code === "notFound" ? 404 : 409 });
    }
    throw error;
  }
}

export default function RoundPage() {
  const plan = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const monthName = formatMonth(plan.month, locale);
  const open = plan.sections.filter((s) => s.contribution);
  const candidates = plan.sections.filter((s) => !s.contribution);
  const errors = result?.errors ?? {};
  const values = result?.values;
  const preview = result?.preview;
  const value = (name: string, fallback: string) => (values && name in values ? values[name]! : fallback);
  const included = (key: string) => (values ? values[`include.${key}`] === "on" : true);
  const errorList = Object.entries(errors);
  return (
    <div className="contrib-round">
      <header className="page-header">
        <p>
          <Link to={`/reports/${plan.month}#contributions`}>← {t("contribute.round.back", { month: monthName })}</Link>
        </p>
        <h1>{t("contribute.round.pageHeading", { month: monthName })}</h1>
        <p className="muted">{t("contribute.round.intro")}</p>
      </header>

      {errorList.length > 0 ? (
        <div className="form-error" role="alert" tabIndex={-1} autoFocus>
          <p>{t("contribute.errors.fix")}</p>
          <ul>
            {errorList.map(([field, key]) => (
              <li key={field}>{field === "form" ? t(key) : <a href={`#round-${field.replace(".", "-")}`}>{t(key)}</a>}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {plan.approved ? <p className="form-error">{t("contribute.errors.approved")}</p> : null}

      {open.length > 0 ? (
        <section className="panel" aria-labelledby="round-open-title">
          <h2 id="round-open-title">{t("contribute.round.alreadyOpen", { count: open.length })}</h2>
          <ul className="contrib-list">
            {open.map((s) => (
              <li key={s.key} className="contrib-item">
                <p className="contrib-item__title">{s.number ? `${s.number} ${s.title}` : s.title}</p>
                <p className="contrib-item__meta">
                  <span>{t(`ineArea.${s.contribution!.area}`)}</span>
                  <ContributionBadge state={s.contribution!.state} />
                  <span>{t("contribute.due", { date: formatDate(s.contribution!.dueOn, locale) })}</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {candidates.length === 0 ? (
        <p className="empty-state">{t("contribute.round.complete")}</p>
      ) : plan.approved ? null : (
        <Form method="post" noValidate className="panel contrib-round-form">
          <h2>{open.length ? t("contribute.round.addTitle") : t("contribute.round.openTitle")}</h2>
          <div className="field">
            <label htmlFor="round-dueOn">{t("contribute.round.dueAll")}</label>
            <p className="hint muted" id="round-dueOn-hint">
              {t("contribute.round.dueAllHint")}
            </p>
            <input
              id="round-dueOn"
              name="dueOn"
              type="date"
              defaultValue={value("dueOn", plan.defaultDueOn)}
              aria-invalid={errors.dueOn ? true : undefined}
              aria-describedby={errors.dueOn ? "round-dueOn-hint round-dueOn-error" : "round-dueOn-hint"}
            />
            {errors.dueOn ? (
              <p className="field-error" id="round-dueOn-error">
                {t(errors.dueOn)}
              </p>
            ) : null}
          </div>
          {candidates.map((s) => {
            const areaError = errors[`area.${s.key}`];
            const dueError = errors[`due.${s.key}`];
            return (
              <fieldset key={s.key} data-section={s.key}>
                <legend className="contrib-heading">{s.number ? `${s.number} ${s.title}` : s.title}</legend>
                <div className="contrib-round-grid">
                  <label className="checkbox">
                    <input type="checkbox" name={`include.${s.key}`} defaultChecked={included(s.key)} /> {t("contribute.round.include")}
                  </label>
                  <div className="field">
                    <label htmlFor={`round-area-${s.key}`}>{t("contribute.round.area")}</label>
                    <select id={`round-area-${s.key}`} name={`area.${s.key}`} defaultValue={value(`area.${s.key}`, s.defaultArea ?? "")} aria-invalid={areaError ? true : undefined} aria-describedby={areaError ? `round-area-${s.key}-error` : undefined}>
                      <option value="">{t("contribute.round.chooseArea")}</option>
                      {INE_AREAS.filter((a) => a !== "VMRE_OFFICE").map((a) => (
                        <option key={a} value={a}>
                          {t(`ineArea.${a}`)}
                        </option>
                      ))}
                    </select>
                    {areaError ? (
                      <p className="field-error" id={`round-area-${s.key}-error`}>
                        {t(areaError)}
                      </p>
                    ) : null}
                  </div>
                  <div className="field">
                    <label htmlFor={`round-due-${s.key}`}>{t("contribute.round.dueOwn")}</label>
                    <input id={`round-due-${s.key}`} name={`due.${s.key}`} type="date" defaultValue={value(`due.${s.key}`, "")} aria-invalid={dueError ? true : undefined} aria-describedby={dueError ? `round-due-${s.key}-error` : undefined} />
                    {dueError ? (
                      <p className="field-error" id={`round-due-${s.key}-error`}>
                        {t(dueError)}
                      </p>
                    ) : null}
                  </div>
                </div>
              </fieldset>
            );
          })}
          {preview ? (
            <div className="panel confirm-panel" role="status" id="round-confirm">
              {result?.stale ? <p className="form-error">{t("contribute.round.stale")}</p> : null}
              <p>
                <strong>{t("contribute.round.willAdd", { count: preview.added.length })}</strong> {t("contribute.round.willMail", { count: preview.mails })}
              </p>
              <ul>
                {preview.added.map((a) => (
                  <li key={a.key}>
                    {a.heading} — {t(`ineArea.${a.area}`)} — {formatDate(a.dueOn, locale)}
                  </li>
                ))}
              </ul>
              {preview.areasWithoutContributors.length ? (
                <p className="form-error">{t("contribute.round.nobody", { areas: preview.areasWithoutContributors.map((a) => t(`ineArea.${a}`)).join(", ") })}</p>
              ) : null}
              <input type="hidden" name="seenSections" value={preview.added.length} />
              <input type="hidden" name="seenMails" value={preview.mails} />
              <div className="form-actions">
                <button type="submit" name="intent" value="confirm" className="button button--primary" disabled={busy}>
                  {t("contribute.round.confirm", { count: preview.mails })}
                </button>
                <button type="submit" name="intent" value="preview" className="button" disabled={busy}>
                  {t("contribute.round.recount")}
                </button>
              </div>
            </div>
          ) : (
            <div className="form-actions">
              <button type="submit" name="intent" value="preview" className="button button--primary" disabled={busy}>
                {t("contribute.round.preview")}
              </button>
            </div>
          )}
        </Form>
      )}
    </div>
  );
}
