import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import contributionsStylesHref from "~/components/reports/contributions.css?url";
import { OpenSections } from "~/components/reports/round/open-sections";
import { RoundForm } from "~/components/reports/round/round-form";
import { EmptyState, FormError, FormErrorSummary, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { fieldErrors } from "~/lib/forms";
import { formBody, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { formatMonth } from "~/lib/format";
import { ContributionError, openRound, previewRound, readRoundForm, returnContribution, returnNoteSchema, reviewContribution, roundConfirmSchema, roundPlan, sectionKeySchema, type RoundPreview } from "~/modules/reports/index.server";

export const meta = pageTitle("contribute.round.pageTitle");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: contributionsStylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "edit:report");
  return await roundPlan(requireParam(params, "month", "month"));
}

type ActionResult = { intent: string; errors: Record<string, string>; values: Record<string, string>; preview?: RoundPreview; stale?: boolean };

/** Review / return one section (from the report page's panel): always back to the panel with a toast. */
async function reviewOrReturn(actor: Parameters<typeof reviewContribution>[0], month: string, intent: "review" | "return", form: FormData) {
  const back = `/reports/${month}#contributions`;
  const section = sectionKeySchema.safeParse(form.get("section"));
  if (!section.success) return redirectWithToast(back, { kind: "error", message: "contribute.errors.notFound" });
  try {
    if (intent === "review") {
      const { changed } = await reviewContribution(actor, month, section.data);
      return redirectWithToast(back, changed ? { kind: "success", message: "contribute.review.done" } : { kind: "info", message: "contribute.unchanged" });
    }
    const note = returnNoteSchema.safeParse({ note: form.get("note") ?? "" });
    if (!note.success) return redirectWithToast(back, { kind: "error", message: fieldErrors(note.error).note ?? "contribute.errors.noteRequired" });
    const { changed, mails } = await returnContribution(actor, month, section.data, note.data.note);
    return redirectWithToast(back, changed ? { kind: "success", message: "contribute.return.done", params: { count: mails } } : { kind: "info", message: "contribute.unchanged" });
  } catch (error) {
    if (error instanceof ContributionError) return redirectWithToast(back, { kind: "error", message: error.messageKey });
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor: base } = await requireActor(request, "edit:report");
  const actor = { ...base, role: user.role };
  const month = requireParam(params, "month", "month");
  const form = await formBody(request);
  const intent = String(form.get("intent") ?? "");
  if (intent === "review" || intent === "return") return reviewOrReturn(actor, month, intent, form);
  if (intent !== "preview" && intent !== "confirm") return data<ActionResult>({ intent, errors: { form: "contribute.errors.intent" }, values: {} }, { status: 400 });
  try {
    const { values, errors, input } = readRoundForm((await roundPlan(month)).sections, form);
    if (!input) return data<ActionResult>({ intent, errors, values }, { status: 400 });
    if (intent === "preview") return data<ActionResult>({ intent, errors: {}, values, preview: await previewRound(month, input) });
    const seen = roundConfirmSchema.safeParse({ sections: form.get("seenSections"), mails: form.get("seenMails") });
    if (!seen.success) return data<ActionResult>({ intent, errors: {}, values, preview: await previewRound(month, input) }, { status: 400 });
    try {
      const { added, mailsQueued } = await openRound(actor, month, input, seen.data);
      return redirectWithToast(`/reports/${month}#contributions`, { kind: "success", message: "contribute.round.opened", params: { count: added, mails: mailsQueued } });
    } catch (error) {
      // What the person confirmed is no longer what would happen: ask again with today's figures.
      if (error instanceof ContributionError && error.code === "stale") return data<ActionResult>({ intent, errors: {}, values, preview: await previewRound(month, input), stale: true }, { status: 409 });
      throw error;
    }
  } catch (error) {
    if (error instanceof ContributionError) return data<ActionResult>({ intent, errors: { form: error.messageKey }, values: {} }, { status: error.code === "notFound" ? 404 : 409 });
    throw error;
  }
}

export default function RoundPage() {
  const plan = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const monthName = formatMonth(plan.month, useLocale());
  const busy = useNavigation().state === "submitting";
  const open = plan.sections.filter((s) => s.contribution);
  const candidates = plan.sections.filter((s) => !s.contribution);
  const errors = result?.errors ?? {};
  const summary = Object.entries(errors).map(([field, message]) => ({ field: field === "form" ? undefined : field.replace(".", "-"), message }));
  return (
    <div className="contrib-round">
      <PageHeader back={{ to: `/reports/${plan.month}#contributions`, label: t("contribute.round.back", { month: monthName }) }} title={t("contribute.round.pageHeading", { month: monthName })} description={t("contribute.round.intro")} />
      <FormErrorSummary errors={summary} idPrefix="round" title={t("contribute.errors.fix")} />
      {plan.approved ? <FormError error="contribute.errors.approved" /> : null}
      {open.length > 0 ? <OpenSections sections={open} /> : null}
      {candidates.length === 0 ? (
        <EmptyState message={t("contribute.round.complete")} />
      ) : plan.approved ? null : (
        <RoundForm
          title={open.length ? t("contribute.round.addTitle") : t("contribute.round.openTitle")}
          sections={candidates}
          defaultDueOn={plan.defaultDueOn}
          errors={errors}
          values={result?.values}
          preview={result?.preview}
          stale={!!result?.stale}
          busy={busy}
        />
      )}
    </div>
  );
}
