import { useT } from "~/i18n/use-t";

type Props = {
  name: string;
  label: string;
  defaultValue?: string | number | null;
  error?: string;
  hint?: string;
  type?: "text" | "email" | "number" | "search";
  required?: boolean;
  autoComplete?: string;
  list?: string;
  min?: number;
  max?: number;
  /** Spans the whole row of a form grid (long values such as an address). */
  wide?: boolean;
};

/** A labelled input whose error (a translation key) is announced with the field. */
export function TextField({ name, label, defaultValue, error, hint, type = "text", required, autoComplete, list, min, max, wide }: Props) {
  const t = useT();
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={wide ? "field field--wide" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete}
        list={list}
        min={min}
        max={max}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
