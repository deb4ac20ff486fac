import type { LoaderFunctionArgs } from "@remix-run/node";
import { refusalResponse } from "~/lib/http.server";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { KeysetPager } from "~/components/admin/pager";
import { pageTitle } from "~/components/contest/meta";
import { ContestHeader, contestLinks, StatusBadge } from "~/components/contest/ui";
import { DataTable, Field, SelectField, type Column } from "~/components/ui";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { contestFrame, contestZone, contestFunnel, listSubmissions, stateChoices, civilSocietyNames, listContestEnquiries } from "~/modules/contest/index.server";
import { formatDateTime, formatDeadline, formatNumber, zoneLabel } from "~/lib/format";
import { SUBMISSION_STATUSES, DEADLINE_FIELDS, filterFromParams, filterToParams } from "~/modules/contest";
import { subdivisionName } from "~/modules/geo";
import { routeParams } from "~/lib/params";
// Enquiries organisations made about the contest (decision 025).
import { ContestEnquiries } from "~/components/contest/enquiries";
import { enquiryLinks } from "~/components/enquiries/enquiries";

export const meta = pageTitle("contest.title");
export const links = () => [...contestLinks(), ...enquiryLinks()];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:contest");
  const { contestId } = routeParams(request, params, { contestId: "key" });
  const url = new URL(request.url);
  const filter = filterFromParams(url.searchParams);
  // Independent reads, in parallel: the page waits for the slowest, not for their sum.
  const [frame, funnel, list, states, enquiries, organisations, zone] = await Promise.all([
    contestFrame(contestId).catch(refusalResponse),
    contestFunnel(contestId),
    listSubmissions(contestId, filter, url.searchParams.get("cursor")),
    stateChoices(contestId),
    listContestEnquiries(contestId),
    can(user.role, "edit:contest") ? civilSocietyNames() : [],
    contestZone(),
  ]);
  return { ...frame, contestZone: zone, canEdit: can(user.role, "edit:contest"), funnel, list, states, filter, filterQuery: filterToParams(filter).toString(), enquiries, organisations };
}

const FUNNEL = [
  ["received", "contest.funnel.received"],
  ["inReview", "contest.funnel.inReview"],
  ["corrections", "contest.funnel.corrections"],
  ["registered", "contest.funnel.registered"],
  ["notRegistered", "contest.funnel.notRegistered"],
  ["withdrawn", "contest.funnel.withdrawn"],
  ["pending", "contest.funnel.pending"],
] as const;

