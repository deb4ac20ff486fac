import { Link } from "@remix-run/react";
import { StatusBadge, type Column } from "~/components/ui";
import type { Locale, T } from "~/i18n";
import type { MeetingParticipants } from "~/modules/meetings/index.server";
import { AGREEMENT_STATUS_TONES, formatDay, participantLabels } from "./labels";

/** How many participants a row names before «y N más». */
const NAMED = 4;

export type MeetingRow = {
  id: string;
  kind: string;
  heldOn: string;
  subject: string;
  format: string;
  reportPart: string;
  participantCount: number;
  participants: MeetingParticipants;
  agreementCount: number;
};

export function meetingColumns(t: T, locale: Locale): Column<MeetingRow>[] {
  return [
    { key: "heldOn", header: t("meetings.fields.heldOn"), cell: (m) => <time dateTime={m.heldOn}>{formatDay(m.heldOn, locale)}</time> },
    { key: "subject", header: t("meetings.fields.subject"), primary: true, cell: (m) => <Link to={`/meetings/${m.id}`}>{m.subject}</Link> },
    { key: "kind", header: t("meetings.fields.kind"), cell: (m) => `${t(`meetings.kind.${m.kind}`)} · ${t(`meetings.format.${m.format}`)}` },
    {
      key: "participants",
      header: t("meetings.fields.participants"),
      cell: (m) => {
        if (!m.participantCount) return <span className="muted">{t("meetings.list.noParticipants")}</span>;
        const names = participantLabels(m.participants, t, true);
        return (
          <>
            <strong>{t("meetings.list.participants", { count: m.participantCount })}:</strong> {names.slice(0, NAMED).join(", ")}
            {names.length > NAMED ? ` ${t("meetings.list.more", { count: names.length - NAMED })}` : ""}
            {m.agreementCount ? <div className="muted">{t("meetings.list.agreements", { count: m.agreementCount })}</div> : null}
          </>
        );
      },
    },
    { key: "reportPart", header: t("meetings.fields.reportPart"), cell: (m) => <StatusBadge tone="accent" label={t(`reportPart.${m.reportPart}`)} /> },
  ];
}

export type AgreementRow = {
  id: string;
  number: string;
  adoptedOn: string;
  title: string;
  status: string;
  ownerArea: string | null;
  meeting: { id: string; subject: string; heldOn: string } | null;
  jurors: number;
};

export function agreementColumns(t: T, locale: Locale): Column<AgreementRow>[] {
  return [
    { key: "adoptedOn", header: t("meetings.agreements.adoptedOn"), cell: (a) => <time dateTime={a.adoptedOn}>{formatDay(a.adoptedOn, locale)}</time> },
    {
      key: "number",
      header: t("meetings.agreements.number"),
      primary: true,
      cell: (a) => (
        <>
          <Link to={`/meetings/agreements/${a.id}`}>{a.number}</Link>
          <div>{a.title}</div>
        </>
      ),
    },
    { key: "status", header: t("meetings.agreements.status"), cell: (a) => <StatusBadge tone={AGREEMENT_STATUS_TONES(a.status)} label={t(`meetings.agreements.status.${a.status}`)} /> },
    { key: "ownerArea", header: t("meetings.agreements.ownerArea"), cell: (a) => (a.ownerArea ? t(`ineArea.${a.ownerArea}`) : "—") },
    {
      key: "session",
      header: t("meetings.agreements.session"),
      cell: (a) =>
        a.meeting ? (
          <Link to={`/meetings/${a.meeting.id}`}>
            {formatDay(a.meeting.heldOn, locale)} — {a.meeting.subject}
          </Link>
        ) : (
          "—"
        ),
    },
    { key: "jurors", header: t("meetings.agreements.jurors"), align: "end", cell: (a) => (a.jurors ? t("meetings.agreements.jurorsCount", { count: a.jurors }) : "—") },
  ];
}
