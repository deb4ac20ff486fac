import { useState } from "react";
import { useT } from "~/i18n/use-t";
import { COUNTRIES_WITH_SUBDIVISIONS, subdivisionOptions } from "~/modules/geo";

type Props = {
  /** From the loader (countryChoices): names computed where the page is served. */
  countries: ReadonlyArray<{ code: string; name: string }>;
  country: string;
  state: string;
  errors: { country?: string; state?: string };
  labels: { country: string; state: string; noCountry: string; noState: string; stateHint?: string };
  idPrefix?: string;
};

/**
 * A country select (ISO codes, localised names) and the state: a select of ISO 3166-2 codes for the
 * United States, Canada and Mexico, free text elsewhere. Without JavaScript the state is a text box
 * until the form is posted once with the country (the server codes what was typed, or asks).
 */
export function RegionFields({ countries: choices, country, state, errors, labels, idPrefix = "field" }: Props) {
  const t = useT();
  const [chosen, setChosen] = useState(country);
  const coded = COUNTRIES_WITH_SUBDIVISIONS.includes(chosen);
  const legacyCountry = country && !choices.some((c) => c.code === country) ? country : null;
  const options = coded ? subdivisionOptions(chosen) : [];
  const legacyState = coded && state && !options.some(([code]) => code === state) ? state : null;
  const countryId = `${idPrefix}-country`;
  const stateId = `${idPrefix}-state`;
  const described = (id: string, error?: string, hint?: string) => [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <div className="field">
        <label htmlFor={countryId}>{labels.country}</label>
        <select
          id={countryId}
          name="country"
          defaultValue={country}
          onChange={(e) => setChosen(e.currentTarget.value)}
          aria-invalid={errors.country ? true : undefined}
          aria-describedby={described(countryId, errors.country)}
        >
          <option value="">{labels.noCountry}</option>
          {legacyCountry ? <option value={legacyCountry}>{legacyCountry}</option> : null}
          {choices.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {errors.country ? (
          <p className="field-error" id={`${countryId}-error`}>
            {t(errors.country)}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={stateId}>{labels.state}</label>
        {labels.stateHint ? (
          <p className="hint" id={`${stateId}-hint`}>
            {labels.stateHint}
          </p>
        ) : null}
        {coded ? (
          <select
            key={chosen}
            id={stateId}
            name="state"
            defaultValue={chosen === country ? state : ""}
            aria-invalid={errors.state ? true : undefined}
            aria-describedby={described(stateId, errors.state, labels.stateHint)}
          >
            <option value="">{labels.noState}</option>
            {legacyState && chosen === country ? <option value={legacyState}>{legacyState}</option> : null}
            {options.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={stateId}
            name="state"
            defaultValue={COUNTRIES_WITH_SUBDIVISIONS.includes(country) ? "" : state}
            maxLength={120}
            autoComplete="off"
            aria-invalid={errors.state ? true : undefined}
            aria-describedby={described(stateId, errors.state, labels.stateHint)}
          />
        )}
        {errors.state ? (
          <p className="field-error" id={`${stateId}-error`}>
            {t(errors.state)}
          </p>
        ) : null}
      </div>
    </>
  );
}
