import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { KeysetPager } from "~/components/admin/pager";
import { countryName } from "~/components/contacts/labels";
import { subdivisionName } from "~/modules/geo";
import { pageTitle } from "~/components/contact-detail/meta";
import { EventTime, formatNumber, placeLabel, StatusBadge } from "~/components/events/labels";
import { useLocale, useT } from "~/i18n/use-t";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { EVENT_KINDS, EVENT_STATUSES, filterToSearchParams, isFiltered } from "~/modules/events";
import { eventFilterFromUrl, getEventFilterOptions, listEvents, viewerZone } from "~/modules/events/index.server";
import { REPORT_PARTS } from "~/modules/reports";

export const meta = pageTitle("events.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:event");
  const url = new URL(request.url);
  const filter = eventFilterFromUrl(request, url);
  const zone = await viewerZone(user);
  const [list, options] = await Promise.all([listEvents(filter, url.searchParams.get("cursor"), zone), getEventFilterOptions()]);
  return {
    filter,
    filterQuery: filterToSearchParams(filter).toString(),
    rows: list.rows,
    nextCursor: list.nextCursor,
    count: list.count,
    options,
    canEdit: can(user.role, "edit:event"),
  };
}

export default function EventsPage() {
  const { filter, filterQuery, rows, nextCursor, count, options, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const filtered = isFiltered(filter);
  const countText = count.exact ? t("events.list.count", { count: count.value }) : t("events.list.countEstimate", { count: count.value });
  const exportHref = (extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(filterQuery);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return `/events/export.csv${params.size ? `?${params}` : ""}`;
  };
  const states = filter.country ? options.states.filter((s) => s.country === filter.country) : options.states;
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("events.title")}</h1>
          <p className="muted">{t("events.list.intro")}</p>
        </div>
        {canEdit ? (
          <Link to="/events/new" className="button button--primary">
            {t("events.actions.new")}
          </Link>
        ) : null}
      </header>

      <Form method="get" className="filters" role="search" aria-label={t("events.filters.label")}>
        <div className="field">
          <label htmlFor="events-q">{t("events.filters.q")}</label>
          <input id="events-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={200} />
        </div>
        <FilterSelect name="kind" label={t("events.filters.kind")} value={filter.kind}>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`events.kind.${k}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="status" label={t("events.filters.status")} value={filter.status}>
          {EVENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`events.status.${s}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="country" label={t("events.filters.country")} value={filter.country}>
          {(filter.country && !options.countries.includes(filter.country) ? [filter.country, ...options.countries] : options.countries).map((c) => (
            <option key={c} value={c}>
              {countryName(c, locale)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="state" label={t("events.filters.state")} value={filter.state}>
          {filter.state && !states.some((s) => s.state === filter.state) ? <option value={filter.state}>{subdivisionName(filter.state)}</option> : null}
          {states.map((s) => (
            <option key={`${s.country}-${s.state}`} value={s.state}>
              {subdivisionName(s.state)}
            </option>
          ))}
        </FilterSelect>
        <div className="field">
          <label htmlFor="events-from">{t("events.filters.from")}</label>
          <input id="events-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="events-to">{t("events.filters.to")}</label>
          <input id="events-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <FilterSelect name="staff" label={t("events.filters.staff")} value={filter.staff}>
          {options.staff.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="partner" label={t("events.filters.partner")} value={filter.partner}>
          {options.partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="reportPart" label={t("events.filters.reportPart")} value={filter.reportPart}>
          {REPORT_PARTS.map((p) => (
            <option key={p} value={p}>
              {t(`reportPart.${p}`)}
            </option>
          ))}
        </FilterSelect>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t("events.filters.apply")}
          </button>
          {filtered ? (
            <Link to="/events" className="button">
              {t("events.filters.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <div className="ev-summary">
        <p role="status">{countText}</p>
        <div className="form-actions">
          <a href={exportHref()} className="button" download>
            {t("events.actions.export")}
          </a>
          <a href={exportHref({ delimiter: ";" })} className="button" download>
            {t("events.actions.exportSemicolon")}
          </a>
        </div>
      </div>

      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{filtered ? t("events.list.emptyFiltered") : t("events.list.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="ev-table">
            <caption className="sr-only">{`${t("events.title")}: ${countText}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t("events.fields.name")}</th>
                <th scope="col">{t("events.fields.startsAt")}</th>
                <th scope="col">{t("events.fields.place")}</th>
                <th scope="col">{t("events.fields.status")}</th>
                <th scope="col" className="num">
                  {t("events.figures.attendance")}
                </th>
                <th scope="col" className="num">
                  {t("events.figures.appointments")}
                </th>
                <th scope="col" className="num">
                  {t("events.figures.registrationRequests")}
                </th>
                <th scope="col" className="num">
                  {t("events.figures.signups")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link to={`/events/${row.id}`} className="ev-name">
                      {row.name}
                    </Link>
                    <br />
                    <span className="muted">
                      {t(`events.kind.${row.kind}`)} · <span data-testid="row-report-part">{t(`reportPart.${row.reportPart}`)}</span>
                    </span>
                    {row.partners ? (
                      <>
                        <br />
                        <span className="muted">{shortList(row.partners, t)}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="ev-when">
                    <EventTime at={row.startsAt} zone={row.timeZone} compact />
                  </td>
                  <td className="ev-place">{placeLabel(row, locale, t)}</td>
                  <td>
                    <StatusBadge status={row.status} t={t} />
                  </td>
                  <td className="num">{formatNumber(row.estimatedAttendance, locale)}</td>
                  <td className="num">{formatNumber(row.credentialAppointments, locale)}</td>
                  <td className="num">{formatNumber(row.registrationRequests, locale)}</td>
                  <td className="num">{formatNumber(row.signups, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager nextCursor={nextCursor ?? undefined} />
    </>
  );
}

/** "A; B; C; D" → "A; B and 2 more" (the event's page lists them all). */
function shortList(joined: string, t: (key: string, params?: Record<string, string | number>) => string): string {
  const names = joined.split("; ");
  return names.length <= 2 ? joined : `${names.slice(0, 2).join("; ")} ${t("events.list.more", { count: names.length - 2 })}`;
}

function FilterSelect({ name, label, value, children }: { name: string; label: string; value: string | undefined; children: React.ReactNode }) {
  const t = useT();
  const id = `events-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{t("events.filters.any")}</option>
        {children}
      </select>
    </div>
  );
}
