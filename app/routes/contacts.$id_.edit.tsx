import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ContactFields, ContactFormAlert, contactToFormValues, postedValues } from "~/components/contact-detail/contact-fields";
import { pageTitle } from "~/i18n/meta";
import { FormActions, PageHeader } from "~/components/ui";
import { contactDetailLinks } from "~/components/contact-detail/styles";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { requireActor } from "~/lib/actor.server";
import { ContactError, contactFormSchema, findContact, updateContact } from "~/modules/contacts/index.server";
import { countryChoices } from "~/modules/geo";
import { INTL_LOCALE } from "~/i18n";
import { formBody, notFound, requireParam } from "~/lib/params";

export const meta = pageTitle("contacts.form.editTitle");
export const links = contactDetailLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:contact");
  const id = requireParam(params, "id", "int");
  const contact = await findContact(id);
  if (!contact) throw notFound(request);
  return { id, email: contact.email, values: contactToFormValues(contact), countries: countryChoices(INTL_LOCALE[user.locale]) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:contact");
  const id = requireParam(params, "id", "int");
  const form = Object.fromEntries(await formBody(request));
  const values = postedValues(form);
  const parsed = contactFormSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values, existingId: null as number | null }, { status: 400 });
  try {
    const { changed } = await updateContact(actor, id, parsed.data);
    return redirectWithToast(
      `/contacts/${id}`,
      changed ? { kind: "success", message: "contacts.form.saved" } : { kind: "info", message: "contacts.form.unchanged" },
    );
  } catch (error) {
    if (error instanceof ContactError) {
      if (error.code === "notFound") throw notFound(request);
      return data({ errors: { email: error.messageKey } as Record<string, string>, values, existingId: error.existingId ?? null }, { status: 400 });
    }
    throw error;
  }
}

export default function EditContactPage() {
  const { id, email, values, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <>
      <PageHeader title={t("contacts.form.editTitle")} description={email} back={{ to: `/contacts/${id}`, label: t("contacts.detail.backToContact") }} />
      <Form method="post" noValidate className="panel">
        <ContactFormAlert existingId={actionData?.existingId} errors={errors} />
        <p className="cd-note">{t("contacts.form.editHint")}</p>
        <ContactFields values={actionData?.values ?? values} errors={errors} countries={countries} />
        <FormActions submitLabel={t("common.save")} busy={busy} cancelTo={`/contacts/${id}`} />
      </Form>
    </>
  );
}
