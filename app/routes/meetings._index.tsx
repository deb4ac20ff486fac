import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { KeysetPager } from "~/components/admin/pager";
import { formatDay, meetingsTitle, participantLabels } from "~/components/meetings/labels";
import meetingsStylesHref from "~/components/meetings/meetings.css?url";
import { useLocale, useT } from "~/i18n/use-t";
import { enumParam, monthParam } from "~/lib/params";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/session.server";
import { MEETING_KINDS } from "~/modules/meetings/fields";
import { listMeetings } from "~/modules/meetings/meeting.server";
import { REPORT_PARTS } from "~/modules/reports/parts";

export const meta = meetingsTitle("meetings.list.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesHref }];

/** How many participants a row names before «y N más». */
const NAMED = 4;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  const params = new URL(request.url).searchParams;
  const filter = {
    month: monthParam(request, params.get("month")),
    kind: enumParam(params.get("kind"), MEETING_KINDS),
    reportPart: enumParam(params.get("part"), REPORT_PARTS),
  };
  const list = await listMeetings(filter, params.get("cursor"));
  return { filter, ...list, canEdit: can(user.role, "edit:partner") };
}

export default function MeetingsPage() {
  const { filter, rows, nextCursor, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const filtered = !!(filter.month || filter.kind || filter.reportPart);
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("meetings.list.title")}</h1>
          <p className="muted">{t("meetings.list.intro")}</p>
        </div>
        <div className="form-actions">
          <Link to="/meetings/agreements" className="button">
            {t("meetings.actions.agreements")}
          </Link>
          {canEdit ? (
            <Link to="/meetings/new" className="button button--primary">
              {t("meetings.actions.new")}
            </Link>
          ) : null}
        </div>
      </header>

      <Form method="get" className="filters" role="search" aria-label={t("meetings.filters.label")}>
        <div className="field">
          <label htmlFor="meetings-month">{t("meetings.filters.month")}</label>
          <input id="meetings-month" name="month" type="month" defaultValue={filter.month ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="meetings-kind">{t("meetings.fields.kind")}</label>
          <select id="meetings-kind" name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">{t("meetings.filters.any")}</option>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`meetings.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="meetings-part">{t("meetings.fields.reportPart")}</label>
          <select id="meetings-part" name="part" defaultValue={filter.reportPart ?? ""}>
            <option value="">{t("meetings.filters.any")}</option>
            {REPORT_PARTS.map((p) => (
              <option key={p} value={p}>
                {t(`reportPart.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t("meetings.filters.apply")}
          </button>
          {filtered ? (
            <Link to="/meetings" className="button">
              {t("meetings.filters.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{filtered ? t("meetings.list.emptyFiltered") : t("meetings.list.empty")}</p>
        </div>
      ) : (
        <ol className="meeting-list" aria-label={t("meetings.list.title")}>
          {rows.map((m) => {
            const names = participantLabels(m.participants, t, true);
            return (
              <li key={m.id} data-meeting={m.id}>
                <p className="muted meeting-meta">
                  <time dateTime={m.heldOn}>{formatDay(m.heldOn, locale)}</time>
                  <span>{t(`meetings.kind.${m.kind}`)}</span>
                  <span>{t(`meetings.format.${m.format}`)}</span>
                  <span className="badge">{t(`reportPart.${m.reportPart}`)}</span>
                </p>
                <h2>
                  <Link to={`/meetings/${m.id}`}>{m.subject}</Link>
                </h2>
                <p>
                  {m.participantCount ? (
                    <>
                      <strong>{t("meetings.list.participants", { count: m.participantCount })}:</strong> {names.slice(0, NAMED).join(", ")}
                      {names.length > NAMED ? ` ${t("meetings.list.more", { count: names.length - NAMED })}` : ""}
                    </>
                  ) : (
                    <span className="muted">{t("meetings.list.noParticipants")}</span>
                  )}
                </p>
                {m.agreementCount ? <p className="muted">{t("meetings.list.agreements", { count: m.agreementCount })}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
      <KeysetPager nextCursor={nextCursor ?? undefined} />
    </>
  );
}
