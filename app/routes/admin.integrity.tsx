import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { Card, DataTable, PageHeader, StatusBadge, type Column } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";
import { getIntegrityRun, listIntegrityRuns, MISMATCH_SAMPLE } from "~/modules/integrity/index.server";
import { idQuery } from "~/lib/params";

export const meta = adminTitle("admin.integrity.title");

/** The latest nightly integrity runs, and the differences of one (the latest with any, by default). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:audit");
  const chosen = idQuery(request, new URL(request.url).searchParams.get("run"), "key");
  const runs = await listIntegrityRuns();
  const withMismatches = runs.find((r) => r.stockMismatches + r.consentMismatches > 0);
  const selectedId = chosen ?? withMismatches?.id;
  const selected = selectedId ? await getIntegrityRun(selectedId) : null;
  return { runs, selected, max: MISMATCH_SAMPLE };
}

type Run = ReturnType<typeof useLoaderData<typeof loader>>["runs"][number];

export default function IntegrityPage() {
  const { runs, selected, max } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  const columns: Column<Run>[] = [
    { key: "startedAt", header: t("admin.integrity.startedAt"), primary: true, cell: (run) => formatDate(run.startedAt) },
    { key: "stock", header: t("admin.integrity.stock"), align: "end", cell: (run) => (run.finishedAt ? run.stockMismatches : t("admin.integrity.running")) },
    { key: "consent", header: t("admin.integrity.consent"), align: "end", cell: (run) => (run.finishedAt ? run.consentMismatches : "") },
    { key: "notified", header: t("admin.integrity.notified"), align: "end", cell: (run) => run.notified },
    {
      key: "view",
      header: <span className="sr-only">{t("admin.integrity.view")}</span>,
      label: t("admin.integrity.view"),
      cell: (run) =>
        run.stockMismatches + run.consentMismatches > 0 ? <Link to={`?run=${run.id}`}>{t("admin.integrity.view")}</Link> : run.finishedAt ? <StatusBadge tone="success" label={t("admin.integrity.ok")} /> : null,
    },
  ];
  return (
    <>
      <PageHeader title={t("admin.integrity.title")} description={t("admin.integrity.intro")} />
      <h2>{t("admin.integrity.runs")}</h2>
      <DataTable label={t("admin.integrity.runs")} columns={columns} rows={runs} rowKey={(run) => run.id} rowAttrs={(run) => ({ "data-run": run.id })} empty={{ message: t("admin.integrity.empty") }} />
      {selected && selected.mismatches.length ? (
        <Card title={t("admin.integrity.mismatchesOf", { date: formatDate(selected.startedAt) })}>
          <p className="muted">{t("admin.integrity.sampleNote", { max })}</p>
          <ul>
            {selected.mismatches.map((m) =>
              m.kind === "stock" ? (
                <li key={`s-${m.materialId}-${m.locationId}`} data-kind="stock">
                  <Link to={`/materials/${m.materialId}`}>
                    {t("admin.integrity.stockRow", { material: m.materialName, location: m.locationName, level: m.level, ledger: m.ledger })}
                  </Link>
                </li>
              ) : (
                <li key={`c-${m.contactId}`} data-kind="consent">
                  <Link to={`/contacts/${m.contactId}`}>
                    {t("admin.integrity.consentRow", {
                      // An id, not a quantity: no thousands separator.
                      contact: String(m.contactId),
                      status: t(`contacts.consent.${m.status}`),
                      newest: t(`contacts.consent.${m.newest}`),
                    })}
                  </Link>
                </li>
              ),
            )}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
