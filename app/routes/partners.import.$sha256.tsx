import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { ImportDryRun, ImportPreview } from "~/components/partners/import-plan";
import { FormError, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { refusalResponse } from "~/lib/http.server";
import { notFound, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { applyPartnerImport, loadPartnerImport, planPartnerImport } from "~/modules/partners/index.server";

export const meta = pageTitle("partners.import.reviewTitle");

/** Step 2: the preview and the dry run (nothing is written). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:partner");
  const sha256 = requireParam(params, "sha256", "sha256");
  const bytes = await loadPartnerImport(sha256);
  if (!bytes) throw notFound(request);
  return planPartnerImport(sha256, bytes);
}

/** Step 3: confirmed — the import runs in one transaction. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:partner");
  const plan = await applyPartnerImport(actor, requireParam(params, "sha256", "sha256")).catch(refusalResponse);
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
  return (
    <>
      <PageHeader
        back={{ to: "/partners/import", label: t("partners.import.title") }}
        title={t("partners.import.reviewTitle")}
        description={t("partners.import.detected", { encoding: plan.encoding, delimiter: plan.delimiter === "\t" ? "tab" : plan.delimiter })}
      />
      <FormError error={plan.problem ? `partners.import.problem.${plan.problem}` : null} />
      <ImportPreview plan={plan} />
      {!plan.problem ? <ImportDryRun plan={plan} busy={busy} /> : null}
    </>
  );
}
