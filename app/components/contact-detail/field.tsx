import { useT } from "~/i18n/use-t";

type Props = {
  name: string;
  label: string;
  defaultValue?: string | number | null;
  error?: string;
  /** A translation key or text already translated. */
  hint?: string;
  type?: "text" | "email" | "number" | "search" | "date" | "tel";
  required?: boolean;
  autoComplete?: string;
  list?: string;
  multiline?: boolean;
  maxLength?: number;
  wide?: boolean;
  idPrefix?: string;
  max?: string;
};

/** A labelled input or textarea whose error (a translation key) is announced with the field. */
export function Field({ name, label, defaultValue, error, hint, type = "text", required, autoComplete, list, multiline, maxLength, wide, idPrefix = "field", max }: Props) {
  const t = useT();
  const id = `${idPrefix}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    required,
    maxLength,
    defaultValue: defaultValue ?? "",
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  } as const;
  return (
    <div className={wide ? "field field--wide" : "field"}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} type={type} autoComplete={autoComplete} list={list} max={max} />}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
