import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachment } from "~/components/contacts/download.server";
import { makeT } from "~/i18n";
import { refusalResponse } from "~/lib/http.server";
import { idParam, notFound } from "~/lib/params";
import { csvLine, UTF8_BOM } from "~/modules/contacts";
import { lastEnquiryImport, loadEnquiryFile, planEnquiryImport, requireEnquiryMonth, type EnquiryRejectedRow } from "~/modules/enquiries/index.server";

/**
 * Rejected rows as a CSV (line, reason in the reader's language, the row as it was): of a file
 * under review (?file=<sha256>, for those who may import) or of the month's last import.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const month = idParam(request, params.month, "month");
  const sha = new URL(request.url).searchParams.get("file");
  const { user } = await requireEnquiryMonth(request, month, sha ? "edit" : "read").catch(refusalResponse);
  let rows: EnquiryRejectedRow[];
  if (sha) {
    const bytes = /^[a-f0-9]{64}$/.test(sha) ? await loadEnquiryFile(sha) : null;
    if (!bytes) throw notFound(request);
    rows = (await planEnquiryImport(month, sha, bytes)).rejected;
  } else {
    const last = await lastEnquiryImport(month);
    if (!last) throw notFound(request);
    rows = last.rejections;
  }
  const t = makeT(user.locale);
  let body = UTF8_BOM + csvLine([t("enquiries.import.line"), t("enquiries.import.reason"), t("enquiries.import.rawRow")]);
  for (const r of rows) body += csvLine([r.line, t(`enquiries.import.reasons.${r.reason}`), r.raw]);
  return attachment(body, `consultas-rechazadas-${month}.csv`);
}
