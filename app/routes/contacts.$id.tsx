import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuditPanel, BulletinsPanel } from "~/components/contact-detail/activity-panels";
import { ArcoPanel, ArcoRequestsPanel } from "~/components/contact-detail/arco-panels";
import { ConsentBadge, SubscriptionBadge } from "~/components/contact-detail/badges";
import { ConsentPanel } from "~/components/contact-detail/consent-panel";
import { ContactData } from "~/components/contact-detail/contact-data";
import { intentErrors } from "~/components/contact-detail/intent-errors";
import { contactDetailLinks } from "~/components/contact-detail/styles";
import { SubscriptionPanel } from "~/components/contact-detail/subscription-panel";
import { ContactEventSignups } from "~/components/events/contact-signups";
import { Card, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { handleIntents } from "~/lib/intents.server";
import { idQuery, notFound, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { listContactDeliveries } from "~/modules/bulletins/index.server";
import { contactIntentSchemas, eraseContact, findMergedInto, getContact, instantToCalendarDate, officeToday, openRequestsFor, recordConsent, requireConfirmedEmail, setSubscription, withDeadline } from "~/modules/contacts/index.server";
import { listContactSignups } from "~/modules/events/index.server";

export const meta = pageTitle("contacts.detail.title");
export const links = contactDetailLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:contact");
  const id = requireParam(params, "id", "int");
  const url = new URL(request.url);
  const auditParam = idQuery(request, url.searchParams.get("audit"), "bigint");
  const detail = await getContact(id, { auditCursor: auditParam ? BigInt(auditParam) : undefined });
  if (!detail) {
    // A contact merged into another one: its page is now the survivor's.
    const survivor = await findMergedInto(id);
    if (survivor) return redirectWithToast(`/contacts/${survivor}`, { kind: "info", message: "contacts.detail.mergedRedirect", params: { id } });
    throw notFound(request);
  }
  const [today, openRequests, events, bulletins] = await Promise.all([officeToday(), openRequestsFor(id), listContactSignups(id), listContactDeliveries(id, { cursor: url.searchParams.get("deliveries") })]);
  return {
    ...detail,
    events,
    bulletins,
    arcoRequests: detail.arcoRequests.map((r) => withDeadline(r, today)),
    openRequests: openRequests.map((r) => ({ id: r.id, kind: r.kind, receivedOn: instantToCalendarDate(r.receivedAt), dueOn: instantToCalendarDate(r.dueAt) })),
    canEdit: can(user.role, "edit:contact"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:contact");
  const id = requireParam(params, "id", "int");
  const here = `/contacts/${id}`;
  const s = contactIntentSchemas;
  return handleIntents(request, {
    withdrawConsent: {
      schema: s.withdrawConsent,
      run: async (v) => {
        await recordConsent(actor, id, { status: "WITHDRAWN", method: "MANUAL", basis: v.basis });
        return redirectWithToast(here, { kind: "success", message: "contacts.detail.consent.withdrawn" });
      },
    },
    confirmConsent: {
      schema: s.confirmConsent,
      run: async (v) => {
        await recordConsent(actor, id, { status: "CONFIRMED", method: "MANUAL", basis: v.basis });
        return redirectWithToast(here, { kind: "success", message: "contacts.detail.consent.confirmedDone" });
      },
    },
    unsubscribe: {
      schema: s.unsubscribe,
      run: async () => {
        const { changed } = await setSubscription(actor, id, "UNSUBSCRIBED");
        return redirectWithToast(here, changed ? { kind: "success", message: "contacts.detail.subscription.unsubscribed" } : { kind: "info", message: "contacts.form.unchanged" });
      },
    },
    resubscribe: {
      schema: s.resubscribe,
      run: async (v) => {
        await setSubscription(actor, id, "SUBSCRIBED", { consentBasis: v.basis });
        return redirectWithToast(here, { kind: "success", message: "contacts.detail.subscription.resubscribed" });
      },
    },
    erase: {
      schema: s.erase,
      run: async (v) => {
        await requireConfirmedEmail(id, v.confirmEmail);
        const result = await eraseContact(actor, id, v.arcoRequestId);
        return redirectWithToast(result.arcoRequestId ? `/contacts/arco/${result.arcoRequestId}` : "/contacts", { kind: "success", message: "contacts.detail.erase.done", params: { id } });
      },
    },
  });
}

export default function ContactPage() {
  const { contact, consents, audit, arcoRequests, openRequests, bulletins, events, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const errorsOf = (intent: string) => intentErrors(actionData, intent);
  const name = [contact.givenName, contact.familyName].filter(Boolean).join(" ");
  return (
    <>
      <PageHeader
        title={name || contact.email}
        back={{ to: "/contacts", label: t("contacts.detail.backToList") }}
        actions={
          canEdit ? (
            <>
              <Link to={`/contacts/${contact.id}/edit`} className="button button--primary">
                {t("contacts.detail.edit")}
              </Link>
              <Link to={`/contacts/merge?a=${contact.id}`} className="button">
                {t("contacts.detail.mergeWith")}
              </Link>
            </>
          ) : undefined
        }
      >
        <p className="cd-header__meta">
          <span className="muted">{contact.email}</span>
          <ConsentBadge status={contact.consentStatus} />
          <SubscriptionBadge status={contact.subscriptionStatus} />
          <span className="muted">#{contact.id}</span>
        </p>
      </PageHeader>
      <div className="cd-grid">
        <ContactData contact={contact} />
        <div>
          <SubscriptionPanel contact={contact} canEdit={canEdit} errors={errorsOf("resubscribe")} />
          <ArcoRequestsPanel contactId={contact.id} requests={arcoRequests} canEdit={canEdit} />
        </div>
      </div>
      <ConsentPanel status={contact.consentStatus} consents={consents} canEdit={canEdit} errors={{ confirm: errorsOf("confirmConsent"), withdraw: errorsOf("withdrawConsent") }} />
      <div className="cd-grid">
        <BulletinsPanel rows={bulletins.rows} nextCursor={bulletins.nextCursor} />
        <Card title={t("contacts.detail.events.title")}>
          <ContactEventSignups items={events} />
        </Card>
      </div>
      <ArcoPanel contact={contact} openRequests={openRequests} canEdit={canEdit} errors={errorsOf("erase")} />
      <AuditPanel entries={audit.entries} nextCursor={audit.nextCursor} />
    </>
  );
}
