import { Field } from "~/components/ui";

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
  wide?: boolean;
};

/** Kept for the admin pages: the kit's Field. New code imports Field from ~/components/ui. */
export function TextField(props: Props) {
  return <Field {...props} />;
}
