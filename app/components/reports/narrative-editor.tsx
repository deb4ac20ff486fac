/**
 * A section's text editor on the report page (one per section, folded): posts `narrative` with the
 * section's key. `errors`/`value` come from the action's reply when it was this section's.
 */
import { Form } from "@remix-run/react";
import { FormError, TextareaField, Toolbar } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { NARRATIVE_MAX } from "~/modules/reports";
import { sectionHeading } from "./labels";
import { ComputedText, FiguresTable, type ReviewSection } from "./section-review";

type EditorSection = ReviewSection & { key: string; number: string | null; title: string; text: string; kind: string };

export function NarrativeEditor({ month, section: s, errors, value, open, busy }: { month: string; section: EditorSection; errors: Record<string, string>; value?: string; open: boolean; busy: boolean }) {
  const t = useT();
  const computed = s.kind === "COMPUTED";
  const id = `narrative-${s.key}`;
  return (
    <details className="narrative-editor" open={open || undefined}>
      <summary>{t(computed ? "reports.narrative.rewrite" : "reports.narrative.edit", { section: sectionHeading(s) })}</summary>
      <Form method="post" action={`/reports/${month}#${s.key}`} noValidate>
        <input type="hidden" name="intent" value="narrative" />
        <input type="hidden" name="section" value={s.key} />
        {computed && s.state !== "rewritten" && s.computedText.length ? (
          <details className="report-beside">
            <summary>{t("reports.review.computed")}</summary>
            <ComputedText lines={s.computedText} />
            <FiguresTable now={s.figures} basis={null} />
          </details>
        ) : null}
        <TextareaField
          id={id}
          name="text"
          rows={8}
          label={t("reports.narrative.label")}
          hint={t(computed ? "reports.narrative.rewriteHint" : "reports.narrative.writeHint")}
          defaultValue={value ?? s.text}
          maxLength={NARRATIVE_MAX}
          error={errors.text}
        />
        <FormError error={errors.section ?? errors.form} />
        <Toolbar>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("reports.narrative.save")}
          </button>
        </Toolbar>
      </Form>
    </details>
  );
}
