import { Form, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { DateTimeField, Field, FieldError, FormActions, FormError, SelectField, TextareaField, TimeZoneField } from "~/components/ui";
import { RegionFields } from "~/components/geo/region-fields";
import { useT } from "~/i18n/use-t";
import { EVENT_KINDS, EVENT_STATUSES, defaultEventReportPart, isOnlineEvent, type EventLocation } from "~/modules/events";
import { utcToZoned } from "~/lib/time";
import { normalizeCountry } from "~/modules/geo";
import { REPORT_PARTS, type ReportPart } from "~/modules/reports";

export type EventFormValues = Record<string, string | string[] | undefined>;

/** The form's values from a stored event: times as wall-clock times in the event's zone. */
export function eventToFormValues(event: EventLocation & {
  name: string;
  kind: string;
  status: string;
  startsAt: string | Date;
  endsAt: string | Date;
  expectedAttendance: number | null;
  description: string | null;
  materialsRequest: string | null;
  signupSlug: string | null;
  signupOpensAt: string | Date | null;
  signupClosesAt: string | Date | null;
  reportPart: string;
  partnerIds: string[];
}): EventFormValues {
  const local = (v: string | Date | null) => (v ? utcToZoned(new Date(v), event.timeZone) : "");
  return {
    name: event.name,
    kind: event.kind,
    status: event.status,
    timeZone: event.timeZone,
    startsLocal: local(event.startsAt),
    endsLocal: local(event.endsAt),
    country: event.country ?? "",
    state: event.state ?? "",
    city: event.city ?? "",
    venue: event.venue ?? "",
    onlineUrl: event.onlineUrl ?? "",
    expectedAttendance: event.expectedAttendance === null ? "" : String(event.expectedAttendance),
    description: event.description ?? "",
    materialsRequest: event.materialsRequest ?? "",
    kioskEnabled: event.signupOpensAt && event.signupClosesAt ? "on" : "",
    signupOpensLocal: local(event.signupOpensAt),
    signupClosesLocal: local(event.signupClosesAt),
    reportPart: event.reportPart,
    partnerIds: event.partnerIds,
  };
}

/** What was posted, echoed back after an error (partners may repeat). */
export function postedEventValues(form: FormData): EventFormValues {
  const out: EventFormValues = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && key !== "partnerIds") out[key] = value;
  out.partnerIds = form.getAll("partnerIds").filter((v): v is string => typeof v === "string");
  return out;
}

export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(form);
  out.partnerIds = form.getAll("partnerIds");
  return out;
}

type Props = {
  values: EventFormValues;
  errors: Record<string, string>;
  partners: Array<{ id: string; name: string; acronym: string | null; kind: string }>;
  /** From the loader (countryChoices): names computed where the page is served. */
  countries: ReadonlyArray<{ code: string; name: string }>;
  submitLabel: string;
  cancelTo: string;
};

