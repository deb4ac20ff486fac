import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { pageTitle } from "~/components/contest/meta";
import { ContestHeader, contestLinks } from "~/components/contest/ui";
import { Card, DataTable, EmptyState, Field, FormActions, FormError, SelectField, StatusBadge, TextareaField, type Column } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { replyFor, useAppForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { handleIntents } from "~/lib/intents.server";
import { routeParams } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { contestFrame, organisationOptions } from "~/modules/contest/index.server";
import { confirmMatchSchema, faqFromText, faqSchema, faqToText, publishSchema } from "~/modules/portal";
import { confirmMatch, portalOrganisations, portalSettings, publishPortal, savePortalSettings } from "~/modules/portal/index.server";

export const meta = pageTitle("portal.staff.title");
export const links = contestLinks;

/** The office's side of the applicant portal: its address, FAQ and late rule; organisations to confirm. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "edit:contest");
  const { contestId } = routeParams(request, params, { contestId: "key" });
  const [frame, settings, organisations, partners] = await Promise.all([contestFrame(contestId).catch(refusalResponse), portalSettings(contestId), portalOrganisations(contestId), organisationOptions()]);
  return { ...frame, canEdit: true, settings: settings ? { ...settings, faqText: faqToText(settings.faq) } : null, organisations, partners: partners.map((p) => ({ value: p.id, label: p.name })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:contest");
  const { contestId } = routeParams(request, params, { contestId: "key" });
  const back = `/contest/${contestId}/portal`;
  return handleIntents(request, {
    publish: { schema: publishSchema, run: async (v) => (await publishPortal(actor, contestId, v.slug), redirectWithToast(back, { kind: "success", message: "portal.staff.saved" })) },
    settings: { schema: faqSchema, run: async (v) => (await savePortalSettings(actor, contestId, { faq: faqFromText(v.faq), lateRule: v.lateRule }), redirectWithToast(back, { kind: "success", message: "portal.staff.saved" })) },
    confirm: { schema: confirmMatchSchema, run: async (v) => (await confirmMatch(actor, contestId, v.organisationId, v.partnerId), redirectWithToast(back, { kind: "success", message: "portal.staff.confirmed" })) },
  });
}

type Org = Awaited<ReturnType<typeof loader>>["organisations"][number];

export default function PortalStaffPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [publishForm, publishFields] = useAppForm({ schema: publishSchema, lastResult: replyFor(answer, "publish"), defaultValue: { slug: page.settings?.slug ?? "" } });
  const [settingsForm, settingsFields] = useAppForm({ schema: faqSchema, lastResult: replyFor(answer, "settings"), defaultValue: { faq: page.settings?.faqText ?? "", lateRule: page.settings?.lateRule ?? "" } });
  const confirmError = replyFor(answer, "confirm")?.error;
  const columns: Column<Org>[] = [
    { key: "name", header: t("portal.staff.organisation"), primary: true, cell: (o) => <>{o.name}{o.taxId ? <div className="muted">{o.taxId}</div> : null}</> },
    { key: "emails", header: t("portal.staff.accounts"), cell: (o) => o.emails.join(", ") },
    { key: "partner", header: t("portal.staff.partner"), cell: (o) => (o.partner ? <Link to={`/partners/${o.partner.id}`}>{o.partner.name}</Link> : t("portal.staff.noMatch")) },
    {
      key: "confirm",
      header: t("portal.staff.match"),
      cell: (o) =>
        o.confirmed ? (
          <StatusBadge tone="success">{t("portal.staff.isConfirmed")}</StatusBadge>
        ) : (
          <Form method="post">
            <input type="hidden" name="organisationId" value={o.id} />
            <SelectField name="partnerId" idPrefix={`org-${o.id}`} label={t("portal.staff.pickPartner")} placeholder={o.partner ? o.partner.name : t("portal.staff.noMatch")} options={page.partners} />
            <FormActions submitLabel={t("portal.staff.confirm")} intent="confirm" busy={busy} />
          </Form>
        ),
    },
  ];
  return (
    <>
      <ContestHeader frame={page} title={t("portal.staff.title")} />
      <Card title={t("portal.staff.publishTitle")}>
        {page.settings ? (
          <p>
            <Link to={`/convocatoria/${page.settings.slug}`}>/convocatoria/{page.settings.slug}</Link>
          </p>
        ) : null}
        <Form method="post" id={publishForm.id} onSubmit={publishForm.onSubmit} noValidate>
          <Field meta={publishFields.slug} label={t("portal.staff.slug")} hint={t("portal.staff.slugHint")} required />
          <FormActions submitLabel={t("portal.staff.publish")} intent="publish" busy={busy} />
        </Form>
      </Card>
      {page.settings ? (
        <Card title={t("portal.staff.settingsTitle")}>
          <Form method="post" id={settingsForm.id} onSubmit={settingsForm.onSubmit} noValidate>
            <TextareaField meta={settingsFields.faq} label={t("portal.staff.faq")} hint={t("portal.staff.faqHint")} rows={8} />
            <TextareaField meta={settingsFields.lateRule} label={t("portal.staff.lateRule")} hint={t("portal.call.lateRuleDefault")} rows={3} />
            <FormActions submitLabel={t("portal.staff.save")} intent="settings" busy={busy} />
          </Form>
        </Card>
      ) : null}
      <Card title={t("portal.staff.organisationsTitle")}>
        <FormError error={confirmError ? Object.values(confirmError)[0]?.[0] : undefined} />
        {page.organisations.length ? <DataTable rows={page.organisations} columns={columns} rowKey={(o) => o.id} label={t("portal.staff.organisationsTitle")} /> : <EmptyState message={t("portal.staff.noOrganisations")} />}
      </Card>
    </>
  );
}
