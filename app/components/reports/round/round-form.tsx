/**
 * Opening (or extending) the month's round: one due date for all, and per section not yet open a
 * tick, its area and an optional due date of its own. «Vista previa» first; the confirm step below.
 */
import { Form } from "@remix-run/react";
import { CheckboxField, DateTimeField, SelectField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { INE_AREAS } from "~/modules/reports";
import type { RoundPlanSection, RoundPreview } from "~/modules/reports/index.server";
import { sectionHeading } from "../labels";
import { RoundConfirm } from "./round-confirm";

type Props = { title: string; sections: readonly RoundPlanSection[]; defaultDueOn: string; errors: Record<string, string>; values?: Record<string, string>; preview?: RoundPreview; stale: boolean; busy: boolean };

export function RoundForm({ title, sections, defaultDueOn, errors, values, preview, stale, busy }: Props) {
  const t = useT();
  const value = (name: string, fallback: string) => (values && name in values ? values[name]! : fallback);
  const areas = INE_AREAS.filter((a) => a !== "VMRE_OFFICE").map((a) => ({ value: a, label: t(`ineArea.${a}`) }));
  return (
    <Form method="post" noValidate className="panel contrib-round-form">
      <h2>{title}</h2>
      <DateTimeField dateOnly name="dueOn" idPrefix="round" label={t("contribute.round.dueAll")} hint={t("contribute.round.dueAllHint")} defaultValue={value("dueOn", defaultDueOn)} error={errors.dueOn} />
      {sections.map((s) => (
        <fieldset key={s.key} data-section={s.key}>
          <legend className="contrib-heading">{sectionHeading(s)}</legend>
          <div className="contrib-round-grid">
            <CheckboxField name={`include.${s.key}`} id={`round-include-${s.key}`} label={t("contribute.round.include")} defaultChecked={values ? values[`include.${s.key}`] === "on" : true} />
            <SelectField name={`area.${s.key}`} id={`round-area-${s.key}`} label={t("contribute.round.area")} placeholder={t("contribute.round.chooseArea")} options={areas} defaultValue={value(`area.${s.key}`, s.defaultArea ?? "")} error={errors[`area.${s.key}`]} />
            <DateTimeField dateOnly name={`due.${s.key}`} id={`round-due-${s.key}`} label={t("contribute.round.dueOwn")} defaultValue={value(`due.${s.key}`, "")} error={errors[`due.${s.key}`]} />
          </div>
        </fieldset>
      ))}
      {preview ? (
        <RoundConfirm preview={preview} stale={stale} busy={busy} />
      ) : (
        <div className="form-actions">
          <button type="submit" name="intent" value="preview" className="button button--primary" disabled={busy}>
            {t("contribute.round.preview")}
          </button>
        </div>
      )}
    </Form>
  );
}