export function EventForm({ values, errors, partners, countries, submitLabel, cancelTo }: Props) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const v = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
  const [kiosk, setKiosk] = useState(v("kioskEnabled") === "on");
  const selectedPartners = new Set(Array.isArray(values.partnerIds) ? values.partnerIds : []);
  // «Se informa en»: the default rule (report-part.ts) for what the form holds. The hidden marker
  // says which default the select was shown with: posted unchanged, the server computes the
  // default again from what is saved (so it follows kind and country without JavaScript); with
  // JavaScript it follows them as they are typed, until the user picks a part.
  const kindOfPartner = new Map(partners.map((p) => [p.id, p.kind]));
  const defaultFor = (f: { kind: string; country: string; onlineUrl: string; venue: string; partnerIds: readonly string[] }): ReportPart => {
    const country = normalizeCountry(f.country) ?? null;
    const place = { kind: f.kind, country, onlineUrl: f.onlineUrl.trim() || null, venue: f.venue.trim() || null };
    return defaultEventReportPart({ kind: f.kind, country, online: isOnlineEvent(place), partnerKinds: f.partnerIds.map((id) => kindOfPartner.get(id) ?? "") });
  };
  const shownDefault = defaultFor({ kind: v("kind"), country: v("country"), onlineUrl: v("onlineUrl"), venue: v("venue"), partnerIds: [...selectedPartners] });
  const postedPart = v("reportPart");
  const postedMarker = v("reportPartDefault");
  const auto = postedPart === "" || postedPart === (postedMarker || shownDefault);
  const [part, setPart] = useState<string>(auto ? shownDefault : postedPart);
  const [marker, setMarker] = useState<string>(auto ? shownDefault : postedMarker || shownDefault);
  const [touched, setTouched] = useState(!auto);
  const followDefault = (e: FormEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement & { name?: string };
    if (touched || target.name === "reportPart") return;
    const form = new FormData(e.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    const next = defaultFor({
      kind: text("kind"),
      country: text("country"),
      onlineUrl: text("onlineUrl"),
      venue: text("venue"),
      partnerIds: form.getAll("partnerIds").filter((id): id is string => typeof id === "string"),
    });
    setPart(next);
    setMarker(next);
  };
  const select = (name: string, options: readonly string[], labelPrefix: string) => (
    <SelectField
      name={name}
      label={t(`events.fields.${name}`)}
      placeholder={t("events.form.choose")}
      options={options.map((o) => ({ value: o, label: t(`${labelPrefix}.${o}`) }))}
      defaultValue={v(name)}
      error={errors[name]}
      required
    />
  );
  return (
    <Form method="post" noValidate className="panel" onChange={followDefault}>
      <FormError error={Object.keys(errors).length > 0 ? "events.form.errors.fix" : null} />
      <div className="form-grid">
        <Field name="name" label={t("events.fields.name")} defaultValue={v("name")} error={errors.name} required wide autoComplete="off" />
        {select("kind", EVENT_KINDS, "events.kind")}
        {select("status", EVENT_STATUSES, "events.status")}
      </div>
      <fieldset className="ev-fieldset">
        <legend>{t("events.form.when")}</legend>
        <p className="hint muted">{t("events.form.whenHint")}</p>
        <div className="form-grid">
          <TimeZoneField
            name="timeZone"
            id="field-timeZone"
            label={t("events.fields.timeZone")}
            hint={t("events.form.timeZoneHint")}
            countries={countries}
            country={v("country") || null}
            defaultValue={v("timeZone")}
            error={errors.timeZone}
            required
          />
          <DateTimeField name="startsLocal" label={t("events.fields.startsAt")} defaultValue={v("startsLocal")} error={errors.startsLocal} required />
          <DateTimeField name="endsLocal" label={t("events.fields.endsAt")} defaultValue={v("endsLocal")} error={errors.endsLocal} required />
        </div>
      </fieldset>
      <fieldset className="ev-fieldset">
        <legend>{t("events.form.where")}</legend>
        <div className="form-grid">
          <RegionFields
            countries={countries}
            country={v("country")}
            state={v("state")}
            errors={{ country: errors.country, state: errors.state }}
            labels={{ country: t("events.fields.country"), state: t("events.fields.state"), noCountry: t("events.form.noCountry"), noState: "—" }}
          />
          <Field name="city" label={t("events.fields.city")} defaultValue={v("city")} error={errors.city} autoComplete="off" />
          <Field name="venue" label={t("events.fields.venue")} defaultValue={v("venue")} error={errors.venue} autoComplete="off" />
          <Field name="onlineUrl" label={t("events.fields.onlineUrl")} hint={t("events.form.onlineHint")} defaultValue={v("onlineUrl")} error={errors.onlineUrl} autoComplete="off" wide />
        </div>
      </fieldset>
      <fieldset className="ev-fieldset">
        <legend>{t("events.form.plan")}</legend>
        <div className="form-grid">
          <Field name="expectedAttendance" label={t("events.fields.expectedAttendance")} defaultValue={v("expectedAttendance")} error={errors.expectedAttendance} autoComplete="off" />
          <TextareaField name="description" label={t("events.fields.description")} defaultValue={v("description")} error={errors.description} wide />
          <TextareaField
            name="materialsRequest"
            label={t("events.fields.materialsRequest")}
            hint={t("events.form.materialsHint")}
            defaultValue={v("materialsRequest")}
            error={errors.materialsRequest}
            wide
          />
        </div>
        <div className="field">
          <span className="label" id="partners-label">
            <strong>{t("events.fields.partners")}</strong>
          </span>
          {partners.length ? (
            <div className="ev-partners" role="group" aria-labelledby="partners-label">
              {partners.map((p) => (
                <label key={p.id}>
                  <input type="checkbox" name="partnerIds" value={p.id} defaultChecked={selectedPartners.has(p.id)} />
                  {p.acronym ? `${p.name} (${p.acronym})` : p.name}
                </label>
              ))}
            </div>
          ) : (
            <p className="hint muted">{t("events.form.noPartners")}</p>
          )}
          <FieldError error={errors.partnerIds} />
        </div>
      </fieldset>
      <fieldset className="ev-fieldset">
        <legend>{t("events.form.reportPartLegend")}</legend>
        <div className="field">
          <label htmlFor="field-reportPart">{t("events.fields.reportPart")}</label>
          <select
            id="field-reportPart"
            name="reportPart"
            value={part}
            onChange={(e) => {
              setTouched(true);
              setPart(e.currentTarget.value);
            }}
            aria-invalid={errors.reportPart ? true : undefined}
            aria-describedby={errors.reportPart ? "field-reportPart-hint field-reportPart-error" : "field-reportPart-hint"}
          >
            {REPORT_PARTS.map((p) => (
              <option key={p} value={p}>
                {p === marker ? `${t(`reportPart.${p}`)} — ${t("events.form.reportPartSuggested")}` : t(`reportPart.${p}`)}
              </option>
            ))}
          </select>
          <input type="hidden" name="reportPartDefault" value={marker} />
          <p className="hint" id="field-reportPart-hint">
            {t("events.form.reportPartHint")}
          </p>
          <FieldError id="field-reportPart-error" error={errors.reportPart} />
        </div>
      </fieldset>
      <fieldset className="ev-fieldset">
        <legend>{t("events.form.kiosk")}</legend>
        <label className="ev-check-row">
          <input type="checkbox" name="kioskEnabled" checked={kiosk} onChange={(e) => setKiosk(e.target.checked)} />
          <span>{t("events.form.kioskEnabled")}</span>
        </label>
        <p className="hint muted">{t("events.form.kioskHint")}</p>
        <div className="form-grid">
          <DateTimeField name="signupOpensLocal" label={t("events.fields.signupOpensAt")} defaultValue={v("signupOpensLocal")} error={errors.signupOpensLocal} required={kiosk} />
          <DateTimeField name="signupClosesLocal" label={t("events.fields.signupClosesAt")} defaultValue={v("signupClosesLocal")} error={errors.signupClosesLocal} required={kiosk} />
        </div>
      </fieldset>
      <FormActions submitLabel={submitLabel} busy={busy} cancelTo={cancelTo} />
    </Form>
  );
}
