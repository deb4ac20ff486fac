import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { pageTitle } from "~/i18n/meta";
import { ApprovalPanel } from "~/components/reports/approval-panel";
import contributionsStylesHref from "~/components/reports/contributions.css?url";
import { ContributionsPanel } from "~/components/reports/contributions-panel";
import { replyErrors, replyValues, type IntentReplyData } from "~/components/reports/replies";
import { ReportBody } from "~/components/reports/report-body";
import { ReportHeader } from "~/components/reports/report-header";
import { sectionHeading } from "~/components/reports/labels";
import { Card, FormError } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { formatMonth } from "~/lib/format";
import { handleIntents } from "~/lib/intents.server";
import { idQuery, notFound, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { approvalSchema, approveReport, contestCutoffSchema, createNewVersion, narrativeSchema, ReportError, reportPageData, saveNarrative, setContestCutoff } from "~/modules/reports/index.server";

export const meta = pageTitle("reports.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: contributionsStylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireActor(request, "read:report");
  const month = requireParam(params, "month", "month");
  const version = idQuery(request, new URL(request.url).searchParams.get("version"), "int");
  try {
    return await reportPageData(user.role, month, version);
  } catch (error) {
    if (error instanceof ReportError && error.code === "notFound") throw notFound(request);
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:report");
  const month = requireParam(params, "month", "month");
  const back = `/reports/${month}`;
  const unchanged = { kind: "info", message: "reports.unchanged" } as const;
  return handleIntents(request, {
    narrative: {
      schema: narrativeSchema,
      run: async ({ section, text }) => {
        const { changed } = await saveNarrative(actor, month, section, text);
        return redirectWithToast(`${back}#${section}`, changed ? { kind: "success", message: "reports.narrative.saved" } : unchanged);
      },
    },
    cutoff: {
      schema: contestCutoffSchema,
      run: async ({ cutoff }) => {
        const { changed } = await setContestCutoff(actor, month, cutoff);
        return redirectWithToast(`${back}#contest-cutoff`, changed ? { kind: "success", message: "reports.cutoff.saved" } : unchanged);
      },
    },
    approve: {
      schema: approvalSchema,
      run: async ({ agreementId }) => {
        const { version } = await approveReport(actor, month, { agreementId });
        return redirectWithToast(back, { kind: "success", message: "reports.approved", params: { version } });
      },
    },
    newVersion: {
      schema: z.object({}),
      run: async () => {
        const { version } = await createNewVersion(actor, month);
        return redirectWithToast(back, { kind: "success", message: "reports.versionCreated", params: { version } });
      },
    },
  });
}

export default function ReportPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as IntentReplyData;
  const t = useT();
  const monthName = formatMonth(d.month, useLocale());
  const busy = useNavigation().state === "submitting";
  const intent = actionData?.intent ?? "";
  const reply = actionData ? { intent, section: replyValues(actionData, intent).section, errors: replyErrors(actionData, intent), values: replyValues(actionData, intent) } : null;
  // A text's error shows in its editor; when there is none on the page (approved, unknown section), at the top.
  const inEditor = intent === "narrative" && d.editable && d.sections.some((s) => s.key === reply?.section);
  const topError = !reply || inEditor ? undefined : (reply.errors.form ?? (intent === "narrative" ? (reply.errors.section ?? reply.errors.text) : undefined));
  const reviews = d.sections.filter((s) => s.review);
  return (
    <div className="report-layout">
      <ReportHeader month={d.month} monthName={monthName} state={d.state} version={d.version} isLatest={d.isLatest} versions={d.versions} annexIds={d.annexIds} />
      <FormError error={topError} />
      {reviews.length ? (
        <Card title={t("reports.review.title")} className="report-reviews">
          <ul>
            {reviews.map((s) => (
              <li key={s.key}>
                <a href={`#${s.key}`}>{sectionHeading(s)}</a>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {d.canEdit && d.isLatest ? <ApprovalPanel state={d.state} agreements={d.agreements} error={intent === "approve" ? reply?.errors.agreementId : undefined} busy={busy} /> : null}
      <ContributionsPanel month={d.month} round={d.round} editable={d.editable} busy={busy} />
      <ReportBody month={d.month} doc={d.doc} sections={d.sections} roundRows={d.round.rows} editable={d.editable} contestCutoffOn={d.contestCutoffOn} reply={reply} busy={busy} />
      {/* The monthly-input form is gone (decision 025): its figures are records now. */}
      <Card title={t("communications.reportLink.title")} className="report-input">
        <p className="muted">{t("communications.reportLink.hint")}</p>
        <p>
          <Link to={`/communications/months/${d.month}`}>{t("communications.reportLink.open", { month: monthName })}</Link>
        </p>
      </Card>
    </div>
  );
}
