import { useFormatDate } from "~/i18n/use-t";

/** Formats a calendar date ("YYYY-MM-DD", stored as UTC midnight) without shifting its day. */
export function useFormatCalendarDate() {
  const formatDate = useFormatDate();
  return (date: string) => formatDate(`${date.slice(0, 10)}T00:00:00Z`, { dateStyle: "medium", timeZone: "UTC" });
}
