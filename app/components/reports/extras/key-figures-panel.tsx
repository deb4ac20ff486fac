/**
 * A section's key figures (decision 025: the numbers the section's text may quote by key). Each
 * figure opens its own edit form; the same four fields add a new one.
 */
import { Form } from "@remix-run/react";
import { Field } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatNumber } from "~/lib/format";
import type { StoredKeyFigure } from "~/modules/reports/index.server";
import { IntentButton } from "../intent-button";
import { errorsFor, type PanelProps } from "./types";

type Values = { label?: string; value?: string; unit?: string; key?: string };

function FigureFields({ prefix, values, errors }: { prefix: string; values: Values; errors: Record<string, string> }) {
  const t = useT();
  return (
    <>
      <Field name="label" idPrefix={prefix} label={t("reports.keyFigures.label")} defaultValue={values.label} error={errors.label} maxLength={120} />
      <Field name="value" idPrefix={prefix} label={t("reports.keyFigures.value")} defaultValue={values.value} error={errors.value} inputMode="decimal" />
      <Field name="unit" idPrefix={prefix} label={t("reports.keyFigures.unit")} defaultValue={values.unit} error={errors.unit} maxLength={40} />
      <Field name="key" idPrefix={prefix} label={t("reports.keyFigures.key")} hint={t("reports.keyFigures.keyHint")} defaultValue={values.key} error={errors.key} maxLength={40} />
    </>
  );
}

export function KeyFiguresPanel({ figures, sectionKey, base, canEdit, busy, failed }: PanelProps & { figures: readonly StoredKeyFigure[]; sectionKey: string }) {
  const t = useT();
  const locale = useLocale();
  const typed = failed?.intent === "figure" ? failed.values : {};
  const errors = errorsFor(failed, "figure");
  const action = `${base}#key-figures`;
  return (
    <section className="panel" id="key-figures" aria-labelledby="key-figures-title">
      <h2 id="key-figures-title">{t("reports.keyFigures.title")}</h2>
      <p className="muted">{t("reports.keyFigures.hint", { section: sectionKey })}</p>
      {figures.length === 0 ? <p className="muted">{t("reports.keyFigures.none")}</p> : null}
      {figures.map((k) => {
        const mine = typed.id === k.id;
        return (
          <div key={k.id} className="report-extras__figure">
            <p>
              <strong>{formatNumber(k.value, locale, { maxDecimals: 6 })}</strong> {k.unit ?? ""} — {k.label} <code>{k.key}</code>
            </p>
            {canEdit ? (
              <details open={mine || undefined}>
                <summary>{t("reports.keyFigures.edit")}</summary>
                <Form method="post" action={action} noValidate className="form-grid">
                  <input type="hidden" name="intent" value="figure" />
                  <input type="hidden" name="id" value={k.id} />
                  <FigureFields prefix={`kf-${k.id}`} values={mine ? typed : { label: k.label, value: String(k.value), unit: k.unit ?? "", key: k.key }} errors={mine ? errors : {}} />
                  <button type="submit" className="button" disabled={busy}>
                    {t("reports.keyFigures.save")}
                  </button>
                </Form>
                <IntentButton action={action} intent="deleteFigure" fields={{ id: k.id }} label={t("reports.keyFigures.delete")} danger busy={busy} />
              </details>
            ) : null}
          </div>
        );
      })}
      {canEdit ? (
        <Form method="post" action={action} noValidate>
          <input type="hidden" name="intent" value="figure" />
          <h3>{t("reports.keyFigures.new")}</h3>
          <div className="form-grid">
            <FigureFields prefix="kf-new" values={typed.id ? {} : typed} errors={typed.id ? {} : errors} />
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("reports.keyFigures.add")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
