import type { LoaderFunctionArgs } from "@remix-run/node";
import { makeT } from "~/i18n";
import { attachment } from "~/components/contacts/download.server";
import { requireActor } from "~/lib/actor.server";
import { notFound, requireParam } from "~/lib/params";
import { audit } from "~/modules/audit/index.server";
import { getImport, rejectionsCsv } from "~/modules/contacts/index.server";

/** GET /contacts/import/:batchId/rejections.csv: every rejected row with its line and reason, streamed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request, "edit:contact");
  const batch = await getImport(requireParam(params, "batchId", "key"));
  if (!batch) throw notFound(request);
  const t = makeT(user.locale);
  await audit(
    actor,
    { action: "contacts.import.rejections.download", entity: "importBatch", entityId: batch.id, after: { rejected: batch.rejected } },
  );
  const stream = rejectionsCsv(
    batch.id,
    [t("contacts.import.rejections.line"), t("contacts.import.rejections.reason"), t("contacts.import.rejections.code"), t("contacts.import.rejections.raw")],
    (code) => t(`contacts.import.reasons.${code}`),
  );
  const base = batch.fileName.replace(/\.[^.]*$/, "").replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 80) || "importacion";
  return attachment(stream, `${encodeURIComponent(base)}-rechazadas.csv`);
}
