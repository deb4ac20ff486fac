import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Card, Facts, Field, FormActions, FormError, LinkButton, PageHeader, TextareaField } from "~/components/ui";
import { usePortalFrame } from "~/components/portal/frame";
import { Honeypot } from "~/components/portal/honeypot";
import { LocalTime } from "~/components/portal/local-time";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { getApplicant } from "~/lib/applicant-session.server";
import { parseForm, useAppForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { formBody } from "~/lib/params";
import { clientIp } from "~/modules/auth/index.server";
import { enquirySchema, PortalError } from "~/modules/portal";
import { askFromPortal, publicCall } from "~/modules/portal/index.server";

export const meta = pageTitle("portal.call.title");

/** The call, public (decision 029): dates, documents, requirements, rubric, FAQ, enquiries. */
export async function loader({ params }: LoaderFunctionArgs) {
  return publicCall(params.slug ?? "").catch(refusalResponse);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await formBody(request);
  const parsed = await parseForm(form, enquirySchema);
  if (!parsed.ok) return data({ result: parsed.reply, sent: false }, { status: 400 });
  const applicant = await getApplicant(request);
  try {
    await askFromPortal(params.slug ?? "", parsed.value, Object.fromEntries(form), { ip: clientIp(request), email: applicant?.email ?? null, applicantId: applicant?.accountId ?? null });
  } catch (error) {
    if (error instanceof PortalError && error.code === "rateLimited") return data({ result: parsed.reply({ formErrors: [error.messageKey] }), sent: false }, { status: 429 });
    return refusalResponse(error);
  }
  return data({ result: parsed.reply({ resetForm: true }), sent: true });
}

export default function CallPage() {
  const call = useLoaderData<typeof loader>();
  const frame = usePortalFrame();
  const answer = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useAppForm({ schema: enquirySchema, lastResult: answer?.result });
  const base = `/convocatoria/${call.slug}`;
  const next = frame.applicant ? (
    <LinkButton to={`${base}/solicitud`} primary>
      {t("portal.call.goToApplication")}
    </LinkButton>
  ) : (
    <LinkButton to={`${base}/registro`} primary>
      {t("portal.call.signUp")}
    </LinkButton>
  );
  return (
    <>
      <PageHeader title={call.contest.name} description={call.contest.description ?? undefined} actions={call.state === "open" ? next : undefined} />
      <Card title={t("portal.call.datesTitle")}>
        <p role="status" data-testid="call-state">
          {t(`portal.call.state.${call.state}`)}
        </p>
        <Facts
          items={[
            { key: "opens", label: t("portal.call.opensAt"), value: <LocalTime at={call.contest.opensAt} zone={call.zone} locale={locale} /> },
            { key: "closes", label: t("portal.call.closesAt"), value: <LocalTime at={call.contest.closesAt} zone={call.zone} locale={locale} /> },
            { key: "results", label: t("portal.call.resultsAt"), value: <LocalTime at={call.contest.resultsAt} zone={call.zone} locale={locale} /> },
            { key: "corrections", label: t("portal.call.correctionDays"), value: t("portal.call.days", { count: call.contest.correctionDays }) },
          ]}
        />
        {call.state === "closed" ? <p>{call.lateRule ?? t("portal.call.lateRuleDefault")}</p> : null}
      </Card>
      {call.contest.hasCall || call.contest.hasRules ? (
        <Card title={t("portal.call.documentsTitle")}>
          <ul className="portal-list">
            {call.contest.hasCall ? (
              <li>
                <a href={`${base}/documentos/call`} download>
                  {t("portal.call.callDocument")}
                </a>
              </li>
            ) : null}
            {call.contest.hasRules ? (
              <li>
                <a href={`${base}/documentos/rules`} download>
                  {t("portal.call.rulesDocument")}
                </a>
              </li>
            ) : null}
          </ul>
        </Card>
      ) : null}
      <Card title={t("portal.call.requirementsTitle")}>
        <ul className="portal-list">
          {call.requirements.map((r) => (
            <li key={r.id}>
              <strong>{r.name}</strong> {r.required ? null : <span className="muted">({t("portal.call.optional")})</span>}
              {r.description ? <div className="muted">{r.description}</div> : null}
            </li>
          ))}
        </ul>
      </Card>
      {call.criteria.length ? (
        <Card title={t("portal.call.rubricTitle")}>
          <Facts items={call.criteria.map((c) => ({ key: c.id, label: c.name, value: t("portal.call.weight", { weight: c.weight }) }))} />
        </Card>
      ) : null}
      {call.faq.length ? (
        <Card title={t("portal.call.faqTitle")}>
          <dl className="portal-faq">
            {call.faq.map((entry, i) => (
              <div key={i}>
                <dt>{entry.q}</dt>
                <dd>{entry.a}</dd>
              </div>
            ))}
          </dl>
        </Card>
      ) : null}
      <Card title={t("portal.enquiry.title")}>
        <p className="muted">{t("portal.enquiry.intro")}</p>
        {answer?.sent ? <p role="status">{t("portal.enquiry.sent")}</p> : null}
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="portal-narrow">
          <FormError error={form.errors?.[0]} />
          <Field meta={fields.organisation} label={t("portal.fields.organisation")} required autoComplete="organization" />
          <Field meta={fields.topic} label={t("portal.fields.topic")} required />
          <TextareaField meta={fields.notes} label={t("portal.fields.question")} rows={4} />
          <Honeypot idPrefix="enquiry" />
          <FormActions submitLabel={t("portal.enquiry.submit")} busy={busy} />
        </Form>
      </Card>
    </>
  );
}
