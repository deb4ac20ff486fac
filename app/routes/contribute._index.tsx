import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import contributionsStylesHref from "~/components/reports/contributions.css?url";
import { ContributionBadge, DueDate } from "~/components/reports/contributions-panel";
import { sectionHeading } from "~/components/reports/labels";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { formatMonth } from "~/lib/format";
import { monthParam } from "~/lib/params";
import { requireActor } from "~/lib/actor.server";
import { mySections } from "~/modules/reports/index.server";

export const meta = pageTitle("contribute.mine.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: contributionsStylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireActor(request, "contribute:report");
  const before = monthParam(request, new URL(request.url).searchParams.get("before"));
  return { area: user.ineArea, before: before ?? null, ...(await mySections(user, { before })) };
}

export default function MySectionsPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <PageHeader title={t("contribute.mine.title")} description={t("contribute.mine.intro", { area: d.area ? t(`ineArea.${d.area}`) : "" })} />
      {d.months.length === 0 ? (
        <EmptyState message={d.before ? t("contribute.mine.noMore") : t("contribute.mine.none")} />
      ) : (
        d.months.map((m) => (
          <Card key={m.month} title={t("contribute.mine.month", { month: formatMonth(m.month, locale) })}>
            <ul className="contrib-list">
              {m.sections.map((s) => (
                <li key={s.key} className="contrib-item" data-section={s.key}>
                  <h3 className="contrib-item__title">
                    <Link to={`/contribute/${m.month}/${s.key}`}>{sectionHeading(s)}</Link>
                  </h3>
                  <p className="contrib-item__meta">
                    <ContributionBadge state={s.state} />
                    <DueDate dueOn={s.dueOn} overdue={s.overdue} />
                  </p>
                  {s.returnNote && s.state === "IN_PROGRESS" ? (
                    <p className="contrib-item__note">
                      <strong>{t("contribute.returnNote")}:</strong> {s.returnNote}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        ))
      )}
      {d.nextBefore ? (
        <p>
          <Link className="button" to={`/contribute?${new URLSearchParams({ before: d.nextBefore })}`}>
            {t("contribute.mine.older")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
