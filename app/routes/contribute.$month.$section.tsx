import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ContributionText } from "~/components/reports/contribute/contribution-text";
import { RecordLinks, Subsections, SubmitPanel } from "~/components/reports/contribute/section-links";
import contributionsStylesHref from "~/components/reports/contributions.css?url";
import { ContributionBadge, DueDate } from "~/components/reports/contributions-panel";
import { sectionHeading } from "~/components/reports/labels";
import { SectionExtras } from "~/components/reports/section-extras";
import { FormError, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { actorOf } from "~/lib/actor.server";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { formatMonth } from "~/lib/format";
import { fieldErrors } from "~/lib/forms";
import { formBody, routeParams } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { forbidden, requirePermission } from "~/modules/auth/index.server";
import { ContributionError, contributionSection, contributionTextSchema, saveContributionText, submitContribution } from "~/modules/reports/index.server";

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
  const actor = actorOf(request, user);
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
  const c = d.contribution;
  const isRoot = c.key === d.key;
  const errors = result?.errors ?? {};
  return (
    <div className="contrib-section">
      <PageHeader back={{ to: "/contribute", label: t("contribute.mine.back") }} eyebrow={t("contribute.mine.month", { month: formatMonth(d.month, locale) })} title={<span className="contrib-heading">{sectionHeading(d)}</span>}>
        {d.parent ? (
          <p>
            <Link to={`/contribute/${d.month}/${d.parent.key}`}>{d.parent.heading}</Link>
          </p>
        ) : null}
        <p className="contrib-item__meta">
          <ContributionBadge state={c.state} />
          <DueDate dueOn={c.dueOn} overdue={c.overdue} />
          <span className="muted">{t("contribute.changedAt", { when: formatInstant(c.changedAt) })}</span>
        </p>
        {!isRoot ? <p className="muted">{t("contribute.section.partOf", { section: c.heading })}</p> : null}
      </PageHeader>
      {c.returnNote && c.state === "IN_PROGRESS" ? (
        <section className="contrib-item__note" role="note" aria-label={t("contribute.returnNote")}>
          <strong>{t("contribute.returnNote")}:</strong> {c.returnNote}
        </section>
      ) : null}
      <FormError error={errors.text ?? errors.form} />
      <ContributionText editable={editable} computed={d.kind === "COMPUTED"} text={result?.values.text ?? d.text} state={c.state} error={errors.text} busy={busy} />
      <SectionExtras month={d.month} section={d.key} />
      <RecordLinks month={d.month} section={d.key} />
      <Subsections month={d.month} sections={d.children} />
      {isRoot && editable ? <SubmitPanel busy={busy} /> : null}
    </div>
  );
}
