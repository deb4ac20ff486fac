import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Deadline, pageTitle, Progress } from "~/components/jury/ui";
import { DataTable, type Column } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { juryContests, jurorContests } from "~/modules/jury/index.server";

export const meta = pageTitle("jury.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, ["manage:jury", "read:jury-results", "evaluate:jury"]);
  if (can(user.role, "evaluate:jury")) {
    return { kind: "juror" as const, name: user.name, contests: await jurorContests(user.id), overview: [] };
  }
  return { kind: "staff" as const, name: user.name, contests: [], overview: await juryContests(), canManage: can(user.role, "manage:jury") };
}

export default function JuryIndex() {
  const loaderData = useLoaderData<typeof loader>();
  const t = useT();
  const format = useFormatDate();
  if (loaderData.kind === "juror") {
    return (
      <>
        <header className="page-header">
          <h1>{t("jury.workspace.title")}</h1>
          <p className="muted">{t("jury.workspace.intro", { name: loaderData.name })}</p>
        </header>
        {loaderData.contests.length === 0 ? (
          <p className="empty-state">{t("jury.workspace.none")}</p>
        ) : (
          <ul className="jy-list">
            {loaderData.contests.map((c) => (
              <li key={c.id} className="panel">
                <h2>
                  <Link to={`/jury/${c.id}`}>{c.name}</Link>
                </h2>
                <Progress submitted={c.submitted} total={c.assigned} />
                <Deadline endsAt={c.evaluationEndsAt} refusal={c.refusal} />
                <Link className="button button--primary" to={`/jury/${c.id}`}>
                  {t("jury.workspace.open")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }
  const canManage = "canManage" in loaderData && loaderData.canManage;
  const columns: Column<(typeof loaderData.overview)[number]>[] = [
    { key: "contest", header: t("jury.overview.contest"), primary: true, cell: (c) => c.name },
    { key: "jurors", header: t("jury.overview.jurors"), align: "end", cell: (c) => c.jurors },
    { key: "registered", header: t("jury.overview.registered"), align: "end", cell: (c) => c.registered },
    { key: "submitted", header: t("jury.overview.submitted"), align: "end", cell: (c) => t("jury.overview.submittedOf", { submitted: c.submitted, assigned: c.assigned }) },
    { key: "deadline", header: t("jury.overview.deadline"), cell: (c) => format(c.evaluationEndsAt) },
    {
      key: "links",
      header: t("jury.overview.links"),
      cell: (c) => (
        <>
          {canManage ? (
            <>
              <Link to={`/jury/${c.id}/setup`}>{t("jury.nav.setup")}</Link>
              {" · "}
            </>
          ) : null}
          <Link to={`/jury/${c.id}/results`}>{t("jury.nav.results")}</Link>
        </>
      ),
    },
  ];
  return (
    <>
      <header className="page-header">
        <h1>{t("jury.title")}</h1>
        <p className="muted">{t("jury.overview.intro")}</p>
      </header>
      <DataTable label={t("jury.title")} columns={columns} rows={loaderData.overview} rowKey={(c) => c.id} empty={{ message: t("jury.overview.none") }} />
    </>
  );
}
