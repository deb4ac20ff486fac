import type { LoaderFunctionArgs } from "@remix-run/node";
import { makeT } from "~/i18n";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { audit } from "~/modules/audit/audit.server";
import { getImport, rejectionsCsv } from "~/modules/contacts/import/batches.server";
import { idParam, notFound } from "~/lib/params";

/** GET /contacts/import/:batchId/rejections.csv: every rejected row with its line and reason, streamed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:contact");
  const batch = await getImport(idParam(request, params.batchId, "key"));
  if (!batch) throw notFound(request);
  const t = makeT(user.locale);
  await audit(
    { userId: user.id, ip: clientIp(request) },
    { action: "contacts.import.rejections.download", entity: "importBatch", entityId: batch.id, after: { rejected: batch.rejected } },
  );
  const stream = rejectionsCsv(
    batch.id,
    [t("contacts.import.rejections.line"), t("contacts.import.rejections.reason"), t("contacts.import.rejections.code"), t("contacts.import.rejections.raw")],
    (code) => t(`contacts.import.reasons.${code}`),
  );
  const base = batch.fileName.replace(/\.[^.]*$/, "").replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 80) || "importacion";
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${encodeURIComponent(base)}-rechazadas.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
