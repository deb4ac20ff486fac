/**
 * Form fields: one implementation of «label, hint, control, error» with the accessibility wiring
 * (id, aria-invalid, aria-describedby) done once. Every field takes either plain props or a Conform
 * field's metadata (`meta={fields.email}`): name, id, default value and errors then come from it.
 * An error is a translation key (or an already translated message: unknown keys print as given).
 *
 *   <Field name="email" type="email" label={t("admin.users.email")} error={errors.email} required />
 *   <Field meta={fields.email} type="email" label={t("admin.users.email")} />
 *   <SelectField name="kind" label={t("materials.fields.kind")} options={[{ value: "FLYER", label: "Folleto" }]} />
 *   <TextareaField name="notes" label={t("partners.fields.notes")} rows={4} />
 *   <CheckboxField name="active" label={t("admin.users.active")} defaultChecked />
 *   <DateTimeField name="startsAt" label={t("events.fields.startsAt")} defaultValue="2026-09-01T10:00" />
 *   <CountryField countries={countries} defaultValue="MX" label={t("partners.fields.country")} />
 *   <TimeZoneField countries={countries} country="MX" defaultValue="America/Mexico_City" label={t("auth.fields.timeZone")} />
 */
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import type { TParams } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { ZONES_BY_COUNTRY } from "./time-zones";

/**
 * The part of Conform's FieldMetadata the kit reads. Declared structurally so any
 * `fields.x` from `useForm` fits without generic gymnastics.
 */
export type ConformMeta = {
  id: string;
  name: string;
  errorId: string;
  descriptionId: string;
  initialValue?: unknown;
  errors?: string[];
  required?: boolean;
};

export type FieldBaseProps = {
  /** Posted name; optional when `meta` gives it. */
  name?: string;
  /** Element id; defaults to `${idPrefix}-${name}` (or meta.id). */
  id?: string;
  idPrefix?: string;
  label: ReactNode;
  /** Translated text shown under the label. */
  hint?: ReactNode;
  /** Translation key or message; Conform's first error when `meta` is given. */
  error?: string | null;
  errorParams?: TParams;
  required?: boolean;
  /** Spans the whole row of a `.form-grid`. */
  wide?: boolean;
  meta?: ConformMeta;
  className?: string;
};

type Wiring = { id: string; name: string; hintId: string; errorId: string; error?: string; describedBy?: string; required?: boolean };

function wire({ name, id, idPrefix = "field", error, hint, required, meta }: FieldBaseProps): Wiring {
  const fieldName = name ?? meta?.name ?? "";
  const fieldId = id ?? meta?.id ?? `${idPrefix}-${fieldName}`;
  const message = error ?? meta?.errors?.[0] ?? undefined;
  const hintId = meta?.descriptionId ?? `${fieldId}-hint`;
  const errorId = meta?.errorId ?? `${fieldId}-error`;
  const describedBy = [hint ? hintId : null, message ? errorId : null].filter(Boolean).join(" ") || undefined;
  return { id: fieldId, name: fieldName, hintId, errorId, error: message || undefined, describedBy, required: required ?? meta?.required };
}

function initial(meta: ConformMeta | undefined, value: unknown): string | number | readonly string[] | undefined {
  const v = value ?? meta?.initialValue;
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" || typeof v === "number") return v;
  if (Array.isArray(v)) return v.map(String);
  return String(v);
}

/** The error line under a field (also usable alone, e.g. under a fieldset). */
export function FieldError({ id, error, params }: { id?: string; error?: string | null; params?: TParams }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="field-error" id={id}>
      {t(error, params)}
    </p>
  );
}

function Shell({ w, props, children }: { w: Wiring; props: FieldBaseProps; children: ReactNode }) {
  const classes = ["field", props.wide ? "field--wide" : "", props.className ?? ""].filter(Boolean).join(" ");
  return (
    <div className={classes}>
      <label htmlFor={w.id}>
        {props.label}
        {w.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <p className="hint" id={w.hintId}>
          {props.hint}
        </p>
      ) : null}
      {children}
      <FieldError id={w.errorId} error={w.error} params={props.errorParams} />
    </div>
  );
}

function controlProps(w: Wiring) {
  return { id: w.id, name: w.name, required: w.required, "aria-invalid": w.error ? true : undefined, "aria-describedby": w.describedBy } as const;
}

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "required" | "defaultValue" | "className">;

