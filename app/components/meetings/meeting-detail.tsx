import { Link } from "@remix-run/react";
import { Card, Facts, LinkButton, StatusBadge } from "~/components/ui";
import { FOLLOW_UP_TONES } from "~/components/partners/labels";
import { useLocale, useT } from "~/i18n/use-t";
import type { MeetingView } from "~/modules/meetings/index.server";
import { AGREEMENT_STATUS_TONES, formatDay } from "./labels";
import { ListCard } from "./list-card";

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
        <Facts
          items={[
            {
              label: t("meetings.fields.partners"),
              className: "meeting-partners",
              value: p.partners.map((x) => (
                <>
                  <Link to={`/partners/${x.id}`}>{x.name}</Link>
                  {x.acronym ? <span className="muted"> ({x.acronym})</span> : null}
                </>
              )),
            },
            { label: t("meetings.fields.ineAreas"), value: p.ineAreas.map((a) => t(`ineArea.${a}`)) },
            { label: t("meetings.fields.politicalParties"), value: p.politicalParties },
          ]}
        />
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
    <ListCard
      title={t("meetings.detail.agreements")}
      items={meeting.agreements}
      empty={t("meetings.detail.noAgreements")}
      item={(a) => (
        <>
          <Link to={`/meetings/agreements/${a.id}`}>{a.number}</Link> — {a.title} <span className="muted">· {formatDay(a.adoptedOn, locale)}</span>{" "}
          <StatusBadge tone={AGREEMENT_STATUS_TONES(a.status)} label={t(`meetings.agreements.status.${a.status}`)} />
        </>
      )}
    >
      {canEdit && meeting.kind === "COMMISSION_SESSION" ? (
        <p>
          <LinkButton to={`/meetings/agreements/new?meeting=${meeting.id}`}>{t("meetings.detail.addAgreement")}</LinkButton>
        </p>
      ) : null}
    </ListCard>
  );
}

/** The follow-ups that came out of the meeting, with their institution, due date and owner. */
export function MeetingFollowUpsCard({ meeting }: { meeting: Meeting }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ListCard
      title={t("meetings.detail.followUps")}
      items={meeting.followUps}
      empty={t("meetings.detail.noFollowUps")}
      item={(f) => (
        <>
          <strong>{f.title}</strong> <StatusBadge tone={FOLLOW_UP_TONES(f.state)} label={t(`partners.followUp.stateLabel.${f.state}`)} />
          <div className="muted">
            <Link to={`/partners/${f.partner.id}`}>{f.partner.name}</Link> · {t("partners.followUp.dueOn")}: {formatDay(f.dueOn, locale)} · {f.owner.name}
          </div>
        </>
      )}
    />
  );
}
