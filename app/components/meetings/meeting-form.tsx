import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { Field } from "~/components/contact-detail/field";
import type { PartnerKind } from "~/generated/prisma/enums";
import { useT } from "~/i18n/use-t";
import { MEETING_FORMATS, MEETING_KINDS, normalizeParties } from "~/modules/meetings/fields";
import { defaultMeetingReportPart } from "~/modules/meetings/report-part";
import { INE_AREAS, REPORT_PARTS } from "~/modules/reports/parts";
import type { MeetingKind } from "~/generated/prisma/enums";

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

export type PartnerOption = { id: string; name: string; acronym: string | null; kind: PartnerKind };

export const EMPTY_MEETING_FORM: MeetingFormState = {
  kind: "",
  heldOn: "",
  subject: "",
  summary: "",
  format: "IN_PERSON",
  reportPart: "",
  partnerIds: [],
  ineAreas: [],
  politicalParties: "",
};

function autoPart(state: { kind: string; partnerIds: string[]; ineAreas: string[]; politicalParties: string }, kinds: Map<string, PartnerKind>) {
  return defaultMeetingReportPart({
    kind: (MEETING_KINDS as readonly string[]).includes(state.kind) ? (state.kind as MeetingKind) : "OTHER",
    partnerKinds: state.partnerIds.flatMap((id) => {
      const k = kinds.get(id);
      return k ? [k] : [];
    }),
    ineAreas: state.ineAreas,
    politicalParties: normalizeParties(state.politicalParties.split("\n")),
  });
}

/**
 * A meeting and its participants. Institutions are found with the form's own search button (a
 * post that saves nothing and answers with matches), so it works without JavaScript; the ticked
 * ones travel with every post. The report part offers the default rule's answer first; with
 * JavaScript that answer follows the ticks as they change.
 */
