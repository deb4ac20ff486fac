import { formatDate } from "~/lib/format";
import { useLocale } from "~/i18n/use-t";

/** Formats a calendar date ("YYYY-MM-DD", stored as UTC midnight) without shifting its day. */
export function useFormatCalendarDate() {
  const locale = useLocale();
  return (date: string) => formatDate(date.slice(0, 10), locale);
}
