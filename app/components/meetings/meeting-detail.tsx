import { Link } from "@remix-run/react";
import { Card, StatusBadge } from "~/components/ui";
import { FOLLOW_UP_TONES } from "~/components/partners/labels";
import { useLocale, useT } from "~/i18n/use-t";
import type { MeetingView } from "~/modules/meetings/index.server";
import { AGREEMENT_STATUS_TONES, formatDay } from "./labels";

type Meeting = Pick<MeetingView, "participants" | "reportPart" | "defaultReportPart" | "summary" | "kind" | "id"> & {
  agreements: Array<{ id: string; number: string; adoptedOn: string; title: string; status: string }>;
  followUps: Array<{ id: string; title: string; dueOn: string; state: string; partner: { id: string; name: string }; owner: { id: string; name: string } }>;
};

/** Who took part (institutions, INE areas, parties), the part of the report it counts in, and the summary. */
export function MeetingParticipantsCard({ meeting }: { meeting: Meeting }) {
  const t = useT();
  const p = meeting.participants;
  const none = p.partners.length + p.ineAreas.length + p.politicalParties.length === 0;
  return (
    <Card title={t("meetings.detail.participants")} className="meeting-detail">
      {none ? (
        <p className="muted">{t("meetings.detail.noParticipants")}</p>
      ) : (
        <dl>
          {p.partners.length ? (
            <>
              <dt>{t("meetings.fields.partners")}</dt>
              <dd>
                <ul data-participants="partners">
                  {p.partners.map((x) => (
                    <li key={x.id}>
                      <Link to={`/partners/${x.id}`}>{x.name}</Link>
                      {x.acronym ? <span className="muted"> ({x.acronym})</span> : null}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {p.ineAreas.length ? (
            <>
              <dt>{t("meetings.fields.ineAreas")}</dt>
              <dd>
                <ul>
                  {p.ineAreas.map((a) => (
                    <li key={a}>{t(`ineArea.${a}`)}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {p.politicalParties.length ? (
            <>
              <dt>{t("meetings.fields.politicalParties")}</dt>
              <dd>
                <ul>
                  {p.politicalParties.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      )}
      <p>
        {t("meetings.detail.reportPartLine", { part: t(`reportPart.${meeting.reportPart}`) })}{" "}
        {meeting.reportPart !== meeting.defaultReportPart ? <span className="muted">{t("meetings.detail.reportPartDiffers", { part: t(`reportPart.${meeting.defaultReportPart}`) })}</span> : null}
      </p>
      {meeting.summary ? (
        <>
          <h3>{t("meetings.detail.summary")}</h3>
          <p className="summary">{meeting.summary}</p>
        </>
      ) : null}
    </Card>
  );
}

/** The Commission agreements adopted at a session (and the link to record one). */
export function MeetingAgreementsCard({ meeting, canEdit }: { meeting: Meeting; canEdit: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card title={t("meetings.detail.agreements")} className="meeting-detail">
      {meeting.agreements.length ? (
        <ul>
          {meeting.agreements.map((a) => (
            <li key={a.id}>
              <Link to={`/meetings/agreements/${a.id}`}>{a.number}</Link> — {a.title}{" "}
              <span className="muted">· {formatDay(a.adoptedOn, locale)}</span> <StatusBadge tone={AGREEMENT_STATUS_TONES(a.status)} label={t(`meetings.agreements.status.${a.status}`)} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("meetings.detail.noAgreements")}</p>
      )}
      {canEdit && meeting.kind === "COMMISSION_SESSION" ? (
        <p>
          <Link to={`/meetings/agreements/new?meeting=${meeting.id}`} className="button">
            {t("meetings.detail.addAgreement")}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}

/** The follow-ups that came out of the meeting, with their institution, due date and owner. */
export function MeetingFollowUpsCard({ meeting }: { meeting: Meeting }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card title={t("meetings.detail.followUps")} className="meeting-detail">
      {meeting.followUps.length ? (
        <ul>
          {meeting.followUps.map((f) => (
            <li key={f.id}>
              <strong>{f.title}</strong> <StatusBadge tone={FOLLOW_UP_TONES(f.state)} label={t(`partners.followUp.stateLabel.${f.state}`)} />
              <div className="muted">
                <Link to={`/partners/${f.partner.id}`}>{f.partner.name}</Link> · {t("partners.followUp.dueOn")}: {formatDay(f.dueOn, locale)} · {f.owner.name}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("meetings.detail.noFollowUps")}</p>
      )}
    </Card>
  );
}
