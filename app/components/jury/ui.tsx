import type { LinksFunction } from "@remix-run/node";
import { useLocale, useT, useTimeZone } from "~/i18n/use-t";
import { formatDateTime, formatInstantDate, isEndOfDay } from "~/lib/format";
import juryStylesHref from "./jury.css?url";

export const juryLinks: LinksFunction = () => [{ rel: "stylesheet", href: juryStylesHref }];

export { pageTitle } from "~/components/contact-detail/meta";

const STATE_TONE: Record<string, string> = { toConfirm: "badge--todo", notStarted: "badge--todo", draft: "badge--draft", submitted: "badge--ok" };

export function StateBadge({ state }: { state: string }) {
  const t = useT();
  return <span className={`badge ${STATE_TONE[state] ?? ""}`}>{t(`jury.state.${state}`)}</span>;
}

export function Progress({ submitted, total }: { submitted: number; total: number }) {
  const t = useT();
  return (
    <div className="jy-progress">
      <progress value={submitted} max={Math.max(total, 1)} aria-label={t("jury.progress.label")} />
      <strong>{t("jury.progress.count", { submitted, total })}</strong>
    </div>
  );
}

/** The deadline in the viewer's time zone, and why nothing can be saved when that is so. */
export function Deadline({ endsAt, refusal }: { endsAt: string | Date; refusal: string | null }) {
  const t = useT();
  const locale = useLocale();
  const zone = useTimeZone();
  // The end of a day is shown as that day ("until the end of"); any other instant with its time and zone.
  const date = isEndOfDay(endsAt, zone) ? formatInstantDate(endsAt, locale, zone, "full") : formatDateTime(endsAt, locale, zone, { dateStyle: "full", zoneName: true });
  return (
    <p className={refusal ? "jy-deadline jy-deadline--closed" : "jy-deadline"}>
      {t("jury.deadline.label", { date })}
      {refusal ? ` — ${t(`jury.errors.${refusal}`)}` : ""}
    </p>
  );
}

export function FormError({ error, params }: { error?: string; params?: Record<string, string | number> }) {
  const t = useT();
  return error ? (
    <p className="form-error" role="alert">
      {t(error, params)}
    </p>
  ) : null;
}

export function fmt(n: number | null | undefined, digits = 2): string {
  return n === null || n === undefined ? "—" : n.toFixed(digits);
}