export default function ContestPage() {
  const data = useLoaderData<typeof loader>();
  const { contest, funnel, list, states, filter, filterQuery } = data;
  const t = useT();
  const formatDate = useFormatDate();
  const locale = useLocale();
  const zone = data.contestZone;
  const base = `/contest/${contest.id}`;
  const columns: Column<(typeof list.rows)[number]>[] = [
    { key: "folio", header: t("contest.list.folio"), className: "ct-nowrap", cell: (row) => row.folio },
    { key: "project", header: t("contest.list.project"), primary: true, cell: (row) => <Link to={`${base}/submissions/${row.id}`}>{row.title}</Link> },
    { key: "organisation", header: t("contest.list.organisation"), cell: (row) => row.partner.name },
    { key: "state", header: t("contest.list.state"), cell: (row) => (row.partner.state ? subdivisionName(row.partner.state) : t("common.none")) },
    { key: "received", header: t("contest.list.received"), cell: (row) => formatDate(row.receivedAt, { dateStyle: "medium" }) },
    {
      key: "status",
      header: t("contest.list.status"),
      cell: (row) => (
        <>
          <StatusBadge status={row.status} />{" "}
          {row.late ? <span className={`badge ${row.lateAcceptedById ? "" : "badge--warn"}`}>{t(row.lateAcceptedById ? "contest.late.accepted" : "contest.late.flag")}</span> : null}{" "}
          {row.overdue ? <span className="badge badge--off">{t("contest.corrections.overdue")}</span> : null}
        </>
      ),
    },
  ];
  const exportHref = (path: string) => `${base}/${path}${filterQuery ? `?${filterQuery}` : ""}`;
  const dates = [
    ["submissionsOpenAt", contest.submissionsOpenAt],
    ["submissionsCloseAt", contest.submissionsCloseAt],
    ["reviewEndsAt", contest.reviewEndsAt],
    ["evaluationStartsAt", contest.evaluationStartsAt],
    ["evaluationEndsAt", contest.evaluationEndsAt],
    ["resultsAt", contest.resultsAt],
  ] as const;
  return (
    <>
      <ContestHeader frame={data} />
      <section aria-labelledby="funnel-title">
        <h2 id="funnel-title">{t("contest.funnel.title")}</h2>
        <dl className="ct-funnel" aria-label={t("contest.funnel.title")}>
          {FUNNEL.map(([key, label]) => (
            <div key={key} data-funnel={key} className={key === "registered" ? "ct-funnel__final" : undefined}>
              <dt>{t(label)}</dt>
              <dd>{formatNumber(funnel[key], locale)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="ct-grid">
        <section className="panel" aria-labelledby="dates-title">
          <h2 id="dates-title">{t("contest.form.dates")}</h2>
          <p className="hint muted">{t("contest.datesZone", { zone: zoneLabel(zone, locale, contest.submissionsOpenAt) })}</p>
          <dl className="ct-details ct-details--dates">
            {dates.map(([key, value]) => (
              <div key={key} style={{ display: "contents" }}>
                <dt>{t(`contest.form.${key}`)}</dt>
                <dd>{DEADLINE_FIELDS.has(key) ? formatDeadline(value, locale, zone) : formatDateTime(value, locale, zone)}</dd>
              </div>
            ))}
            <dt>{t("contest.form.correctionDays")}</dt>
            <dd>{t("contest.days", { count: contest.correctionDays })}</dd>
            {contest.phaseOverride ? (
              <>
                <dt>{t("contest.phase.overrideReason")}</dt>
                <dd>{contest.phaseOverrideReason}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="panel" aria-labelledby="docs-title">
          <h2 id="docs-title">{t("contest.documents.title")}</h2>
          <ul>
            <li>{contest.callFileName ? <a href={`${base}/documents/call`}>{t("contest.documents.call")}: {contest.callFileName}</a> : <span className="muted">{t("contest.documents.noCall")}</span>}</li>
            <li>{contest.rulesFileName ? <a href={`${base}/documents/rules`}>{t("contest.documents.rules")}: {contest.rulesFileName}</a> : <span className="muted">{t("contest.documents.noRules")}</span>}</li>
          </ul>
          {contest.description ? <p style={{ whiteSpace: "pre-wrap" }}>{contest.description}</p> : null}
        </section>
      </div>

      <section className="panel" aria-labelledby="list-title">
        <div className="page-header--actions" style={{ display: "flex", justifyContent: "space-between", flexWrap: "wrap", gap: "0.5rem" }}>
          <h2 id="list-title">{t("contest.list.title")}</h2>
          <div className="ct-inline" style={{ marginTop: 0 }}>
            <a className="button" href={exportHref("submissions.csv")} download>
              {t("contest.export.submissions")}
            </a>
            <a className="button" href={exportHref("checks.csv")} download>
              {t("contest.export.checks")}
            </a>
          </div>
        </div>
        <Form method="get" className="filters ct-inline" aria-label={t("contest.list.filters")}>
          <Field name="q" id="f-q" type="search" label={t("contest.list.q")} defaultValue={filter.q ?? ""} />
          <SelectField name="status" id="f-status" label={t("contest.list.status")} placeholder={t("contest.list.any")} options={SUBMISSION_STATUSES.map((s) => ({ value: s, label: t(`contest.status.${s}`) }))} defaultValue={filter.status} />
          <SelectField name="state" id="f-state" label={t("contest.list.state")} placeholder={t("contest.list.any")} options={states.map((s) => ({ value: s.code, label: s.name }))} defaultValue={filter.state} />
          <label className="ct-check">
            <input type="checkbox" name="late" value="1" defaultChecked={!!filter.late} /> {t("contest.list.late")}
          </label>
          <label className="ct-check">
            <input type="checkbox" name="overdue" value="1" defaultChecked={!!filter.overdue} /> {t("contest.list.overdue")}
          </label>
          <button type="submit" className="button">
            {t("common.filter")}
          </button>
          {filterQuery ? (
            <Link to={base} className="button">
              {t("common.clear")}
            </Link>
          ) : null}
        </Form>
        <p className="muted">{t("common.total", { count: list.count })}</p>
        <DataTable label={t("contest.list.title")} columns={columns} rows={list.rows} rowKey={(row) => row.id} empty={{ message: t("contest.list.empty") }} />
        <KeysetPager nextCursor={list.nextCursor ?? undefined} />
      </section>

      <ContestEnquiries contestId={contest.id} items={data.enquiries.items} total={data.enquiries.total} canEdit={data.canEdit} organisations={data.organisations} moreLink />
    </>
  );
}
