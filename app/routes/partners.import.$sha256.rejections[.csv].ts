import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachment } from "~/components/contacts/download.server";
import { makeT } from "~/i18n";
import { requirePermission } from "~/modules/auth/index.server";
import { csvLine, UTF8_BOM } from "~/modules/contacts";
import { loadPartnerImport, planPartnerImport } from "~/modules/partners/index.server";
import { idParam, notFound } from "~/lib/params";

/** The dry run's rejected rows as a CSV: line, reason (in the reader's language) and the row as it was. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:partner");
  const sha256 = idParam(request, params.sha256, "sha256");
  const bytes = await loadPartnerImport(sha256);
  if (!bytes) throw notFound(request);
  const plan = await planPartnerImport(sha256, bytes);
  const t = makeT(user.locale);
  let body = UTF8_BOM + csvLine([t("partners.import.line"), t("partners.import.reason"), t("partners.import.rawRow")]);
  for (const r of plan.rejected) body += csvLine([r.line, t(`partners.import.reasons.${r.reason}`), r.raw]);
  return attachment(body, "instituciones-rechazadas.csv");
}
