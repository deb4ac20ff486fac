import { Form } from "@remix-run/react";
import { EmptyState } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { TIMELINE_KINDS, type TimelineKind } from "~/modules/partners";
import { formatDay } from "./labels";
import { ActivityEntry } from "./timeline-activity";
import { AgreementEntry } from "./timeline-agreement";
import type { Entry, TimelineContext } from "./timeline-context";
import { FollowUpEntry } from "./timeline-follow-up";
import { MeetingEntry } from "./timeline-meeting";
import { PersonEntry } from "./timeline-person";

/** Which kinds of entries to show (GET; none ticked = all). */
function TimelineFilter({ kinds }: { kinds: readonly TimelineKind[] }) {
  const t = useT();
  return (
    <Form method="get" className="timeline-filter" aria-label={t("partners.timeline.filter")}>
      {TIMELINE_KINDS.map((k) => (
        <label key={k}>
          <input type="checkbox" name="show" value={k} defaultChecked={kinds.length < TIMELINE_KINDS.length && kinds.includes(k)} /> {t(`partners.timeline.kind.${k}`)}
        </label>
      ))}
      <button type="submit" className="button">
        {t("partners.filters.apply")}
      </button>
    </Form>
  );
}

function EntryBody({ entry, ctx }: { entry: Entry; ctx: TimelineContext }) {
  switch (entry.kind) {
    case "activity":
      return <ActivityEntry entry={entry} ctx={ctx} />;
    case "meeting":
      return <MeetingEntry entry={entry} />;
    case "followUp":
      return <FollowUpEntry entry={entry} ctx={ctx} />;
    case "agreement":
      return <AgreementEntry entry={entry} ctx={ctx} />;
    default:
      return <PersonEntry entry={entry} ctx={ctx} />;
  }
}

/** Everything about an institution, newest first, each entry with its own actions. */
export function PartnerTimeline({ timeline, kinds, ctx }: { timeline: Entry[]; kinds: readonly TimelineKind[]; ctx: TimelineContext }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="partner-timeline">
      <h2 id="partner-timeline">{t("partners.timeline.title")}</h2>
      <TimelineFilter kinds={kinds} />
      {timeline.length === 0 ? (
        <EmptyState message={t("partners.timeline.empty")} />
      ) : (
        <ol className="partner-timeline">
          {timeline.map((entry) => (
            <li key={`${entry.kind}-${entry.id}`} data-kind={entry.kind}>
              <p className="muted meta">
                <time dateTime={entry.date}>{formatDay(entry.date, locale)}</time> · {t(`partners.timeline.entry.${entry.kind}`)}
              </p>
              <EntryBody entry={entry} ctx={ctx} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
