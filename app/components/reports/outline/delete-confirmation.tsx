/**
 * The second step of deleting a section added here (decision 023): what goes with it, and whether a
 * draft report still has text for it (then it cannot go yet).
 */
import { ConfirmDialog } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { DeletionImpact } from "~/modules/reports/index.server";
import { outlineLabel } from "./outline-row";

export function DeleteConfirmation({ impact, stale, back }: { impact: DeletionImpact; stale?: boolean; back: string }) {
  const t = useT();
  const title = t("admin.reportOutline.delete.title", { title: outlineLabel(impact) });
  const list = impact.subsections.length ? (
    <ul>
      {impact.subsections.map((s, i) => (
        <li key={i}>{s}</li>
      ))}
    </ul>
  ) : null;
  if (impact.draftReports > 0) {
    return (
      <section className="panel ui-confirm" role="alert" aria-label={title}>
        <h2>{title}</h2>
        <p>{t("admin.reportOutline.delete.impact", { count: impact.sections })}</p>
        {list}
        <p className="form-error">{t("admin.reportOutline.delete.inUse", { count: impact.draftReports })}</p>
        <a className="button" href={back}>
          {t("admin.reportOutline.delete.back")}
        </a>
      </section>
    );
  }
  return (
    <ConfirmDialog
      title={title}
      intent="deleteConfirm"
      fields={{ key: impact.key, sections: impact.sections }}
      confirmLabel={t("admin.reportOutline.delete.confirm", { count: impact.sections })}
      cancelLabel={t("admin.reportOutline.delete.cancel")}
      cancelTo={back}
      notice={stale ? t("admin.reportOutline.errors.stale") : undefined}
    >
      {t("admin.reportOutline.delete.impact", { count: impact.sections })}
      {impact.subsections.length ? ` ${impact.subsections.join(", ")}.` : null} {t("admin.reportOutline.delete.noDrafts")}
    </ConfirmDialog>
  );
}
