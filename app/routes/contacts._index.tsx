import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useCallback } from "react";
import { z } from "zod";
import { contactName, countryName, languageName, SORT_OPTIONS, stateName } from "~/components/contacts/labels";
import { countryChoices } from "~/modules/geo/regions";
import { INTL_LOCALE } from "~/i18n";
import { makeT } from "~/i18n";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth/permissions";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { BULK_OPERATIONS } from "~/modules/contacts/bulk";
import { applyBulk, bulkTagSchema, BulkSetChanged, previewBulk, selectedIdsSchema, type BulkRequest, type BulkSet } from "~/modules/contacts/bulk.server";
import { CONSENT_STATUSES, CONTACT_SOURCES, SUBSCRIPTION_STATUSES } from "~/modules/contacts/fields";
import { filterFromSearchParams, filterToSearchParams, isFiltered, type ContactFilter } from "~/modules/contacts/filter";
import { getFilterOptions, listContacts, SEARCH_COUNT_LIMIT, searchPlan } from "~/modules/contacts/query.server";
import { EXACT_COUNT_LIMIT } from "~/lib/paging.server";
import { getSegmentFilter } from "~/modules/contacts/segments.server";
import contactsStylesHref from "~/styles/contacts.css?url";
import { formBody, notFound } from "~/lib/params";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contactsStylesHref }];

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: "es" | "en" } | undefined;
  return [{ title: `Alcance — ${makeT(root?.locale ?? "es")("contacts.title")}` }];
};

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
  const cursor = url.searchParams.get("cursor");
  const [list, options] = await Promise.all([listContacts(filter, cursor), getFilterOptions()]);
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
    onFirstPage: !cursor,
    allCountries: countryChoices(INTL_LOCALE[user.locale]),
  };
}

const bulkFormSchema = z.object({
  intent: z.enum(["bulk-preview", "bulk-apply"]),
  operation: z.enum(BULK_OPERATIONS, { message: "contacts.bulk.errors.invalid" }),
  scope: z.enum(["selection", "all"]).default("selection"),
  filter: z.string().max(2000).default(""),
  /** The fingerprint of the set the confirmation stated (count.hash); apply acts on that set only. */
  confirmed: z
    .string()
    .regex(/^\d{1,10}\.-?\d{1,20}$/)
    .optional()
    .catch(undefined),
});

type BulkConfirm = {
  operation: BulkRequest["operation"];
  scope: "selection" | "all";
  ids: number[];
  tag: string | null;
  filterQuery: string;
  /** Exact, counted when the confirmation was asked for. */
  count: number;
  fingerprint: string;
  /** Set when the contacts changed between a confirmation and its apply: the number confirmed then. */
  changedFrom: number | null;
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:contact");
  const form = await formBody(request);
  const parsed = bulkFormSchema.safeParse({
    intent: form.get("intent") ?? undefined,
    operation: form.get("operation") ?? undefined,
    scope: form.get("scope") ?? undefined,
    filter: form.get("filter") ?? undefined,
    confirmed: form.get("confirmed") ?? undefined,
  });
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), confirm: null }, { status: 400 });
  const { intent, operation, scope } = parsed.data;
  const filter: ContactFilter = filterFromSearchParams(new URLSearchParams(parsed.data.filter));
  const filterQuery = filterToSearchParams(filter).toString();
  const errors: Record<string, string> = {};

  let tag: string | undefined;
  if (operation === "tag" || operation === "untag") {
    const tagResult = bulkTagSchema.safeParse(form.get("tag") ?? "");
    if (tagResult.success) tag = tagResult.data;
    else errors.tag = tagResult.error.issues[0]?.message ?? "contacts.bulk.errors.tagRequired";
  }
  let ids: number[] = [];
  if (scope === "selection") {
    const idsResult = selectedIdsSchema.safeParse(form.getAll("id"));
    if (idsResult.success) ids = idsResult.data;
    else errors.id = idsResult.error.issues[0]?.message ?? "contacts.bulk.errors.noneSelected";
  }
  if (Object.keys(errors).length) return data({ errors, confirm: null }, { status: 400 });

  const bulk: BulkRequest = { operation, tag, scope: scope === "all" ? { kind: "filter", filter } : { kind: "ids", ids } };
  const confirmStep = (set: BulkSet, changedFrom: number | null) => {
    const confirm: BulkConfirm = { operation, scope, ids, tag: tag ?? null, filterQuery, count: set.count, fingerprint: set.fingerprint, changedFrom };
    return data({ errors: {} as Record<string, string>, confirm }, { status: changedFrom === null ? 200 : 409 });
  };
  // Nothing runs without a confirmation of its exact number (a form without one gets the step).
  const confirmedSet = parsed.data.confirmed ? { count: Number(parsed.data.confirmed.split(".")[0]), fingerprint: parsed.data.confirmed } : null;
  if (intent === "bulk-preview" || !confirmedSet) return confirmStep(await previewBulk(bulk), null);
  let changed: number;
  try {
    changed = await applyBulk({ userId: user.id, ip: clientIp(request) }, bulk, confirmedSet);
  } catch (error) {
    // The contacts changed since the confirmation: nothing was done; confirm the new number.
    if (error instanceof BulkSetChanged) return confirmStep(error.now, error.confirmed.count);
    throw error;
  }
  return redirectWithToast(filterQuery ? `/contacts?${filterQuery}` : "/contacts", {
    kind: "success",
    message: `contacts.bulk.done.${operation}`,
    params: { count: changed, tag: tag ?? "" },
  });
}

