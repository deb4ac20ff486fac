import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/ui";
import { pageTitle } from "~/components/contact-detail/meta";
import { EventForm, formDataToObject, postedEventValues, type EventFormValues } from "~/components/events/event-form";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { requireActor } from "~/lib/actor.server";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { createEvent, EventError, listPartnerOptions, viewerZone } from "~/modules/events/index.server";
import { eventFormSchema } from "~/modules/events";
import { INTL_LOCALE } from "~/i18n";
import { countryChoices } from "~/modules/geo";
import { formBody } from "~/lib/params";

export const meta = pageTitle("events.form.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:event");
  const defaults: EventFormValues = { status: "PLANNED", timeZone: await viewerZone(user), partnerIds: [] };
  return { partners: await listPartnerOptions(), countries: countryChoices(INTL_LOCALE[user.locale]), defaults };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:event");
  const form = await formBody(request);
  const values = postedEventValues(form);
  const parsed = eventFormSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const event = await createEvent(actor, parsed.data);
    return redirectWithToast(`/events/${event.id}`, { kind: "success", message: "events.form.created" });
  } catch (error) {
    if (error instanceof EventError) return data({ errors: { partnerIds: error.messageKey } as Record<string, string>, values }, { status: 400 });
    throw error;
  }
}

export default function NewEventPage() {
  const { partners, countries, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("events.form.newTitle")} description={t("events.form.newIntro")} />
      <EventForm
        values={actionData?.values ?? defaults}
        errors={actionData?.errors ?? {}}
        partners={partners}
        countries={countries}
        submitLabel={t("events.form.create")}
        cancelTo="/events"
      />
    </>
  );
}
