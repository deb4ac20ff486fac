import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { partnersTitle } from "~/components/partners/labels";
import { useT } from "~/i18n/use-t";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { applyPartnerImport, loadPartnerImport, planPartnerImport } from "~/modules/partners/import.server";
import { idParam, notFound } from "~/lib/params";

export const meta = partnersTitle("partners.import.reviewTitle");

/** Step 2: the preview and the dry run (nothing is written). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:partner");
  const sha256 = idParam(request, params.sha256, "sha256");
  const bytes = await loadPartnerImport(sha256);
  if (!bytes) throw notFound(request);
  return planPartnerImport(sha256, bytes);
}

/** Step 3: confirmed — the import runs in one transaction. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:partner");
  const plan = await applyPartnerImport({ userId: user.id, ip: clientIp(request) }, idParam(request, params.sha256, "sha256"));
  if (plan.problem) return redirectWithToast(`/partners/import/${plan.sha256}`, { kind: "error", message: `partners.import.problem.${plan.problem}` });
  return redirectWithToast("/partners", {
    kind: "success",
    message: "partners.import.done",
    params: { created: plan.counts.create, updated: plan.counts.update, rejected: plan.counts.rejected },
  });
}

export default function PartnersImportReviewPage() {
  const plan = useLoaderData<typeof loader>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const toWrite = plan.counts.create + plan.counts.update;
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/partners/import">← {t("partners.import.title")}</Link>
        </p>
        <h1>{t("partners.import.reviewTitle")}</h1>
        <p className="muted">{t("partners.import.detected", { encoding: plan.encoding, delimiter: plan.delimiter === "\t" ? "tab" : plan.delimiter })}</p>
      </header>

      {plan.problem ? (
        <p className="form-error" role="alert">
          {t(`partners.import.problem.${plan.problem}`)}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="import-mapping">
        <h2 id="import-mapping">{t("partners.import.mapping")}</h2>
        <ul>
          {plan.columns.map((c, i) => (
            <li key={i}>
              «{c.header}» → {c.column ? t(`partners.import.column.${c.column}`) : t("partners.import.ignored")}
            </li>
          ))}
        </ul>
      </section>

      {plan.sample.length ? (
        <section aria-labelledby="import-preview">
          <h2 id="import-preview">{t("partners.import.preview")}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("partners.import.line")}</th>
                  {plan.columns.map((c, i) => (
                    <th scope="col" key={i}>
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {plan.sample.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    {plan.columns.map((_, i) => (
                      <td key={i}>{r.fields[i] ?? ""}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {!plan.problem ? (
        <section className="panel" aria-label={t("partners.import.dryRun")}>
          <h2>{t("partners.import.dryRun")}</h2>
          <dl>
            <div data-count="create">
              <dt>{t("partners.import.counts.create")}</dt>
              <dd>{plan.counts.create}</dd>
            </div>
            <div data-count="update">
              <dt>{t("partners.import.counts.update")}</dt>
              <dd>{plan.counts.update}</dd>
            </div>
            <div data-count="unchanged">
              <dt>{t("partners.import.counts.unchanged")}</dt>
              <dd>{plan.counts.unchanged}</dd>
            </div>
            <div data-count="rejected">
              <dt>{t("partners.import.counts.rejected")}</dt>
              <dd>{plan.counts.rejected}</dd>
            </div>
          </dl>
          {plan.rejected.length ? (
            <div className="table-wrap">
              <table aria-label={t("partners.import.rejections")}>
                <thead>
                  <tr>
                    <th scope="col">{t("partners.import.line")}</th>
                    <th scope="col">{t("partners.fields.name")}</th>
                    <th scope="col">{t("partners.import.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.rejected.map((r) => (
                    <tr key={r.line}>
                      <td>{r.line}</td>
                      <td>{r.name ?? ""}</td>
                      <td>{t(`partners.import.reasons.${r.reason}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>
                <a href={`/partners/import/${plan.sha256}/rejections.csv`} download>
                  {t("partners.import.downloadRejections")}
                </a>
              </p>
            </div>
          ) : null}
          {toWrite > 0 ? (
            <Form method="post">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("partners.import.confirm", { count: toWrite })}
              </button>
            </Form>
          ) : (
            <p>{t("partners.import.nothing")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
