import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { ActivityForm, AgreementForm, FollowUpForm, InstitutionsList, PersonForm } from "~/components/partners/forms";
import partnersStylesHref from "~/components/partners/partners.css?url";
import { countryName, formatDay, partnersTitle, stateName } from "~/components/partners/labels";
import { useLocale, useT } from "~/i18n/use-t";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth/permissions";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { handlePageAction, readPageForm, uploadMaxMb } from "~/modules/partners/page.server";
import { defaultActivityReportPart } from "~/modules/partners/fields";
import { eventChoices, getPartner, institutionChoices, type ActivityRemoval, listPeople, partnerTimeline, staffChoices } from "~/modules/partners/partner.server";
import { TIMELINE_KINDS, timelineKindsFrom } from "~/modules/partners/schema";
import { idParam, notFound } from "~/lib/params";

export const meta = partnersTitle("partners.detail.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: partnersStylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  const partner = await getPartner(idParam(request, params.id, "key"));
  if (!partner) throw notFound(request);
  const kinds = timelineKindsFrom(new URL(request.url).searchParams);
  const canEdit = can(user.role, "edit:partner");
  const [timeline, people, staff, events, institutions] = await Promise.all([
    partnerTimeline(partner.id, kinds),
    canEdit ? listPeople(partner.id) : Promise.resolve([]),
    canEdit ? staffChoices() : Promise.resolve([]),
    canEdit ? eventChoices() : Promise.resolve([]),
    canEdit ? institutionChoices() : Promise.resolve([]),
  ]);
  // The page's own institution is always one of an activity's: the search list offers the others.
  const kindOf = new Map(institutions.map((i) => [i.id, i.kind]));
  return {
    partner,
    institutions: institutions.filter((i) => i.id !== partner.id).map(({ id, name, acronym }) => ({ id, name, acronym })),
    defaultPart: defaultActivityReportPart([partner.kind]),
    // Per shared activity, the default for all its institutions (the edit form's «automatic» choice).
    defaultParts: Object.fromEntries(
      timeline.flatMap((e) =>
        e.kind === "activity" && e.activity.others.length
          ? [[e.activity.id, defaultActivityReportPart([partner.kind, ...e.activity.others.flatMap((o) => kindOf.get(o.id) ?? [])])]]
          : []
      )
    ) as Record<string, string>,
    timeline,
    kinds,
    canEdit,
    people,
    staff,
    events,
    me: user.id,
    maxMb: uploadMaxMb(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:partner");
  const id = idParam(request, params.id, "key");
  const result = await handlePageAction({ userId: user.id, ip: clientIp(request) }, id, await readPageForm(request));
  if (result.ok)
    return redirectWithToast(`/partners/${id}`, {
      kind: "success",
      message: result.message,
      ...(result.params ? { params: result.params } : {}),
    });
  // A shared activity's removal is a question first (200), asked again when its institutions changed (409).
  if ("confirm" in result) return data(result, { status: result.stale ? 409 : 200 });
  return data(result, { status: 400 });
}

export default function PartnerPage() {
  const { partner, timeline, kinds, canEdit, people, staff, events, me, maxMb, institutions, defaultPart, defaultParts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const location = useLocation();
  const hasAbout = !!(partner.parent || partner.website || partner.tags.length || partner.notes || partner.children.length);
  const failed = actionData && !actionData.ok ? actionData : null;
  const removal = failed && "confirm" in failed ? (failed as unknown as { confirm: ActivityRemoval; stale: boolean }) : null;
  const personChoices = people.map((p) => ({ id: p.id, name: p.name ?? p.email }));
  const errorsFor = (intent: string): Record<string, string> => (failed?.intent === intent ? failed.errors : {});
  const valuesFor = (intent: string): Record<string, string> => (failed?.intent === intent ? failed.values : {});
  // An edit form that failed shows what was typed and its errors; otherwise the record as stored.
  const editFailed = (intent: string, idField: string, id: string) => failed?.intent === intent && failed.values[idField] === id;
  const place = [partner.city, partner.state ? stateName(partner.state) : null, partner.country ? countryName(partner.country, locale) : null].filter(Boolean).join(", ");

  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <p>
            <Link to="/partners">← {t("partners.backToList")}</Link>
          </p>
          <h1>
            {partner.name}
            {partner.acronym ? <span className="muted"> ({partner.acronym})</span> : null}
          </h1>
          <p className="muted">
            {t(`partners.kind.${partner.kind}`)} · {t(`partners.status.${partner.status}`)}
            {place ? ` · ${place}` : ""}
          </p>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/meetings/new?partner=${encodeURIComponent(partner.id)}`} className="button">
              {t("partners.meeting.new")}
            </Link>
            <Link to={`/partners/${partner.id}/edit`} className="button">
              {t("partners.actions.edit")}
            </Link>
          </div>
        ) : null}
      </header>

      {hasAbout ? (
        <section className="panel partner-about" aria-labelledby="partner-about">
          <h2 id="partner-about">{t("partners.detail.about")}</h2>
          <dl>
            {partner.parent ? (
              <>
                <dt>{t("partners.fields.parent")}</dt>
                <dd>
                  <Link to={`/partners/${partner.parent.id}`}>{partner.parent.name}</Link>
                </dd>
              </>
            ) : null}
            {partner.website ? (
              <>
                <dt>{t("partners.fields.website")}</dt>
                <dd>
                  <a href={partner.website} rel="noreferrer noopener" target="_blank">
                    {partner.website}
                  </a>
                </dd>
              </>
            ) : null}
            {partner.tags.length ? (
              <>
                <dt>{t("partners.fields.tags")}</dt>
                <dd>{partner.tags.join(", ")}</dd>
              </>
            ) : null}
            {partner.notes ? (
              <>
                <dt>{t("partners.fields.notes")}</dt>
                <dd className="notes">{partner.notes}</dd>
              </>
            ) : null}
            {partner.children.length ? (
              <>
                <dt>{t("partners.detail.children")}</dt>
                <dd>
                  <ul>
                    {partner.children.map((c) => (
                      <li key={c.id}>
                        <Link to={`/partners/${c.id}`}>{c.name}</Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      {canEdit ? (
        // Keyed by the location: after a successful save (a redirect) the forms start empty and closed.
        <section key={location.key} className="panel partner-add" aria-labelledby="partner-add">
          <h2 id="partner-add">{t("partners.detail.add")}</h2>
          <InstitutionsList institutions={institutions} />
          <details open={failed?.intent === "activity" && !failed.values.activityId}>
            <summary>{t("partners.activity.new")}</summary>
            <ActivityForm
              values={failed?.values.activityId ? {} : valuesFor("activity")}
              errors={failed?.values.activityId ? {} : errorsFor("activity")}
              staff={staff}
              people={personChoices}
              events={events}
              me={me}
              busy={busy}
              institutionName={partner.name}
              defaultPartLabel={t(`reportPart.${defaultPart}`)}
            />
          </details>
          <details open={failed?.intent === "followUp" && !failed.values.followUpId}>
            <summary>{t("partners.followUp.new")}</summary>
            <FollowUpForm
              values={failed?.values.followUpId ? {} : valuesFor("followUp")}
              errors={failed?.values.followUpId ? {} : errorsFor("followUp")}
              staff={staff}
              me={me}
              busy={busy}
            />
          </details>
          <details open={failed?.intent === "person" && !failed.values.personId}>
            <summary>{t("partners.person.new")}</summary>
            <PersonForm values={failed?.values.personId ? {} : valuesFor("person")} errors={failed?.values.personId ? {} : errorsFor("person")} busy={busy} />
          </details>
          <details open={failed?.intent === "agreement" && !failed.values.agreementId}>
            <summary>{t("partners.agreement.new")}</summary>
            <AgreementForm
              maxMb={maxMb}
              values={failed?.values.agreementId ? {} : valuesFor("agreement")}
              errors={failed?.values.agreementId ? {} : errorsFor("agreement")}
              busy={busy}
            />
          </details>
        </section>
      ) : null}

      <section aria-labelledby="partner-timeline">
        <h2 id="partner-timeline">{t("partners.timeline.title")}</h2>
        <Form method="get" className="timeline-filter" aria-label={t("partners.timeline.filter")}>
          {TIMELINE_KINDS.map((k) => (
            <label key={k}>
              <input type="checkbox" name="show" value={k} defaultChecked={kinds.length < TIMELINE_KINDS.length && kinds.includes(k)} />{" "}
              {t(`partners.timeline.kind.${k}`)}
            </label>
          ))}
          <button type="submit" className="button">
            {t("partners.filters.apply")}
          </button>
        </Form>
        {timeline.length === 0 ? (
          <p className="empty-state">{t("partners.timeline.empty")}</p>
        ) : (
          <ol className="partner-timeline">
            {timeline.map((entry) => (
              <li key={`${entry.kind}-${entry.id}`} data-kind={entry.kind}>
                <p className="muted meta">
                  <time dateTime={entry.date}>{formatDay(entry.date, locale)}</time> · {t(`partners.timeline.entry.${entry.kind}`)}
                </p>
                {entry.kind === "activity" ? (
                  <>
                    <h3>{t(`partners.activityKind.${entry.activity.kind}`)}</h3>
                    <p className="summary">{entry.activity.summary}</p>
                    {entry.activity.others.length ? (
                      <p className="shared-with" data-shared={entry.activity.others.length + 1}>
                        {t("partners.activity.sharedWith", { count: entry.activity.others.length })}{" "}
                        {entry.activity.others.map((o, i) => (
                          <span key={o.id}>
                            {i > 0 ? ", " : ""}
                            <Link to={`/partners/${o.id}`}>{o.acronym ?? o.name}</Link>
                          </span>
                        ))}
                      </p>
                    ) : null}
                    <p className="muted meta">{t("partners.activity.reportPartLine", { part: t(`reportPart.${entry.activity.reportPart}`) })}</p>
                    <ul>
                      {entry.activity.peopleReached !== null ? (
                        <li>
                          {t("partners.activity.peopleReachedN", {
                            count: entry.activity.peopleReached,
                          })}
                        </li>
                      ) : null}
                      {entry.activity.itemsDistributed !== null ? (
                        <li>
                          {t("partners.activity.itemsDistributedN", {
                            count: entry.activity.itemsDistributed,
                          })}
                        </li>
                      ) : null}
                      {entry.activity.bulletinRecipients !== null ? (
                        <li>
                          {t("partners.activity.bulletinRecipientsN", {
                            count: entry.activity.bulletinRecipients,
                          })}
                        </li>
                      ) : null}
                      {entry.activity.users.length ? (
                        <li>
                          {t("partners.activity.usersList", {
                            names: entry.activity.users.map((u) => u.name).join(", "),
                          })}
                        </li>
                      ) : null}
                      {entry.activity.people.length ? (
                        <li>
                          {t("partners.activity.peopleList", {
                            names: entry.activity.people.map((p) => p.name ?? "").join(", "),
                          })}
                        </li>
                      ) : null}
                      {entry.activity.event ? (
                        <li>
                          <Link to={`/events/${entry.activity.event.id}`}>
                            {t("partners.activity.eventLink", {
                              name: entry.activity.event.name,
                            })}
                          </Link>
                        </li>
                      ) : null}
                    </ul>
                    {canEdit ? (
                      <details open={editFailed("activity", "activityId", entry.activity.id)}>
                        <summary>{t("partners.activity.edit")}</summary>
                        <ActivityForm
                          activityId={entry.activity.id}
                          idPrefix={`activity-${entry.activity.id}`}
                          values={
                            editFailed("activity", "activityId", entry.activity.id) && failed
                              ? failed.values
                              : {
                                  occurredOn: entry.date,
                                  kind: entry.activity.kind,
                                  summary: entry.activity.summary,
                                  peopleReached: entry.activity.peopleReached?.toString() ?? "",
                                  itemsDistributed: entry.activity.itemsDistributed?.toString() ?? "",
                                  bulletinRecipients: entry.activity.bulletinRecipients?.toString() ?? "",
                                  eventId: entry.activity.event?.id ?? "",
                                  reportPart: entry.activity.reportPart,
                                  userIds: entry.activity.users.map((u) => u.id).join(","),
                                  personIds: entry.activity.people.map((p) => p.id).join(","),
                                }
                          }
                          errors={editFailed("activity", "activityId", entry.activity.id) && failed ? failed.errors : {}}
                          staff={staff}
                          people={personChoices}
                          events={events}
                          me={me}
                          busy={busy}
                          institutionName={partner.name}
                          others={entry.activity.others}
                          defaultPartLabel={t(`reportPart.${defaultParts[entry.activity.id] ?? defaultPart}`)}
                        />
                      </details>
                    ) : null}
                    {canEdit && removal?.confirm.activityId === entry.activity.id ? (
                      <div className="partner-confirm" role="alert" data-confirm="removeActivity">
                        <p>
                          <strong>
                            {removal.stale
                              ? t("partners.activity.removeStale", { count: removal.confirm.institutions.length })
                              : t("partners.activity.removeShared", { count: removal.confirm.institutions.length })}
                          </strong>
                        </p>
                        <ul>
                          {removal.confirm.institutions.map((i) => (
                            <li key={i.id}>{i.acronym ? `${i.name} (${i.acronym})` : i.name}</li>
                          ))}
                        </ul>
                        <Form method="post" className="entry-actions">
                          <input type="hidden" name="intent" value="removeActivity" />
                          <input type="hidden" name="activityId" value={entry.activity.id} />
                          <input type="hidden" name="institutions" value={removal.confirm.institutions.length} />
                          <button type="submit" name="scope" value="institution" className="button" autoFocus>
                            {t("partners.activity.removeThisOnly", { name: partner.acronym ?? partner.name })}
                          </button>
                          <button type="submit" name="scope" value="all" className="button button--danger">
                            {t("partners.activity.removeForAll", { count: removal.confirm.institutions.length })}
                          </button>
                          <Link to={`/partners/${partner.id}`}>{t("partners.activity.removeKeep")}</Link>
                        </Form>
                      </div>
                    ) : canEdit ? (
                      <Form method="post" className="entry-actions">
                        <input type="hidden" name="intent" value="removeActivity" />
                        <input type="hidden" name="activityId" value={entry.activity.id} />
                        <button type="submit" className="link-button">
                          {entry.activity.others.length ? t("partners.activity.removeSharedButton") : t("partners.activity.remove")}
                        </button>
                      </Form>
                    ) : null}
                  </>
                ) : entry.kind === "meeting" ? (
                  <>
                    <h3>
                      <Link to={`/meetings/${entry.meeting.id}`}>{entry.meeting.subject}</Link>
                    </h3>
                    <p>
                      {t(`partners.meetingKind.${entry.meeting.kind}`)} · {t(`partners.meetingFormat.${entry.meeting.format}`)}
                    </p>
                    {entry.meeting.others.length ? (
                      <p className="shared-with" data-shared={entry.meeting.others.length + 1}>
                        {t("partners.meeting.with", { count: entry.meeting.others.length })}{" "}
                        {entry.meeting.others.map((o, i) => (
                          <span key={o.kind === "partner" ? o.id : o.kind === "ineArea" ? o.area : `party-${o.name}`}>
                            {i > 0 ? ", " : ""}
                            {o.kind === "partner" ? (
                              <Link to={`/partners/${o.id}`}>{o.acronym ?? o.name}</Link>
                            ) : o.kind === "ineArea" ? (
                              t(`ineArea.${o.area}`)
                            ) : (
                              o.name
                            )}
                          </span>
                        ))}
                      </p>
                    ) : null}
                  </>
                ) : entry.kind === "followUp" ? (
                  <>
                    <h3>{entry.followUp.title}</h3>
                    {entry.followUp.meeting ? (
                      <p>
                        <Link to={`/meetings/${entry.followUp.meeting.id}`}>
                          {t("partners.followUp.fromMeeting", { subject: entry.followUp.meeting.subject, date: formatDay(entry.followUp.meeting.heldOn, locale) })}
                        </Link>
                      </p>
                    ) : null}
                    <p>
                      {t("partners.followUp.dueLine", {
                        date: formatDay(entry.followUp.dueOn, locale),
                        owner: entry.followUp.owner.name,
                      })}{" "}
                      <span className={entry.followUp.overdue ? "badge badge--off" : entry.followUp.state === "DONE" ? "badge badge--ok" : "badge"}>
                        {entry.followUp.overdue ? t("partners.followUp.overdue") : t(`partners.followUp.stateLabel.${entry.followUp.state}`)}
                      </span>
                    </p>
                    {canEdit ? (
                      <Form method="post" className="entry-actions">
                        <input type="hidden" name="intent" value="followUpState" />
                        <input type="hidden" name="followUpId" value={entry.followUp.id} />
                        {entry.followUp.state === "OPEN" ? (
                          <>
                            <button type="submit" name="state" value="DONE" className="button">
                              {t("partners.followUp.markDone")}
                            </button>
                            <button type="submit" name="state" value="CANCELLED" className="button">
                              {t("partners.followUp.cancel")}
                            </button>
                          </>
                        ) : (
                          <button type="submit" name="state" value="OPEN" className="button">
                            {t("partners.followUp.reopen")}
                          </button>
                        )}
                      </Form>
                    ) : null}
                    {canEdit ? (
                      <details open={editFailed("followUp", "followUpId", entry.followUp.id)}>
                        <summary>{t("partners.followUp.edit")}</summary>
                        <FollowUpForm
                          followUpId={entry.followUp.id}
                          idPrefix={`followUp-${entry.followUp.id}`}
                          values={
                            editFailed("followUp", "followUpId", entry.followUp.id) && failed
                              ? failed.values
                              : { title: entry.followUp.title, dueOn: entry.followUp.dueOn, ownerId: entry.followUp.owner.id, notes: entry.followUp.notes ?? "" }
                          }
                          errors={editFailed("followUp", "followUpId", entry.followUp.id) && failed ? failed.errors : {}}
                          staff={staff.some((u) => u.id === entry.followUp.owner.id) ? staff : [entry.followUp.owner, ...staff]}
                          me={me}
                          busy={busy}
                        />
                      </details>
                    ) : null}
                  </>
                ) : entry.kind === "agreement" ? (
                  <>
                    <h3>{entry.agreement.title}</h3>
                    <p>
                      {t(`partners.agreementStatus.${entry.agreement.status}`)}
                      {entry.agreement.reference ? ` · ${entry.agreement.reference}` : ""}
                      {entry.agreement.validUntil
                        ? ` · ${t("partners.agreement.validUntilLine", {
                            date: formatDay(entry.agreement.validUntil, locale),
                          })}`
                        : ""}{" "}
                      {entry.agreement.alert?.kind === "expiring" ? (
                        <span className="badge badge--off" data-alert="expiring">
                          {t("partners.agreement.expiring", {
                            count: entry.agreement.alert.daysLeft,
                          })}
                        </span>
                      ) : entry.agreement.alert?.kind === "expired" ? (
                        <span className="badge badge--off" data-alert="expired">
                          {t("partners.agreement.expired")}
                        </span>
                      ) : null}
                    </p>
                    {entry.agreement.fileSha256 ? (
                      <p>
                        <a href={`/files/${entry.agreement.fileSha256}?name=${encodeURIComponent(entry.agreement.fileName ?? "convenio")}`}>
                          {t("partners.agreement.download", {
                            name: entry.agreement.fileName ?? "",
                          })}
                        </a>
                      </p>
                    ) : null}
                    {entry.agreement.notes ? <p className="summary">{entry.agreement.notes}</p> : null}
                    {canEdit ? (
                      <details open={failed?.intent === "agreement" && failed.values.agreementId === entry.agreement.id}>
                        <summary>{t("partners.agreement.edit")}</summary>
                        <AgreementForm
                          maxMb={maxMb}
                          idPrefix={`agreement-${entry.agreement.id}`}
                          agreementId={entry.agreement.id}
                          values={
                            failed?.intent === "agreement" && failed.values.agreementId === entry.agreement.id
                              ? failed.values
                              : {
                                  title: entry.agreement.title,
                                  reference: entry.agreement.reference ?? "",
                                  signedOn: entry.agreement.signedOn ?? "",
                                  validUntil: entry.agreement.validUntil ?? "",
                                  status: entry.agreement.status,
                                  notes: entry.agreement.notes ?? "",
                                }
                          }
                          errors={failed?.intent === "agreement" && failed.values.agreementId === entry.agreement.id ? failed.errors : {}}
                          busy={busy}
                        />
                      </details>
                    ) : null}
                  </>
                ) : (
                  <>
                    <h3>{entry.person.name ?? entry.person.email}</h3>
                    <p>
                      {[entry.person.position, entry.person.email, entry.person.phone].filter(Boolean).join(" · ")}
                      {entry.person.contactId ? (
                        <>
                          {" · "}
                          <Link to={`/contacts/${entry.person.contactId}`}>
                            {entry.person.receivesBulletins ? t("partners.person.contactReceives") : t("partners.person.contactLinked")}
                          </Link>
                        </>
                      ) : null}
                    </p>
                    {canEdit ? (
                      <details open={editFailed("person", "personId", entry.person.id)}>
                        <summary>{t("partners.person.edit")}</summary>
                        <PersonForm
                          personId={entry.person.id}
                          idPrefix={`person-${entry.person.id}`}
                          values={
                            editFailed("person", "personId", entry.person.id) && failed
                              ? failed.values
                              : entry.person.contactId
                                ? { contactEmail: entry.person.email ?? "", position: entry.person.position ?? "" }
                                : {
                                    name: entry.person.name ?? "",
                                    position: entry.person.position ?? "",
                                    email: entry.person.email ?? "",
                                    phone: entry.person.phone ?? "",
                                  }
                          }
                          errors={editFailed("person", "personId", entry.person.id) && failed ? failed.errors : {}}
                          busy={busy}
                        />
                      </details>
                    ) : null}
                    {canEdit ? (
                      <Form method="post" className="entry-actions">
                        <input type="hidden" name="intent" value="removePerson" />
                        <input type="hidden" name="personId" value={entry.person.id} />
                        <button type="submit" className="link-button">
                          {t("partners.person.remove")}
                        </button>
                      </Form>
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
