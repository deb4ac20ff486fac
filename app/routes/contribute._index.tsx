import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import contributionsStylesHref from "~/components/reports/contributions.css?url";
import { ContributionBadge, DueDate } from "~/components/reports/contributions-panel";
import { pageTitle } from "~/components/contact-detail/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { formatMonth } from "~/lib/format";
import { monthParam } from "~/lib/params";
import { requirePermission } from "~/modules/auth/session.server";
import { mySections } from "~/modules/reports/contributions.server";

export const meta = pageTitle("contribute.mine.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: contributionsStylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "contribute:report");
  const before = monthParam(request, new URL(request.url).searchParams.get("before"));
  return { area: user.ineArea, before: before ?? null, ...(await mySections(user, { before })) };
}

export default function MySectionsPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <header className="page-header">
        <h1>{t("contribute.mine.title")}</h1>
        <p className="muted">{t("contribute.mine.intro", { area: d.area ? t(`ineArea.${d.area}`) : "" })}</p>
      </header>
      {d.months.length === 0 ? (
        <p className="empty-state">{d.before ? t("contribute.mine.noMore") : t("contribute.mine.none")}</p>
      ) : (
        d.months.map((m) => (
          <section key={m.month} className="panel" aria-labelledby={`month-${m.month}`}>
            <h2 id={`month-${m.month}`}>{t("contribute.mine.month", { month: formatMonth(m.month, locale) })}</h2>
            <ul className="contrib-list">
              {m.sections.map((s) => (
                <li key={s.key} className="contrib-item" data-section={s.key}>
                  <h3 className="contrib-item__title">
                    <Link to={`/contribute/${m.month}/${s.key}`}>{s.number ? `${s.number} ${s.title}` : s.title}</Link>
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
          </section>
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
