import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
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

export default function IntegrityPage() {
  const { runs, selected, max } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <>
      <header className="page-header">
        <h1>{t("admin.integrity.title")}</h1>
        <p className="muted">{t("admin.integrity.intro")}</p>
      </header>
      {runs.length === 0 ? (
        <p className="empty-state">{t("admin.integrity.empty")}</p>
      ) : (
        <section aria-labelledby="integrity-runs">
          <h2 id="integrity-runs">{t("admin.integrity.runs")}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("admin.integrity.startedAt")}</th>
                  <th scope="col">{t("admin.integrity.stock")}</th>
                  <th scope="col">{t("admin.integrity.consent")}</th>
                  <th scope="col">{t("admin.integrity.notified")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("admin.integrity.view")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id} data-run={run.id}>
                    <td>{formatDate(run.startedAt)}</td>
                    <td>{run.finishedAt ? run.stockMismatches : t("admin.integrity.running")}</td>
                    <td>{run.finishedAt ? run.consentMismatches : ""}</td>
                    <td>{run.notified}</td>
                    <td>
                      {run.stockMismatches + run.consentMismatches > 0 ? (
                        <Link to={`?run=${run.id}`}>{t("admin.integrity.view")}</Link>
                      ) : run.finishedAt ? (
                        <span className="badge badge--ok">{t("admin.integrity.ok")}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {selected && selected.mismatches.length ? (
        <section className="panel" aria-labelledby="integrity-mismatches">
          <h2 id="integrity-mismatches">{t("admin.integrity.mismatchesOf", { date: formatDate(selected.startedAt) })}</h2>
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
        </section>
      ) : null}
    </>
  );
}
