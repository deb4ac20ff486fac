import { Form } from "@remix-run/react";
import { Card, type CountryChoice, CountryField, Field, FieldError, FormActions, FormErrorSummary, useFormatNumber } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { SubmissionResult } from "~/lib/forms";
import { MICROSITE_TOP } from "~/modules/communications";

type Microsite = { visits?: number; countries?: number; topNames: string[]; stored: { visits: number; countries: number; topCountries: string[] } | null };

/** The microsite's month: visits, countries of origin and the top countries (by name); staff only. */
export function MicrositePanel({ microsite, countries, editable, reply, busy }: { microsite: Microsite; countries: readonly CountryChoice[]; editable: boolean; reply?: SubmissionResult<string[]>; busy: boolean }) {
  const t = useT();
  const format = useFormatNumber();
  const num = (v: number | undefined) => (v === undefined ? "—" : format(v));
  const sent = reply?.initialValue as { visits?: string; countries?: string; topCountries?: string | string[] } | undefined;
  const errors = reply?.error ?? {};
  const error = (name: string) => errors[name]?.[0];
  const top = sent ? [sent.topCountries ?? []].flat() : (microsite.stored?.topCountries ?? []);
  const shown = (stored: number | undefined, typed: string | undefined) => (sent ? (typed ?? "") : stored === undefined ? "" : String(stored));
  return (
    <div id="microsite">
      <Card title={t("communications.microsite.title")}>
      {microsite.stored ? (
        <p>
          {t("communications.microsite.summary", { visits: num(microsite.visits), countries: num(microsite.countries) })}
          {microsite.topNames.length ? ` ${t("communications.microsite.top", { countries: microsite.topNames.join(", ") })}` : ""}
        </p>
      ) : (
        <p className="muted">{t("communications.month.noFigures")}</p>
      )}
      {editable ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="microsite" />
          {Object.keys(errors).length ? <FormErrorSummary errors={[{ message: "communications.errors.fix" }]} /> : null}
          <div className="form-grid">
            <Field name="visits" idPrefix="microsite" label={t("communications.microsite.visits")} defaultValue={shown(microsite.stored?.visits, sent?.visits)} error={error("visits")} inputMode="numeric" required />
            <Field name="countries" idPrefix="microsite" label={t("communications.microsite.countries")} defaultValue={shown(microsite.stored?.countries, sent?.countries)} error={error("countries")} inputMode="numeric" required />
          </div>
          <fieldset>
            <legend>{t("communications.microsite.topLegend")}</legend>
            <FieldError error={error("topCountries")} />
            <div className="form-grid">
              {Array.from({ length: MICROSITE_TOP }, (_, i) => (
                <CountryField key={i} name="topCountries" id={`microsite-top-${i}`} label={t("communications.microsite.place", { place: i + 1 })} countries={countries} placeholder={t("communications.microsite.none")} defaultValue={top[i] ?? ""} error={error(`topCountries[${i}]`)} />
              ))}
            </div>
          </fieldset>
          <FormActions submitLabel={t("communications.month.save")} busy={busy} />
        </Form>
      ) : null}
      </Card>
    </div>
  );
}