/** A labelled `<input>` (text, email, number, date, search, password, tel…). */
export function Field(props: FieldBaseProps & InputRest & { defaultValue?: string | number | null }) {
  const { name, id, idPrefix, label, hint, error, errorParams, required, wide, meta, className, defaultValue, ...input } = props;
  const w = wire({ name, id, idPrefix, label, hint, error, required, meta });
  return (
    <Shell w={w} props={{ label, hint, errorParams, wide, className }}>
      <input type="text" {...input} {...controlProps(w)} defaultValue={initial(meta, defaultValue) ?? (input.value === undefined ? "" : undefined)} />
    </Shell>
  );
}

export type Option = { value: string; label: string; disabled?: boolean };
type SelectRest = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "required" | "defaultValue" | "className">;

/** A labelled `<select>`; `placeholder` adds a first empty option (e.g. «Elige…» or «Cualquiera»). */
export function SelectField(props: FieldBaseProps & SelectRest & { options: readonly Option[]; placeholder?: string; defaultValue?: string | null }) {
  const { name, id, idPrefix, label, hint, error, errorParams, required, wide, meta, className, defaultValue, options, placeholder, ...select } = props;
  const w = wire({ name, id, idPrefix, label, hint, error, required, meta });
  return (
    <Shell w={w} props={{ label, hint, errorParams, wide, className }}>
      <select {...select} {...controlProps(w)} defaultValue={(initial(meta, defaultValue) as string | undefined) ?? ""}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

type TextareaRest = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "required" | "defaultValue" | "className">;

/** A labelled `<textarea>` (3 rows unless `rows` says otherwise). */
export function TextareaField(props: FieldBaseProps & TextareaRest & { defaultValue?: string | null }) {
  const { name, id, idPrefix, label, hint, error, errorParams, required, wide, meta, className, defaultValue, rows = 3, ...area } = props;
  const w = wire({ name, id, idPrefix, label, hint, error, required, meta });
  return (
    <Shell w={w} props={{ label, hint, errorParams, wide, className }}>
      <textarea rows={rows} {...area} {...controlProps(w)} defaultValue={(initial(meta, defaultValue) as string | undefined) ?? ""} />
    </Shell>
  );
}

/** A checkbox with its label to the right; posts `value` ("on" by default) when ticked. */
export function CheckboxField(props: FieldBaseProps & Omit<InputRest, "type"> & { defaultChecked?: boolean }) {
  const { name, id, idPrefix, label, hint, error, errorParams, required, wide, meta, className, defaultChecked, ...input } = props;
  const w = wire({ name, id, idPrefix, label, hint, error, required, meta });
  const checked = defaultChecked ?? (meta ? meta.initialValue === "on" || meta.initialValue === true : undefined);
  return (
    <div className={["field field--check", wide ? "field--wide" : "", className ?? ""].filter(Boolean).join(" ")}>
      <label htmlFor={w.id}>
        <input type="checkbox" {...input} {...controlProps(w)} defaultChecked={checked} /> {label}
      </label>
      {hint ? (
        <p className="hint" id={w.hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={w.errorId} error={w.error} params={errorParams} />
    </div>
  );
}

/**
 * A date-and-time input (`datetime-local`, or `date` with `dateOnly`). The value is wall-clock
 * text ("2026-09-01T10:00"); the server reads it in the user's zone (app/lib/time.ts).
 */
export function DateTimeField(props: FieldBaseProps & Omit<InputRest, "type"> & { defaultValue?: string | null; dateOnly?: boolean }) {
  const { dateOnly, ...rest } = props;
  return <Field {...rest} type={dateOnly ? "date" : "datetime-local"} />;
}

export type CountryChoice = { code: string; name: string };

/**
 * Countries by NAME in the user's language; posts the ISO alpha-2 code. `countries` comes from the
 * loader (`countryChoices(INTL_LOCALE[locale])` in ~/modules/geo/regions) so the names are the
 * server's and hydration cannot differ. A stored value that is not a known code stays selectable.
 */
export function CountryField(props: FieldBaseProps & SelectRest & { countries: readonly CountryChoice[]; defaultValue?: string | null; placeholder?: string }) {
  const { countries, placeholder, name = "country", ...rest } = props;
  const t = useT();
  const current = props.defaultValue ?? (typeof props.meta?.initialValue === "string" ? props.meta.initialValue : "");
  const options: Option[] = countries.map((c) => ({ value: c.code, label: c.name }));
  if (current && !countries.some((c) => c.code === current)) options.unshift({ value: current, label: current });
  return <SelectField {...rest} name={props.meta ? undefined : name} options={options} placeholder={placeholder ?? t("ui.field.chooseCountry")} />;
}

/** "Ciudad de México" from "America/Mexico_City"; "Indiana · Knox" from "America/Indiana/Knox". */
export function zoneCity(zone: string): string {
  return zone.split("/").slice(1).join(" · ").replace(/_/g, " ") || zone;
}

/**
 * One formatter per zone, kept: building an Intl.DateTimeFormat costs ~0.3 ms, and the zone list
 * shows ~400 of them, which made every form with a time zone take 120 ms to render (issue 20).
 */
const offsetFormats = new Map<string, Intl.DateTimeFormat | null>();

function offsetFormat(zone: string): Intl.DateTimeFormat | null {
  let format = offsetFormats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    } catch {
      format = null;
    }
    // Only names the runtime accepted are many; a bad name is not kept (the map stays bounded).
    if (format) offsetFormats.set(zone, format);
  }
  return format;
}

/** "UTC−06:00" for a zone at a given instant (the offset changes with daylight saving). */
export function zoneOffset(zone: string, at: Date = new Date()): string {
  const format = offsetFormat(zone);
  if (!format) return "";
  try {
    const part = format.formatToParts(at).find((p) => p.type === "timeZoneName");
    return (part?.value ?? "GMT").replace("GMT", "UTC").replace("-", "−") || "UTC";
  } catch {
    return ""; // an invalid instant
  }
}

/**
 * IANA time zones grouped by country (names from `countries`, as CountryField), each shown as
 * «City (UTC±hh:mm)»; `country` puts that country's zones first. Posts the IANA name.
 */
export function TimeZoneField(props: FieldBaseProps & SelectRest & { countries: readonly CountryChoice[]; country?: string | null; defaultValue?: string | null; placeholder?: string }) {
  const { countries, country, name = "timeZone", defaultValue, placeholder, ...rest } = props;
  const { meta, label, hint, error, errorParams, required, wide, className, id, idPrefix, ...select } = rest;
  const w = wire({ name: meta ? undefined : name, id, idPrefix, label, hint, error, required, meta });
  const current = (initial(meta, defaultValue) as string | undefined) ?? "";
  const order = countries.map((c) => c.code).filter((code) => ZONES_BY_COUNTRY[code]);
  const groups = country && ZONES_BY_COUNTRY[country] ? [country, ...order.filter((c) => c !== country)] : order;
  const names = new Map(countries.map((c) => [c.code, c.name]));
  const known = current === "" || groups.some((c) => ZONES_BY_COUNTRY[c]!.includes(current));
  const now = new Date();
  const label2 = (zone: string) => `${zoneCity(zone)} (${zoneOffset(zone, now)})`;
  return (
    <Shell w={w} props={{ label, hint, errorParams, wide, className }}>
      <select {...select} {...controlProps(w)} defaultValue={current}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {!known ? <option value={current}>{current}</option> : null}
        {groups.map((code) => (
          <optgroup key={code} label={names.get(code) ?? code}>
            {ZONES_BY_COUNTRY[code]!.map((zone) => (
              <option key={zone} value={zone} suppressHydrationWarning>
                {label2(zone)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Shell>
  );
}

export type ErrorItem = { field?: string; message: string; params?: TParams };

/**
 * Errors at the top of a form, focused on arrival (autofocus without JS) and linking each field
 * (`#${idPrefix}-${field}`). Accepts the usual `errors` record ({ field: key, _form: key }) or a list.
 *
 *   <FormErrorSummary errors={actionData?.errors} labels={{ email: t("admin.users.email") }} />
 */
export function FormErrorSummary({ errors, labels, idPrefix = "field", params, title }: { errors?: Record<string, string | undefined> | ErrorItem[] | null; labels?: Record<string, string>; idPrefix?: string; params?: TParams; title?: string }) {
  const t = useT();
  const items: ErrorItem[] = Array.isArray(errors)
    ? errors
    : Object.entries(errors ?? {})
        .filter((e): e is [string, string] => !!e[1])
        .map(([field, message]) => ({ field: field === "_form" ? undefined : field, message, params }));
  if (items.length === 0) return null;
  return (
    <div className="form-error ui-error-summary" role="alert" tabIndex={-1} autoFocus data-testid="form-error-summary">
      <p className="ui-error-summary__title">{title ?? t("ui.form.fix", { count: items.length })}</p>
      <ul>
        {items.map((item, i) => (
          <li key={`${item.field ?? "_form"}-${i}`}>
            {item.field ? (
              <a href={`#${idPrefix}-${item.field}`}>
                {labels?.[item.field] ? `${labels[item.field]}: ` : null}
                {t(item.message, item.params)}
              </a>
            ) : (
              t(item.message, item.params)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A form-level error alone (a refusal not tied to one field). */
export function FormError({ error, params }: { error?: string | null; params?: TParams }) {
  const t = useT();
  return error ? (
    <p className="form-error" role="alert">
      {t(error, params)}
    </p>
  ) : null;
}
