import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { ArcoStateBadge, ConsentBadge, DeadlineBadge, SubscriptionBadge } from "~/components/contact-detail/badges";
import { useFormatCalendarDate } from "~/components/contact-detail/dates";
import { Field } from "~/components/contact-detail/field";
import { pageTitle } from "~/components/contact-detail/meta";
import { contactDetailLinks } from "~/components/contact-detail/styles";
import { countryName, stateName } from "~/components/contacts/labels";
import { hasKey } from "~/i18n";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth/permissions";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { eraseContact } from "~/modules/contacts/arco.server";
import { officeToday, openRequestsFor, withDeadline } from "~/modules/contacts/arco-requests.server";
import { instantToCalendarDate } from "~/modules/contacts/business-days";
import { confirmsEmail, ContactError, findMergedInto, getContact, recordConsent, setSubscription } from "~/modules/contacts/contact.server";
import { contactActionSchema } from "~/modules/contacts/schema";
import { listContactSignups } from "~/modules/events/event.server";
import { listContactDeliveries } from "~/modules/bulletins/bulletins.server";
import { ContactEventSignups } from "~/components/events/contact-signups";
import { formBody, idParam, idQuery, notFound } from "~/lib/params";

export const meta = pageTitle("contacts.detail.title");
export const links = contactDetailLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:contact");
  const id = idParam(request, params.id, "int");
  const url = new URL(request.url);
  const auditParam = idQuery(request, url.searchParams.get("audit"), "bigint");
  const auditCursor = auditParam ? BigInt(auditParam) : undefined;
  const detail = await getContact(id, { auditCursor });
  if (!detail) {
    // A contact merged into another one: its page is now the survivor's.
    const survivor = await findMergedInto(id);
    if (survivor) return redirectWithToast(`/contacts/${survivor}`, { kind: "info", message: "contacts.detail.mergedRedirect", params: { id } });
    throw notFound(request);
  }
  const today = await officeToday();
  const openRequests = await openRequestsFor(id);
  return {
    ...detail,
    events: await listContactSignups(id),
    bulletins: await listContactDeliveries(id, { cursor: url.searchParams.get("deliveries") }),
    arcoRequests: detail.arcoRequests.map((r) => withDeadline(r, today)),
    openRequests: openRequests.map((r) => ({ id: r.id, kind: r.kind, receivedOn: instantToCalendarDate(r.receivedAt), dueOn: instantToCalendarDate(r.dueAt) })),
    canEdit: can(user.role, "edit:contact"),
  };
}

type ActionResult = { intent: string; errors: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:contact");
  const id = idParam(request, params.id, "int");
  const here = `/contacts/${id}`;
  const form = Object.fromEntries(await formBody(request));
  const intent = typeof form.intent === "string" ? form.intent : "";
  const parsed = contactActionSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ intent, errors: fieldErrors(parsed.error) }, { status: 400 });
  const actor = { userId: user.id, ip: clientIp(request) };
  const action = parsed.data;
  try {
    switch (action.intent) {
      case "withdrawConsent":
        await recordConsent(actor, id, { status: "WITHDRAWN", method: "MANUAL", basis: action.basis });
        return redirectWithToast(here, { kind: "success", message: "contacts.detail.consent.withdrawn" });
      case "confirmConsent":
        await recordConsent(actor, id, { status: "CONFIRMED", method: "MANUAL", basis: action.basis });
        return redirectWithToast(here, { kind: "success", message: "contacts.detail.consent.confirmedDone" });
      case "unsubscribe": {
        const { changed } = await setSubscription(actor, id, "UNSUBSCRIBED");
        return redirectWithToast(here, changed ? { kind: "success", message: "contacts.detail.subscription.unsubscribed" } : { kind: "info", message: "contacts.form.unchanged" });
      }
      case "resubscribe":
        await setSubscription(actor, id, "SUBSCRIBED", { consentBasis: action.basis });
        return redirectWithToast(here, { kind: "success", message: "contacts.detail.subscription.resubscribed" });
      case "erase": {
        const confirmed = await confirmsEmail(id, action.confirmEmail);
        if (confirmed === null) throw notFound(request);
        if (!confirmed) {
          return data<ActionResult>({ intent, errors: { confirmEmail: "contacts.detail.erase.mismatch" } }, { status: 400 });
        }
        const result = await eraseContact(actor, id, action.arcoRequestId);
        return redirectWithToast(result.arcoRequestId ? `/contacts/arco/${result.arcoRequestId}` : "/contacts", {
          kind: "success",
          message: "contacts.detail.erase.done",
          params: { id },
        });
      }
    }
  } catch (error) {
    if (error instanceof ContactError) {
      if (error.code === "notFound") throw notFound(request);
      const field = error.code === "arcoRequestNotFound" ? "arcoRequestId" : error.code === "consentUnchanged" ? "_form" : "basis";
      return data<ActionResult>({ intent, errors: { [field]: error.messageKey } }, { status: 400 });
    }
    throw error;
  }
}

