import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { adminTitle } from "~/components/admin/meta";
import { ConfirmDialog, DataTable, FormError, PageHeader, StatusBadge, useFormatNumber, withParams, type Column } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";
import { requireActor } from "~/lib/actor.server";
import { COUNTED_STATES } from "~/modules/operations";
import { QueueError, failedCount, listFailedJobs, queueNameSchema, queueSummaries, retryAllFailed, retryFailedJob, type QueueSummary } from "~/modules/operations/index.server";
import { handleIntents } from "~/lib/intents.server";
import { enumParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";

export const meta = adminTitle("admin.queues.title");

const PERMISSION = "manage:queues";

/** Every queue's counts; the failed jobs of one (?queue=, the first with failures by default), a page at a time. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, PERMISSION);
  const url = new URL(request.url);
  const summaries = await queueSummaries();
  const chosen = enumParam(url.searchParams.get("queue"), queueNameSchema.options) ?? summaries.find((s) => s.counts.failed > 0)?.name ?? summaries[0]!.name;
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const failed = await listFailedJobs(chosen, Number.isSafeInteger(page) ? page : 1);
  return { summaries, queue: chosen, failed };
}

const retrySchema = z.object({ queue: queueNameSchema, jobId: z.string().min(1).max(200) });
const askSchema = z.object({ queue: queueNameSchema });
const retryAllSchema = z.object({ queue: queueNameSchema, confirmedCount: z.coerce.number().int().min(0) });

type Confirm = { queue: string; count: number; changed: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, PERMISSION);
  const back = (queue: string) => `/admin/queues?queue=${queue}`;
  return handleIntents(request, {
    retry: {
      schema: retrySchema,
      run: async ({ queue, jobId }) => {
        await retryFailedJob(actor, queue, jobId);
        return redirectWithToast(back(queue), { kind: "success", message: "admin.queues.retried" });
      },
    },
    // The first post changes nothing: it says how many jobs «retry all» will move (decision 023).
    askRetryAll: {
      schema: askSchema,
      run: async ({ queue }) => data({ confirm: { queue, count: await failedCount(queue), changed: false } satisfies Confirm }),
    },
    retryAll: {
      schema: retryAllSchema,
      run: async ({ queue, confirmedCount }) => {
        try {
          const count = await retryAllFailed(actor, queue, confirmedCount);
          return redirectWithToast(back(queue), { kind: "success", message: "admin.queues.retriedAll", params: { count } });
        } catch (error) {
          if (!(error instanceof QueueError) || error.code !== "countChanged") throw error;
          return data({ confirm: { queue, count: await failedCount(queue), changed: true } satisfies Confirm }, { status: 409 });
        }
      },
    },
  });
}

type FailedRow = ReturnType<typeof useLoaderData<typeof loader>>["failed"]["jobs"][number];

export default function QueuesPage() {
  const { summaries, queue, failed } = useLoaderData<typeof loader>();
  // The action answers a confirmation (first post, or a stale second one) or a refused intent.
  const actionData = useActionData<typeof action>() as { confirm?: Confirm; result?: { error?: Record<string, string[] | null> | null } } | undefined;
  const confirm = actionData?.confirm ?? null;
  const refusal = actionData?.result?.error?.[""]?.[0];
  const busy = useNavigation().state !== "idle";
  const { search } = useLocation();
  const t = useT();
  const formatDate = useFormatDate();
  const formatNumber = useFormatNumber();

  const summaryColumns: Column<QueueSummary>[] = [
    {
      key: "name",
      header: t("admin.queues.queue"),
      primary: true,
      cell: (s) => (
        <>
          <Link to={withParams(search, { queue: s.name, page: null })} aria-current={s.name === queue ? "true" : undefined}>
            {s.name}
          </Link>
          {s.paused ? <> <StatusBadge tone="warning" label={t("admin.queues.paused")} /></> : null}
        </>
      ),
    },
    ...COUNTED_STATES.map((state): Column<QueueSummary> => ({ key: state, header: t(`admin.queues.state.${state}`), align: "end", cell: (s) => formatNumber(s.counts[state]) })),
  ];
  const failedColumns: Column<FailedRow>[] = [
    { key: "job", header: t("admin.queues.job"), primary: true, cell: (j) => `${j.name} · ${j.id}` },
    { key: "failedAt", header: t("admin.queues.failedAt"), cell: (j) => (j.failedAt ? formatDate(j.failedAt, { dateStyle: "medium", timeStyle: "medium" }) : "") },
    { key: "attempts", header: t("admin.queues.attempts"), align: "end", cell: (j) => j.attempts },
    { key: "error", header: t("admin.queues.error"), cell: (j) => <code className="queue-error">{j.error || t("admin.queues.noError")}</code> },
    {
      key: "retry",
      header: <span className="sr-only">{t("admin.queues.retry")}</span>,
      label: t("admin.queues.retry"),
      cell: (j) => (
        <Form method="post">
          <input type="hidden" name="queue" value={queue} />
          <input type="hidden" name="jobId" value={j.id} />
          <button type="submit" name="intent" value="retry" className="button" disabled={busy}>
            {t("admin.queues.retry")}
          </button>
        </Form>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t("admin.queues.title")} description={t("admin.queues.intro")} />
      <DataTable label={t("admin.queues.title")} columns={summaryColumns} rows={summaries} rowKey={(s) => s.name} rowAttrs={(s) => ({ "data-queue": s.name })} />
      <h2>{t("admin.queues.failedOf", { queue })}</h2>
      <FormError error={refusal} />
      {confirm ? (
        <ConfirmDialog
          title={t("admin.queues.retryAllTitle", { queue: confirm.queue })}
          intent="retryAll"
          fields={{ queue: confirm.queue, confirmedCount: confirm.count }}
          confirmLabel={t("admin.queues.retryAllButton", { count: confirm.count })}
          cancelTo={`/admin/queues?queue=${confirm.queue}`}
          notice={confirm.changed ? t("admin.queues.errors.countChanged", { count: confirm.count }) : undefined}
          danger={false}
          busy={busy}
        >
          {t("admin.queues.retryAllWhat", { count: confirm.count, queue: confirm.queue })}
        </ConfirmDialog>
      ) : failed.total > 0 ? (
        <Form method="post">
          <input type="hidden" name="queue" value={queue} />
          <button type="submit" name="intent" value="askRetryAll" className="button" disabled={busy}>
            {t("admin.queues.retryAll")}
          </button>
        </Form>
      ) : null}
      <DataTable
        label={t("admin.queues.failedOf", { queue })}
        columns={failedColumns}
        rows={failed.jobs}
        rowKey={(j) => j.id}
        rowAttrs={(j) => ({ "data-job": j.id })}
        empty={{ message: t("admin.queues.noFailed") }}
      />
      {failed.pages > 1 ? (
        <nav className="pager" aria-label={t("admin.queues.pages")}>
          {failed.page > 1 ? <Link to={withParams(search, { queue, page: String(failed.page - 1) })}>{t("admin.queues.previous")}</Link> : null}
          <span>{t("admin.queues.pageOf", { page: failed.page, pages: failed.pages, total: failed.total })}</span>
          {failed.page < failed.pages ? <Link to={withParams(search, { queue, page: String(failed.page + 1) })}>{t("admin.queues.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
