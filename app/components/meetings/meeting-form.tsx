import { Form } from "@remix-run/react";
import { FormButtons } from "~/components/partners/form-buttons";
import { useState } from "react";
import { Field, FieldError, FormErrorSummary, SelectField, TextareaField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { MeetingKind, PartnerKind } from "~/generated/prisma/enums";
import { defaultMeetingReportPart, MEETING_FORMATS, MEETING_KINDS, normalizeParties } from "~/modules/meetings";
import { INE_AREAS, REPORT_PARTS } from "~/modules/reports";
import { PartnerPicker, type PartnerOption } from "./partner-picker";

export type { PartnerOption };

export type MeetingFormState = {
  kind: string;
  heldOn: string;
  subject: string;
  summary: string;
  format: string;
  reportPart: string;
  partnerIds: string[];
  ineAreas: string[];
  politicalParties: string;
};

export const EMPTY_MEETING_FORM: MeetingFormState = { kind: "", heldOn: "", subject: "", summary: "", format: "IN_PERSON", reportPart: "", partnerIds: [], ineAreas: [], politicalParties: "" };

/** A stored meeting as the edit form's values. */
export function meetingFormValuesOf(m: {
  kind: string;
  heldOn: string;
  subject: string;
  summary: string | null;
  format: string;
  reportPart: string;
  defaultReportPart: string;
  participants: { partners: Array<{ id: string }>; ineAreas: string[]; politicalParties: string[] };
}): MeetingFormState {
  return {
    kind: m.kind,
    heldOn: m.heldOn,
    subject: m.subject,
    summary: m.summary ?? "",
    format: m.format,
    // The rule's answer stays «automatic», so it follows the participants when they change.
    reportPart: m.reportPart === m.defaultReportPart ? "" : m.reportPart,
    partnerIds: m.participants.partners.map((x) => x.id),
    ineAreas: m.participants.ineAreas,
    politicalParties: m.participants.politicalParties.join("\n"),
  };
}

function autoPart(state: { kind: string; partnerIds: string[]; ineAreas: string[]; politicalParties: string }, kinds: Map<string, PartnerKind>) {
  return defaultMeetingReportPart({
    kind: (MEETING_KINDS as readonly string[]).includes(state.kind) ? (state.kind as MeetingKind) : "OTHER",
    partnerKinds: state.partnerIds.flatMap((id) => kinds.get(id) ?? []),
    ineAreas: state.ineAreas,
    politicalParties: normalizeParties(state.politicalParties.split("\n")),
  });
}

type Props = {
  values: MeetingFormState;
  errors: Record<string, string>;
  chosen: PartnerOption[];
  found: PartnerOption[] | null;
  query: string;
  busy: boolean;
  submitLabel: string;
  cancelHref: string;
};

/**
 * A meeting and its participants. The report part offers the default rule's answer first; with
 * JavaScript that answer follows the ticks as they change.
 */
export function MeetingForm({ values, errors, chosen, found, query, busy, submitLabel, cancelHref }: Props) {
  const t = useT();
  const kinds = new Map<string, PartnerKind>([...chosen, ...(found ?? [])].map((p) => [p.id, p.kind]));
  const [auto, setAuto] = useState(() => autoPart(values, kinds));
  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    const list = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
    setAuto(autoPart({ kind: String(form.get("kind") ?? ""), partnerIds: list("partnerIds"), ineAreas: list("ineAreas"), politicalParties: String(form.get("politicalParties") ?? "") }, kinds));
  };
  const p = { idPrefix: "meeting" };
  return (
    <Form method="post" noValidate className="panel meeting-form" onChange={onChange}>
      <FormErrorSummary errors={errors} idPrefix="meeting" />
      <div className="form-grid">
        <SelectField {...p} name="kind" label={t("meetings.fields.kind")} defaultValue={values.kind} error={errors.kind} required placeholder={t("meetings.form.choose")} options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))} />
        <Field {...p} name="heldOn" type="date" label={t("meetings.fields.heldOn")} defaultValue={values.heldOn} error={errors.heldOn} required />
        <SelectField {...p} name="format" label={t("meetings.fields.format")} defaultValue={values.format || "IN_PERSON"} error={errors.format} options={MEETING_FORMATS.map((f) => ({ value: f, label: t(`meetings.format.${f}`) }))} />
        <Field {...p} name="subject" label={t("meetings.fields.subject")} defaultValue={values.subject} error={errors.subject} required maxLength={300} wide />
        <TextareaField {...p} name="summary" label={t("meetings.fields.summary")} defaultValue={values.summary} error={errors.summary} wide />
      </div>
      <PartnerPicker chosen={chosen} found={found} query={query} error={errors.partnerIds} busy={busy} />
      <fieldset>
        <legend>{t("meetings.fields.ineAreas")}</legend>
        <div className="meeting-areas">
          {INE_AREAS.map((a) => (
            <label key={a}>
              <input type="checkbox" name="ineAreas" value={a} defaultChecked={values.ineAreas.includes(a)} />
              <span>{t(`ineArea.${a}`)}</span>
            </label>
          ))}
        </div>
        <FieldError error={errors.ineAreas} />
      </fieldset>
      <TextareaField {...p} name="politicalParties" label={t("meetings.fields.politicalParties")} hint={t("meetings.fields.politicalPartiesHint")} defaultValue={values.politicalParties} error={errors.politicalParties} />
      <SelectField
        {...p}
        name="reportPart"
        label={t("meetings.fields.reportPart")}
        hint={`${t("reportPartHelp")} ${t("meetings.form.reportPartHint")}`}
        defaultValue={values.reportPart}
        error={errors.reportPart}
        placeholder={t("meetings.form.reportPartAuto", { part: t(`reportPart.${auto}`) })}
        options={REPORT_PARTS.map((part) => ({ value: part, label: t(`reportPart.${part}`) }))}
      />
      <FormButtons submitLabel={submitLabel} cancelTo={cancelHref} busy={busy} intent="save" />
    </Form>
  );
}
