/** The contest part's cutoff date (its figures count projects received up to that day). */
import { Form } from "@remix-run/react";
import { DateTimeField } from "~/components/ui";
import { useT } from "~/i18n/use-t";

export function CutoffForm({ month, value, error, busy }: { month: string; value: string; error?: string; busy: boolean }) {
  const t = useT();
  return (
    <Form method="post" action={`/reports/${month}#contest-cutoff`} id="contest-cutoff" className="report-cutoff" noValidate>
      <input type="hidden" name="intent" value="cutoff" />
      <DateTimeField dateOnly name="cutoff" idPrefix="contest" label={t("reports.cutoff.label")} hint={t("reports.cutoff.hint")} defaultValue={value} error={error} />
      <button type="submit" className="button" disabled={busy}>
        {t("reports.cutoff.save")}
      </button>
    </Form>
  );
}
