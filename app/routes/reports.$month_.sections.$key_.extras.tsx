import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AttachmentsPanel } from "~/components/reports/extras/attachments-panel";
import { DeleteConfirm } from "~/components/reports/extras/delete-confirm";
import { KeyFiguresPanel } from "~/components/reports/extras/key-figures-panel";
import { TablesPanel } from "~/components/reports/extras/tables-panel";
import type { Failed } from "~/components/reports/extras/types";
import { sectionHeading } from "~/components/reports/labels";
import { FormError, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { actorOf } from "~/lib/actor.server";
import { env } from "~/lib/env.server";
import { formatMonth } from "~/lib/format";
import { formBody, isMultipartBody, readBody, routeParams } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { requireUser } from "~/modules/auth/index.server";
import { handleSectionAction, sectionFromRequest, sectionPageData, type SectionActionResult } from "~/modules/reports/index.server";

export const meta = pageTitle("reports.sectionExtras.title");

async function context(request: Request, params: Record<string, string | undefined>) {
  const user = await requireUser(request);
  const { month, key } = routeParams(request, params, { month: "month", key: "key" });
  return { user, ctx: await sectionFromRequest(request, user, month, key) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await context(request, params);
  const { node } = ctx;
  return { month: ctx.month, section: { key: node.key, number: node.number, title: node.title }, canEdit: ctx.access === "edit", approved: ctx.approved, holdsTables: ctx.holdsTables, holdsAttachments: ctx.holdsAttachments, ...(await sectionPageData(ctx)) };
}

/** A body over the upload limit is answered as «file too large» (413), not a 500. */
async function readForm(request: Request): Promise<FormData | null> {
  if (!isMultipartBody(request)) return formBody(request);
  try {
    return await readBody(request, () => unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: env().UPLOAD_MAX_BYTES + 1 })));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return null;
    throw error;
  }
}

const ANCHOR: Record<string, string> = { figure: "#key-figures", deleteFigure: "#key-figures", attach: "#attachments", detach: "#attachments" };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ctx } = await context(request, params);
  const result = await handleSectionAction(actorOf(request, user), ctx, await readForm(request));
  if (result.ok) {
    return redirectWithToast(`/reports/${ctx.month}/sections/${ctx.node.key}/extras${ANCHOR[result.intent] ?? "#tables"}`, { kind: "success", message: result.message, params: result.params });
  }
  const status = result.preview || result.confirm ? 200 : result.errors.form === "files.errors.tooLarge" ? 413 : result.errors.form?.endsWith(".readOnly") ? 409 : 400;
  return data<SectionActionResult>(result, { status });
}

export default function SectionExtrasPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SectionActionResult | undefined;
  const failed: Failed | undefined = result && !result.ok ? result : undefined;
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const root = `/reports/${d.month}/sections/${d.section.key}`;
  const panel = { base: `${root}/extras`, canEdit: d.canEdit, busy, failed };
  return (
    <div className="report-extras">
      <PageHeader
        back={{ to: `/reports/${d.month}#${d.section.key}`, label: t("reports.sectionExtras.back", { month: formatMonth(d.month, locale) }) }}
        title={sectionHeading(d.section)}
        description={t(d.canEdit ? "reports.sectionExtras.intro" : d.approved ? "reports.sectionExtras.approved" : "reports.sectionExtras.readOnly")}
      />
      <FormError error={failed?.errors.form} params={failed?.params} />
      {failed?.confirm ? <DeleteConfirm confirm={failed.confirm} base={panel.base} busy={busy} /> : null}
      {d.holdsTables ? <TablesPanel {...panel} tables={d.tables} limits={d.limits} csvHref={(id) => `${root}/tables/${id}.csv`} /> : <p className="muted">{t("reports.sectionExtras.computed")}</p>}
      {d.holdsAttachments ? <AttachmentsPanel {...panel} attachments={d.attachments} uploadMb={d.limits.uploadMb} fileHref={(id) => `${root}/attachments/${id}`} /> : null}
      {d.holdsTables ? <KeyFiguresPanel {...panel} figures={d.keyFigures} sectionKey={d.section.key} /> : null}
    </div>
  );
}
