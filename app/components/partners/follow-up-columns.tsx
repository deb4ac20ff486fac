import { Form, Link } from "@remix-run/react";
import { StatusBadge, type Column } from "~/components/ui";
import type { Locale, T } from "~/i18n";
import { formatDay } from "./labels";

export type FollowUpRow = {
  id: string;
  title: string;
  dueOn: string;
  overdue: boolean;
  daysLate: number;
  partner: { id: string; name: string; acronym: string | null };
  meeting: { id: string; subject: string; heldOn: string } | null;
};

/** «Mis pendientes» as column definitions: due date (and lateness), what, where, and «done». */
export function followUpColumns(t: T, locale: Locale): Column<FollowUpRow>[] {
  return [
    {
      key: "dueOn",
      header: t("partners.followUp.dueOn"),
      cell: (f) => (
        <>
          {formatDay(f.dueOn, locale)} {f.overdue ? <StatusBadge tone="danger" label={t("partners.myFollowUps.late", { count: f.daysLate })} /> : null}
        </>
      ),
    },
    {
      key: "title",
      header: t("partners.followUp.title"),
      primary: true,
      cell: (f) => (
        <>
          {f.title}
          {f.meeting ? (
            <>
              <br />
              <Link to={`/meetings/${f.meeting.id}`}>{t("partners.followUp.fromMeeting", { subject: f.meeting.subject, date: formatDay(f.meeting.heldOn, locale) })}</Link>
            </>
          ) : null}
        </>
      ),
    },
    {
      key: "partner",
      header: t("partners.myFollowUps.institution"),
      cell: (f) => <Link to={`/partners/${f.partner.id}`}>{f.partner.acronym ? `${f.partner.name} (${f.partner.acronym})` : f.partner.name}</Link>,
    },
    {
      key: "actions",
      header: t("partners.myFollowUps.actions"),
      cell: (f) => (
        <Form method="post">
          <input type="hidden" name="followUpId" value={f.id} />
          <button type="submit" name="state" value="DONE" className="button">
            {t("partners.followUp.markDone")}
          </button>
        </Form>
      ),
    },
  ];
}
