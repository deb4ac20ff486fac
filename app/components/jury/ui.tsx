import type { LinksFunction } from "@remix-run/node";
import { StatusBadge, toneMap } from "~/components/ui";
import { useLocale, useT, useTimeZone } from "~/i18n/use-t";
import { formatDateTime, formatInstantDate, isEndOfDay } from "~/lib/format";
import juryStylesHref from "./jury.css?url";

export const juryLinks: LinksFunction = () => [{ rel: "stylesheet", href: juryStylesHref }];

export { pageTitle } from "~/components/contact-detail/meta";

export const JURY_STATE_TONES = toneMap({ toConfirm: "warning", notStarted: "warning", draft: "info", submitted: "success" });

export function StateBadge({ state }: { state: string }) {
  const t = useT();
  return <StatusBadge tone={JURY_STATE_TONES(state)} label={t(`jury.state.${state}`)} />;
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

export { FormError } from "~/components/ui";

export function fmt(n: number | null | undefined, digits = 2): string {
  return n === null || n === undefined ? "—" : n.toFixed(digits);
}
