import { Field as KitField, TextareaField } from "~/components/ui";

type Props = {
  name: string;
  label: string;
  defaultValue?: string | number | null;
  error?: string;
  /** Text already translated. */
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

/**
 * Kept for the 16 files that import it: the kit's Field, or TextareaField when `multiline`.
 * New code imports from ~/components/ui.
 */
export function Field({ multiline, defaultValue, type = "text", autoComplete, list, max, ...rest }: Props) {
  if (multiline) return <TextareaField {...rest} defaultValue={defaultValue === null || defaultValue === undefined ? undefined : String(defaultValue)} />;
  return <KitField {...rest} defaultValue={defaultValue} type={type} autoComplete={autoComplete} list={list} max={max} />;
}