const AUDIT_ACTION_PREFIX = "contacts.detail.audit.actions.";

function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  if (before == null && after == null) return <span className="muted">{t("common.none")}</span>;
  return (
    <details className="cd-changes">
      <summary>{t("contacts.detail.audit.showChanges")}</summary>
      {before != null ? (
        <>
          <h3>{t("contacts.detail.audit.before")}</h3>
          <pre>{JSON.stringify(before, null, 2)}</pre>
        </>
      ) : null}
      {after != null ? (
        <>
          <h3>{t("contacts.detail.audit.after")}</h3>
          <pre>{JSON.stringify(after, null, 2)}</pre>
        </>
      ) : null}
    </details>
  );
}

function ErrorText({ error }: { error?: string }) {
  const t = useT();
  return error ? (
    <p className="field-error" role="alert">
      {t(error)}
    </p>
  ) : null;
}

export default function ContactPage() {
  const { contact, consents, audit, arcoRequests, openRequests, bulletins, events, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const formatDay = useFormatCalendarDate();
  const navigation = useNavigation();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const busy = navigation.state === "submitting";
  const errorsFor = (intent: string): Record<string, string> => (actionData?.intent === intent ? actionData.errors : {});
  const name = [contact.givenName, contact.familyName].filter(Boolean).join(" ");
  const languageLabel = (code: string | null) =>
    code ? (hasKey(locale, `contacts.form.languages.${code}`) ? t(`contacts.form.languages.${code}`) : code) : t("common.none");
  const preselectedRequest = searchParams.get("arco") ?? "";
  const auditParams = new URLSearchParams(location.search);
  const onFirstAuditPage = !auditParams.has("audit");
  auditParams.delete("audit");
  const firstAuditPage = auditParams.toString();
  const nextAuditParams = new URLSearchParams(auditParams);
  if (audit.nextCursor) nextAuditParams.set("audit", audit.nextCursor);
  const value = (v: string | null) => v || <span className="cd-empty-value">{t("common.none")}</span>;

  return (
    <>
      <header className="cd-header">
        <div>
          <p className="cd-back">
            <Link to="/contacts">← {t("contacts.detail.backToList")}</Link>
          </p>
          <h1>{name || contact.email}</h1>
          <p className="cd-header__meta">
            <span className="muted">{contact.email}</span>
            <ConsentBadge status={contact.consentStatus} />
            <SubscriptionBadge status={contact.subscriptionStatus} />
            <span className="muted">#{contact.id}</span>
          </p>
        </div>
        {canEdit ? (
          <div className="cd-actions">
            <Link to={`/contacts/${contact.id}/edit`} className="button button--primary">
              {t("contacts.detail.edit")}
            </Link>
            <Link to={`/contacts/merge?a=${contact.id}`} className="button">
              {t("contacts.detail.mergeWith")}
            </Link>
          </div>
        ) : null}
      </header>

      <div className="cd-grid">
        <section className="panel" aria-labelledby="contact-data">
          <h2 id="contact-data">{t("contacts.detail.data")}</h2>
          <dl className="cd-details">
            <dt>{t("contacts.form.fields.email")}</dt>
            <dd>{contact.email}</dd>
            <dt>{t("contacts.form.fields.givenName")}</dt>
            <dd>{value(contact.givenName)}</dd>
            <dt>{t("contacts.form.fields.familyName")}</dt>
            <dd>{value(contact.familyName)}</dd>
            <dt>{t("contacts.form.fields.country")}</dt>
            <dd>{value(contact.country ? countryName(contact.country, locale) : null)}</dd>
            <dt>{t("contacts.form.fields.state")}</dt>
            <dd>{value(contact.state ? stateName(contact.state) : null)}</dd>
            <dt>{t("contacts.form.fields.city")}</dt>
            <dd>{value(contact.city)}</dd>
            <dt>{t("contacts.form.fields.language")}</dt>
            <dd>{languageLabel(contact.language)}</dd>
            <dt>{t("contacts.form.fields.phone")}</dt>
            <dd>{value(contact.phone)}</dd>
            <dt>{t("contacts.form.fields.tags")}</dt>
            <dd>
              {contact.tags.length > 0 ? (
                <ul className="cd-tags" aria-label={t("contacts.form.fields.tags")}>
                  {contact.tags.map((tag) => (
                    <li key={tag}>{tag}</li>
                  ))}
                </ul>
              ) : (
                value(null)
              )}
            </dd>
            <dt>{t("contacts.detail.source")}</dt>
            <dd>
              {t(`contacts.source.${contact.source}`)}
              {contact.sourceDetail ? ` · ${contact.sourceDetail}` : ""}
            </dd>
            <dt>{t("contacts.form.fields.notes")}</dt>
            <dd>{value(contact.notes)}</dd>
            <dt>{t("contacts.detail.createdAt")}</dt>
            <dd>{formatDate(contact.createdAt)}</dd>
            <dt>{t("contacts.detail.updatedAt")}</dt>
            <dd>{formatDate(contact.updatedAt)}</dd>
          </dl>
        </section>

        <div>
          <section className="panel" aria-labelledby="contact-subscription">
            <h2 id="contact-subscription">{t("contacts.detail.subscription.title")}</h2>
            <p>
              <SubscriptionBadge status={contact.subscriptionStatus} />{" "}
              <span className="muted">
                {contact.consentStatus === "CONFIRMED" && contact.subscriptionStatus === "SUBSCRIBED"
                  ? t("contacts.detail.subscription.canReceive")
                  : t("contacts.detail.subscription.cannotReceive")}
              </span>
            </p>
            {canEdit && contact.subscriptionStatus === "SUBSCRIBED" ? (
              <Form method="post" className="cd-inline-form">
                <input type="hidden" name="intent" value="unsubscribe" />
                <p className="cd-note">{t("contacts.detail.subscription.unsubscribeHint")}</p>
                <button type="submit" className="button" disabled={busy}>
                  {t("contacts.detail.subscription.unsubscribe")}
                </button>
              </Form>
            ) : null}
            {canEdit && contact.subscriptionStatus !== "SUBSCRIBED" ? (
              <Form method="post" className="cd-inline-form">
                <input type="hidden" name="intent" value="resubscribe" />
                <Field
                  idPrefix="resubscribe"
                  name="basis"
                  label={t("contacts.detail.subscription.resubscribeBasis")}
                  hint={t("contacts.detail.subscription.resubscribeHint")}
                  error={errorsFor("resubscribe").basis}
                  required
                />
                <button type="submit" className="button" disabled={busy}>
                  {t("contacts.detail.subscription.resubscribe")}
                </button>
              </Form>
            ) : null}
          </section>

          <section className="panel" aria-labelledby="contact-arco-requests">
            <h2 id="contact-arco-requests">{t("contacts.detail.arcoRequests")}</h2>
            {arcoRequests.length === 0 ? (
              <p className="cd-note">{t("contacts.detail.noArcoRequests")}</p>
            ) : (
              <ul>
                {arcoRequests.map((r) => (
                  <li key={r.id}>
                    <Link to={`/contacts/arco/${r.id}`}>{t(`contacts.arco.kind.${r.kind}`)}</Link> · {formatDay(r.receivedOn)} · <ArcoStateBadge state={r.state} />{" "}
                    <DeadlineBadge deadline={r.deadline} />
                  </li>
                ))}
              </ul>
            )}
            {canEdit ? (
              <p>
                <Link to={`/contacts/arco?contactId=${contact.id}#new-request`}>{t("contacts.detail.newArcoRequest")}</Link>
              </p>
            ) : null}
          </section>
        </div>
      </div>

      <section className="panel" aria-labelledby="contact-consent">
        <h2 id="contact-consent">{t("contacts.detail.consent.title")}</h2>
        <p>
          {t("contacts.detail.consent.current")} <ConsentBadge status={contact.consentStatus} />
        </p>
        {consents.length === 0 ? (
          <p className="cd-note">{t("contacts.detail.consent.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t("contacts.detail.consent.history")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("contacts.detail.consent.at")}</th>
                  <th scope="col">{t("contacts.detail.consent.status")}</th>
                  <th scope="col">{t("contacts.detail.consent.method")}</th>
                  <th scope="col">{t("contacts.detail.consent.basis")}</th>
                  <th scope="col">{t("contacts.detail.consent.notice")}</th>
                  <th scope="col">{t("contacts.detail.consent.recordedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {consents.map((c) => (
                  <tr key={c.id}>
                    <td className="cd-nowrap">{formatDate(c.at)}</td>
                    <td>
                      <ConsentBadge status={c.status} />
                    </td>
                    <td>{t(`contacts.detail.consentMethod.${c.method}`)}</td>
                    <td>{c.basis ?? t("common.none")}</td>
                    <td>{c.privacyNoticeVersion ? t("contacts.detail.consent.noticeVersion", { version: c.privacyNoticeVersion }) : t("common.none")}</td>
                    <td>{c.recordedBy ? c.recordedBy.name : c.recordedById ? t("contacts.detail.consent.formerUser") : t("contacts.detail.consent.system")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canEdit ? (
          <>
            <ErrorText error={errorsFor("withdrawConsent")._form ?? errorsFor("confirmConsent")._form} />
            {contact.consentStatus !== "CONFIRMED" ? (
              <Form method="post" className="cd-inline-form">
                <input type="hidden" name="intent" value="confirmConsent" />
                <Field
                  idPrefix="confirm"
                  name="basis"
                  label={t("contacts.detail.consent.confirmBasis")}
                  hint={t("contacts.detail.consent.confirmHint")}
                  error={errorsFor("confirmConsent").basis}
                  required
                />
                <button type="submit" className="button button--primary" disabled={busy}>
                  {t("contacts.detail.consent.confirm")}
                </button>
              </Form>
            ) : null}
            {contact.consentStatus !== "WITHDRAWN" ? (
              <Form method="post" className="cd-inline-form">
                <input type="hidden" name="intent" value="withdrawConsent" />
                <Field idPrefix="withdraw" name="basis" label={t("contacts.detail.consent.withdrawReason")} error={errorsFor("withdrawConsent").basis} />
                <button type="submit" className="button" disabled={busy}>
                  {t("contacts.detail.consent.withdraw")}
                </button>
              </Form>
            ) : null}
            <p className="cd-note">{t("contacts.detail.consent.doubleOptInLater")}</p>
          </>
        ) : null}
      </section>

      <div className="cd-grid">
        <section className="panel" aria-labelledby="contact-bulletins">
          <h2 id="contact-bulletins">{t("contacts.detail.bulletins.title")}</h2>
          {bulletins.rows.length === 0 ? (
            <p className="cd-note">{t("contacts.detail.bulletins.none")}</p>
          ) : (
            <ul className="cd-list">
              {bulletins.rows.map((d) => (
                <li key={d.id}>
                  <Link to={`/bulletins/${d.bulletinId}`}>{d.bulletinName}</Link> · {d.subject}
                  <br />
                  <span className="muted">
                    {t(`contacts.detail.bulletins.status.${d.status}`)}
                    {d.sentAt ? ` · ${formatDate(d.sentAt)}` : ""}
                    {d.outcomeUnknown ? ` · ${t("contacts.detail.bulletins.outcomeUnknown")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {bulletins.nextCursor ? (
            <Link to={`?deliveries=${bulletins.nextCursor}`} className="button-secondary">
              {t("contacts.detail.bulletins.more")}
            </Link>
          ) : null}
        </section>
        <section className="panel" aria-labelledby="contact-events">
          <h2 id="contact-events">{t("contacts.detail.events.title")}</h2>
          <ContactEventSignups items={events} />
        </section>
      </div>

      <section className="panel" aria-labelledby="contact-arco">
        <h2 id="contact-arco">{t("contacts.detail.arco.title")}</h2>
        <h3>{t("contacts.detail.arco.exportTitle")}</h3>
        <p className="cd-note">{t("contacts.detail.arco.exportHint")}</p>
        <Form method="get" reloadDocument className="cd-inline-form" action={`/contacts/${contact.id}/export.json`}>
          {openRequests.length > 0 ? (
            <div className="field">
              <label htmlFor="export-arco">{t("contacts.detail.arco.linkRequest")}</label>
              <select id="export-arco" name="arco" defaultValue={preselectedRequest}>
                <option value="">{t("contacts.detail.arco.noRequest")}</option>
                {openRequests.map((r) => (
                  <option key={r.id} value={r.id}>
                    {t(`contacts.arco.kind.${r.kind}`)} · {formatDay(r.receivedOn)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="submit" className="button">
            {t("contacts.detail.arco.exportJson")}
          </button>
          <button type="submit" className="button" formAction={`/contacts/${contact.id}/export.csv`}>
            {t("contacts.detail.arco.exportCsv")}
          </button>
        </Form>

        {canEdit ? (
          <div className="cd-danger panel" id="erase">
            <h2>{t("contacts.detail.erase.title")}</h2>
            <p>{t("contacts.detail.erase.explain")}</p>
            <Form method="post" className="cd-inline-form">
              <input type="hidden" name="intent" value="erase" />
              {openRequests.length > 0 ? (
                <div className="field">
                  <label htmlFor="erase-arco">{t("contacts.detail.arco.linkRequest")}</label>
                  <select id="erase-arco" name="arcoRequestId" defaultValue={preselectedRequest}>
                    <option value="">{t("contacts.detail.arco.noRequest")}</option>
                    {openRequests.map((r) => (
                      <option key={r.id} value={r.id}>
                        {t(`contacts.arco.kind.${r.kind}`)} · {formatDay(r.receivedOn)}
                      </option>
                    ))}
                  </select>
                  <ErrorText error={errorsFor("erase").arcoRequestId} />
                </div>
              ) : null}
              <Field
                idPrefix="erase"
                name="confirmEmail"
                type="email"
                label={t("contacts.detail.erase.typeEmail", { email: contact.email })}
                error={errorsFor("erase").confirmEmail}
                autoComplete="off"
                required
              />
              <button type="submit" className="button button--danger" disabled={busy}>
                {t("contacts.detail.erase.submit")}
              </button>
            </Form>
          </div>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="contact-audit">
        <h2 id="contact-audit">{t("contacts.detail.audit.title")}</h2>
        {audit.entries.length === 0 ? (
          <p className="cd-note">{t("contacts.detail.audit.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("contacts.detail.audit.at")}</th>
                  <th scope="col">{t("contacts.detail.audit.action")}</th>
                  <th scope="col">{t("contacts.detail.audit.by")}</th>
                  <th scope="col">{t("contacts.detail.audit.changes")}</th>
                </tr>
              </thead>
              <tbody>
                {audit.entries.map((e) => (
                  <tr key={e.id}>
                    <td className="cd-nowrap">{formatDate(e.at)}</td>
                    <td>{hasKey(locale, `${AUDIT_ACTION_PREFIX}${e.action}`) ? t(`${AUDIT_ACTION_PREFIX}${e.action}`) : e.action}</td>
                    <td>{e.actor ? e.actor.name : e.actorId ? t("contacts.detail.consent.formerUser") : t("contacts.detail.consent.system")}</td>
                    <td>
                      <AuditChanges before={e.before} after={e.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {!onFirstAuditPage || audit.nextCursor ? (
          <nav className="cd-pager" aria-label={t("contacts.detail.audit.pager")}>
            {onFirstAuditPage ? <span /> : <Link to={firstAuditPage ? `?${firstAuditPage}#contact-audit` : `${location.pathname}#contact-audit`}>{t("common.first")}</Link>}
            {audit.nextCursor ? (
              <Link to={`?${nextAuditParams.toString()}#contact-audit`} rel="next">
                {t("contacts.detail.audit.older")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
