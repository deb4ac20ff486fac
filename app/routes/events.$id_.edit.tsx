import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/ui";
import { pageTitle } from "~/components/contact-detail/meta";
import { EventForm, eventToFormValues, formDataToObject, postedEventValues } from "~/components/events/event-form";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { requireActor } from "~/lib/actor.server";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { EventError, findEvent, listPartnerOptions, updateEvent } from "~/modules/events/index.server";
import { eventFormSchema } from "~/modules/events";
import { INTL_LOCALE } from "~/i18n";
import { countryChoices } from "~/modules/geo";
import { formBody, idParam, notFound } from "~/lib/params";

export const meta = pageTitle("events.form.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:event");
  const event = await findEvent(idParam(request, params.id, "key"));
  if (!event) throw notFound(request);
  return {
    id: event.id,
    name: event.name,
    values: eventToFormValues({ ...event, partnerIds: event.partners.map((p) => p.partnerId) }),
    partners: await listPartnerOptions(),
    countries: countryChoices(INTL_LOCALE[user.locale]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:event");
  const id = idParam(request, params.id, "key");
  const form = await formBody(request);
  const values = postedEventValues(form);
  const parsed = eventFormSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const { changed } = await updateEvent(actor, id, parsed.data);
    return redirectWithToast(`/events/${id}`, changed ? { kind: "success", message: "events.form.saved" } : { kind: "info", message: "events.form.unchanged" });
  } catch (error) {
    if (error instanceof EventError) {
      if (error.code === "notFound") throw notFound(request);
      return data({ errors: { partnerIds: error.messageKey } as Record<string, string>, values }, { status: 400 });
    }
    throw error;
  }
}

export default function EditEventPage() {
  const { id, name, values, partners, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("events.form.editTitle")} description={name} back={{ to: `/events/${id}`, label: t("events.detail.back") }} />
      <EventForm values={actionData?.values ?? values} errors={actionData?.errors ?? {}} partners={partners} countries={countries} submitLabel={t("common.save")} cancelTo={`/events/${id}`} />
    </>
  );
}
