import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BulkConfirmPanel, BulkTools } from "~/components/contacts/bulk-tools";
import { ContactFilters } from "~/components/contacts/contact-filters";
import { ContactsTable } from "~/components/contacts/contacts-table";
import { countryName } from "~/components/contacts/labels";
import { KeysetPager, PageHeader, ResultSummary } from "~/components/ui";
import { INTL_LOCALE } from "~/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { EXACT_COUNT_LIMIT } from "~/lib/paging.server";
import { formBody, notFound } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { filterFromSearchParams, filterToSearchParams, getFilterOptions, getSegmentFilter, listContacts, runBulkForm, SEARCH_COUNT_LIMIT, searchPlan } from "~/modules/contacts/index.server";
import { isFiltered } from "~/modules/contacts";
import { countryChoices } from "~/modules/geo";
import contactsStylesHref from "~/styles/contacts.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contactsStylesHref }];
export const meta = pageTitle("contacts.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:contact");
  const url = new URL(request.url);
  const segmentKey = url.searchParams.get("segment");
  if (segmentKey) {
    // /contacts?segment=ID opens a segment: its filter, in the URL like any other filter.
    const segment = await getSegmentFilter(segmentKey);
    if (!segment) throw notFound(request);
    const params = filterToSearchParams(segment.filter);
    throw redirect(params.size ? `/contacts?${params}` : "/contacts");
  }
  const filter = filterFromSearchParams(url.searchParams);
  const [list, options] = await Promise.all([listContacts(filter, url.searchParams.get("cursor")), getFilterOptions()]);
  const plan = searchPlan(filter.q);
  return {
    filter,
    filterQuery: filterToSearchParams(filter).toString(),
    rows: list.rows,
    nextCursor: list.nextCursor,
    count: list.count,
    options,
    canEdit: can(user.role, "edit:contact"),
    shortSearch: plan?.kind === "emailPrefix" ? plan.term : null,
    countLimit: filter.q ? SEARCH_COUNT_LIMIT : EXACT_COUNT_LIMIT,
    allCountries: countryChoices(INTL_LOCALE[user.locale]),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:contact");
  const outcome = await runBulkForm(actor, await formBody(request));
  if (outcome.kind === "invalid") return data({ errors: outcome.errors, confirm: null }, { status: 400 });
  if (outcome.kind === "confirm") return data({ errors: {} as Record<string, string>, confirm: outcome.confirm }, { status: outcome.confirm.changedFrom === null ? 200 : 409 });
  return redirectWithToast(outcome.filterQuery ? `/contacts?${outcome.filterQuery}` : "/contacts", {
    kind: "success",
    message: `contacts.bulk.done.${outcome.operation}`,
    params: { count: outcome.changed, tag: outcome.tag },
  });
}

export default function ContactsPage() {
  const { filter, filterQuery, rows, nextCursor, count, options, canEdit, shortSearch, countLimit, allCountries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  // Country names as the server wrote them (the browser's ICU may name a few differently).
  const served = new Map(allCountries.map((c) => [c.code, c.name]));
  const nameOf = (code: string) => served.get(code) ?? countryName(code, locale);
  const countText = count.exact ? t("contacts.count", { count: count.value }) : t("contacts.countEstimate", { count: count.value });
  const exportHref = (extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(filterQuery);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return `/contacts/export.csv${params.size ? `?${params}` : ""}`;
  };
  const countTitle = count.exact ? undefined : t("contacts.countEstimateHintLimit", { limit: countLimit.toLocaleString(INTL_LOCALE[locale]) });

  return (
    <>
      <PageHeader
        title={t("contacts.title")}
        description={t("contacts.intro")}
        actions={
          <>
            <Link to="/contacts/segments" className="button">
              {t("contacts.actions.segments")}
            </Link>
            {canEdit ? (
              <>
                <Link to="/contacts/import" className="button">
                  {t("contacts.actions.import")}
                </Link>
                <Link to="/contacts/new" className="button button--primary">
                  {t("contacts.actions.new")}
                </Link>
              </>
            ) : null}
          </>
        }
      />
      <ContactFilters filter={filter} options={options} allCountries={allCountries} nameOf={nameOf} />
      {shortSearch ? (
        <p className="contacts-notice" role="note">
          {t("contacts.filters.qShort", { term: shortSearch })}
        </p>
      ) : null}
      <ResultSummary
        text={
          <span className="contacts-summary__count" title={countTitle}>
            {countText}
          </span>
        }
        exports={
          canEdit
            ? [
                { href: exportHref(), label: t("contacts.actions.export") },
                { href: exportHref({ delimiter: ";" }), label: t("contacts.actions.exportSemicolon") },
              ]
            : []
        }
      />
      {canEdit && actionData?.confirm ? <BulkConfirmPanel confirm={actionData.confirm} /> : null}
      {canEdit ? <BulkTools filterQuery={filterQuery} count={count} errors={actionData?.errors ?? {}} showBulk={rows.length > 0} /> : null}
      <ContactsTable rows={rows} caption={`${t("contacts.title")}: ${countText}`} selectable={canEdit} nameOf={nameOf} empty={isFiltered(filter) ? t("contacts.emptyFiltered") : t("contacts.empty")} />
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
