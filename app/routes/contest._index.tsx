import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contest/meta";
import { contestLinks } from "~/components/contest/ui";
import { useT } from "~/i18n/use-t";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { latestContestId } from "~/modules/contest/index.server";
import { idQuery } from "~/lib/params";

export const meta = pageTitle("contest.title");
export const links = contestLinks;

/** /contest opens on the most recent contest; ?id= (the header's switcher) opens another. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:contest");
  const chosen = idQuery(request, new URL(request.url).searchParams.get("id"), "key");
  if (chosen) throw redirect(`/contest/${chosen}`);
  const latest = await latestContestId();
  if (latest) throw redirect(`/contest/${latest}`);
  return { canEdit: can(user.role, "edit:contest") };
}

export default function ContestHome() {
  const { canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <header className="page-header">
        <h1>{t("contest.title")}</h1>
      </header>
      <div className="panel empty-state">
        <p>{t("contest.empty")}</p>
        {canEdit ? (
          <Link to="/contest/new" className="button button--primary">
            {t("contest.new")}
          </Link>
        ) : null}
      </div>
    </>
  );
}