function Badge({ ok, off, children }: { ok?: boolean; off?: boolean; children: React.ReactNode }) {
  return <span className={ok ? "badge badge--ok" : off ? "badge badge--off" : "badge"}>{children}</span>;
}

export default function ContactsPage() {
  const { filter, filterQuery, rows, nextCursor, count, options, canEdit, shortSearch, onFirstPage, countLimit, allCountries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  // Country names as the server wrote them (the browser's ICU may name a few differently).
  const served = new Map(allCountries.map((c) => [c.code, c.name]));
  const nameOf = (code: string) => served.get(code) ?? countryName(code, locale);
  const formatDate = useFormatDate();
  const filtered = isFiltered(filter);
  const countText = count.exact ? t("contacts.count", { count: count.value }) : t("contacts.countEstimate", { count: count.value });
  const exportHref = (extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(filterQuery);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return `/contacts/export.csv${params.size ? `?${params}` : ""}`;
  };
  const statesForSelect = filter.country ? options.states.filter((s) => s.country === filter.country) : options.states;
  const withCurrent = (values: string[], current: string | undefined) => (current && !values.includes(current) ? [current, ...values] : values);
  const errors: Record<string, string> = actionData?.errors ?? {};

  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("contacts.title")}</h1>
          <p className="muted">{t("contacts.intro")}</p>
        </div>
        <div className="form-actions">
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
        </div>
      </header>

      <Form method="get" className="filters" role="search" aria-label={t("contacts.filters.label")}>
        <div className="field field--search">
          <label htmlFor="contacts-q">{t("contacts.filters.q")}</label>
          <input
            id="contacts-q"
            name="q"
            type="search"
            defaultValue={filter.q ?? ""}
            placeholder={t("contacts.filters.qPlaceholder")}
            aria-describedby="contacts-q-hint"
            maxLength={200}
          />
          <p className="hint" id="contacts-q-hint">
            {t("contacts.filters.qHint")}
          </p>
        </div>
        <FilterSelect name="country" label={t("contacts.filters.country")} value={filter.country}>
          {withCurrent(options.countries, filter.country).map((c) => (
            <option key={c} value={c}>
              {nameOf(c)}
            </option>
          ))}
          {/* The stored countries come from a cache refreshed every minute: a country just imported
              is still offered, with every other. */}
          <optgroup label={t("contacts.filters.otherCountries")}>
            {allCountries
              .filter((c) => c.code !== filter.country && !options.countries.includes(c.code))
              .map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
          </optgroup>
        </FilterSelect>
        <FilterSelect name="state" label={t("contacts.filters.state")} value={filter.state}>
          {filter.state && !statesForSelect.some((s) => s.state === filter.state) ? <option value={filter.state}>{stateName(filter.state)}</option> : null}
          {filter.country
            ? statesForSelect.map((s) => (
                <option key={s.state} value={s.state}>
                  {stateName(s.state)}
                </option>
              ))
            : options.countries.map((c) => {
                const states = statesForSelect.filter((s) => s.country === c);
                return states.length ? (
                  <optgroup key={c} label={nameOf(c)}>
                    {states.map((s) => (
                      <option key={`${c}-${s.state}`} value={s.state}>
                        {stateName(s.state)}
                      </option>
                    ))}
                  </optgroup>
                ) : null;
              })}
        </FilterSelect>
        <FilterSelect name="language" label={t("contacts.filters.language")} value={filter.language}>
          {withCurrent(options.languages, filter.language).map((l) => (
            <option key={l} value={l}>
              {languageName(l, locale)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="tag" label={t("contacts.filters.tag")} value={filter.tag}>
          {withCurrent(options.tags, filter.tag).map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="source" label={t("contacts.filters.source")} value={filter.source}>
          {CONTACT_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`contacts.source.${s}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="consent" label={t("contacts.filters.consent")} value={filter.consent}>
          {CONSENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`contacts.consent.${s}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="subscription" label={t("contacts.filters.subscription")} value={filter.subscription}>
          {SUBSCRIPTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`contacts.subscription.${s}`)}
            </option>
          ))}
        </FilterSelect>
        <div className="field">
          <label htmlFor="contacts-sort">{t("contacts.filters.sort")}</label>
          <select id="contacts-sort" name="sort" defaultValue={filter.sort}>
            {SORT_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {t(`contacts.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t("contacts.filters.apply")}
          </button>
          {filtered || filter.sort !== "created" ? (
            <Link to="/contacts" className="button">
              {t("contacts.filters.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      {shortSearch ? (
        <p className="contacts-notice" role="note">
          {t("contacts.filters.qShort", { term: shortSearch })}
        </p>
      ) : null}

      <div className="contacts-summary">
        <p className="contacts-summary__count" role="status" title={count.exact ? undefined : t("contacts.countEstimateHintLimit", { limit: countLimit.toLocaleString(locale === "es" ? "es-MX" : "en-US") })}>
          {countText}
        </p>
        {canEdit ? (
          <div className="form-actions">
            <a href={exportHref()} className="button" download>
              {t("contacts.actions.export")}
            </a>
            <a href={exportHref({ delimiter: ";" })} className="button" download>
              {t("contacts.actions.exportSemicolon")}
            </a>
            <Form method="post" action="/contacts/segments" className="segment-save">
              <input type="hidden" name="intent" value="create" />
              <input type="hidden" name="filter" value={filterQuery} />
              <div className="field">
                <label htmlFor="segment-name">{t("contacts.segments.save.title")}</label>
                <input id="segment-name" name="name" required maxLength={100} placeholder={t("contacts.segments.fields.name")} />
              </div>
              <button type="submit" className="button">
                {t("contacts.segments.save.submit")}
              </button>
            </Form>
          </div>
        ) : null}
      </div>

      {canEdit && actionData?.confirm ? <BulkConfirmPanel confirm={actionData.confirm} /> : null}

      {canEdit && rows.length > 0 ? <BulkForm filterQuery={filterQuery} count={count} errors={errors} /> : null}

      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{filtered ? t("contacts.emptyFiltered") : t("contacts.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="contacts-table">
            <caption className="sr-only">{`${t("contacts.title")}: ${countText}`}</caption>
            <thead>
              <tr>
                {canEdit ? (
                  <th scope="col" className="select">
                    <SelectPage />
                  </th>
                ) : null}
                <th scope="col">{t("contacts.fields.name")}</th>
                <th scope="col">{t("contacts.fields.email")}</th>
                <th scope="col">{t("contacts.fields.place")}</th>
                <th scope="col">{t("contacts.fields.language")}</th>
                <th scope="col">{t("contacts.fields.tags")}</th>
                <th scope="col">{t("contacts.fields.consent")}</th>
                <th scope="col">{t("contacts.fields.subscription")}</th>
                <th scope="col">{t("contacts.fields.createdAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const name = contactName(row);
                return (
                  <tr key={row.id}>
                    {canEdit ? (
                      <td className="select">
                        <input type="checkbox" name="id" value={row.id} form="contacts-bulk" aria-label={t("contacts.select.row", { name: name || row.email })} />
                      </td>
                    ) : null}
                    <td>
                      <Link to={`/contacts/${row.id}`}>{name || <span className="muted">{t("contacts.noName")}</span>}</Link>
                    </td>
                    <td className="email">{row.email}</td>
                    <td>
                      {row.country ? nameOf(row.country) : t("common.none")}
                      {row.state ? (
                        <>
                          <br />
                          <span className="muted">{stateName(row.state)}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{row.language ? languageName(row.language, locale) : t("common.none")}</td>
                    <td>
                      {row.tags.length ? (
                        <ul className="tag-list">
                          {row.tags.map((tag) => (
                            <li key={tag} className="badge">
                              {tag}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        t("common.none")
                      )}
                    </td>
                    <td>
                      <Badge ok={row.consentStatus === "CONFIRMED"} off={row.consentStatus === "WITHDRAWN"}>
                        {t(`contacts.consent.${row.consentStatus}`)}
                      </Badge>
                    </td>
                    <td>
                      <Badge ok={row.subscriptionStatus === "SUBSCRIBED"} off={row.subscriptionStatus !== "SUBSCRIBED"}>
                        {t(`contacts.subscription.${row.subscriptionStatus}`)}
                      </Badge>
                    </td>
                    <td className="nowrap">
                      <time dateTime={new Date(row.createdAt).toISOString()}>{formatDate(row.createdAt, { dateStyle: "medium" })}</time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ContactsPager nextCursor={nextCursor} onFirstPage={onFirstPage} />
    </>
  );
}

function FilterSelect({ name, label, value, children }: { name: string; label: string; value: string | undefined; children: React.ReactNode }) {
  const t = useT();
  const id = `contacts-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{t("contacts.filters.any")}</option>
        {children}
      </select>
    </div>
  );
}

/** Ticks every row of the page (needs JavaScript; without it, tick rows one by one). */
function SelectPage() {
  const t = useT();
  const onChange = useCallback((event: React.ChangeEvent<HTMLInputElement>) => {
    const boxes = document.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="id"][form="contacts-bulk"]');
    boxes.forEach((box) => {
      box.checked = event.target.checked;
    });
  }, []);
  return <input type="checkbox" onChange={onChange} aria-label={t("contacts.select.page")} />;
}

function BulkForm({ filterQuery, count, errors }: { filterQuery: string; count: { value: number; exact: boolean }; errors: Record<string, string> }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "bulk-preview";
  return (
    <Form method="post" id="contacts-bulk" className="bulk-panel" noValidate>
      <input type="hidden" name="intent" value="bulk-preview" />
      <input type="hidden" name="filter" value={filterQuery} />
      <fieldset>
        <legend>{t("contacts.bulk.title")}</legend>
        <div className="field">
          <label htmlFor="bulk-operation">{t("contacts.bulk.operation")}</label>
          <select id="bulk-operation" name="operation" defaultValue="tag" aria-invalid={errors.operation ? true : undefined}>
            {BULK_OPERATIONS.map((op) => (
              <option key={op} value={op}>
                {t(`contacts.bulk.op.${op}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="bulk-tag">{t("contacts.bulk.tag")}</label>
          <input id="bulk-tag" name="tag" maxLength={60} aria-describedby={errors.tag ? "bulk-tag-error" : "bulk-tag-hint"} aria-invalid={errors.tag ? true : undefined} />
          <p className="hint" id="bulk-tag-hint">
            {t("contacts.bulk.tagHint")}
          </p>
          {errors.tag ? (
            <p className="field-error" id="bulk-tag-error">
              {t(errors.tag)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <span className="sr-only">{t("contacts.bulk.scope")}</span>
          <div className="radio-group" role="radiogroup" aria-label={t("contacts.bulk.scope")}>
            <label>
              <input type="radio" name="scope" value="selection" defaultChecked /> {t("contacts.bulk.scope.selection")}
            </label>
            <label>
              <input type="radio" name="scope" value="all" />{" "}
              {count.exact ? t("contacts.bulk.scope.all", { count: count.value }) : t("contacts.bulk.scope.allEstimate", { count: count.value })}
            </label>
          </div>
          {errors.id ? (
            <p className="field-error" role="alert">
              {t(errors.id)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t("contacts.bulk.continue")}
        </button>
      </fieldset>
    </Form>
  );
}

function BulkConfirmPanel({ confirm }: { confirm: BulkConfirm }) {
  const t = useT();
  const location = useLocation();
  const danger = confirm.operation === "delete";
  const params = { count: confirm.count, tag: confirm.tag ?? "" };
  return (
    <section className={danger ? "confirm-panel confirm-panel--danger" : "confirm-panel"} role="alertdialog" aria-labelledby="bulk-confirm-title">
      <h2 id="bulk-confirm-title">{t("contacts.bulk.confirm.title")}</h2>
      {confirm.changedFrom !== null ? (
        <p role="alert">
          <strong>{t("contacts.bulk.confirm.changed", { before: confirm.changedFrom, count: confirm.count })}</strong>
        </p>
      ) : null}
      {confirm.count === 0 ? (
        <p>{t("contacts.bulk.confirm.none")}</p>
      ) : (
        <>
          <p>
            <strong>{t(`contacts.bulk.confirm.${confirm.operation}`, params)}</strong>
          </p>
          {confirm.scope === "all" ? <p>{t("contacts.bulk.confirm.scopeAll")}</p> : null}
          {confirm.operation === "unsubscribe" ? <p>{t("contacts.bulk.confirm.unsubscribeNote")}</p> : null}
          {danger ? <p>{t("contacts.bulk.confirm.deleteNotArco")}</p> : null}
        </>
      )}
      <Form method="post" className="form-actions">
        <input type="hidden" name="intent" value="bulk-apply" />
        <input type="hidden" name="operation" value={confirm.operation} />
        <input type="hidden" name="scope" value={confirm.scope} />
        <input type="hidden" name="filter" value={confirm.filterQuery} />
        <input type="hidden" name="confirmed" value={confirm.fingerprint} />
        {confirm.tag ? <input type="hidden" name="tag" value={confirm.tag} /> : null}
        {confirm.ids.map((id) => (
          <input key={id} type="hidden" name="id" value={id} />
        ))}
        {confirm.count > 0 ? (
          <button type="submit" className={danger ? "button button--danger" : "button button--primary"}>
            {danger ? t("contacts.bulk.confirm.deleteSubmit") : t("contacts.bulk.confirm.submit")}
          </button>
        ) : null}
        <Link to={cancelHref(location.search)} className="button">
          {t("common.cancel")}
        </Link>
      </Form>
    </section>
  );
}

/** Back to the list as it was (a document POST leaves ?index in the address). */
function cancelHref(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("index");
  return params.size ? `/contacts?${params}` : "/contacts";
}

function ContactsPager({ nextCursor, onFirstPage }: { nextCursor: string | null; onFirstPage: boolean }) {
  const t = useT();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("cursor");
  params.delete("index");
  const first = params.toString();
  const next = new URLSearchParams(params);
  if (nextCursor) next.set("cursor", nextCursor);
  if (onFirstPage && !nextCursor) return null;
  return (
    <nav className="pager" aria-label={t("contacts.pager.label")}>
      {onFirstPage ? (
        <span />
      ) : (
        <Link to={first ? `/contacts?${first}` : "/contacts"} className="button">
          {t("contacts.pager.first")}
        </Link>
      )}
      {nextCursor ? (
        <Link to={`/contacts?${next.toString()}`} className="button" rel="next">
          {t("contacts.pager.next")}
        </Link>
      ) : (
        <span className="muted">{t("contacts.pager.end")}</span>
      )}
    </nav>
  );
}
