import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { ContactFields, ContactFormAlert, postedValues } from "~/components/contact-detail/contact-fields";
import { pageTitle } from "~/i18n/meta";
import { FormActions, PageHeader, TextareaField } from "~/components/ui";
import { contactDetailLinks } from "~/components/contact-detail/styles";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { requireActor } from "~/lib/actor.server";
import { ContactError, createContact, parseCreateContactForm } from "~/modules/contacts/index.server";
import { countryChoices } from "~/modules/geo";
import { INTL_LOCALE } from "~/i18n";
import { currentPrivacyNotice } from "~/modules/settings/index.server";
import { formBody } from "~/lib/params";

export const meta = pageTitle("contacts.form.newTitle");
export const links = contactDetailLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:contact");
  const notice = await currentPrivacyNotice();
  return { noticeVersion: notice?.version ?? null, countries: countryChoices(INTL_LOCALE[user.locale]) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:contact");
  const form = Object.fromEntries(await formBody(request));
  const values = postedValues(form);
  const parsed = parseCreateContactForm(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values, existingId: null as number | null }, { status: 400 });
  try {
    const contact = await createContact(actor, parsed.data.contact, parsed.data.consent);
    return redirectWithToast(`/contacts/${contact.id}`, { kind: "success", message: "contacts.form.created" });
  } catch (error) {
    if (error instanceof ContactError && (error.code === "emailTaken" || error.code === "suppressed")) {
      return data({ errors: { email: error.messageKey } as Record<string, string>, values, existingId: error.existingId ?? null }, { status: 400 });
    }
    throw error;
  }
}

export default function NewContactPage() {
  const { noticeVersion, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const [consent, setConsent] = useState(values.consentStatus ?? "");
  return (
    <>
      <PageHeader title={t("contacts.form.newTitle")} description={t("contacts.form.newIntro")} back={{ to: "/contacts", label: t("contacts.detail.backToList") }} />
      <Form method="post" noValidate className="panel">
        <ContactFormAlert existingId={actionData?.existingId} errors={errors} />
        <ContactFields values={values} errors={errors} countries={countries} />
        <fieldset className="cd-fieldset" aria-describedby={errors.consentStatus ? "consent-error" : "consent-hint"}>
          <legend>
            {t("contacts.form.consent.legend")} <span aria-hidden="true">*</span>
          </legend>
          <p className="hint muted" id="consent-hint">
            {noticeVersion ? t("contacts.form.consent.hint", { version: noticeVersion }) : t("contacts.form.consent.hintNoNotice")}
          </p>
          <label className="cd-radio">
            <input type="radio" name="consentStatus" value="CONFIRMED" checked={consent === "CONFIRMED"} onChange={() => setConsent("CONFIRMED")} />
            <span>{t("contacts.form.consent.confirmed")}</span>
          </label>
          <label className="cd-radio">
            <input type="radio" name="consentStatus" value="PENDING" checked={consent === "PENDING"} onChange={() => setConsent("PENDING")} />
            <span>{t("contacts.form.consent.pending")}</span>
          </label>
          {errors.consentStatus ? (
            <p className="field-error" id="consent-error">
              {t(errors.consentStatus)}
            </p>
          ) : null}
          <TextareaField
            name="consentBasis"
            label={t("contacts.form.consent.basis")}
            hint={t("contacts.form.consent.basisHint")}
            defaultValue={values.consentBasis}
            error={errors.consentBasis}
            required={consent === "CONFIRMED"}
          />
        </fieldset>
        <FormActions submitLabel={t("contacts.form.create")} busy={busy} cancelTo="/contacts" />
      </Form>
    </>
  );
}
