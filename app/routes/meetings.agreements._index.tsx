import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { KeysetPager } from "~/components/admin/pager";
import { formatDay, meetingsTitle } from "~/components/meetings/labels";
import meetingsStylesHref from "~/components/meetings/meetings.css?url";
import { useLocale, useT } from "~/i18n/use-t";
import { yearParam } from "~/lib/params";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/session.server";
import { listAgreements } from "~/modules/meetings/agreements.server";

export const meta = meetingsTitle("meetings.agreements.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  const params = new URL(request.url).searchParams;
  const list = await listAgreements({ year: yearParam(request, params.get("year")) }, params.get("cursor"));
  return { ...list, canEdit: can(user.role, "edit:partner") };
}

export default function AgreementsPage() {
  const { rows, nextCursor, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <p>
            <Link to="/meetings">← {t("meetings.backToList")}</Link>
          </p>
          <h1>{t("meetings.agreements.title")}</h1>
          <p className="muted">{t("meetings.agreements.intro")}</p>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to="/meetings/agreements/new" className="button button--primary">
              {t("meetings.agreements.new")}
            </Link>
          </div>
        ) : null}
      </header>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t("meetings.agreements.empty")}</p>
        </div>
      ) : (
        <ol className="meeting-list" aria-label={t("meetings.agreements.title")}>
          {rows.map((a) => (
            <li key={a.id}>
              <p className="muted meeting-meta">
                <time dateTime={a.adoptedOn}>{formatDay(a.adoptedOn, locale)}</time>
                <span className="badge">{t(`meetings.agreements.status.${a.status}`)}</span>
                {a.ownerArea ? <span>{t(`ineArea.${a.ownerArea}`)}</span> : null}
              </p>
              <h2>
                <Link to={`/meetings/agreements/${a.id}`}>{a.number}</Link>
              </h2>
              <p>{a.title}</p>
              {a.meeting ? (
                <p className="muted">
                  {t("meetings.agreements.session")}:{" "}
                  <Link to={`/meetings/${a.meeting.id}`}>
                    {formatDay(a.meeting.heldOn, locale)} — {a.meeting.subject}
                  </Link>
                </p>
              ) : null}
              {a.jurors ? <p className="muted">{t("meetings.agreements.jurorsCount", { count: a.jurors })}</p> : null}
            </li>
          ))}
        </ol>
      )}
      <KeysetPager nextCursor={nextCursor ?? undefined} />
    </>
  );
}
