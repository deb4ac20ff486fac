import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Deadline, pageTitle, Progress, StateBadge } from "~/components/jury/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { jurorContest } from "~/modules/jury/index.server";
import { idParam } from "~/lib/params";
import { refusalResponse } from "~/lib/http.server";

export const meta = pageTitle("jury.workspace.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, ["manage:jury", "read:jury-results", "evaluate:jury"]);
  const contestId = idParam(request, params.contestId, "key");
  if (!can(user.role, "evaluate:jury")) {
    throw redirect(can(user.role, "manage:jury") ? `/jury/${contestId}/setup` : `/jury/${contestId}/results`);
  }
  return jurorContest(user.id, contestId).catch(refusalResponse);
}

export default function JurorContestPage() {
  const { contest, items, conflicts, progress, refusal } = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormatDate();
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/jury">← {t("jury.backToWorkspace")}</Link>
        </p>
        <h1>{contest.name}</h1>
        {contest.blindReview ? <p className="muted">{t("jury.workspace.blind")}</p> : null}
      </header>
      <Progress submitted={progress.submitted} total={progress.total} />
      <Deadline endsAt={contest.evaluationEndsAt} refusal={refusal} />
      {contest.discussionOpen ? <p className="jy-locked">{t("jury.workspace.discussionOpen")}</p> : null}
      {items.length === 0 ? (
        <p className="empty-state">{t("jury.workspace.noProjects")}</p>
      ) : (
        <ul className="jy-list" aria-label={t("jury.workspace.projects")}>
          {items.map((item) => (
            <li key={item.submissionId} className="jy-item">
              <div>
                <div className="jy-item__title">
                  <Link to={`/jury/${contest.id}/p/${item.submissionId}`}>
                    {item.folio} · {item.title}
                  </Link>
                </div>
                <div className="jy-item__meta">
                  {item.organisation ?? t("jury.workspace.organisationHidden")}
                  {item.updatedAt ? ` · ${t("jury.workspace.updated", { date: format(item.updatedAt) })}` : ""}
                </div>
              </div>
              <StateBadge state={item.state} />
            </li>
          ))}
        </ul>
      )}
      {conflicts.length > 0 ? (
        <section className="jy-section">
          <h2>{t("jury.workspace.conflictsTitle")}</h2>
          <ul>
            {conflicts.map((c) => (
              <li key={c.folio}>
                {c.folio} · {c.title} — {c.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
