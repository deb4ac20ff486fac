/** The second step of deleting a table or an annex file (decision 023): what goes, then confirm. */
import { ConfirmDialog } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { Failed } from "./types";

export function DeleteConfirm({ confirm, base, busy }: { confirm: NonNullable<Failed["confirm"]>; base: string; busy: boolean }) {
  const t = useT();
  const table = confirm.kind === "table";
  return (
    <ConfirmDialog
      title={t(table ? "reports.tables.confirmTitle" : "reports.attachments.confirmTitle")}
      intent={table ? "deleteTable" : "detach"}
      fields={{ [table ? "tableId" : "attachmentId"]: confirm.id, confirm: "yes" }}
      confirmLabel={t("reports.sectionExtras.confirmDelete")}
      cancelLabel={t("reports.sectionExtras.cancel")}
      cancelTo={base}
      busy={busy}
    >
      {t(table ? "reports.tables.confirmText" : "reports.attachments.confirmText", { title: confirm.title, detail: confirm.detail })}
    </ConfirmDialog>
  );
}
