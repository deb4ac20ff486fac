import { INTL_LOCALE } from "~/i18n";
import { useLocale } from "~/i18n/use-t";

/** Numbers grouped the reader's way («1,234» / «1,234.5»), the same on the server and in the browser. */
export function useFormatNumber(options?: Intl.NumberFormatOptions) {
  const locale = useLocale();
  const format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
  return (value: number) => format.format(value);
}
