import { Form, useNavigation } from "@remix-run/react";
import { FormErrorSummary } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { getFormProps, useAppForm, type SubmissionResult } from "~/lib/forms";
import { partnerFormSchema } from "~/modules/partners";
import { FormButtons } from "./form-buttons";
import { PartnerFields, type PartnerFormValues } from "./partner-fields";

/** The first message of each field of a Conform reply ("" = the form's own → "_form"). */
function firstErrors(errors: Record<string, string[] | null | undefined> | undefined): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(errors ?? {}).map(([field, list]) => [field === "" ? "_form" : field, list?.[0]]));
}

/**
 * The institution form of /partners/new and /partners/<id>/edit: one zod schema checked in the
 * browser (on blur) and, the authority, on the server; it still posts without JavaScript.
 */
export function PartnerForm({
  lastResult,
  defaults,
  parent,
  selfId,
  countries,
  submitLabel,
  cancelTo,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaults: PartnerFormValues;
  parent?: { id: string; name: string; acronym: string | null } | null;
  selfId?: string;
  countries: ReadonlyArray<{ code: string; name: string }>;
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form] = useAppForm({ schema: partnerFormSchema, lastResult, defaultValue: defaults });
  const errors = firstErrors(form.allErrors);
  const values = (form.initialValue ?? defaults) as PartnerFormValues;
  return (
    <Form method="post" className="panel" {...getFormProps(form)}>
      <FormErrorSummary errors={errors} labels={{ name: t("partners.fields.name"), kind: t("partners.fields.kind"), website: t("partners.fields.website") }} />
      <PartnerFields values={values} errors={errors} parent={parent} selfId={selfId} countries={countries} />
      <FormButtons submitLabel={submitLabel} cancelTo={cancelTo} busy={busy} />
    </Form>
  );
}
