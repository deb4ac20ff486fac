import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Card, Facts, Field, FormActions, FormError, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { requireApplicant } from "~/lib/applicant-session.server";
import { formatDateTime } from "~/lib/format";
import { replyFor, useAppForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { handleIntents } from "~/lib/intents.server";
import { formBody } from "~/lib/params";
import { clientIp } from "~/modules/auth/index.server";
import { inviteSchema, organisationSchema, PortalError, revokeInviteSchema } from "~/modules/portal";
import { callBySlug, createOrganisation, getOrganisation, inviteMember, organisationMembers, revokeInvitation } from "~/modules/portal/index.server";
import { contestZone } from "~/modules/contest/index.server";

export const meta = pageTitle("portal.organisation.title");

/** Without an organisation: the form that creates it. With one: its members and invitations. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const applicant = await requireApplicant(request, call.slug);
  if (!applicant.organisationId) return { organisation: null, members: null, zone: null, invited: false };
  const [organisation, members, zone] = await Promise.all([getOrganisation(applicant), organisationMembers(applicant), contestZone()]);
  return { organisation, members, zone, invited: new URL(request.url).searchParams.has("invited") };
}

/**
 * create: the account's organisation, once (matched against civil-society partners for the office
 * to confirm). invite / revoke: a member's invitation by mail, and its withdrawal while pending.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const applicant = await requireApplicant(request, call.slug);
  const ctx = { ip: clientIp(request) };
  const base = `/convocatoria/${call.slug}`;
  const form = await formBody(request);
  // The creation form of the first release posted no intent.
  if (!form.has("intent")) form.set("intent", "create");
  return handleIntents(
    request,
    {
      create: {
        schema: organisationSchema,
        run: async (value) => {
          try {
            await createOrganisation(applicant, value, ctx);
          } catch (error) {
            if (!(error instanceof PortalError && error.code === "hasOrganisation")) throw error;
          }
          return redirect(`${base}/solicitud`);
        },
      },
      invite: {
        schema: inviteSchema,
        run: async (value) => {
          await inviteMember(applicant, value, call.slug, ctx);
          return redirect(`${base}/organizacion?invited=1`);
        },
      },
      revoke: {
        schema: revokeInviteSchema,
        run: async (value) => {
          await revokeInvitation(applicant, value.invitationId, ctx);
          return redirect(`${base}/organizacion`);
        },
      },
    },
    { formData: form },
  );
}

export default function OrganisationPage() {
  const page = useLoaderData<typeof loader>();
  return page.organisation && page.members ? <Members page={{ ...page, organisation: page.organisation, members: page.members }} /> : <CreateOrganisation />;
}

function CreateOrganisation() {
  const t = useT();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useAppForm({ schema: organisationSchema, lastResult: replyFor(answer, "create") });
  return (
    <div className="portal-narrow">
      <PageHeader title={t("portal.organisation.title")} description={t("portal.organisation.intro")} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <input type="hidden" name="intent" value="create" />
        <FormError error={form.errors?.[0]} />
        <Field meta={fields.name} label={t("portal.fields.orgName")} autoComplete="organization" required />
        <Field meta={fields.taxId} label={t("portal.fields.taxId")} hint={t("portal.fields.taxIdHint")} />
        <Field meta={fields.state} label={t("portal.fields.state")} autoComplete="address-level1" />
        <Field meta={fields.city} label={t("portal.fields.city")} autoComplete="address-level2" />
        <Field meta={fields.contactName} label={t("portal.fields.contactName")} autoComplete="name" required />
        <Field meta={fields.phone} type="tel" label={t("portal.fields.phone")} autoComplete="tel" />
        <FormActions submitLabel={t("portal.organisation.submit")} busy={busy} />
      </Form>
    </div>
  );
}

type MembersPage = Awaited<ReturnType<typeof loader>> & {
  organisation: NonNullable<Awaited<ReturnType<typeof loader>>["organisation"]>;
  members: NonNullable<Awaited<ReturnType<typeof loader>>["members"]>;
};

function Members({ page }: { page: MembersPage }) {
  const t = useT();
  const locale = useLocale();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useAppForm({ schema: inviteSchema, lastResult: replyFor(answer, "invite") });
  const revokeError = replyFor(answer, "revoke")?.error?.[""]?.[0];
  const { organisation, members } = page;
  const at = (iso: string) => formatDateTime(iso, locale, page.zone ?? "UTC", { zoneName: true });
  const full = members.accounts.length + members.invitations.length >= members.max;
  return (
    <>
      <PageHeader title={organisation.name} description={t("portal.members.intro")} />
      <Card title={t("portal.organisation.title")}>
        <Facts
          items={[
            { key: "taxId", label: t("portal.fields.taxId"), value: organisation.taxId ?? "—" },
            { key: "place", label: t("portal.fields.city"), value: [organisation.city, organisation.state].filter(Boolean).join(", ") || "—" },
            { key: "contact", label: t("portal.fields.contactName"), value: organisation.contactName ?? "—" },
          ]}
        />
      </Card>
      <Card title={t("portal.members.title", { count: members.accounts.length, max: members.max })}>
        <ul className="portal-list" data-testid="members">
          {members.accounts.map((m) => (
            <li key={m.id}>
              {m.email} {m.you ? <span className="muted">({t("portal.members.you")})</span> : null}
            </li>
          ))}
        </ul>
        <h3>{t("portal.members.pendingTitle")}</h3>
        {members.invitations.length === 0 ? (
          <p className="muted">{t("portal.members.noPending")}</p>
        ) : (
          <ul className="portal-list" data-testid="invitations">
            {members.invitations.map((i) => (
              <li key={i.id}>
                {i.email} <span className="muted">· {t("portal.members.expires", { at: at(i.expiresAt) })}</span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="invitationId" value={i.id} />
                  <button type="submit" name="intent" value="revoke" className="link-button">
                    {t("portal.members.revoke", { email: i.email })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <FormError error={revokeError} />
      </Card>
      <Card title={t("portal.members.inviteTitle")}>
        {page.invited ? <p role="status">{t("portal.members.invited")}</p> : null}
        {full ? (
          <p role="status">{t("portal.errors.membersFull", { max: members.max })}</p>
        ) : (
          // A new invitation remounts the form, so the address just invited does not stay typed in.
          <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate key={members.invitations.map((i) => i.id).join()}>
            <FormError error={form.errors?.[0]} params={{ max: members.max }} />
            <Field meta={fields.email} type="email" label={t("portal.members.email")} hint={t("portal.members.emailHint")} autoComplete="off" required errorParams={{ max: members.max }} />
            <FormActions submitLabel={t("portal.members.invite")} intent="invite" busy={busy} />
          </Form>
        )}
      </Card>
    </>
  );
}
