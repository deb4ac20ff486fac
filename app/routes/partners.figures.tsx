import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FigureTables } from "~/components/partners/figure-tables";
import partnersStylesHref from "~/components/partners/partners.css?url";
import { Field, FilterBar, PageHeader, ResultSummary } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { formatMonth } from "~/lib/format";
import { monthParam } from "~/lib/params";
import { sliceRows, tablesShownInFull } from "~/lib/table-slice";
import { requirePermission } from "~/modules/auth/index.server";
import { partnerFiguresForMonth } from "~/modules/partners/index.server";

export const meta = pageTitle("partners.figures.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: partnersStylesHref }];

/**
 * ?month=2017-11 (default: the current month); ?all=byPartner sends every institution. The module's
 * figures as they are, the by-institution table cut to its first rows in the module's order (the
 * totals are the module's, over every activity).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:partner");
  const searchParams = new URL(request.url).searchParams;
  const month = monthParam(request, searchParams.get("month"));
  const now = new Date();
  const figures = month ? await partnerFiguresForMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))) : await partnerFiguresForMonth(now.getUTCFullYear(), now.getUTCMonth() + 1);
  return { ...figures, byPartner: sliceRows(figures.byPartner, tablesShownInFull(searchParams).has("byPartner")) };
}

export default function PartnerFiguresPage() {
  const figures = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const monthValue = `${figures.year}-${String(figures.month).padStart(2, "0")}`;
  return (
    <>
      <PageHeader back={{ to: "/partners", label: t("partners.backToList") }} title={t("partners.figures.title")} description={t("partners.figures.intro", { month: formatMonth(monthValue, locale) })}>
        <p className="muted" data-counting="once">
          {t("partners.figures.countingNote")}
        </p>
      </PageHeader>
      <FilterBar label={t("partners.figures.month")} submitLabel={t("partners.filters.apply")}>
        <Field name="month" type="month" idPrefix="figures" label={t("partners.figures.month")} defaultValue={monthValue} />
      </FilterBar>
      <ResultSummary exports={[{ href: `/partners/figures.csv?month=${monthValue}`, label: t("partners.figures.csv") }]} />
      <FigureTables figures={figures} />
    </>
  );
}
