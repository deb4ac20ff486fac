import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { EntryOf } from "./timeline-context";

/** A meeting the institution took part in (recorded under /meetings), with the other participants. */
export function MeetingEntry({ entry }: { entry: EntryOf<"meeting"> }) {
  const t = useT();
  const m = entry.meeting;
  return (
    <>
      <h3>
        <Link to={`/meetings/${m.id}`}>{m.subject}</Link>
      </h3>
      <p>
        {t(`partners.meetingKind.${m.kind}`)} · {t(`partners.meetingFormat.${m.format}`)}
      </p>
      {m.others.length ? (
        <p className="shared-with" data-shared={m.others.length + 1}>
          {t("partners.meeting.with", { count: m.others.length })}{" "}
          {m.others.map((o, i) => (
            <span key={o.kind === "partner" ? o.id : o.kind === "ineArea" ? o.area : `party-${o.name}`}>
              {i > 0 ? ", " : ""}
              {o.kind === "partner" ? <Link to={`/partners/${o.id}`}>{o.acronym ?? o.name}</Link> : o.kind === "ineArea" ? t(`ineArea.${o.area}`) : o.name}
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}