export function MeetingForm({
  values,
  errors,
  chosen,
  found,
  query,
  busy,
  submitLabel,
  cancelHref,
}: {
  values: MeetingFormState;
  errors: Record<string, string>;
  chosen: PartnerOption[];
  found: PartnerOption[] | null;
  query: string;
  busy: boolean;
  submitLabel: string;
  cancelHref: string;
}) {
  const t = useT();
  const kinds = new Map<string, PartnerKind>([...chosen, ...(found ?? [])].map((p) => [p.id, p.kind]));
  const [auto, setAuto] = useState(() => autoPart(values, kinds));
  const chosenIds = new Set(chosen.map((p) => p.id));
  const others = (found ?? []).filter((p) => !chosenIds.has(p.id));
  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    const list = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
    setAuto(autoPart({ kind: String(form.get("kind") ?? ""), partnerIds: list("partnerIds"), ineAreas: list("ineAreas"), politicalParties: String(form.get("politicalParties") ?? "") }, kinds));
  };
  const hasErrors = Object.keys(errors).length > 0;
  const label = (p: PartnerOption) => (
    <>
      <span>
        {p.name}
        {p.acronym ? ` (${p.acronym})` : ""} <span className="muted">· {t(`partners.kind.${p.kind}`)}</span>
      </span>
    </>
  );
  return (
    <Form method="post" noValidate className="panel meeting-form" onChange={onChange}>
      {hasErrors ? (
        <p className="form-error" role="alert">
          {errors._form ? t(errors._form) : t("meetings.form.fix")}
        </p>
      ) : null}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="meeting-kind">
            {t("meetings.fields.kind")}
            <span aria-hidden="true"> *</span>
          </label>
          <select
            id="meeting-kind"
            name="kind"
            defaultValue={values.kind}
            aria-invalid={errors.kind ? true : undefined}
            aria-describedby={errors.kind ? "meeting-kind-error" : undefined}
          >
            <option value="">{t("meetings.form.choose")}</option>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`meetings.kind.${k}`)}
              </option>
            ))}
          </select>
          {errors.kind ? (
            <p className="field-error" id="meeting-kind-error">
              {t(errors.kind)}
            </p>
          ) : null}
        </div>
        <Field idPrefix="meeting" name="heldOn" type="date" label={t("meetings.fields.heldOn")} defaultValue={values.heldOn} error={errors.heldOn} required />
        <div className="field">
          <label htmlFor="meeting-format">{t("meetings.fields.format")}</label>
          <select id="meeting-format" name="format" defaultValue={values.format || "IN_PERSON"}>
            {MEETING_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`meetings.format.${f}`)}
              </option>
            ))}
          </select>
          {errors.format ? <p className="field-error">{t(errors.format)}</p> : null}
        </div>
        <Field idPrefix="meeting" name="subject" label={t("meetings.fields.subject")} defaultValue={values.subject} error={errors.subject} required maxLength={300} wide />
        <Field idPrefix="meeting" name="summary" label={t("meetings.fields.summary")} defaultValue={values.summary} error={errors.summary} multiline wide />
      </div>

      <fieldset aria-describedby="meeting-partners-hint">
        <legend>{t("meetings.fields.partners")}</legend>
        <p className="hint muted" id="meeting-partners-hint">
          {t("meetings.form.partnerSearchHint")}
        </p>
        <h3 className="sr-only">{t("meetings.form.chosenPartners")}</h3>
        {chosen.length ? (
          <ul className="meeting-choices" aria-label={t("meetings.form.chosenPartners")}>
            {chosen.map((p) => (
              <li key={p.id}>
                <label>
                  <input type="checkbox" name="partnerIds" value={p.id} defaultChecked />
                  {label(p)}
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("meetings.form.noChosenPartners")}</p>
        )}
        {errors.partnerIds ? (
          <p className="field-error" role="alert">
            {t(errors.partnerIds)}
          </p>
        ) : null}
        <div className="meeting-search">
          <div className="field">
            <label htmlFor="meeting-partnerQuery">{t("meetings.form.partnerSearch")}</label>
            <input id="meeting-partnerQuery" name="partnerQuery" type="search" defaultValue={query} maxLength={200} autoComplete="off" />
          </div>
          <button type="submit" name="intent" value="findPartners" className="button" disabled={busy} formNoValidate>
            {t("meetings.form.partnerSearchButton")}
          </button>
        </div>
        {found !== null ? (
          others.length ? (
            <ul className="meeting-choices" aria-label={t("meetings.form.foundPartners")} style={{ marginTop: "0.75rem" }}>
              {others.map((p) => (
                <li key={p.id}>
                  <label>
                    <input type="checkbox" name="partnerIds" value={p.id} />
                    {label(p)}
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted" role="status">
              {t("meetings.form.noneFound", { q: query })}
            </p>
          )
        ) : null}
      </fieldset>

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
        {errors.ineAreas ? <p className="field-error">{t(errors.ineAreas)}</p> : null}
      </fieldset>

      <Field
        idPrefix="meeting"
        name="politicalParties"
        label={t("meetings.fields.politicalParties")}
        hint={t("meetings.fields.politicalPartiesHint")}
        defaultValue={values.politicalParties}
        error={errors.politicalParties}
        multiline
      />

      <div className="field">
        <label htmlFor="meeting-reportPart">{t("meetings.fields.reportPart")}</label>
        <p className="hint" id="meeting-reportPart-hint">
          {t("reportPartHelp")} {t("meetings.form.reportPartHint")}
        </p>
        <select id="meeting-reportPart" name="reportPart" defaultValue={values.reportPart} aria-describedby="meeting-reportPart-hint">
          <option value="">{t("meetings.form.reportPartAuto", { part: t(`reportPart.${auto}`) })}</option>
          {REPORT_PARTS.map((p) => (
            <option key={p} value={p}>
              {t(`reportPart.${p}`)}
            </option>
          ))}
        </select>
        {errors.reportPart ? <p className="field-error">{t(errors.reportPart)}</p> : null}
      </div>

      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        <Link to={cancelHref} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
